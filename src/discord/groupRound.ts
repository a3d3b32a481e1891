import { ButtonStyle, type APIInteraction, type APIMessageComponentInteraction } from 'discord-api-types/v10';
import { dealCards, findCard, topicCards } from '../study/cardDeck.js';
import { readingStep } from '../study/readingOrder.js';
import type { Round } from '../store/studyStore.js';
import type { BotContext } from './botContext.js';
import { displayNames, payloadName } from './displayNames.js';
import { userOf } from './interactionFields.js';
import { topicOfKey } from './quizFlow.js';
import { recordStudyAnswer } from './studyAnswer.js';
import { browseButtons } from './render/browseButtons.js';
import { button } from './render/buttons.js';
import { encodeCustomId } from './render/customId.js';
import { optionLetter } from './render/formatCardResult.js';
import { formatNote } from './render/formatNote.js';
import { formatQuizCard } from './render/formatQuizCard.js';
import { formatRoundResults } from './render/formatRoundResults.js';
import { messageReply, updateReply, type InteractionReply } from './render/interactionResponse.js';
import type { MessagePayload } from './render/messagePayload.js';

/** Seconds a group question stays open unless its host says otherwise. */
export const GROUP_SECONDS = 30;

const EXPIRED = formatNote(
  'This question has expired',
  'The chapters changed or it is from an older version.',
);
const CLOSED = formatNote(
  'This question has closed',
  'Its results are posted; ask for another with `/quiz group:true`.',
);

/** Where a round's settings travel: the topic key and its length, for its results' "Next question". */
interface RoundSettings {
  topic: string;
  seconds: number;
}

/**
 * Post a group question for everyone in the channel: one card of the topic, option buttons, an "End now"
 * button for the host, and the results due at the deadline (an edit the transport schedules; if this
 * process stops first, the next click after the deadline posts them). The round lives in the store.
 *
 * @param interaction The `/quiz group:true` command or the host's "Next question" click: its id is the round's.
 */
export async function openRound(
  context: BotContext,
  interaction: APIInteraction,
  settings: RoundSettings,
): Promise<InteractionReply> {
  const index = await context.index();
  const topic = topicOfKey(index, settings.topic);
  const card = topic === undefined ? undefined : dealCards(topicCards(index, topic), interaction.id, 1)[0];
  if (card === undefined) return messageReply(EXPIRED);
  const roundId = interaction.id;
  const startedAt = context.now();
  const deadline = startedAt + settings.seconds * 1000;
  await context.rounds.openRound({ roundId, cardId: card.id, chunkId: card.chunkId, startedAt, deadline });
  context.logger.info('group question', { seconds: settings.seconds });
  const payload = formatQuizCard({
    card,
    heading: `Group question · asked by ${payloadName(interaction)}`,
    answerIds: card.options.map((_option, choice) =>
      encodeCustomId({
        kind: 'groupAnswer',
        roundId,
        choice,
        topic: settings.topic,
        seconds: settings.seconds,
      }),
    ),
    note: `Everyone may answer once (privately); the first right answer scores. Results <t:${Math.ceil(deadline / 1000)}:R>.`,
    footer: `${settings.seconds} s to answer`,
    extra: [
      button(
        'End now',
        encodeCustomId({ kind: 'groupEnd', roundId, topic: settings.topic, seconds: settings.seconds }),
        ButtonStyle.Danger,
      ),
    ],
    isPrivate: false,
  });
  const round: Round = {
    roundId,
    cardId: card.id,
    chunkId: card.chunkId,
    startedAt,
    deadline,
    isClosed: false,
  };
  return {
    ...messageReply(payload),
    later: {
      at: deadline,
      edit: () => closeRound(context, null, interaction.guild_id ?? null, round, settings),
    },
  };
}

/**
 * Close a round and render its results, once: null when it was closed already (its results are posted).
 *
 * @param interaction The click that closes it, whose user's name is known from it; null for the timer.
 */
async function closeRound(
  context: BotContext,
  interaction: APIInteraction | null,
  guildId: string | null,
  round: Round,
  settings: RoundSettings,
): Promise<MessagePayload | null> {
  const index = await context.index();
  const card = findCard(index, round.chunkId, round.cardId);
  const results = await context.rounds.closeRound(round.roundId, card?.options.length ?? 0);
  if (results === null) return null;
  if (card === null) return EXPIRED;
  let winner: string | null = null;
  if (results.winnerId !== null) {
    const names = await displayNames(context, interaction, guildId ?? '', [results.winnerId]);
    winner = names.get(results.winnerId)!;
  }
  context.logger.info('group results', { answered: results.choices.reduce((a, b) => a + b, 0) });
  return formatRoundResults({
    card,
    chunk: index.chunks.get(card.chunkId) ?? null,
    choices: results.choices,
    winner,
    nextId: encodeCustomId({ kind: 'groupNext', topic: settings.topic, seconds: settings.seconds }),
    browse: browseButtons(readingStep(index, card.chunkId), '0'),
  });
}

/**
 * A student's answer to a group round: stored once per student before the deadline (privately
 * acknowledged, right or wrong told only with the results); the first right answer wins the round's point.
 * A click after the deadline posts the results if nobody has.
 */
export async function answerRound(
  context: BotContext,
  interaction: APIMessageComponentInteraction,
  action: { roundId: string; choice: number } & RoundSettings,
): Promise<InteractionReply> {
  const round = await context.rounds.round(action.roundId);
  const card = round === null ? null : findCard(await context.index(), round.chunkId, round.cardId);
  if (round === null || card === null || action.choice >= card.options.length) return messageReply(EXPIRED);
  const clicker = userOf(interaction).id;
  const now = context.now();
  const outcome = round.isClosed
    ? 'closed'
    : await context.rounds.answerRound(round.roundId, clicker, action.choice, now);
  if (outcome === 'answered already') {
    return messageReply(
      formatNote('Already answered', 'Each student answers a group question once. Results soon!'),
    );
  }
  if (outcome !== 'saved') {
    const results = await closeRound(context, interaction, interaction.guild_id ?? null, round, action);
    return results === null ? messageReply(CLOSED) : updateReply(results);
  }
  const isWin = action.choice === card.answer && (await context.rounds.claimWin(round.roundId, clicker));
  await recordStudyAnswer(context, interaction, card, action.choice, isWin ? 1 : 0);
  return messageReply(
    formatNote(
      'Your answer is in',
      `You chose **${optionLetter(action.choice)}**. Results <t:${Math.ceil(round.deadline / 1000)}:R>, when the question closes.`,
    ),
  );
}

/** The host's "End now": the results at once. Anyone else is told the results come at the deadline. */
export async function endRound(
  context: BotContext,
  interaction: APIMessageComponentInteraction,
  action: { roundId: string } & RoundSettings,
): Promise<InteractionReply> {
  const round = await context.rounds.round(action.roundId);
  if (round === null) return messageReply(EXPIRED);
  if (!isHost(interaction)) {
    return messageReply(
      formatNote('Only the host can end it', `Results come <t:${Math.ceil(round.deadline / 1000)}:R>.`),
    );
  }
  const results = await closeRound(context, interaction, interaction.guild_id ?? null, round, action);
  return results === null ? messageReply(CLOSED) : updateReply(results);
}

/** The host's "Next question": a new round in the channel, on the same topic. */
export async function nextRound(
  context: BotContext,
  interaction: APIMessageComponentInteraction,
  settings: RoundSettings,
): Promise<InteractionReply> {
  if (!isHost(interaction)) {
    return messageReply(formatNote('Only the host can go on', 'Start your own with `/quiz group:true`.'));
  }
  return openRound(context, interaction, settings);
}

/** Whether the clicker started the message's round (Discord says who invoked the message). */
function isHost(interaction: APIMessageComponentInteraction): boolean {
  return interaction.message.interaction_metadata?.user.id === userOf(interaction).id;
}
