import { answer, answerChunk, type Answer } from '../answer/answer.js';
import type { KnowledgeIndex } from '../search/buildIndex.js';
import { resolveChunkRef } from './render/customId.js';
import { CHOICE_PREFIX } from './render/formatChoices.js';
import { capQuestion } from '../answer/questionLength.js';
import { questionText } from './questionText.js';

/** Most hits an answer pages through. */
const ANSWER_HITS_MAX = 10;

/**
 * Answer a question, or exactly one chunk when it is an autocomplete pick (`chunk:<ref>`). The question is
 * cut to `QUESTION_MAX_LENGTH`; mentions and emoji are not part of it: the answer's query is the text
 * searched and stored (the echo is the caller's).
 */
export function answerQuestion(index: KnowledgeIndex, question: string): Answer {
  const capped = capQuestion(question);
  if (capped.startsWith(CHOICE_PREFIX)) {
    const id = resolveChunkRef(capped.slice(CHOICE_PREFIX.length), index.chunks.keys());
    const picked = id === null ? null : answerChunk(index, id);
    if (picked !== null) return picked;
  }
  return answer(index, questionText(capped), { limit: ANSWER_HITS_MAX });
}
