import { formatHelp, formatTopics } from '../../answer/formatBrowse.js';
import { toReplyOptions } from '../payload.js';
import { EVERYWHERE, type Command } from './command.js';

export const topics: Command = {
  data: { name: 'topics', description: 'Browse what the chapters cover', ...EVERYWHERE },
  async execute(interaction, context) {
    await interaction.reply(toReplyOptions(formatTopics(context.index())));
  },
};

export const help: Command = {
  data: { name: 'help', description: 'How to ask the study assistant, with examples', ...EVERYWHERE },
  async execute(interaction, context) {
    await interaction.reply(toReplyOptions(formatHelp(context.index())));
  },
};
