import type { MessagePayload } from './render/messagePayload.js';
import { deferredReply, messageReply, type InteractionReply } from './render/interactionResponse.js';

/** Discord drops an interaction not answered within 3 s; defer well before that. */
export const DEFER_AFTER_MS = 2000;

/**
 * Reply with a payload, or defer first when producing it takes longer than `deferAfterMs`, so the
 * student never sees "The application did not respond": the transport then edits the original response.
 *
 * @param produce Builds the reply; may be slow (an index reload in progress).
 * @param isPrivate Whether a deferred reply must be ephemeral (fixed at deferral time).
 * @param deferAfterMs How long to wait before deferring; default `DEFER_AFTER_MS`.
 */
export async function replyInTime(
  produce: () => MessagePayload | Promise<MessagePayload>,
  isPrivate: boolean,
  deferAfterMs = DEFER_AFTER_MS,
): Promise<InteractionReply> {
  const work = Promise.resolve().then(produce);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), deferAfterMs);
  });
  // A failure before the deadline rises to the error boundary; one after it is the transport's to report.
  const first = await Promise.race([work, late]);
  clearTimeout(timer);
  return first === 'late' ? deferredReply(isPrivate, work) : messageReply(first);
}
