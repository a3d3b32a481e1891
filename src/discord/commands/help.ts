import { formatHelp } from '../render/formatHelp.js';
import { replyInTime } from '../replyInTime.js';
import { EVERYWHERE, type Command } from './command.js';

/** `/help`: how to ask, with examples from the chapters. */
export const help: Command = {
  data: { name: 'help', description: 'How to ask the study assistant, with examples', ...EVERYWHERE },
  async execute(_interaction, context) {
    return replyInTime(async () => formatHelp(await context.index()), true);
  },
};
