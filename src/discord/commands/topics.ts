import { formatTopics } from '../render/formatTopics.js';
import { replyInTime } from '../replyInTime.js';
import { EVERYWHERE, type Command } from './command.js';

export const topics: Command = {
  data: { name: 'topics', description: 'Browse what the chapters cover', ...EVERYWHERE },
  async execute(interaction, context) {
    await replyInTime(interaction, async () => formatTopics(await context.index()), true);
  },
};
