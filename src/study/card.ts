/**
 * What a card asks: which service a feature explanation belongs to, which feature of a service an
 * explanation describes, or which term fills a gap in a sentence.
 */
export type CardKind = 'service' | 'feature' | 'gap';

/** One multiple-choice question generated from a chunk. */
export interface Card {
  /** Stable id from the kind, the chunk id and what is blanked: `gap-0a1b2c3d4e5`. */
  id: string;
  kind: CardKind;
  /** The question above the stem: "Which service does this describe?". */
  prompt: string;
  /** The explanation or sentence with the answer masked as `___`. */
  stem: string;
  /** Options in a deterministic order seeded by the id; no two are the same after normalisation. */
  options: string[];
  /** Index of the correct option in `options`. */
  answer: number;
  /** The chunk the card comes from. */
  chunkId: string;
  /** The chunk's heading trail, to show with the answer. */
  headings: string[];
}

/** How cards are generated. */
export interface CardOptions {
  /** Which kinds of card to generate. */
  kinds: readonly CardKind[];
  /** Options per card, the correct one included; "which service" cards always have exactly this many. */
  optionCount: number;
  /** Fewest options a "which feature" or "fill the gap" card may have. */
  minOptions: number;
  /** Largest share of an explanation's words that masking may hide; past it the stem is unreadable. */
  maxMaskedShare: number;
  /** Fewest content words a masked explanation must keep visible. */
  minVisibleWords: number;
  /** Fewest words a sentence needs to become a "fill the gap" card. */
  minSentenceWords: number;
  /** A word is informative enough to blank when at most this many chunks of its chapter use it. */
  rareWordChunks: number;
  /** Shortest word that may be blanked as an informative word. */
  minWordLength: number;
  /** Only the cards of this chapter (its file); null for every chapter's. */
  chapter: string | null;
}

/**
 * Defaults for `generateCards`.
 *
 * @public Every `defaultX` is exported so callers can read what they override (STYLE.md).
 */
export const defaultCardOptions: CardOptions = {
  kinds: ['service', 'feature', 'gap'],
  optionCount: 4,
  minOptions: 3,
  maxMaskedShare: 0.3,
  minVisibleWords: 8,
  minSentenceWords: 8,
  rareWordChunks: 2,
  minWordLength: 5,
  chapter: null,
};
