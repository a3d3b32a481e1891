import { MessageFlags, type ButtonInteraction, type StringSelectMenuInteraction } from 'discord.js';
import { answerChunk } from '../answer/answer.js';
import { decodeCustomId, resolveChunkRef } from './render/customId.js';
import { formatTopics } from './render/formatTopics.js';
import { formatAnswer } from './render/formatAnswer.js';
import { formatNote } from './render/formatNote.js';
import type { MessagePayload } from './render/messagePayload.js';
import { answerQuestion } from './answerQuestion.js';
import type { BotContext } from './botContext.js';
import { toReplyOptions, toUpdateOptions } from './replyOptions.js';

const EXPIRED = formatNote(
  'This button has expired',
  'The chapters changed or this message is from an older version. Ask again with `/ask`.',
);

/**
 * Handle a button click or select-menu choice from the state in its custom id. The asker's own clicks
 * update the message in place; anyone else gets a private copy, so nobody can page someone else's answer.
 */
export async function handleComponent(
  interaction: ButtonInteraction | StringSelectMenuInteraction,
  context: BotContext,
): Promise<void> {
  const action = decodeCustomId(interaction.customId);
  const index = await context.index();
  const clicker = interaction.user.id;
  const options = { siteUrl: context.config.siteUrl };
  if (action === null) {
    await interaction.reply(toReplyOptions(EXPIRED));
    return;
  }
  const show = async (payload: MessagePayload, ownerId: string | null): Promise<void> => {
    if (ownerId === clicker) await interaction.update(toUpdateOptions(payload));
    else await interaction.reply(toReplyOptions({ ...payload, flags: MessageFlags.Ephemeral }));
  };
  switch (action.kind) {
    case 'more': {
      const reply = answerQuestion(index, action.question);
      const questionId = action.questionId === 0 ? null : action.questionId;
      await show(
        formatAnswer(reply, { ...options, page: action.page, askerId: clicker, questionId }),
        action.askerId,
      );
      return;
    }
    case 'feedback': {
      const id = resolveChunkRef(action.ref, index.chunks.keys()) ?? action.ref;
      let isSaved = false;
      try {
        context.store?.recordFeedback({
          givenAt: Date.now(),
          userId: clicker,
          questionId: action.questionId === 0 ? null : action.questionId,
          chunkId: id,
          helpful: action.isHelpful,
        });
        isSaved = context.store !== null;
      } catch (error) {
        context.logger.error('storage failed; feedback not saved', { error });
      }
      context.logger.info('feedback', { helpful: action.isHelpful, saved: isSaved });
      const note = isSaved
        ? formatNote(
            'Thanks for the feedback',
            action.isHelpful ? 'Glad it helped.' : 'Noted: organisers will see which answers need work.',
          )
        : formatNote('Feedback not saved', 'Sorry, I could not save that right now.');
      await interaction.reply(toReplyOptions(note));
      return;
    }
    case 'pick': {
      const id = resolveChunkRef(action.ref, index.chunks.keys());
      const reply = id === null ? null : answerChunk(index, id);
      if (reply === null) await interaction.reply(toReplyOptions(EXPIRED));
      else await show(formatAnswer(reply, { ...options, askerId: clicker }), action.askerId);
      return;
    }
    case 'topic': {
      const ref = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
      const id = ref === undefined ? null : resolveChunkRef(ref, index.chunks.keys());
      const reply = id === null ? null : answerChunk(index, id);
      if (reply === null) await interaction.reply(toReplyOptions(EXPIRED));
      else
        await interaction.reply(
          toReplyOptions(formatAnswer(reply, { ...options, askerId: clicker, isPrivate: true })),
        );
      return;
    }
    case 'topics':
      await interaction.update(toUpdateOptions(formatTopics(index, action.page)));
      return;
  }
}
