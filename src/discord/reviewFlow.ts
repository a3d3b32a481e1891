import type { APIInteraction } from 'discord-api-types/v10';
import { chapterKeyOf, findCard } from '../study/cardDeck.js';
import type { Card } from '../study/card.js';
import { readingStep } from '../study/readingOrder.js';
import type { BotContext } from './botContext.js';
import { userOf } from './interactionFields.js';
import { browseButtons } from './render/browseButtons.js';
import { encodeCustomId } from './render/customId.js';
import { formatCardResult } from './render/formatCardResult.js';
import { formatNote } from './render/formatNote.js';
import { formatQuizCard } from './render/formatQuizCard.js';
import type { MessagePayload } from './render/messagePayload.js';

/** Due cards read from the store at a time (cards whose chapter changed are skipped). */
const DUE_BATCH = 25;

export const NO_STORAGE = formatNote(
  'Reviews are off',
  'Spaced review needs the question store, which is off or unavailable here; `/quiz` still works.',
);

/**
 * The student's next due card as a question (from the store: any instance serves it), or a note that
 * nothing is due, with how the session went.
 *
 * @param done Cards reviewed so far in this session; `score` of them right.
 */
export async function nextReview(
  context: BotContext,
  interaction: APIInteraction,
  done: number,
  score: number,
): Promise<MessagePayload> {
  const { store } = context;
  if (store === null) return NO_STORAGE;
  const index = await context.index();
  const due = await store.study.dueCards(userOf(interaction).id, context.now(), DUE_BATCH);
  const card = due.map((review) => findCard(index, review.chunkId, review.cardId)).find((c) => c !== null);
  if (card === undefined) {
    const session = done === 0 ? '' : ` You reviewed ${done} and got ${score} right.`;
    return formatNote(
      'Nothing due',
      `No card is due for review now.${session} Missed cards come back the next day, known ones later; take a \`/quiz\` for new ones.`,
    );
  }
  const chapterKey = chapterKeyOf(index, card);
  return formatQuizCard({
    card,
    heading: `Review · card ${done + 1}`,
    answerIds: card.options.map((_option, choice) =>
      encodeCustomId({ kind: 'reviewAnswer', done, score, chapterKey, cardId: card.id, choice }),
    ),
    note: '',
    footer: due.length >= DUE_BATCH ? `${DUE_BATCH}+ due` : `${due.length} due`,
    extra: [],
    isPrivate: true,
  });
}

/** A review answer's result, with "Next card" and browse buttons. */
export async function reviewResult(
  context: BotContext,
  card: Card,
  choice: number,
  state: { done: number; score: number },
  note: string,
): Promise<MessagePayload> {
  const index = await context.index();
  const score = state.score + (choice === card.answer ? 1 : 0);
  return formatCardResult({
    card,
    chunk: index.chunks.get(card.chunkId) ?? null,
    choice,
    heading: `Review · card ${state.done + 1}`,
    footer: `${score} of ${state.done + 1} right this session${note === '' ? '' : ` · ${note}`}`,
    next: {
      label: 'Next card',
      customId: encodeCustomId({ kind: 'reviewNext', done: state.done + 1, score }),
    },
    browse: browseButtons(readingStep(index, card.chunkId), '0'),
    isPrivate: true,
  });
}
