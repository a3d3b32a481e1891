import { ComponentType, MessageFlags, type APIMessageComponentInteraction } from 'discord-api-types/v10';
import { answerChunk } from '../answer/answer.js';
import type { KnowledgeIndex } from '../search/buildIndex.js';
import { decodeCustomId, resolveChunkRef, type ComponentAction } from './render/customId.js';
import type { StudyAction } from './render/studyCustomId.js';
import { formatTopics } from './render/formatTopics.js';
import { formatAnswer } from './render/formatAnswer.js';
import { formatNote } from './render/formatNote.js';
import { messageReply, updateReply, type InteractionReply } from './render/interactionResponse.js';
import type { MessagePayload } from './render/messagePayload.js';
import { answerQuestion } from './answerQuestion.js';
import type { BotContext } from './botContext.js';
import { handleStudyComponent } from './handleStudyComponent.js';
import { confirmSection } from './confirmSection.js';
import { userOf } from './interactionFields.js';

const EXPIRED = formatNote(
  'This button has expired',
  'The chapters changed or this message is from an older version. Ask again with `/ask`.',
);
const NOT_SAVED = formatNote('Feedback not saved', 'Sorry, I could not save that right now.');
const NOT_YOURS = formatNote('Feedback not saved', 'Only the student who asked can rate this answer.');

/** A chunk id from a ref in a custom id or menu value, only when the current chapters have that chunk. */
function knownChunk(index: KnowledgeIndex, ref: string | undefined): string | null {
  const id = ref === undefined ? null : resolveChunkRef(ref, index.chunks.keys());
  return id !== null && index.chunks.has(id) ? id : null;
}

/**
 * Handle a button click or select-menu choice from the state in its custom id, checked before use: the
 * chunk must exist, and feedback must come from the asker of a stored question. The asker's own clicks
 * update the message in place; anyone else gets a private copy, so nobody can page someone else's answer.
 */
export async function handleComponent(
  interaction: APIMessageComponentInteraction,
  context: BotContext,
): Promise<InteractionReply> {
  const action = decodeCustomId(interaction.data.custom_id);
  if (action === null) return messageReply(EXPIRED);
  if (!BASE_KINDS.has(action.kind)) return handleStudyComponent(interaction, context, action as StudyAction);
  const index = await context.index();
  const clicker = userOf(interaction).id;
  const options = { siteUrl: context.config.siteUrl, index };
  // The message says who invoked it when it came from a command: a custom id cannot claim another owner.
  const invoker = interaction.message.interaction_metadata?.user.id;
  const show = (payload: MessagePayload, ownerId: string | null): InteractionReply =>
    ownerId === clicker && (invoker === undefined || invoker === ownerId)
      ? updateReply(payload)
      : messageReply({ ...payload, flags: MessageFlags.Ephemeral });
  switch (action.kind) {
    case 'more': {
      const reply = answerQuestion(index, action.question);
      const questionId = await ownQuestion(context, action.questionId, clicker);
      const page =
        reply.kind === 'hits' ? reply.hits[Math.min(action.page, reply.hits.length - 1)] : undefined;
      if (questionId !== null && page !== undefined) {
        await confirmSection(context, { userId: clicker, chunkId: page.chunk.id, how: 'more', questionId });
      }
      return show(
        formatAnswer(reply, { ...options, page: action.page, askerId: clicker, questionId }),
        action.askerId,
      );
    }
    case 'feedback':
      return messageReply(await recordFeedback(context, knownChunk(index, action.ref), action, clicker));
    case 'pick': {
      const id = knownChunk(index, action.ref);
      const reply = id === null ? null : answerChunk(index, id);
      if (reply === null) return messageReply(EXPIRED);
      await confirmSection(context, { userId: clicker, chunkId: id!, how: 'suggestion', questionId: null });
      return show(formatAnswer(reply, { ...options, askerId: clicker }), action.askerId);
    }
    case 'topic': {
      const values =
        interaction.data.component_type === ComponentType.StringSelect ? interaction.data.values : [];
      const id = knownChunk(index, values[0]);
      const reply = id === null ? null : answerChunk(index, id);
      if (reply === null) return messageReply(EXPIRED);
      await confirmSection(context, { userId: clicker, chunkId: id!, how: 'topics', questionId: null });
      return messageReply(formatAnswer(reply, { ...options, askerId: clicker, isPrivate: true }));
    }
    case 'topics':
      return updateReply(formatTopics(index, action.page));
    default:
      return messageReply(EXPIRED);
  }
}

/** The actions handled here; study mode's are `handleStudyComponent`'s. */
const BASE_KINDS = new Set<ComponentAction['kind']>(['more', 'feedback', 'pick', 'topic', 'topics']);

/** The stored question's id when the clicker asked it (their feedback buttons then carry it), else null. */
async function ownQuestion(context: BotContext, questionId: number, clicker: string): Promise<number | null> {
  if (questionId === 0 || context.store === null) return null;
  try {
    return (await context.store.isAsker(questionId, clicker)) ? questionId : null;
  } catch (error) {
    context.logger.error('storage failed; answering without feedback buttons', { error });
    return null;
  }
}

/** Store a feedback click when its chunk is known and the clicker asked the stored question. */
async function recordFeedback(
  context: BotContext,
  chunkId: string | null,
  action: { isHelpful: boolean; questionId: number },
  clicker: string,
): Promise<MessagePayload> {
  if (chunkId === null || action.questionId === 0 || context.store === null) {
    context.logger.info('feedback', { helpful: action.isHelpful, saved: false });
    return chunkId === null ? EXPIRED : NOT_SAVED;
  }
  try {
    const outcome = await context.store.recordFeedback({
      givenAt: context.now(),
      userId: clicker,
      questionId: action.questionId,
      chunkId,
      helpful: action.isHelpful,
    });
    context.logger.info('feedback', { helpful: action.isHelpful, saved: outcome === 'saved', outcome });
    if (outcome === 'saved' && action.isHelpful) {
      await confirmSection(context, {
        userId: clicker,
        chunkId,
        how: 'helpful',
        questionId: action.questionId,
      });
    } else if (outcome === 'saved') {
      await context.store.withdrawConfirmation(clicker, action.questionId, chunkId);
    }
    if (outcome === 'unknown question') return EXPIRED;
    if (outcome === 'not the asker') return NOT_YOURS;
    return formatNote(
      'Thanks for the feedback',
      action.isHelpful ? 'Glad it helped.' : 'Noted: organisers will see which answers need work.',
    );
  } catch (error) {
    context.logger.error('storage failed; feedback not saved', { error });
    return NOT_SAVED;
  }
}
