import { doubleMetaphone } from 'double-metaphone';
import { editDistance } from './editDistance.js';
import { STOPWORDS } from './stopwords.js';

/** Shortest word that spelling correction touches; shorter words are too easily another word. */
export const CORRECTION_MIN_LENGTH = 5;
/** Four-letter words are corrected only by a missing letter. */
export const SHORT_WORD_LENGTH = 4;
/** Shortest word matched by how it sounds when its spelling is too far off. */
const PHONETIC_MIN_LENGTH = 6;
/** How many corrections are remembered. */
const CORRECTIONS_CACHED = 5000;
/** Most edits between a word and one that sounds the same. */
const PHONETIC_MAX_EDITS = 3;

/** How many typos a word of this length may carry and still match. */
export function typoAllowance(length: number): number {
  return length >= 8 ? 2 : length >= CORRECTION_MIN_LENGTH ? 1 : 0;
}

/**
 * The words the chapters use, learnt while indexing: to tell a misspelt question word from a right one,
 * correct it (by spelling, then by sound), and complete one still being typed.
 */
export class Vocabulary {
  /** Stems of every indexed word. */
  readonly stems = new Set<string>();
  /** Indexed words by length, each with how often it occurs. */
  readonly #words = new Map<number, Map<string, number>>();
  /** Indexed words by their phonetic keys (Double Metaphone). */
  readonly #byKey = new Map<string, string[]>();
  /** Recent corrections: a question repeats its words, and questions repeat each other. */
  readonly #corrections = new Map<string, string | null>();

  /** Learn one indexed word and its stem. */
  learn(word: string, stemmed: string): void {
    this.stems.add(stemmed);
    if (this.#corrections.size > 0) this.#corrections.clear();
    if (word.length < CORRECTION_MIN_LENGTH - 1 || /\d/.test(word)) return;
    let byLength = this.#words.get(word.length);
    if (byLength === undefined) this.#words.set(word.length, (byLength = new Map()));
    const count = byLength.get(word) ?? 0;
    byLength.set(word, count + 1);
    if (count === 0 && word.length >= PHONETIC_MIN_LENGTH) {
      for (const key of new Set(doubleMetaphone(word)))
        this.#byKey.set(key, [...(this.#byKey.get(key) ?? []), word]);
    }
  }

  /** Was this exact word indexed (four letters or more)? */
  has(word: string): boolean {
    return this.#words.get(word.length)?.has(word) === true;
  }

  /**
   * The closest indexed word within the typo allowance (transpositions count as one edit), the more
   * frequent one on a tie; else, for a long word, the most used one that sounds the same.
   */
  correct(word: string): string | null {
    let fixed = this.#corrections.get(word);
    if (fixed === undefined) {
      fixed = this.#correct(word);
      if (this.#corrections.size >= CORRECTIONS_CACHED) this.#corrections.clear();
      this.#corrections.set(word, fixed);
    }
    return fixed;
  }

  #correct(word: string): string | null {
    // A four-letter word may lack one letter ("clod" → "cloud") if it starts like the word it misses.
    const isShort = word.length === SHORT_WORD_LENGTH;
    const allowance = isShort ? 1 : typoAllowance(word.length);
    let best: { word: string; distance: number; count: number } | null = null;
    for (let length = word.length - allowance; length <= word.length + allowance; length++) {
      for (const [candidate, count] of this.#words.get(length) ?? []) {
        if (isShort && (candidate.length <= word.length || !candidate.startsWith(word.slice(0, 2)))) continue;
        const distance = editDistance(word, candidate, allowance);
        if (distance > allowance) continue;
        if (best === null || distance < best.distance || (distance === best.distance && count > best.count)) {
          best = { word: candidate, distance, count };
        }
      }
    }
    return best?.word ?? this.soundsLike(word);
  }

  /** The most used indexed word that sounds like a long misspelt one and starts with the same letter. */
  soundsLike(word: string): string | null {
    if (word.length < PHONETIC_MIN_LENGTH) return null;
    let best: { word: string; count: number } | null = null;
    for (const key of new Set(doubleMetaphone(word))) {
      for (const candidate of this.#byKey.get(key) ?? []) {
        if (candidate[0] !== word[0]) continue;
        if (editDistance(word, candidate, PHONETIC_MAX_EDITS) > PHONETIC_MAX_EDITS) continue;
        const count = this.#words.get(candidate.length)?.get(candidate) ?? 0;
        if (best === null || count > best.count) best = { word: candidate, count };
      }
    }
    return best?.word ?? null;
  }

  /**
   * The indexed word that a partly typed one begins: one whose stem is in `preferred` (it goes on a
   * phrase the previous word starts), else the most used.
   */
  complete(prefix: string, preferred: ReadonlySet<string>, stemOf: (word: string) => string): string | null {
    let best: { word: string; score: number } | null = null;
    for (const [length, words] of this.#words) {
      if (length <= prefix.length) continue;
      for (const [word, count] of words) {
        if (!word.startsWith(prefix)) continue;
        const score = count + (preferred.has(stemOf(word)) ? Number.MAX_SAFE_INTEGER / 2 : 0);
        if (best === null || score > best.score) best = { word, score };
      }
    }
    return best?.word ?? null;
  }
}

/**
 * A short unknown word that is a filler word with a letter dropped or two letters swapped is that filler
 * misspelt ("wat", "teh"). A changed letter is not enough: "log" is no misspelt "lot".
 */
export function isMisspeltFiller(word: string): boolean {
  if (word.length < 3 || word.length > SHORT_WORD_LENGTH) return false;
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
}
