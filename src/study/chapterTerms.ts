import type { Chapter, Chunk } from '../content/chapter.js';
import type { Service } from '../search/services.js';
import type { CardOptions } from './card.js';
import type { Material } from './material.js';
import { continuesName, isNameLike } from './isNameLike.js';
import { isNumber, readFigure } from './readFigure.js';
import { bare, isContentWord, labelOf, type TextWords, type Word } from './textWords.js';

/** What a blank can hold: a figure with its unit, a product or proper name, or an informative word. */
export type TermKind = 'figure' | 'name' | 'word';

/** A term of a chapter that a "fill the gap" card may blank or offer as a distractor. */
export interface Term {
  kind: TermKind;
  /** Normalised form: two terms with one key are the same option. */
  key: string;
  /** As the chapter first writes it, without vendor prefix: "40 GB", "X9", "sharding". */
  label: string;
  /** Terms of one family make credible distractors for each other (same unit, same kind of name). */
  family: string;
  stems: string[];
  /** Glossary or service-name terms that stand for it; a synonym shares one. */
  concepts: Set<string>;
  /** Chunks that mention it. */
  chunkIds: Set<string>;
  /** A figure's value in its unit without SI prefix (40 GB → 4e10); NaN for other kinds. */
  value: number;
  /** The service a name names, if any. */
  service: Service | null;
  /** How many chunks of the chapter use its first stem; how rare, hence informative, it is. */
  chunkCount: number;
}

/** One place a term appears: words [start, end) of a chunk. */
export interface Occurrence {
  term: Term;
  chunk: Chunk;
  start: number;
  end: number;
}

/** A chapter's terms, where they appear, and which content words the chapter puts side by side. */
export interface ChapterTerms {
  terms: Term[];
  /** In reading order. */
  occurrences: Occurrence[];
  /**
   * Adjacent content stems ("a\u0000b") anywhere in the chapter, each with the sentences that hold it
   * ("chunk id\u0000sentence"): what the chapter says goes together, and where.
   */
  pairs: Map<string, Set<string>>;
}

/**
 * Collect the figures, names and rare words of a chapter that "fill the gap" cards can blank.
 *
 * @param material What the index offers cards.
 * @param chapter The chapter.
 * @param options Card options (what counts as a rare word).
 */
export function collectTerms(material: Material, chapter: Chapter, options: CardOptions): ChapterTerms {
  const texts = chapter.chunks.map((chunk) => ({ chunk, words: material.wordsOf(chunk) }));
  const chunkCount = new Map<string, number>();
  const lowerCase = new Set<string>();
  const capitalisedMidSentence = new Set<string>();
  const numbersBefore = new Map<string, Set<string>>();
  const pairs = new Map<string, Set<string>>();
  for (const { chunk, words } of texts) {
    for (const stem of new Set(words.words.map((word) => word.stem)))
      chunkCount.set(stem, (chunkCount.get(stem) ?? 0) + 1);
    let previous: Word | null = null;
    for (const [i, word] of words.words.entries()) {
      if (/^\p{Ll}/u.test(word.raw)) lowerCase.add(word.norm);
      else if (/^\p{Lu}/u.test(word.raw) && !word.isSentenceStart) capitalisedMidSentence.add(word.norm);
      const before = words.words[i - 1];
      if (
        before !== undefined &&
        isNumber(before) &&
        before.sentence === word.sentence &&
        /^\p{L}+$/u.test(word.norm)
      ) {
        numbersBefore.set(word.norm, (numbersBefore.get(word.norm) ?? new Set()).add(before.norm));
      }
      if (!isContentWord(word) || material.vendorStems.has(word.stem)) continue;
      if (previous !== null && previous.sentence === word.sentence) {
        const pair = `${previous.stem}\u0000${word.stem}`;
        pairs.set(pair, (pairs.get(pair) ?? new Set()).add(`${chunk.id}\u0000${word.sentence}`));
      }
      previous = word;
    }
  }
  const terms = new Map<string, Term>();
  const occurrences: Occurrence[] = [];
  const vendorBefore = new Set<Term>();
  const add = (
    kind: TermKind,
    chunk: Chunk,
    text: TextWords,
    start: number,
    end: number,
    extra: Partial<Term> = {},
  ): Term => {
    const words = text.words.slice(start, end);
    const key = kind === 'figure' ? (extra.key ?? '') : words.map((word) => word.stem).join(' ');
    let term = terms.get(`${kind}\u0000${key}`);
    if (term === undefined) {
      term = {
        kind,
        key,
        label: labelOf(text, start, end),
        family: kind,
        stems: words.map((word) => word.stem),
        concepts: new Set(text.matches.filter((m) => m.start === start && m.end === end).map((m) => m.term)),
        chunkIds: new Set(),
        value: Number.NaN,
        service: null,
        chunkCount: chunkCount.get(words[0]!.stem) ?? 0,
        ...extra,
      };
      terms.set(`${kind}\u0000${key}`, term);
    }
    term.chunkIds.add(chunk.id);
    occurrences.push({ term, chunk, start, end });
    return term;
  };

  for (const { chunk, words: text } of texts) {
    const words = text.words;
    const used = new Array<boolean>(words.length).fill(false);
    const isName = (i: number): boolean => isNameLike(words, i, capitalisedMidSentence);
    for (let i = 0; i < words.length; i++) {
      const figure = readFigure(text, i, isName, numbersBefore);
      if (figure === null) continue;
      for (let k = i; k < figure.end; k++) used[k] = true;
      add('figure', chunk, text, i, figure.end, {
        key: figure.key,
        family: figure.family,
        value: figure.value,
      });
      i = figure.end - 1;
    }
    for (let i = 0; i < words.length; i++) {
      if (used[i] || isNumber(words[i]!) || !isName(i)) continue;
      let end = i + 1;
      while (end < words.length && !used[end] && continuesName(words, end, isName)) end++;
      for (let k = i; k < end; k++) used[k] = true;
      let start = i;
      while (start < end && material.vendorStems.has(words[start]!.stem)) start++;
      const single = words[start];
      const isCommonWord =
        end - start === 1 &&
        single !== undefined &&
        /^\p{Lu}\p{Ll}+$/u.test(bare(single.raw)) &&
        lowerCase.has(single.norm);
      if (start < end && !isCommonWord) {
        const term = add('name', chunk, text, start, end);
        if (start > i) vendorBefore.add(term);
      }
      i = end - 1;
    }
    for (const [i, word] of words.entries()) {
      if (used[i] || word.isSentenceStart || !isContentWord(word) || material.vendorStems.has(word.stem))
        continue;
      if (!/^\p{Ll}+$/u.test(bare(word.raw)) || word.norm.length < options.minWordLength) continue;
      if ((chunkCount.get(word.stem) ?? 0) > options.rareWordChunks) continue;
      add('word', chunk, text, i, i + 1, { family: `word:${word.norm.slice(-3)}` });
    }
  }
  for (const term of terms.values())
    if (term.kind === 'name') classifyName(material, term, vendorBefore.has(term), chapter.title);
  return { terms: [...terms.values()], occurrences, pairs };
}

/** Sort a name into its family: a service, a vendor's product, an acronym, "… Queue"-like, or other. */
function classifyName(material: Material, term: Term, hasVendor: boolean, chapter: string): void {
  for (const service of material.servicesNamed(term.key, term.concepts)) {
    // Two chapters may name a service alike; the chapter's own one is meant.
    if (term.service === null || service.chapter === chapter) term.service = service;
  }
  if (term.service !== null) {
    term.family = 'service';
    for (const concept of material.serviceForms.get(term.service)!.terms) term.concepts.add(concept);
  } else if (hasVendor) term.family = 'product';
  else if (/^[\p{Lu}\p{N}]{2,6}s?$/u.test(term.label)) term.family = 'acronym';
  else if (term.stems.length > 1) term.family = `head:${term.stems.at(-1)}`;
  else term.family = 'name';
}
