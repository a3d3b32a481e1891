import type { APIMessageComponentInteraction } from 'discord-api-types/v10';
import { findCardInChapter } from '../study/cardDeck.js';
import type { BotContext } from './botContext.js';
import { handleBrowse } from './browse.js';
import { answerRound, endRound, nextRound } from './groupRound.js';
import { showLeaderboard } from './leaderboard.js';
import { quizQuestion, quizResult } from './quizFlow.js';
import { nextReview, reviewResult } from './reviewFlow.js';
import { recordStudyAnswer } from './studyAnswer.js';
import { formatNote } from './render/formatNote.js';
import { messageReply, updateReply, type InteractionReply } from './render/interactionResponse.js';
import type { StudyAction } from './render/studyCustomId.js';

const EXPIRED = formatNote(
  'This question has expired',
  'The chapters changed since it was asked. Start again with `/quiz` or `/review`.',
);

/**
 * Study mode's buttons, each from the state its custom id carries (checked against the loaded chapters
 * and the store): quiz and review answers and "Next", group rounds, the leaderboard's opt-in, browsing.
 */
export async function handleStudyComponent(
  interaction: APIMessageComponentInteraction,
  context: BotContext,
  action: StudyAction,
): Promise<InteractionReply> {
  switch (action.kind) {
    case 'quizAnswer': {
      const index = await context.index();
      const card = findCardInChapter(index, action.chapterKey, action.cardId);
      if (card === null || action.choice >= card.options.length) return messageReply(EXPIRED);
      const points = interaction.guild_id === undefined ? 0 : 1;
      const outcome = await recordStudyAnswer(context, interaction, card, action.choice, points);
      return updateReply(quizResult(index, action, card, action.choice, outcome.note));
    }
    case 'quizNext': {
      const payload = quizQuestion(await context.index(), action);
      return payload === null ? messageReply(EXPIRED) : updateReply(payload);
    }
    case 'reviewAnswer': {
      const card = findCardInChapter(await context.index(), action.chapterKey, action.cardId);
      if (card === null || action.choice >= card.options.length) return messageReply(EXPIRED);
      const points = interaction.guild_id === undefined ? 0 : 1;
      const outcome = await recordStudyAnswer(context, interaction, card, action.choice, points);
      return updateReply(await reviewResult(context, card, action.choice, action, outcome.note));
    }
    case 'reviewNext':
      return updateReply(await nextReview(context, interaction, action.done, action.score));
    case 'groupAnswer':
      return answerRound(context, interaction, action);
    case 'groupEnd':
      return endRound(context, interaction, action);
    case 'groupNext':
      return nextRound(context, interaction, action);
    case 'leaderboard':
      return updateReply(await showLeaderboard(context, interaction, action.join));
    case 'browse':
      return handleBrowse(interaction, context, action);
  }
}
