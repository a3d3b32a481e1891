import { ApplicationCommandOptionType, InteractionContextType } from 'discord-api-types/v10';
import { topicCards } from '../../study/cardDeck.js';
import { findTopic, matchTopics } from '../../study/topics.js';
import { DISCORD_LIMITS, truncate } from '../render/discordText.js';
import { formatNote } from '../render/formatNote.js';
import { messageReply } from '../render/interactionResponse.js';
import { GROUP_SECONDS, openRound } from '../groupRound.js';
import { optionValue } from '../interactionFields.js';
import { showLeaderboard } from '../leaderboard.js';
import { QUIZ_MAX, quizQuestion } from '../quizFlow.js';
import { replyInTime } from '../replyInTime.js';
import { EVERYWHERE, type Command } from './command.js';

/** Questions in a quiz unless `count` says otherwise. */
const QUIZ_COUNT = 5;

/**
 * `/quiz`: multiple-choice questions generated from the chapters. Privately by default, one at a time;
 * `group:true` asks the channel one question at a time (first right answer scores); `leaderboard:true`
 * shows the server's opt-in leaderboard.
 */
export const quiz: Command = {
  data: {
    name: 'quiz',
    description: 'Quiz yourself (or the channel) on the chapters',
    ...EVERYWHERE,
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'topic',
        description: 'A chapter or service (default: everything)',
        required: false,
        autocomplete: true,
        max_length: 100,
      },
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'count',
        description: `How many questions (default ${QUIZ_COUNT})`,
        required: false,
        min_value: 1,
        max_value: QUIZ_MAX,
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'group',
        description: 'Ask the whole channel: first right answer scores',
        required: false,
      },
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'seconds',
        description: `Group questions: seconds to answer (default ${GROUP_SECONDS})`,
        required: false,
        min_value: 5,
        max_value: 600,
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'leaderboard',
        description: "Show this server's leaderboard (join or leave it there)",
        required: false,
      },
    ],
  },

  async execute(interaction, context) {
    if (optionValue(interaction, 'leaderboard') === true) {
      return replyInTime(() => showLeaderboard(context, interaction), true);
    }
    const typed = optionValue(interaction, 'topic');
    const isGroup = optionValue(interaction, 'group') === true;
    if (isGroup && interaction.context === InteractionContextType.BotDM) {
      return messageReply(
        formatNote(
          'Group questions are for channels',
          'Use `/quiz group:true` in a server channel or group chat.',
        ),
      );
    }
    const index = await context.index();
    const topic = typeof typed === 'string' && typed.trim() !== '' ? findTopic(index, typed) : null;
    if (typeof typed === 'string' && typed.trim() !== '' && topic === null) {
      return messageReply(
        formatNote(
          'No such topic',
          `No chapter or service matches “${truncate(typed, 100)}”. Pick one from the list as you type.`,
        ),
      );
    }
    const topicKey = topic?.key ?? '*';
    if (isGroup) {
      const seconds = clamp(optionValue(interaction, 'seconds'), 5, 600, GROUP_SECONDS);
      return openRound(context, interaction, { topic: topicKey, seconds });
    }
    const count = clamp(optionValue(interaction, 'count'), 1, QUIZ_MAX, QUIZ_COUNT);
    return replyInTime(() => {
      const available = topicCards(index, topic).length;
      if (available === 0)
        return formatNote('No questions', 'The chapters give no questions on that topic yet.');
      const state = {
        topic: topicKey,
        seed: interaction.id,
        count: Math.min(count, available),
        position: 0,
        score: 0,
      };
      return quizQuestion(index, state)!;
    }, true);
  },

  async autocomplete(interaction, context) {
    const focused = interaction.data.options.find((o) => 'focused' in o && o.focused === true);
    const typed = focused !== undefined && 'value' in focused ? String(focused.value) : '';
    return matchTopics(await context.index(), typed)
      .slice(0, DISCORD_LIMITS.choices)
      .map((topic) => ({ name: truncate(topic.label, DISCORD_LIMITS.choiceName), value: topic.key }));
  },
};

/** An integer option within bounds, or the default when absent. */
function clamp(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value)
    ? Math.min(Math.max(value, min), max)
    : fallback;
}
