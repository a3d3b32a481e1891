import { ApplicationCommandOptionType, InteractionContextType } from 'discord.js';
import { answer } from '../../answer/answer.js';
import { CHOICE_PREFIX, formatChoices } from '../render/formatChoices.js';
import { formatAnswer } from '../render/formatAnswer.js';
import { formatNote } from '../render/formatNote.js';
import { answerQuestion } from '../answerQuestion.js';
import type { Place } from '../../store/questionStore.js';
import { replyInTime } from '../replyInTime.js';
import { toReplyOptions } from '../replyOptions.js';
import { recordQuestion } from '../recordQuestion.js';
import { EVERYWHERE, type Command } from './command.js';

/** Longest question the option accepts; longer text is an essay, not a question. */
const QUESTION_MAX_LENGTH = 300;

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
function placeOf(context: InteractionContextType | null): Place {
  if (context === InteractionContextType.BotDM) return 'dm';
  return context === InteractionContextType.PrivateChannel ? 'group_dm' : 'guild';
}
