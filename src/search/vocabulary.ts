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

/** One indexed word: how often it occurs, where it first occurs, and its phonetic keys. */
interface WordEntry {
  count: number;
  /** Where the word first occurs, as a `Vocabulary.learn` key: ties between words go to the earliest. */
  first: number;
  keys: readonly string[];
}

/** A vocabulary as plain data (see `Vocabulary.toJSON`). */
export interface VocabularyState {
  stems: [string, number][];
  words: [string, number, number][];
  next: number;
}

/**
 * The words the chapters use, learnt while indexing: to tell a misspelt question word from a right one,
 * correct it (by spelling, then by sound), and complete one still being typed. Each word remembers where
 * it first occurs, so that ties go to the word met first in reading order, however the vocabulary was
 * learnt (a whole library at once, or chapter by chapter as they change).
 */
export class Vocabulary {
  /** Stems of every indexed word, with how many indexed words carry each. */
  readonly stems = new Map<string, number>();
  /** Indexed words (four letters or more, no digits). */
  readonly #words = new Map<string, WordEntry>();
  /** Indexed words by length. */
  readonly #byLength = new Map<number, Set<string>>();
  /** Indexed words by their phonetic keys (Double Metaphone). */
  readonly #byKey = new Map<string, Set<string>>();
  /** Recent corrections: a question repeats its words, and questions repeat each other. */
  readonly #corrections = new Map<string, string | null>();
  /** The key of the next word learnt without one. */
  #next = 0;

  /**
   * Learn one occurrence of an indexed word and its stem.
   *
   * @param first Where this occurrence is, for ties (smaller is earlier); by default after every
   *   occurrence learnt so far.
   */
  learn(word: string, stemmed: string, first = this.#next): void {
    this.#next = Math.max(this.#next, first + 1);
    this.stems.set(stemmed, (this.stems.get(stemmed) ?? 0) + 1);
    if (this.#corrections.size > 0) this.#corrections.clear();
    if (!isWordKept(word)) return;
    const entry = this.#words.get(word);
    if (entry !== undefined) {
      entry.count++;
      if (first < entry.first) entry.first = first;
      return;
    }
    const keys = word.length >= PHONETIC_MIN_LENGTH ? [...new Set(doubleMetaphone(word))] : [];
    this.#words.set(word, { count: 1, first, keys });
    addTo(this.#byLength, word.length, word);
    for (const key of keys) addTo(this.#byKey, key, word);
  }

  /**
   * Forget one occurrence learnt earlier.
   *
   * @returns Whether the word is still known (other occurrences remain).
   */
  unlearn(word: string, stemmed: string): boolean {
    const stems = (this.stems.get(stemmed) ?? 0) - 1;
    if (stems > 0) this.stems.set(stemmed, stems);
    else this.stems.delete(stemmed);
    if (this.#corrections.size > 0) this.#corrections.clear();
    const entry = this.#words.get(word);
    if (entry === undefined) return false;
    if (--entry.count > 0) return true;
    this.#words.delete(word);
    this.#byLength.get(word.length)?.delete(word);
    for (const key of entry.keys) this.#byKey.get(key)?.delete(word);
    return false;
  }

  /** Where a word first occurs (its smallest key), or undefined when it is not kept. */
  firstOf(word: string): number | undefined {
    return this.#words.get(word)?.first;
  }

  /** Move every word's first occurrence: `move` maps a key to its new key. */
  moveFirsts(move: (first: number) => number): void {
    this.#corrections.clear();
    let next = 0;
    for (const entry of this.#words.values()) {
      entry.first = move(entry.first);
      if (entry.first + 1 > next && Number.isFinite(entry.first)) next = entry.first + 1;
    }
    this.#next = next;
  }

  /** Set where a word first occurs. */
  setFirst(word: string, first: number): void {
    this.#corrections.clear();
    const entry = this.#words.get(word);
    if (entry !== undefined) entry.first = first;
  }

  /** Was this exact word indexed (four letters or more)? */
  has(word: string): boolean {
    return this.#words.has(word);
  }

  /**
   * The closest indexed word within the typo allowance (transpositions count as one edit), the more
   * frequent one on a tie, then the shorter, then the one met first; else, for a long word, the most used
   * one that sounds the same.
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
    let best: { word: string; distance: number; count: number; first: number } | null = null;
    for (let length = word.length - allowance; length <= word.length + allowance; length++) {
      for (const candidate of this.#byLength.get(length) ?? []) {
        if (isShort && (candidate.length <= word.length || !candidate.startsWith(word.slice(0, 2)))) continue;
        const distance = editDistance(word, candidate, allowance);
        if (distance > allowance) continue;
        const { count, first } = this.#words.get(candidate)!;
        if (
          best === null ||
          distance < best.distance ||
          (distance === best.distance &&
            (count > best.count ||
              (count === best.count && length === best.word.length && first < best.first)))
        ) {
          best = { word: candidate, distance, count, first };
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
      const candidates = [...(this.#byKey.get(key) ?? [])].sort(
        (a, b) => this.#words.get(a)!.first - this.#words.get(b)!.first,
      );
      for (const candidate of candidates) {
        if (candidate[0] !== word[0]) continue;
        if (editDistance(word, candidate, PHONETIC_MAX_EDITS) > PHONETIC_MAX_EDITS) continue;
        const count = this.#words.get(candidate)!.count;
        if (best === null || count > best.count) best = { word: candidate, count };
      }
    }
    return best?.word ?? null;
  }

  /**
   * The indexed word that a partly typed one begins: one whose stem is in `preferred` (it goes on a
   * phrase the previous word starts), else the most used; on a tie, the one of the length met first, then
   * the one met first.
   */
  complete(prefix: string, preferred: ReadonlySet<string>, stemOf: (word: string) => string): string | null {
    const lengthFirst = new Map<number, number>();
    // forEach rather than entries: the whole vocabulary is walked for each word being typed.
    this.#words.forEach(({ first }, word) => {
      lengthFirst.set(word.length, Math.min(lengthFirst.get(word.length) ?? first, first));
    });
    let best: string | null = null;
    let bestScore = 0;
    let bestLengthFirst = 0;
    let bestFirst = 0;
    this.#words.forEach(({ count, first }, word) => {
      if (word.length <= prefix.length || !word.startsWith(prefix)) return;
      const score = count + (preferred.has(stemOf(word)) ? Number.MAX_SAFE_INTEGER / 2 : 0);
      const wordLengthFirst = lengthFirst.get(word.length)!;
      if (
        best === null ||
        score > bestScore ||
        (score === bestScore &&
          (wordLengthFirst < bestLengthFirst || (wordLengthFirst === bestLengthFirst && first < bestFirst)))
      ) {
        best = word;
        bestScore = score;
        bestLengthFirst = wordLengthFirst;
        bestFirst = first;
      }
    });
    return best;
  }

  /** The vocabulary as plain data, for a saved index. */
  toJSON(): VocabularyState {
    return {
      stems: [...this.stems],
      words: [...this.#words].map(([word, { count, first }]) => [word, count, first]),
      next: this.#next,
    };
  }

  /** A vocabulary from `toJSON`'s data. */
  static fromJSON(state: VocabularyState): Vocabulary {
    const vocabulary = new Vocabulary();
    for (const [stemmed, count] of state.stems) vocabulary.stems.set(stemmed, count);
    for (const [word, count, first] of state.words) {
      const keys = word.length >= PHONETIC_MIN_LENGTH ? [...new Set(doubleMetaphone(word))] : [];
      vocabulary.#words.set(word, { count, first, keys });
      addTo(vocabulary.#byLength, word.length, word);
      for (const key of keys) addTo(vocabulary.#byKey, key, word);
    }
    vocabulary.#next = state.next;
    return vocabulary;
  }
}

/** Words kept for correction and completion: four letters or more, no digits. */
function isWordKept(word: string): boolean {
  return word.length >= CORRECTION_MIN_LENGTH - 1 && !/\d/.test(word);
}

function addTo<K>(map: Map<K, Set<string>>, key: K, word: string): void {
  let set = map.get(key);
  if (set === undefined) map.set(key, (set = new Set()));
  set.add(word);
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
