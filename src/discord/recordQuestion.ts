import type { Answer } from '../answer/answer.js';
import type { Place } from '../store/store.js';
import type { BotContext } from './botContext.js';

/**
 * Store an answered question for the organisers' report. Storage is best effort: a failure is logged
 * (naming DATABASE_PATH or DATABASE_URL and the place) and the answer goes out anyway.
 *
 * @param record `sourceId` is the interaction or message id: the same id delivered twice is stored once.
 * @returns The stored question's id (for feedback buttons), or null when nothing was stored.
 */
export async function recordQuestion(
  context: BotContext,
  record: { place: Place; userId: string; reply: Answer; latencyMs: number; sourceId: string },
): Promise<number | null> {
  const { reply } = record;
  if (context.store === null || (reply.kind === 'noMatch' && reply.reason === 'empty')) return null;
  try {
    return await context.store.recordQuestion({
      askedAt: context.now(),
      place: record.place,
      userId: record.userId,
      question: reply.query,
      verdict: reply.verdict === 'closest' ? 'closest' : reply.kind,
      topIds: reply.kind === 'hits' ? reply.hits.slice(0, 5).map((hit) => hit.chunk.id) : [],
      latencyMs: Math.round(record.latencyMs * 100) / 100,
      sourceId: record.sourceId,
    });
  } catch (error) {
    context.logger.error('storage failed; answering anyway', { error });
    return null;
  }
}
