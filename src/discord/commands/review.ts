import { nextReview } from '../reviewFlow.js';
import { replyInTime } from '../replyInTime.js';
import { EVERYWHERE, type Command } from './command.js';

/** `/review`: the cards due for the student (spaced repetition), one at a time, privately. */
export const review: Command = {
  data: {
    name: 'review',
    description: 'Review the quiz cards due for you (spaced repetition)',
    ...EVERYWHERE,
  },
  async execute(interaction, context) {
    return replyInTime(() => nextReview(context, interaction, 0, 0), true);
  },
};
