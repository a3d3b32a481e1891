/**
 * Longest question, in characters: what `/ask` declares as its option's `max_length`, and what every
 * entrance (a DM, a mention, the CLI, `answer()` itself) cuts a question to before it is searched or
 * stored. Long enough for an exam stem pasted whole (the longest real ones run to about 800 characters),
 * short enough that a pasted essay is neither searched nor stored.
 */
export const QUESTION_MAX_LENGTH = 1000;

/** The question cut to `QUESTION_MAX_LENGTH` characters (code points, so no emoji is split). */
export function capQuestion(question: string): string {
  if (question.length <= QUESTION_MAX_LENGTH) return question;
  return [...question].slice(0, QUESTION_MAX_LENGTH).join('');
}
