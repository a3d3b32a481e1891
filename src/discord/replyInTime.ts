import { MessageFlags, type InteractionEditReplyOptions, type RepliableInteraction } from 'discord.js';
import type { MessagePayload } from './render/messagePayload.js';
import { toReplyOptions } from './replyOptions.js';

/** Discord drops an interaction not answered within 3 s; defer well before that. */
export const DEFER_AFTER_MS = 2000;

/**
 * Reply with a payload, deferring first when producing it takes longer than `DEFER_AFTER_MS`, so the
 * student never sees "The application did not respond".
 *
 * @param interaction The interaction to answer.
 * @param produce Builds the reply; may be slow (an index reload in progress).
 * @param isPrivate Whether a deferred reply must be ephemeral (fixed at deferral time).
 */
export async function replyInTime(
  interaction: RepliableInteraction,
  produce: () => MessagePayload | Promise<MessagePayload>,
  isPrivate: boolean,
  deferAfterMs = DEFER_AFTER_MS,
): Promise<void> {
  const work = Promise.resolve().then(produce);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), deferAfterMs);
  });
  const first = await Promise.race([work, late]);
  clearTimeout(timer);
  if (first !== 'late') {
    await interaction.reply(toReplyOptions(first));
    return;
  }
  await interaction.deferReply(isPrivate ? { flags: MessageFlags.Ephemeral } : {});
  const { flags: _flags, ...options } = toReplyOptions(await work);
  await interaction.editReply(options as InteractionEditReplyOptions);
}
