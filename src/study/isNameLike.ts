import { isNumber } from './readFigure.js';
import { bare, isContentWord, type Word } from './textWords.js';

/**
 * A word that names something: it mixes letters and digits ("X9"), has an inner capital ("DataHub",
 * "OV"), or is capitalised mid-sentence. A capitalised first word of a sentence counts when the chapter
 * capitalises it mid-sentence too ("Relay" of "Acme Relay 7"), or when a name follows it ("Simple
 * Message Queue"); otherwise it is an ordinary word that starts a sentence ("Small ports…").
 *
 * @param words The chunk's words.
 * @param i Index of the word.
 * @param capitalisedMidSentence Words the chapter capitalises mid-sentence somewhere.
 */
export function isNameLike(
  words: readonly Word[],
  i: number,
  capitalisedMidSentence: ReadonlySet<string>,
): boolean {
  const word = words[i]!;
  if (!isContentWord(word)) return false;
  const raw = bare(word.raw);
  if (/\p{L}/u.test(raw) && /\p{N}/u.test(raw)) return true;
  if (/\p{Lu}/u.test(raw.slice(1))) return true;
  if (!/^\p{Lu}/u.test(raw)) return false;
  if (!word.isSentenceStart) return true;
  if (capitalisedMidSentence.has(word.norm)) return true;
  const next = words[i + 1];
  return (
    next !== undefined &&
    next.gapBefore === ' ' &&
    !next.isSentenceStart &&
    isNameLike(words, i + 1, capitalisedMidSentence)
  );
}

/** Whether word i carries on the name before it: "Relay 7", "Time-based Sharding", "Message Queues". */
export function continuesName(words: readonly Word[], i: number, isName: (i: number) => boolean): boolean {
  const word = words[i]!;
  if (word.isSentenceStart || (word.gapBefore !== ' ' && word.gapBefore !== '-')) return false;
  if (word.gapBefore === '-') return true;
  return isName(i) || isNumber(word);
}
