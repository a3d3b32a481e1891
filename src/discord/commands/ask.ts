import { answer, answerChunk, type Answer } from '../../answer/answer.js';
import { resolveChunkRef } from '../../answer/customId.js';
import { CHOICE_PREFIX, formatChoices } from '../../answer/formatChoices.js';
import { formatAnswer, formatNote } from '../../answer/formatMessage.js';
import type { KnowledgeIndex } from '../../search/buildIndex.js';
import { ANSWER_HITS_MAX, type Place } from '../context.js';
import { replyInTime } from '../respond.js';
import { toReplyOptions } from '../payload.js';
import { questionText } from '../questionText.js';
import { recordQuestion } from '../record.js';
import { EVERYWHERE, type Command } from './command.js';

/** Longest question the option accepts; longer text is an essay, not a question. */
export const QUESTION_MAX_LENGTH = 300;

/**
 * Answer a question, or exactly one chunk when it is an autocomplete pick (`chunk:<ref>`). Mentions and
 * emoji are not part of the question: the answer's query is the text searched (the echo is the caller's).
 */
export function answerQuestion(index: KnowledgeIndex, question: string): Answer {
  if (question.startsWith(CHOICE_PREFIX)) {
    const id = resolveChunkRef(question.slice(CHOICE_PREFIX.length), index.chunks.keys());
    const picked = id === null ? null : answerChunk(index, id);
    if (picked !== null) return picked;
  }
  return answer(index, questionText(question), { limit: ANSWER_HITS_MAX });
}

export const ask: Command = {
  data: {
    name: 'ask',
    description: 'Ask a question about the course chapters',
    ...EVERYWHERE,
    options: [
      {
        type: 3,
        name: 'question',
        description: 'Your question about the course chapters',
        required: true,
        autocomplete: true,
        max_length: QUESTION_MAX_LENGTH,
      },
      { type: 5, name: 'private', description: 'Only you see the answer', required: false },
      { type: 6, name: 'for', description: 'Address the answer to a classmate', required: false },
    ],
  },

  async execute(interaction, context) {
    const question = interaction.options.getString('question', true);
    const isPrivate = interaction.options.getBoolean('private') ?? false;
    const forUser = interaction.options.getUser('for');
    const wait = context.cooldown.take(interaction.user.id);
    if (wait > 0) {
      await interaction.reply(
        toReplyOptions(formatNote('Slow down a little', `You're asking quickly. Try again in ${wait} s.`)),
      );
      context.stats.cooledDown++;
      context.logger.info('cooldown', { place: placeOf(interaction.context) });
      return;
    }
    const started = performance.now();
    let verdict = 'hits';
    await replyInTime(
      interaction,
      async () => {
        const reply = answerQuestion(await context.index(), question);
        verdict = reply.kind;
        const questionId = recordQuestion(context, {
          place: placeOf(interaction.context),
          userId: interaction.user.id,
          reply,
          latencyMs: performance.now() - started,
        });
        return formatAnswer(reply, {
          askerId: interaction.user.id,
          questionId,
          echo: question.startsWith(CHOICE_PREFIX) ? null : question,
          forUserId:
            forUser !== null && !forUser.bot && forUser.id !== interaction.user.id ? forUser.id : null,
          isPrivate,
          siteUrl: context.config.siteUrl,
        });
      },
      isPrivate,
    );
    context.stats.answered++;
    context.logger.info('answer', {
      via: 'ask',
      place: placeOf(interaction.context),
      verdict,
      private: isPrivate,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  },

  async autocomplete(interaction, context) {
    const typed = interaction.options.getFocused();
    const index = await context.index();
    const reply = typed.trim() === '' ? answer(index, '') : answer(index, typed, { limit: 24 });
    await interaction.respond(formatChoices(typed, reply));
  },
};

/** Where an interaction happened, from its context type. */
export function placeOf(context: number | null | undefined): Place {
  return context === 1 ? 'dm' : context === 2 ? 'group_dm' : 'guild';
}
