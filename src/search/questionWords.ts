import { STOPWORDS } from './stopwords.js';
import { splitWords } from './tokenizer.js';

/**
 * The words search reads in a question, in order: lower case, accents folded, punctuation dropped. Two
 * questions with the same words search the same.
 */
export function questionWords(question: string): string[] {
  return splitWords(question);
}

/** The words of a question that carry its topic: `questionWords` without filler ("what", "is", "the"). */
export function topicWords(question: string): string[] {
  return splitWords(question).filter((word) => !STOPWORDS.has(word));
}
