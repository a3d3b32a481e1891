import { formatTopics } from '../render/formatTopics.js';
import { replyInTime } from '../replyInTime.js';
import { EVERYWHERE, type Command } from './command.js';

/** `/topics`: browse the chapters' services and features. */
export const topics: Command = {
  data: { name: 'topics', description: 'Browse what the chapters cover', ...EVERYWHERE },
  async execute(_interaction, context) {
    return replyInTime(async () => formatTopics(await context.index()), true);
  },
};
