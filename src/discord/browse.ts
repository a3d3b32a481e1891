import { MessageFlags, type APIMessageComponentInteraction } from 'discord-api-types/v10';
import { answerChunk } from '../answer/answer.js';
import type { BotContext } from './botContext.js';
import { confirmSection } from './confirmSection.js';
import { userOf } from './interactionFields.js';
import { resolveChunkRef } from './render/customId.js';
import { formatAnswer } from './render/formatAnswer.js';
import { formatNote } from './render/formatNote.js';
import { messageReply, updateReply, type InteractionReply } from './render/interactionResponse.js';

const EXPIRED = formatNote(
  'This button has expired',
  'The chapters changed since this message was sent. Ask again with `/ask`.',
);

/**
 * Browse: show the chunk a ◀ Previous · Up · Next ▶ button points to, with its own browse buttons, so the
 * chapter can be walked in reading order. The message's owner turns its page in place; anyone else (and a
 * click from a quiz, whose message keeps its Next button) gets a private copy, whose buttons are theirs.
 * Within `CONFIRM_MINUTES` of the student's miss, the section shown confirms their question.
 *
 * @param action The button's state: the chunk to show and whose message it is (`0`: nobody's).
 */
export async function handleBrowse(
  interaction: APIMessageComponentInteraction,
  context: BotContext,
  action: { askerId: string; ref: string },
): Promise<InteractionReply> {
  const index = await context.index();
  const id = resolveChunkRef(action.ref, index.chunks.keys());
  const reply = id === null ? null : answerChunk(index, id);
  if (reply === null) return messageReply(EXPIRED);
  const clicker = userOf(interaction).id;
  // Walking to a section soon after a miss confirms it, as any other pick does.
  await confirmSection(context, { userId: clicker, chunkId: id!, how: 'browse', questionId: null });
  const invoker = interaction.message.interaction_metadata?.user.id;
  const isOwner = action.askerId === clicker && (invoker === undefined || invoker === clicker);
  context.logger.info('browse', { owner: isOwner });
  const payload = formatAnswer(reply, { askerId: clicker, siteUrl: context.config.siteUrl, index });
  return isOwner ? updateReply(payload) : messageReply({ ...payload, flags: MessageFlags.Ephemeral });
}
