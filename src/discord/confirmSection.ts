import type { ConfirmedHow } from '../store/learningStore.js';
import type { BotContext } from './botContext.js';

/** A student's confirmation of a section: a Helpful vote, or a pick after a miss. */
export interface SectionPick {
  userId: string;
  chunkId: string;
  how: ConfirmedHow;
  /** The stored question it is for; null for a pick that carries none (the student's latest miss counts). */
  questionId: number | null;
}

/**
 * The one confirmation hook every path calls (Helpful, "did you mean", autocomplete, More results, the
 * topics menu, browse buttons): store that the student's question is answered by this
 * section. A pick counts only within `CONFIRM_MINUTES` of the student's miss (a declined or `closest`
 * answer, or one they marked Not helpful); the store decides. Best effort: a failure is logged, never shown.
 */
export async function confirmSection(context: BotContext, pick: SectionPick): Promise<void> {
  if (context.store === null) return;
  try {
    const outcome = await context.store.recordConfirmation({
      ...pick,
      confirmedAt: context.now(),
      windowMs: context.config.confirmMinutes * 60_000,
    });
    context.logger.info('confirmation', { how: pick.how, saved: outcome === 'saved', outcome });
  } catch (error) {
    context.logger.error('storage failed; confirmation not saved', { error });
  }
}
