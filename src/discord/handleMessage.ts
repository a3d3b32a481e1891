import { ChannelType, type Message } from 'discord.js';
import { formatHelp } from './render/formatHelp.js';
import { formatAnswer } from './render/formatAnswer.js';
import { formatNote } from './render/formatNote.js';
import { answerQuestion } from './answerQuestion.js';
import type { BotContext } from './botContext.js';
import { toMessageOptions } from './replyOptions.js';
import { capQuestion } from '../answer/questionLength.js';
import { questionText } from './questionText.js';
import { recordQuestion } from './recordQuestion.js';

/**
 * Answer plain messages (gateway only): any DM to the bot, and guild messages that mention the bot
 * directly. The question is cut to `QUESTION_MAX_LENGTH`, as `/ask` declares. Messages
 * from bots (this one included), and everything else, are ignored.
 */
export async function handleMessage(message: Message, context: BotContext): Promise<void> {
  const me = message.client.user;
  if (message.author.bot || message.system) return;
  const isDm = message.channel.type === ChannelType.DM;
  if (
    !isDm &&
    !message.mentions.has(me, { ignoreEveryone: true, ignoreRoles: true, ignoreRepliedUser: true })
  ) {
    return;
  }
  try {
    const question = capQuestion(message.content.replace(new RegExp(`<@!?${me.id}>`, 'g'), ' ').trim());
    const isBlank = questionText(question) === '';
    const wait = await context.cooldown.take(message.author.id);
    if (wait > 0) {
      context.stats.cooledDown++;
      const note = formatNote('Slow down a little', `You're asking quickly. Try again in ${wait} s.`, false);
      await message.reply(toMessageOptions(note));
      return;
    }
    const started = performance.now();
    const index = await context.index();
    if (isBlank) {
      await message.reply(toMessageOptions(formatHelp(index)));
      return;
    }
    const reply = answerQuestion(index, question);
    const questionId = await recordQuestion(context, {
      place: isDm ? 'dm' : 'guild',
      userId: message.author.id,
      reply,
      latencyMs: performance.now() - started,
      sourceId: message.id,
    });
    const payload = formatAnswer(reply, {
      askerId: message.author.id,
      siteUrl: context.config.siteUrl,
      questionId,
      echo: question,
      index,
    });
    await message.reply(toMessageOptions(payload));
    context.stats.answered++;
    context.logger.info('answer', {
      via: isDm ? 'dm' : 'mention',
      place: isDm ? 'dm' : 'guild',
      verdict: reply.verdict,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  } catch (error) {
    context.stats.failed++;
    context.logger.error('message failed', { error });
    try {
      await message.reply(
        toMessageOptions(formatNote('Something went wrong', 'Sorry, please try again.', false)),
      );
    } catch (notice) {
      context.logger.error('error notice failed', { error: notice });
    }
  }
}
