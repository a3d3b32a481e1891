/**
 * Longest question, in characters: what `/ask` declares as its option's `max_length`, and what every
 * entrance (a DM, a mention, a button) cuts a question to before it is searched, stored or echoed.
 */
export const QUESTION_MAX_LENGTH = 300;

/** The question cut to `QUESTION_MAX_LENGTH` characters (code points, so no emoji is split). */
export function capQuestion(question: string): string {
  if (question.length <= QUESTION_MAX_LENGTH) return question;
  return [...question].slice(0, QUESTION_MAX_LENGTH).join('');
}
