import { ButtonStyle, MessageFlags } from 'discord-api-types/v10';
import { button, buttonRows } from './buttons.js';
import { encodeCustomId } from './customId.js';
import { DISCORD_LIMITS, escapeMarkdown, truncate } from './discordText.js';
import { COLOR_QUIZ } from './formatQuizCard.js';
import type { MessagePayload } from './messagePayload.js';

/** A leaderboard line: a name fetched when shown (never stored) and points. */
export interface BoardLine {
  name: string;
  points: number;
}

/** A server's leaderboard, as shown. */
export interface LeaderboardView {
  weekly: BoardLine[];
  allTime: BoardLine[];
  /** Whether the viewer has opted in. */
  isMember: boolean;
}

function lines(board: BoardLine[]): string {
  if (board.length === 0) return 'Nobody yet.';
  const text = board
    .map(
      (line, i) =>
        `**${i + 1}.** ${escapeMarkdown(line.name)} — ${line.points} ${line.points === 1 ? 'point' : 'points'}`,
    )
    .join('\n');
  return truncate(text, DISCORD_LIMITS.fieldValue);
}

/**
 * The server's leaderboard, privately: this week's and all-time points of the students who opted in, and a
 * button to opt in or out. A point is a right answer in `/quiz` or `/review` here, or the first right answer
 * to a group question.
 */
export function formatLeaderboard(view: LeaderboardView): MessagePayload {
  const status = view.isMember
    ? 'You are on this board.'
    : 'You are not on this board: only students who join it appear, by their server name.';
  return {
    embeds: [
      {
        title: 'Quiz leaderboard',
        description: `${status} A point is a right answer in \`/quiz\` or \`/review\` in this server, or the first right answer to a group question.`,
        color: COLOR_QUIZ,
        fields: [
          { name: 'This week', value: lines(view.weekly), inline: true },
          { name: 'All time', value: lines(view.allTime), inline: true },
        ],
      },
    ],
    components: buttonRows([
      view.isMember
        ? button(
            'Leave the leaderboard',
            encodeCustomId({ kind: 'leaderboard', join: false }),
            ButtonStyle.Secondary,
          )
        : button(
            'Join the leaderboard',
            encodeCustomId({ kind: 'leaderboard', join: true }),
            ButtonStyle.Success,
          ),
    ]),
    allowed_mentions: { parse: [] },
    flags: MessageFlags.Ephemeral,
  };
}
