import { cleanQuestion } from '../answer/cleanQuestion.js';

/**
 * The question in a Discord message or option, as it is searched: the core's `cleanQuestion`, which the
 * CLI uses too (mentions, `@everyone`/`@here`, custom emoji and invisible characters removed).
 */
export function questionText(raw: string): string {
  return cleanQuestion(raw);
}
