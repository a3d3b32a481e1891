import type { Chapter, Chunk } from '../content/chapter.js';
import type { Service } from '../search/services.js';
import type { CardOptions } from './card.js';
import { findForms } from './forms.js';
import type { Material } from './material.js';
import { isContentWord, type TextWords, type Word } from './textWords.js';

/** What a blank can hold: a figure with its unit, a product or proper name, or an informative word. */
export type TermKind = 'figure' | 'name' | 'word';

/** A term of a chapter that a "fill the gap" card may blank or offer as a distractor. */
export interface Term {
  kind: TermKind;
  /** Normalised form: two terms with one key are the same option. */
  key: string;
  /** As the chapter first writes it, without vendor prefix: "50 Mbps", "EC2", "topology". */
  label: string;
  /** Terms of one family make credible distractors for each other (same unit, same kind of name). */
  family: string;
  stems: string[];
  /** Glossary or service-name terms that stand for it; a synonym shares one. */
  concepts: Set<string>;
  /** Chunks that mention it. */
  chunkIds: Set<string>;
  /** A figure's value in its unit without SI prefix (50 Mbps → 5e7); NaN for other kinds. */
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

const SI_PREFIX: Readonly<Record<string, number>> = {
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  m: 1e-3,
  µ: 1e-6,
  n: 1e-9,
};
/** A unit is a short word after a number ("Gbps", "ms"), or a longer one the chapter puts after several. */
const SHORT_UNIT_LENGTH = 5;

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
  const numbersBefore = new Map<string, Set<string>>();
  const pairs = new Map<string, Set<string>>();
  for (const { chunk, words } of texts) {
    for (const stem of new Set(words.words.map((word) => word.stem)))
      chunkCount.set(stem, (chunkCount.get(stem) ?? 0) + 1);
    let previous: Word | null = null;
    for (const [i, word] of words.words.entries()) {
      if (/^\p{Ll}/u.test(word.raw)) lowerCase.add(word.norm);
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
    const isName = (i: number): boolean => isNameLike(words, i, lowerCase);
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

/** Sort a name into its family: a service, a vendor's product, an acronym, "… Routing"-like, or other. */
function classifyName(material: Material, term: Term, hasVendor: boolean, chapter: string): void {
  for (const [service, forms] of material.serviceForms) {
    const isService =
      forms.sequences.some((sequence) => sequence.join(' ') === term.key) ||
      [...term.concepts].some((concept) => forms.terms.has(concept));
    if (!isService) continue;
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

function readFigure(
  text: TextWords,
  i: number,
  isName: (i: number) => boolean,
  numbersBefore: ReadonlyMap<string, ReadonlySet<string>>,
): { end: number; key: string; family: string; value: number } | null {
  const words = text.words;
  const word = words[i]!;
  if (!isNumber(word)) return null;
  const previous = words[i - 1];
  // "Route 53": a number right after a name belongs to the name.
  if (
    previous !== undefined &&
    previous.sentence === word.sentence &&
    word.gapBefore === ' ' &&
    isName(i - 1)
  )
    return null;
  if (previous !== undefined && isNumber(previous) && /^[.,]$/.test(word.gapBefore)) return null;
  let end = i + 1;
  let digits = word.norm;
  while (end < words.length && isNumber(words[end]!) && /^[.,]$/.test(words[end]!.gapBefore)) {
    digits += words[end]!.gapBefore === '.' ? `.${words[end]!.norm}` : words[end]!.norm;
    end++;
  }
  let unit = '';
  const last = words[end - 1]!;
  const next = words[end];
  if (text.text[last.end] === '%') unit = '%';
  else if (
    next !== undefined &&
    next.sentence === word.sentence &&
    next.gapBefore === ' ' &&
    isContentWord(next) &&
    /^\p{L}+$/u.test(next.raw) &&
    (next.raw.length <= SHORT_UNIT_LENGTH || (numbersBefore.get(next.norm)?.size ?? 0) >= 2)
  ) {
    unit = next.raw;
    end++;
  }
  const prefix = unit.length >= 2 && unit.length <= 4 ? SI_PREFIX[unit[0]!] : undefined;
  const base = prefix === undefined ? unit : unit.slice(1);
  const value = Number.parseFloat(digits) * (prefix ?? 1);
  return {
    end,
    key: `${value} ${base.toLowerCase()}`,
    family: `figure:${base.toLowerCase().replace(/s$/, '')}`,
    value,
  };
}

function isNumber(word: Word): boolean {
  return /^\p{N}+$/u.test(word.norm);
}

/** A word without a possessive ending. */
function bare(raw: string): string {
  return raw.replace(/['’]s?$/u, '');
}

/**
 * A word that names something: it mixes letters and digits ("EC2"), has an inner capital ("CloudFront",
 * "VPC"), or is capitalised mid-sentence; a capitalised first word counts only when a name follows it.
 */
function isNameLike(words: readonly Word[], i: number, lowerCase: ReadonlySet<string>): boolean {
  const word = words[i]!;
  if (!isContentWord(word)) return false;
  const raw = bare(word.raw);
  if (/\p{L}/u.test(raw) && /\p{N}/u.test(raw)) return true;
  if (/\p{Lu}/u.test(raw.slice(1))) return true;
  if (!/^\p{Lu}/u.test(raw)) return false;
  if (!word.isSentenceStart) return true;
  if (!lowerCase.has(word.norm)) return true;
  const next = words[i + 1];
  return (
    next !== undefined &&
    next.gapBefore === ' ' &&
    !next.isSentenceStart &&
    isNameLike(words, i + 1, lowerCase)
  );
}

/** Whether word i carries on the name before it: "Route 53", "Latency-based Routing", "Load Balancers". */
function continuesName(words: readonly Word[], i: number, isName: (i: number) => boolean): boolean {
  const word = words[i]!;
  if (word.isSentenceStart || (word.gapBefore !== ' ' && word.gapBefore !== '-')) return false;
  if (word.gapBefore === '-') return true;
  return isName(i) || isNumber(word);
}

/** The words [start, end) as written, without a trailing possessive, with a percent sign after a number. */
export function labelOf(text: TextWords, start: number, end: number): string {
  const last = text.words[end - 1]!;
  const stop = last.start + bare(last.raw).length;
  return text.text.slice(text.words[start]!.start, stop) + (text.text[stop] === '%' ? '%' : '');
}

/** Nearest content words before and after words [start, end) in their sentence, as stems. */
export function neighboursOf(
  text: TextWords,
  start: number,
  end: number,
  vendorStems: ReadonlySet<string>,
): [string | null, string | null] {
  const words = text.words;
  const sentence = words[start]!.sentence;
  const isNeighbour = (word: Word | undefined): boolean =>
    word !== undefined && word.sentence === sentence && isContentWord(word) && !vendorStems.has(word.stem);
  let before = start - 1;
  while (before >= 0 && words[before]!.sentence === sentence && !isNeighbour(words[before])) before--;
  let after = end;
  while (after < words.length && words[after]!.sentence === sentence && !isNeighbour(words[after])) after++;
  return [
    isNeighbour(words[before]) ? words[before]!.stem : null,
    isNeighbour(words[after]) ? words[after]!.stem : null,
  ];
}

/** Spans of a chunk's words that name a term's service (by any alias), for exclusion checks. */
export function mentionsService(material: Material, text: TextWords, service: Service): boolean {
  return findForms(text, material.serviceForms.get(service)!).length > 0;
}
