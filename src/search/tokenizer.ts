import { stemmer } from 'stemmer';
import { editDistance } from './editDistance.js';
import { STOPWORDS } from './stopwords.js';

/** A phrase that stands for one concept, with the single term it contracts to. */
export interface Phrase {
  /** The phrase's words, stemmed: "Direct Connect" → ["direct", "connect"]. */
  stems: string[];
  /** The term the phrase contracts to, shared by the term and all its aliases. */
  term: string;
}

/** A phrase found in a run of words: words [start, end) contract to `term`. */
export interface PhraseMatch {
  start: number;
  end: number;
  term: string;
}

/** Turns text into index terms and questions into query terms, the same way for both. */
export interface Tokenizer {
  /** Terms to index: every word's stem plus every phrase found, overlapping ones included. */
  indexTerms(text: string): string[];
  /** Terms to search: phrases (typos forgiven) contract to their term; filler words are dropped. */
  queryTerms(text: string): string[];
  /** Words of a text, stemmed, with the phrases found in them. */
  analyze(
    text: string,
    options?: { isQuery?: boolean },
  ): { words: string[]; stems: string[]; matches: PhraseMatch[] };
}

const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 50_000;

/** Lower-case words of a text: accents folded, possessives and apostrophes dropped. */
export function splitWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** Porter stem of a lower-case word, cached. */
export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = /^\p{N}+$/u.test(word) ? word : stemmer(word);
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** The single term a phrase contracts to: its stems joined ("route 53" → "rout53"). */
export function phraseTerm(text: string): string {
  return splitWords(text).map(stem).join('');
}

/** How many typos a word of this length may carry and still match a phrase word. */
function typoAllowance(length: number): number {
  return length >= 8 ? 2 : length >= 5 ? 1 : 0;
}

/**
 * Create the tokenizer for a set of phrases (glossary terms, aliases and service names).
 *
 * @param phrases Phrases to contract; a phrase of one word maps a synonym onto its term.
 */
export function createTokenizer(phrases: readonly Phrase[]): Tokenizer {
  const byFirstStem = new Map<string, Phrase[]>();
  for (const phrase of phrases) {
    const first = phrase.stems[0];
    if (first === undefined) continue;
    const list = byFirstStem.get(first) ?? [];
    list.push(phrase);
    byFirstStem.set(first, list);
  }
  for (const list of byFirstStem.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  const firstStems = [...byFirstStem.keys()];

  const wordMatches = (word: string, phraseStem: string, isQuery: boolean): boolean => {
    if (word === phraseStem) return true;
    const allowance = isQuery ? typoAllowance(phraseStem.length) : 0;
    return allowance > 0 && word.length >= 4 && editDistance(word, phraseStem, allowance) <= allowance;
  };

  const candidatesFor = (word: string, isQuery: boolean): Phrase[] => {
    const exact = byFirstStem.get(word);
    if (exact !== undefined || !isQuery || word.length < 4) return exact ?? [];
    return firstStems
      .filter((first) => wordMatches(word, first, true))
      .flatMap((first) => byFirstStem.get(first)!);
  };

  const analyze: Tokenizer['analyze'] = (text, options = {}) => {
    const isQuery = options.isQuery ?? false;
    const words = splitWords(text);
    const stems = words.map(stem);
    const matches: PhraseMatch[] = [];
    for (let start = 0; start < stems.length; start++) {
      for (const phrase of candidatesFor(stems[start]!, isQuery)) {
        const end = start + phrase.stems.length;
        if (end > stems.length) continue;
        if (phrase.stems.every((phraseStem, k) => wordMatches(stems[start + k]!, phraseStem, isQuery))) {
          matches.push({ start, end, term: phrase.term });
        }
      }
    }
    return { words, stems, matches };
  };

  const isContent = (word: string): boolean => !STOPWORDS.has(word) && word.length > 0;

  return {
    analyze,
    indexTerms(text) {
      const { words, stems, matches } = analyze(text);
      const terms = stems.filter((_, i) => isContent(words[i]!));
      for (const match of matches) terms.push(match.term);
      return terms;
    },
    queryTerms(text) {
      const { words, stems, matches } = analyze(text, { isQuery: true });
      // Longest phrase first, then leftmost; a word belongs to at most one phrase.
      matches.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
      const covered = new Array<string | null>(stems.length).fill(null);
      const taken = new Array<boolean>(stems.length).fill(false);
      for (const match of matches) {
        if (taken.slice(match.start, match.end).some(Boolean)) continue;
        for (let i = match.start; i < match.end; i++) taken[i] = true;
        covered[match.start] = match.term;
      }
      const terms: string[] = [];
      stems.forEach((stemmed, i) => {
        const term = covered[i] ?? (taken[i] || !isContent(words[i]!) ? null : stemmed);
        if (term !== null && !terms.includes(term)) terms.push(term);
      });
      return terms;
    },
  };
}
