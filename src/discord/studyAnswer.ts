import type { APIInteraction } from 'discord-api-types/v10';
import type { Card } from '../study/card.js';
import { scheduleAnswer } from '../study/schedule.js';
import type { BotContext } from './botContext.js';
import { userOf } from './interactionFields.js';

/** What became of an answer: right or not, and whether the schedule was stored. */
export interface AnswerOutcome {
  isCorrect: boolean;
  /** Stored: the first answer to this card on this message, with storage on. */
  isSaved: boolean;
  /** For the result's footer: why it was not stored ('' when it was). */
  note: string;
}

const STORAGE_OFF = 'not saved: storage is off';
const REPEATED = 'not counted: you answered this question already';

/**
 * Judge a student's answer to a card and schedule the card for them with FSRS, in the store (under the
 * salted user hash). A card counts once per message it is asked on: a second delivery, or a second click
 * before the message changed (a fast double click, or every option clicked in turn), is not stored and
 * earns nothing. Without a store, or when it fails (logged), the answer is still judged.
 *
 * @param points Leaderboard points a right answer earns in this server (a wrong one earns none).
 */
export async function recordStudyAnswer(
  context: BotContext,
  interaction: APIInteraction,
  card: Card,
  choice: number,
  points: number,
): Promise<AnswerOutcome> {
  const isCorrect = choice === card.answer;
  const { store } = context;
  if (store === null) return { isCorrect, isSaved: false, note: STORAGE_OFF };
  const userId = userOf(interaction).id;
  try {
    const now = context.now();
    const previous = await store.study.review(userId, card.id);
    const isFirst = await store.study.recordAnswer({
      // One answer per card and message; a click without a message (never sent by Discord) by itself.
      sourceId:
        'message' in interaction && interaction.message !== undefined
          ? `${interaction.message.id}:${card.id}`
          : interaction.id,
      userId,
      cardId: card.id,
      chunkId: card.chunkId,
      answeredAt: now,
      isCorrect,
      next: scheduleAnswer(previous?.fsrs ?? null, isCorrect, now),
      guildId: interaction.guild_id ?? null,
      points: isCorrect ? points : 0,
    });
    context.logger.info('study answer', { kind: card.kind, correct: isCorrect, saved: isFirst });
    return { isCorrect, isSaved: isFirst, note: isFirst ? '' : REPEATED };
  } catch (error) {
    context.logger.error('storage failed; answer not scheduled', { error });
    return { isCorrect, isSaved: false, note: 'not saved: storage failed' };
  }
}
