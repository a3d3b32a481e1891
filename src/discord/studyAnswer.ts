import type { APIInteraction } from 'discord-api-types/v10';
import type { Card } from '../study/card.js';
import { scheduleAnswer } from '../study/schedule.js';
import type { BotContext } from './botContext.js';
import { userOf } from './interactionFields.js';

/** What became of an answer: right or not, and whether the schedule was stored. */
export interface AnswerOutcome {
  isCorrect: boolean;
  isSaved: boolean;
}

/**
 * Judge a student's answer to a card and schedule the card for them with FSRS, in the store (under the
 * salted user hash, the interaction id making a second delivery count once). Without a store, or when it
 * fails (logged), the answer is still judged.
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
  if (store === null) return { isCorrect, isSaved: false };
  const userId = userOf(interaction).id;
  try {
    const now = context.now();
    const previous = await store.study.review(userId, card.id);
    await store.study.recordAnswer({
      sourceId: interaction.id,
      userId,
      cardId: card.id,
      chunkId: card.chunkId,
      answeredAt: now,
      isCorrect,
      next: scheduleAnswer(previous?.fsrs ?? null, isCorrect, now),
      guildId: interaction.guild_id ?? null,
      points: isCorrect ? points : 0,
    });
    context.logger.info('study answer', { kind: card.kind, correct: isCorrect });
    return { isCorrect, isSaved: true };
  } catch (error) {
    context.logger.error('storage failed; answer not scheduled', { error });
    return { isCorrect, isSaved: false };
  }
}
