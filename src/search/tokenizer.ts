import { doubleMetaphone } from 'double-metaphone';
import { stemmer } from 'stemmer';
import { editDistance } from './editDistance.js';
import { QUESTION_FILLER, STOPWORDS } from './stopwords.js';

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

/** A question's terms in order, and which of them came from correcting a misspelt word. */
export interface QueryTerms {
  terms: string[];
  corrected: Set<string>;
  /** How many of the question's words each contracted phrase stands for (absent: one). */
  spans: Map<string, number>;
}

/** Options of `Tokenizer.queryTerms`. */
export interface QueryOptions {
  /**
   * The last word is still being typed: when the chapters do not use it and it is at least this long,
   * complete it to their most used word that begins with it. Null: the question is complete.
   */
  completeLast?: number | null;
}

/** Turns text into index terms and questions into query terms, the same way for both. */
export interface Tokenizer {
  /** Terms to index: every word's stem plus every phrase found, overlapping ones included. */
  indexTerms(text: string): string[];
  /**
   * A question's terms in order: misspelt words corrected against the indexed words, phrases contracted
   * to one term (longest first, typos forgiven), filler dropped.
   */
  queryTerms(text: string, options?: QueryOptions): QueryTerms;
  /** An indexed text's terms in order, phrases contracted as in `queryTerms`: for proximity scoring. */
  sequence(text: string): string[];
  /** Words of a text, stemmed, with every phrase found in them (overlapping ones included). */
  analyze(text: string, isQuery?: boolean): { words: string[]; stems: string[]; matches: PhraseMatch[] };
}

const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 50_000;
/** Shortest word that spelling correction touches; shorter words are too easily another word. */
const CORRECTION_MIN_LENGTH = 5;
/** Shortest word matched by how it sounds when its spelling is too far off ("derict" → "direct"). */
const PHONETIC_MIN_LENGTH = 6;
/** Most edits between a word and one that sounds the same. */
const PHONETIC_MAX_EDITS = 3;
/** Shortest unknown word tried as two known words written together. */
const COMPOUND_MIN_LENGTH = 6;
/** Four-letter words are corrected only by a missing letter. */
const SHORT_WORD_LENGTH = 4;

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

/** How many typos a word of this length may carry and still match. */
function typoAllowance(length: number): number {
  return length >= 8 ? 2 : length >= CORRECTION_MIN_LENGTH ? 1 : 0;
}

function isContent(word: string): boolean {
  return !STOPWORDS.has(word);
}

/**
 * Create the tokenizer for a set of phrases (glossary terms, aliases and service names). It learns the
 * words of everything it indexes, to correct misspelt question words against them.
 *
 * @param phrases Phrases to contract; a phrase of one word maps a synonym onto its term.
 */
export function createTokenizer(phrases: readonly Phrase[]): Tokenizer {
  const byFirstStem = new Map<string, Phrase[]>();
  for (const phrase of phrases) {
    const first = phrase.stems[0];
    if (first === undefined) continue;
    byFirstStem.set(first, [...(byFirstStem.get(first) ?? []), phrase]);
  }
  /** Every word of every phrase: a word a phrase uses is spelt right even when no chapter uses it. */
  const phraseStems = new Set(phrases.flatMap((phrase) => phrase.stems));
  const firstStemsByLength = new Map<number, string[]>();
  for (const first of byFirstStem.keys()) {
    firstStemsByLength.set(first.length, [...(firstStemsByLength.get(first.length) ?? []), first]);
  }
  /** Indexed words by length, each with how often it occurs, for spelling correction. */
  const knownWords = new Map<number, Map<string, number>>();
  const knownStems = new Set<string>();

  // A word the chapters use is spelt right; only unknown words may be typos of a phrase word.
  const stemMatches = (word: string, phraseStem: string, isQuery: boolean): boolean => {
    if (word === phraseStem) return true;
    const allowance = isQuery && !knownStems.has(word) ? typoAllowance(phraseStem.length) : 0;
    return allowance > 0 && word.length >= 4 && editDistance(word, phraseStem, allowance) <= allowance;
  };

  const candidatesFor = (word: string, isQuery: boolean): Phrase[] => {
    const exact = byFirstStem.get(word) ?? [];
    if (!isQuery || word.length < 4 || knownStems.has(word)) return exact;
    const near: string[] = [];
    for (let length = word.length - 2; length <= word.length + 2; length++) {
      for (const first of firstStemsByLength.get(length) ?? []) {
        if (first !== word && stemMatches(word, first, true)) near.push(first);
      }
    }
    return [...exact, ...near.flatMap((first) => byFirstStem.get(first)!)];
  };

  const analyze: Tokenizer['analyze'] = (text, isQuery = false) => {
    const words = splitWords(text);
    const stems = words.map(stem);
    const matches: PhraseMatch[] = [];
    for (let start = 0; start < stems.length; start++) {
      for (const phrase of candidatesFor(stems[start]!, isQuery)) {
        const end = start + phrase.stems.length;
        if (end > stems.length) continue;
        // A one-word alias never stands in for filler: "has" stems to the acronym "ha".
        if (end === start + 1 && !isContent(words[start]!)) continue;
        if (phrase.stems.every((phraseStem, k) => stemMatches(stems[start + k]!, phraseStem, isQuery))) {
          matches.push({ start, end, term: phrase.term });
        }
      }
    }
    return { words, stems, matches };
  };

  /** The closest indexed word within the typo allowance, the more frequent one on a tie. */
  const correct = (word: string): string | null => {
    // A four-letter word may lack one letter ("clod" → "cloud") if it starts like the word it misses.
    const isShort = word.length === SHORT_WORD_LENGTH;
    const allowance = isShort ? 1 : typoAllowance(word.length);
    let best: { word: string; distance: number; count: number } | null = null;
    for (let length = word.length - allowance; length <= word.length + allowance; length++) {
      for (const [candidate, count] of knownWords.get(length) ?? []) {
        if (isShort && (candidate.length <= word.length || !candidate.startsWith(word.slice(0, 2)))) continue;
        const distance = editDistance(word, candidate, allowance);
        if (distance > allowance) continue;
        if (best === null || distance < best.distance || (distance === best.distance && count > best.count)) {
          best = { word: candidate, distance, count };
        }
      }
    }
    return best?.word ?? soundsLike(word);
  };

  const isAsked = (word: string): boolean => isContent(word) && !QUESTION_FILLER.has(word);

  /**
   * The chapters' word that a partly typed one begins: the one that goes on a phrase the previous word
   * starts ("traffic fl" → "flow"), else the most used.
   */
  const complete = (prefix: string, previous: string | undefined): string | null => {
    const follows = new Set(
      previous === undefined
        ? []
        : (byFirstStem.get(stem(previous)) ?? []).flatMap((phrase) => phrase.stems.slice(1, 2)),
    );
    let best: { word: string; score: number } | null = null;
    for (const [length, words] of knownWords) {
      if (length <= prefix.length) continue;
      for (const [word, count] of words) {
        if (!word.startsWith(prefix)) continue;
        const score = count + (follows.has(stem(word)) ? Number.MAX_SAFE_INTEGER / 2 : 0);
        if (best === null || score > best.score) best = { word, score };
      }
    }
    return best?.word ?? null;
  };

  /** Indexed words by their phonetic key (Double Metaphone), for badly misspelt long words. */
  const byKey = new Map<string, string[]>();
  /** The most used indexed word that sounds like a long misspelt one and starts with the same letter. */
  const soundsLike = (word: string): string | null => {
    if (word.length < PHONETIC_MIN_LENGTH) return null;
    let best: { word: string; count: number } | null = null;
    for (const key of new Set(doubleMetaphone(word))) {
      for (const candidate of byKey.get(key) ?? []) {
        if (candidate[0] !== word[0]) continue;
        if (editDistance(word, candidate, PHONETIC_MAX_EDITS) > PHONETIC_MAX_EDITS) continue;
        const count = knownWords.get(candidate.length)?.get(candidate) ?? 0;
        if (best === null || count > best.count) best = { word: candidate, count };
      }
    }
    return best?.word ?? null;
  };

  /**
   * A short unknown word that is a filler word with a letter dropped or two letters swapped is that filler
   * misspelt ("wat", "teh"). A changed letter is not enough: "log" is no misspelt "lot".
   */
  const isMisspeltFiller = (word: string): boolean => {
    if (word.length > SHORT_WORD_LENGTH) return false;
    for (const filler of STOPWORDS) {
      if (filler[0] !== word[0] || filler.length < 3) continue;
      if (
        filler.length === word.length + 1 &&
        [...filler].some((_, i) => filler.slice(0, i) + filler.slice(i + 1) === word)
      ) {
        return true;
      }
      if (filler.length === word.length && filler !== word) {
        const differ = [...word].flatMap((letter, i) => (letter === filler[i] ? [] : [i]));
        const [a, b] = differ;
        if (differ.length === 2 && b === a! + 1 && word[a!] === filler[b] && word[b] === filler[a!])
          return true;
      }
    }
    return false;
  };
  const isKnown = (word: string): boolean => !isContent(word) || knownStems.has(stem(word));

  /** "cloud frnt" → "cloudfrnt": two words, one unknown, that together are (a typo of) an indexed word. */
  const joinSplitWords = (words: string[]): string[] => {
    const joined: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      const next = words[i + 1];
      if (next !== undefined && (!isKnown(word) || !isKnown(next)) && isContent(word) && isContent(next)) {
        const candidate = word + next;
        if (
          candidate.length >= CORRECTION_MIN_LENGTH &&
          (knownStems.has(stem(candidate)) || correct(candidate) !== null)
        ) {
          joined.push(candidate);
          i++;
          continue;
        }
      }
      joined.push(word);
    }
    return joined;
  };

  /**
   * "multivalue" → "multi value": an unknown word that is two words the chapters use, written as one. The
   * split nearest the middle wins.
   */
  const splitCompounds = (words: string[]): string[] =>
    words.flatMap((word) => {
      if (
        word.length < COMPOUND_MIN_LENGTH ||
        !isAsked(word) ||
        isKnown(word) ||
        phraseStems.has(stem(word))
      ) {
        return [word];
      }
      const middle = word.length / 2;
      const cuts = Array.from({ length: word.length - 5 }, (_, i) => i + 3).sort(
        (a, b) => Math.abs(a - middle) - Math.abs(b - middle),
      );
      for (const cut of cuts) {
        const [head, tail] = [word.slice(0, cut), word.slice(cut)];
        if (isContent(head) && isContent(tail) && knownStems.has(stem(head)) && knownStems.has(stem(tail))) {
          return [head, tail];
        }
      }
      return [word];
    });

  /** Contract phrases (longest first, then leftmost; a word joins at most one) and drop filler. */
  const contract = (
    words: string[],
    stems: string[],
    matches: PhraseMatch[],
    isKept: (word: string) => boolean = isContent,
    spans?: Map<string, number>,
    text = '',
  ): string[] => {
    matches.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const phraseAt = new Array<string | null>(stems.length).fill(null);
    const taken = new Array<boolean>(stems.length).fill(false);
    for (const match of matches) {
      if (taken.slice(match.start, match.end).some(Boolean)) continue;
      for (let i = match.start; i < match.end; i++) taken[i] = true;
      phraseAt[match.start] = match.term;
      // A hyphenated word ("on-premises") is one word of the question, however many it splits into.
      const hyphenated = words.slice(match.start, match.end).join('-');
      if (spans !== undefined && !text.toLowerCase().includes(hyphenated)) {
        spans.set(match.term, Math.max(spans.get(match.term) ?? 1, match.end - match.start));
      }
    }
    const terms: string[] = [];
    stems.forEach((stemmed, i) => {
      const phrase = phraseAt[i];
      if (phrase !== null && phrase !== undefined) terms.push(phrase);
      else if (!taken[i] && isKept(words[i]!)) terms.push(stemmed);
    });
    return terms;
  };

  return {
    analyze,
    indexTerms(text) {
      const { words, stems, matches } = analyze(text);
      const terms: string[] = [];
      words.forEach((word, i) => {
        if (!isContent(word)) return;
        terms.push(stems[i]!);
        knownStems.add(stems[i]!);
        if (word.length < CORRECTION_MIN_LENGTH - 1 || /\d/.test(word)) return;
        let byLength = knownWords.get(word.length);
        if (byLength === undefined) knownWords.set(word.length, (byLength = new Map()));
        const count = byLength.get(word) ?? 0;
        byLength.set(word, count + 1);
        if (count === 0 && word.length >= PHONETIC_MIN_LENGTH) {
          for (const key of new Set(doubleMetaphone(word))) byKey.set(key, [...(byKey.get(key) ?? []), word]);
        }
      });
      for (const match of matches) terms.push(match.term);
      return terms;
    },
    queryTerms(text, options = {}) {
      const corrected = new Set<string>();
      const spans = new Map<string, number>();
      const split = splitCompounds(joinSplitWords(splitWords(text)));
      const minimum = options.completeLast ?? null;
      const last = split.at(-1);
      if (
        minimum !== null &&
        last !== undefined &&
        last.length >= minimum &&
        isAsked(last) &&
        !isKnown(last)
      ) {
        const completed = complete(last, split.at(-2));
        if (completed !== null) {
          split[split.length - 1] = completed;
          corrected.add(stem(completed));
        }
      }
      const words = split.map((word) => {
        if (!isAsked(word) || knownStems.has(stem(word))) return word;
        if (word.length >= 3 && !phraseStems.has(stem(word)) && isMisspeltFiller(word)) return 'the';
        if (word.length < SHORT_WORD_LENGTH) return word;
        if (knownWords.get(word.length)?.has(word) || phraseStems.has(stem(word))) return word;
        const fixed = correct(word);
        if (fixed === null) return word;
        corrected.add(stem(fixed));
        return fixed;
      });
      const rewritten = words.join(' ');
      const { stems, matches } = analyze(rewritten, true);
      return { terms: contract(words, stems, matches, isAsked, spans, text), corrected, spans };
    },
    sequence(text) {
      const { words, stems, matches } = analyze(text);
      return contract(words, stems, matches);
    },
  };
}
