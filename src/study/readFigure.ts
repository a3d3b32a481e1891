import { isContentWord, type TextWords, type Word } from './textWords.js';

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
/** A unit is a short word after a number ("GB", "ms"), or a longer one the chapter puts after several. */
const SHORT_UNIT_LENGTH = 5;

/** A figure found at a word: where it ends, its normalised key, its unit family and its value. */
export interface Figure {
  end: number;
  key: string;
  family: string;
  value: number;
}

/**
 * Read a figure starting at word i: a number (decimals and thousands joined) and its unit, if any.
 *
 * @param text The chunk's words.
 * @param i Index of the word to read from.
 * @param isName Whether a word is name-like: a number right after a name belongs to it ("Relay 7").
 * @param numbersBefore For each word, the numbers the chapter writes before it: a long word after
 *   several numbers is a unit ("minutes"), a long word after one is not.
 * @returns null when word i does not start a figure.
 */
export function readFigure(
  text: TextWords,
  i: number,
  isName: (i: number) => boolean,
  numbersBefore: ReadonlyMap<string, ReadonlySet<string>>,
): Figure | null {
  const words = text.words;
  const word = words[i]!;
  if (!isNumber(word)) return null;
  const previous = words[i - 1];
  // "Relay 7": a number right after a name belongs to the name.
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

/** True for a word of digits only. */
export function isNumber(word: Word): boolean {
  return /^\p{N}+$/u.test(word.norm);
}
