import type { APIInteraction } from 'discord-api-types/v10';
import type { BotContext } from './botContext.js';
import { displayNames } from './displayNames.js';
import { userOf } from './interactionFields.js';
import { formatLeaderboard, type BoardLine } from './render/formatLeaderboard.js';
import { formatNote } from './render/formatNote.js';
import type { MessagePayload } from './render/messagePayload.js';
import { DAY_MS } from '../store/store.js';

/** Rows per board. */
const BOARD_SIZE = 10;

/**
 * The server's leaderboard for the viewer, optionally after opting them in or out: weekly and all-time
 * points of the students who opted in, by names fetched now (never stored).
 *
 * @param join Opt the viewer in (true) or out (false) first; undefined to only show.
 */
export async function showLeaderboard(
  context: BotContext,
  interaction: APIInteraction,
  join?: boolean,
): Promise<MessagePayload> {
  const guildId = interaction.guild_id;
  if (guildId === undefined) {
    return formatNote('Leaderboards are per server', 'Open `/quiz leaderboard:true` in a server channel.');
  }
  const { store } = context;
  if (store === null) {
    return formatNote('No leaderboard', 'The question store is off or unavailable, so no points are kept.');
  }
  const viewer = userOf(interaction).id;
  const now = context.now();
  if (join !== undefined) {
    await store.study.setLeaderboard(guildId, viewer, join, now);
    context.logger.info('leaderboard', { joined: join });
  }
  const [weekly, allTime, isMember] = await Promise.all([
    store.study.leaderboard(guildId, now - 7 * DAY_MS, BOARD_SIZE),
    store.study.leaderboard(guildId, 0, BOARD_SIZE),
    store.study.isOnLeaderboard(guildId, viewer),
  ]);
  const names = await displayNames(
    context,
    interaction,
    guildId,
    [...weekly, ...allTime].map((row) => row.userId),
  );
  const lines = (rows: typeof weekly): BoardLine[] =>
    rows.map((row) => ({ name: names.get(row.userId)!, points: row.points }));
  return formatLeaderboard({ weekly: lines(weekly), allTime: lines(allTime), isMember });
}
