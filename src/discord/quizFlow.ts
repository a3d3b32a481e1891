import type { KnowledgeIndex } from '../search/buildIndex.js';
import { chapterKeyOf, dealCards, topicCards } from '../study/cardDeck.js';
import { readingStep } from '../study/readingOrder.js';
import { listTopics, type StudyTopic } from '../study/topics.js';
import type { Card } from '../study/card.js';
import { browseButtons } from './render/browseButtons.js';
import { encodeCustomId } from './render/customId.js';
import { formatCardResult } from './render/formatCardResult.js';
import { formatNote } from './render/formatNote.js';
import { formatQuizCard } from './render/formatQuizCard.js';
import type { MessagePayload } from './render/messagePayload.js';

/** Where a private quiz is: which topic (`*` for all), dealt by which seed, how far, how well. */
export interface QuizState {
  topic: string;
  seed: string;
  count: number;
  position: number;
  score: number;
}

/** Only a quiz's state, from an action that carries more (its `kind`, a card, a choice). */
function stateOf({ topic, seed, count, position, score }: QuizState): QuizState {
  return { topic, seed, count, position, score };
}

/** Most questions in one quiz (a custom id carries the numbers). */
export const QUIZ_MAX = 20;

/** The topic a key names (`*`: every chapter, null); undefined when no loaded topic has that key. */
export function topicOfKey(index: KnowledgeIndex, key: string): StudyTopic | null | undefined {
  return key === '*' ? null : listTopics(index).find((topic) => topic.key === key);
}

/** The cards a quiz deals, in order; null when its topic is gone. */
function quizCards(index: KnowledgeIndex, state: QuizState): Card[] | null {
  const topic = topicOfKey(index, state.topic);
  if (topic === undefined) return null;
  return dealCards(topicCards(index, topic), state.seed, Math.min(state.count, QUIZ_MAX));
}

/** The quiz's question at `state.position`, or its score once every question is answered. */
export function quizQuestion(index: KnowledgeIndex, state: QuizState): MessagePayload | null {
  const cards = quizCards(index, state);
  if (cards === null) return null;
  const card = cards[state.position];
  if (card === undefined) {
    return formatNote(
      'Quiz finished',
      `You got **${state.score} of ${cards.length}** right. The cards you missed come back in \`/review\` ` +
        'when they are due (tomorrow for a card missed today); `/progress` shows how you are doing.',
    );
  }
  const chapterKey = chapterKeyOf(index, card);
  return formatQuizCard({
    card,
    heading: `Question ${state.position + 1} of ${cards.length}`,
    answerIds: card.options.map((_option, choice) =>
      encodeCustomId({
        ...stateOf(state),
        kind: 'quizAnswer',
        count: cards.length,
        chapterKey,
        cardId: card.id,
        choice,
      }),
    ),
    note: '',
    footer: state.position === 0 ? 'Only you see this quiz.' : `${state.score} right so far`,
    extra: [],
    isPrivate: true,
  });
}

/** A private quiz's answer: the result, "Next question" (or "See your score") and browse buttons. */
export function quizResult(
  index: KnowledgeIndex,
  state: QuizState,
  card: Card,
  choice: number,
  note: string,
): MessagePayload {
  const score = state.score + (choice === card.answer ? 1 : 0);
  const isLast = state.position + 1 >= state.count;
  return formatCardResult({
    card,
    chunk: index.chunks.get(card.chunkId) ?? null,
    choice,
    heading: `Question ${state.position + 1} of ${state.count}`,
    footer: `${score} of ${state.position + 1} right${note === '' ? '' : ` · ${note}`}`,
    next: {
      label: isLast ? 'See your score' : 'Next question',
      customId: encodeCustomId({ ...stateOf(state), kind: 'quizNext', position: state.position + 1, score }),
    },
    // Reading on opens a private copy, so the quiz message keeps its Next button.
    browse: browseButtons(readingStep(index, card.chunkId), '0'),
    isPrivate: true,
  });
}
