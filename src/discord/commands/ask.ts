import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { answer } from '../../answer/answer.js';
import { resolveChunkRef } from '../render/customId.js';
import { CHOICE_PREFIX, formatChoices } from '../render/formatChoices.js';
import { formatAnswer } from '../render/formatAnswer.js';
import { formatNote } from '../render/formatNote.js';
import { messageReply } from '../render/interactionResponse.js';
import { capQuestion, QUESTION_MAX_LENGTH } from '../../answer/questionLength.js';
import { answerQuestion } from '../answerQuestion.js';
import { confirmSection } from '../confirmSection.js';
import { optionUser, optionValue, placeOf, userOf } from '../interactionFields.js';
import { replyInTime } from '../replyInTime.js';
import { recordQuestion } from '../recordQuestion.js';
import { EVERYWHERE, type Command } from './command.js';

/** `/ask`: the answer to a question (or to an autocomplete pick), with paging and feedback buttons. */
export const ask: Command = {
  data: {
    name: 'ask',
    description: 'Ask a question about the course chapters',
    ...EVERYWHERE,
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'question',
        description: 'Your question about the course chapters',
        required: true,
        autocomplete: true,
        max_length: QUESTION_MAX_LENGTH,
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'private',
        description: 'Only you see the answer',
        required: false,
      },
      {
        type: ApplicationCommandOptionType.User,
        name: 'for',
        description: 'Address the answer to a classmate',
        required: false,
      },
    ],
  },

  async execute(interaction, context) {
    const typed = optionValue(interaction, 'question');
    // Discord enforces max_length, but a request can claim anything: cut it here too.
    const question = capQuestion(typeof typed === 'string' ? typed : '');
    const isPrivate = optionValue(interaction, 'private') === true;
    const asker = userOf(interaction);
    const forUser = optionUser(interaction, 'for');
    const place = placeOf(interaction);
    const wait = await context.cooldown.take(asker.id);
    if (wait > 0) {
      context.stats.cooledDown++;
      context.logger.info('cooldown', { place });
      return messageReply(formatNote('Slow down a little', `You're asking quickly. Try again in ${wait} s.`));
    }
    const started = performance.now();
    return replyInTime(async () => {
      const index = await context.index();
      const reply = answerQuestion(index, question);
      // An autocomplete pick (`chunk:<ref>`) answers one section: after a miss, it confirms it.
      const picked = question.startsWith(CHOICE_PREFIX)
        ? resolveChunkRef(question.slice(CHOICE_PREFIX.length), index.chunks.keys())
        : null;
      if (picked !== null && index.chunks.has(picked)) {
        await confirmSection(context, {
          userId: asker.id,
          chunkId: picked,
          how: 'autocomplete',
          questionId: null,
        });
      }
      const questionId = await recordQuestion(context, {
        place,
        userId: asker.id,
        reply,
        latencyMs: performance.now() - started,
        sourceId: interaction.id,
      });
      context.stats.answered++;
      context.logger.info('answer', {
        via: 'ask',
        place,
        verdict: reply.verdict,
        private: isPrivate,
        ms: Math.round((performance.now() - started) * 10) / 10,
      });
      return formatAnswer(reply, {
        askerId: asker.id,
        questionId,
        echo: question.startsWith(CHOICE_PREFIX) ? null : question,
        forUserId: forUser !== null && forUser.bot !== true && forUser.id !== asker.id ? forUser.id : null,
        isPrivate,
        siteUrl: context.config.siteUrl,
        index,
      });
    }, isPrivate);
  },

  async autocomplete(interaction, context) {
    const focused = interaction.data.options.find((o) => 'focused' in o && o.focused === true);
    const typed = capQuestion(focused !== undefined && 'value' in focused ? String(focused.value) : '');
    const index = await context.index();
    const reply = typed.trim() === '' ? answer(index, '') : answer(index, typed, { limit: 24 });
    return formatChoices(typed, reply);
  },
};
