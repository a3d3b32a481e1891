import { stemmer } from 'stemmer';
import { editDistance } from './editDistance.js';
import { QUESTION_FILLER, STOPWORDS } from './stopwords.js';
import {
  CORRECTION_MIN_LENGTH,
  isMisspeltFiller,
  SHORT_WORD_LENGTH,
  typoAllowance,
  Vocabulary,
} from './vocabulary.js';

/** A phrase that stands for one concept, with the single term it contracts to. */
export interface Phrase {
  /** The phrase's words, stemmed: "Harbor Gateways" → ["harbor", "gatewai"]. */
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
  /** The phrases it contracts, in the order given. */
  readonly phrases: readonly Phrase[];
  /** The words it has learnt from indexed text, to correct questions against. */
  readonly vocabulary: Vocabulary;
  /**
   * Terms to index: every word's stem plus every phrase found, overlapping ones included. The words are
   * learnt into the vocabulary (see `readIndexed` to learn them yourself).
   */
  indexTerms(text: string): string[];
  /** What `indexTerms` returns and the words (with their stems) it would learn, without learning them. */
  readIndexed(text: string): { terms: string[]; words: [word: string, stem: string][] };
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
/** Most words of one question text (ask or scenario) read. */
const QUERY_WORDS_MAX = 150;
/** Most distinct words of one question text checked for a misspelling, or for being split in two. */
const CORRECTIONS_MAX = 40;
/** Longest word read; no word of any chapter is longer. */
const WORD_LENGTH_MAX = 40;
/** Shortest one-word alias that matches a misspelt question word. */
const ONE_WORD_TYPO_MIN_LENGTH = 7;
/** Shortest unknown word tried as two known words written together. */
const COMPOUND_MIN_LENGTH = 6;
/** How many unknown question words' phrase candidates are remembered. */
const TYPO_CANDIDATES_CACHED = 5000;

// eslint-disable-next-line no-control-regex -- every ASCII character, control characters included
const ASCII = /^[\x00-\x7f]*$/;

/** Lower-case words of a text: accents folded, possessives and apostrophes dropped. */
export function splitWords(text: string): string[] {
  // Plain ASCII has no accents to fold: most text is, and folding costs more than the rest.
  const folded = ASCII.test(text) ? text : text.normalize('NFKD').replace(/\p{M}+/gu, '');
  return folded
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

/** The single term a phrase contracts to: its stems joined ("pier 9" → "pier9"). */
export function phraseTerm(text: string): string {
  return splitWords(text).map(stem).join('');
}

/** A node of the phrase trie: the phrases (by position) that end here, and the words that go on. */
interface PhraseNode {
  ends: number[];
  next: Map<string, PhraseNode>;
}

function isContent(word: string): boolean {
  return !STOPWORDS.has(word);
}

/**
 * Create the tokenizer for a set of phrases (glossary terms, aliases and service names). It learns the
 * words of everything it indexes, to correct misspelt question words against them.
 *
 * @param phrases Phrases to contract; a phrase of one word maps a synonym onto its term.
 * @param vocabulary The words learnt so far (a restored index brings its own); empty by default.
 */
export function createTokenizer(phrases: readonly Phrase[], vocabulary = new Vocabulary()): Tokenizer {
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
  const knownStems = vocabulary.stems;

  // A word the chapters use is spelt right; only unknown words may be typos of a phrase word.
  const stemMatches = (word: string, phraseStem: string, isQuery: boolean): boolean => {
    if (word === phraseStem) return true;
    const allowance = isQuery && !knownStems.has(word) ? typoAllowance(phraseStem.length) : 0;
    return allowance > 0 && word.length >= 4 && editDistance(word, phraseStem, allowance) <= allowance;
  };

  /** Phrases by their stems, word by word: an indexed text is matched exactly, one walk per word. */
  const trie = new Map<string, PhraseNode>();
  phrases.forEach((phrase, position) => {
    let level = trie;
    let node: PhraseNode | undefined;
    for (const phraseStem of phrase.stems) {
      node = level.get(phraseStem);
      if (node === undefined) level.set(phraseStem, (node = { ends: [], next: new Map() }));
      level = node.next;
    }
    node?.ends.push(position);
  });

  /** The phrases found in an indexed text, in the order `analyze` gives for questions (phrase order per word). */
  const matchExactly = (words: readonly string[], stems: readonly string[]): PhraseMatch[] => {
    const matches: PhraseMatch[] = [];
    for (let start = 0; start < stems.length; start++) {
      let node = trie.get(stems[start]!);
      let found: number[] | null = null;
      for (let end = start + 1; node !== undefined; end++) {
        // A one-word alias never stands in for filler: "has" stems to the acronym "ha".
        if (node.ends.length > 0 && (end > start + 1 || isContent(words[start]!))) {
          (found ??= []).push(...node.ends);
        }
        if (end >= stems.length) break;
        node = node.next.get(stems[end]!);
      }
      if (found === null) continue;
      if (found.length > 1) found.sort((a, b) => a - b);
      for (const position of found) {
        const phrase = phrases[position]!;
        matches.push({ start, end: start + phrase.stems.length, term: phrase.term });
      }
    }
    return matches;
  };

  /**
   * The phrases an unknown question word may begin, exactly or misspelt. The phrases never change, so
   * each word's are found once: questions repeat words, and each costs an edit distance per phrase.
   */
  const typoCandidates = new Map<string, Phrase[]>();
  const candidatesFor = (word: string, isQuery: boolean): Phrase[] => {
    const exact = byFirstStem.get(word) ?? [];
    if (!isQuery || word.length < 4 || knownStems.has(word)) return exact;
    let candidates = typoCandidates.get(word);
    if (candidates === undefined) {
      const near: string[] = [];
      for (let length = word.length - 2; length <= word.length + 2; length++) {
        for (const first of firstStemsByLength.get(length) ?? []) {
          if (first !== word && stemMatches(word, first, true)) near.push(first);
        }
      }
      candidates = [...exact, ...near.flatMap((first) => byFirstStem.get(first)!)];
      if (typoCandidates.size >= TYPO_CANDIDATES_CACHED) typoCandidates.clear();
      typoCandidates.set(word, candidates);
    }
    return candidates;
  };

  const analyze: Tokenizer['analyze'] = (text, isQuery = false) => {
    const words = splitWords(text);
    const stems = words.map(stem);
    if (!isQuery) return { words, stems, matches: matchExactly(words, stems) };
    const matches: PhraseMatch[] = [];
    const candidates = new Map<string, Phrase[]>();
    for (let start = 0; start < stems.length; start++) {
      let found = candidates.get(stems[start]!);
      if (found === undefined) candidates.set(stems[start]!, (found = candidatesFor(stems[start]!, isQuery)));
      for (const phrase of found) {
        const end = start + phrase.stems.length;
        if (end > stems.length) continue;
        // A one-word alias never stands in for filler: "has" stems to the acronym "ha".
        if (end === start + 1 && !isContent(words[start]!)) continue;
        // A short one-word alias forgives no typo: "black" is another word, not a misspelt "block".
        const isForgiving =
          isQuery && (end > start + 1 || phrase.stems[0]!.length >= ONE_WORD_TYPO_MIN_LENGTH);
        if (phrase.stems.every((phraseStem, k) => stemMatches(stems[start + k]!, phraseStem, isForgiving))) {
          matches.push({ start, end, term: phrase.term });
        }
      }
    }
    return { words, stems, matches };
  };

  const isAsked = (word: string): boolean => isContent(word) && !QUESTION_FILLER.has(word);

  const isKnown = (word: string): boolean => !isContent(word) || knownStems.has(stem(word));

  /** "cloud frnt" → "cloudfrnt": two words, one unknown, that together are (a typo of) an indexed word. */
  const joinSplitWords = (words: string[]): string[] => {
    const joined: string[] = [];
    let attempts = 0;
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      const next = words[i + 1];
      if (
        next !== undefined &&
        attempts < CORRECTIONS_MAX &&
        (!isKnown(word) || !isKnown(next)) &&
        isContent(word) &&
        isContent(next)
      ) {
        attempts++;
        const candidate = word + next;
        const fixed =
          candidate.length < CORRECTION_MIN_LENGTH
            ? null
            : knownStems.has(stem(candidate))
              ? candidate
              : vocabulary.correct(candidate);
        // "hg latency" is not a typo of "latency": the joined word must be more than one of its halves.
        if (fixed !== null && fixed !== word && fixed !== next) {
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

  const readIndexed: Tokenizer['readIndexed'] = (text) => {
    const { words, stems, matches } = analyze(text);
    const terms: string[] = [];
    const learnt: [string, string][] = [];
    words.forEach((word, i) => {
      if (!isContent(word)) return;
      terms.push(stems[i]!);
      learnt.push([word, stems[i]!]);
    });
    for (const match of matches) terms.push(match.term);
    return { terms, words: learnt };
  };

  return {
    phrases,
    vocabulary,
    analyze,
    readIndexed,
    indexTerms(text) {
      const { terms, words } = readIndexed(text);
      for (const [word, stemmed] of words) vocabulary.learn(word, stemmed);
      return terms;
    },
    queryTerms(text, options = {}) {
      const corrected = new Set<string>();
      const spans = new Map<string, number>();
      // Most questions have no scenario, answer type or kind: nothing to read.
      if (text === '') return { terms: [], corrected, spans };
      // A pasted essay adds noise, not meaning, and every word costs a spelling check.
      const typed = splitWords(text)
        .slice(0, QUERY_WORDS_MAX)
        .map((word) => (word.length > WORD_LENGTH_MAX ? word.slice(0, WORD_LENGTH_MAX) : word));
      const minimum = options.completeLast ?? null;
      const last = typed.at(-1);
      if (
        minimum !== null &&
        last !== undefined &&
        last.length >= minimum &&
        isAsked(last) &&
        !isKnown(last)
      ) {
        const previous = typed.at(-2);
        const follows = new Set(
          previous === undefined
            ? []
            : (byFirstStem.get(stem(previous)) ?? []).flatMap((phrase) => phrase.stems.slice(1, 2)),
        );
        const completed = vocabulary.complete(last, follows, stem);
        if (completed !== null) {
          typed[typed.length - 1] = completed;
          corrected.add(stem(completed));
        }
      }
      const split = splitCompounds(joinSplitWords(typed));
      const spelt = new Map<string, string>();
      const spell = (word: string): string => {
        if (!isAsked(word) || knownStems.has(stem(word))) return word;
        if (!phraseStems.has(stem(word)) && isMisspeltFiller(word)) return 'the';
        if (word.length < SHORT_WORD_LENGTH) return word;
        if (vocabulary.has(word) || phraseStems.has(stem(word))) return word;
        if (spelt.size >= CORRECTIONS_MAX) return word;
        const fixed = vocabulary.correct(word);
        if (fixed === null) return word;
        corrected.add(stem(fixed));
        return fixed;
      };
      const words = split.map((word) => {
        let fixed = spelt.get(word);
        if (fixed === undefined) spelt.set(word, (fixed = spell(word)));
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
