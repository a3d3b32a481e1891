import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { findCard } from '../../study/cardDeck.js';
import { summariseProgress } from '../../study/progress.js';
import { formatMissedCsv, type MissedCard } from '../render/formatMissedCsv.js';
import { formatNote } from '../render/formatNote.js';
import { formatProgress } from '../render/formatProgress.js';
import { deferredReply } from '../render/interactionResponse.js';
import type { MessagePayload } from '../render/messagePayload.js';
import type { BotContext } from '../botContext.js';
import { optionValue, userOf } from '../interactionFields.js';
import { replyInTime } from '../replyInTime.js';
import { NO_STORAGE } from '../reviewFlow.js';
import { EVERYWHERE, type Command } from './command.js';

/** The export's file name. */
const MISSED_FILE = 'missed-cards.csv';

/** `/progress`: mastery per service and streak, privately; `export:true` sends the missed cards as CSV. */
export const progress: Command = {
  data: {
    name: 'progress',
    description: 'Your quiz progress: mastery per service and streak',
    ...EVERYWHERE,
    options: [
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'export',
        description: 'Send the cards you missed as a CSV file',
        required: false,
      },
    ],
  },
  async execute(interaction, context) {
    const userId = userOf(interaction).id;
    // A file travels only with a webhook edit (multipart): the export is always deferred.
    if (optionValue(interaction, 'export') === true)
      return deferredReply(true, exportMissed(context, userId));
    return replyInTime(async () => {
      if (context.store === null) return NO_STORAGE;
      const [reviews, days] = await Promise.all([
        context.store.study.reviews(userId),
        context.store.study.answerDays(userId),
      ]);
      return formatProgress(summariseProgress(await context.index(), reviews, days, context.now()));
    }, true);
  },
};

/** The student's missed cards (answered wrong at least once) as a CSV attachment. */
async function exportMissed(context: BotContext, userId: string): Promise<MessagePayload> {
  if (context.store === null) return NO_STORAGE;
  const index = await context.index();
  const missed: MissedCard[] = [];
  for (const review of await context.store.study.reviews(userId)) {
    const card = review.misses > 0 ? findCard(index, review.chunkId, review.cardId) : null;
    const chunk = card === null ? undefined : index.chunks.get(card.chunkId);
    if (card !== null && chunk !== undefined) missed.push({ ...review, card, chunk });
  }
  if (missed.length === 0) {
    return formatNote(
      'Nothing missed',
      'You have not missed a card yet (or the chapters changed since). Try a `/quiz`.',
    );
  }
  context.logger.info('study export', { cards: missed.length });
  return {
    ...formatNote(
      'Your missed cards',
      `${missed.length} ${missed.length === 1 ? 'card' : 'cards'} you answered wrong at least once, with the right answers and where to read up.`,
    ),
    attachments: [{ id: '0', filename: MISSED_FILE, description: 'Missed quiz cards' }],
    files: [
      { name: MISSED_FILE, data: new TextEncoder().encode(formatMissedCsv(missed)), contentType: 'text/csv' },
    ],
  };
}
