import { MessageFlags } from 'discord-api-types/v10';
import type { Progress } from '../../study/progress.js';
import { DISCORD_LIMITS, truncate } from './discordText.js';
import { bar } from './formatRoundResults.js';
import { COLOR_QUIZ } from './formatQuizCard.js';
import type { MessagePayload } from './messagePayload.js';

/** Width of the service names in the chart. */
const NAME_WIDTH = 26;

/** A label in the chart's code block: fixed width, and no backtick to close the block early. */
function chartLabel(label: string): string {
  const clean = label.replace(/`/g, "'");
  return ([...clean].length > NAME_WIDTH ? truncate(clean, NAME_WIDTH) : clean).padEnd(NAME_WIDTH);
}

/**
 * A student's progress, privately: streak, cards answered, due and missed, and a text bar chart of
 * mastery per service (cards whose last answer was right, out of the service's cards).
 */
export function formatProgress(progress: Progress): MessagePayload {
  const days = progress.streak === 1 ? 'day' : 'days';
  const head =
    `🔥 Streak: **${progress.streak}** ${days} · **${progress.answered}** cards answered · ` +
    `**${progress.due}** due now · **${progress.missed}** missed at least once`;
  const rows = progress.services.map((service) => {
    const share = service.total === 0 ? 0 : Math.round((service.known / service.total) * 100);
    return `${chartLabel(service.label)} ${bar(service.known, service.total)} ${String(share).padStart(3)} % (${service.known}/${service.total})`;
  });
  const hint =
    progress.answered === 0
      ? 'Take a `/quiz` to start; cards you miss come back in `/review`.'
      : '`/review` serves the cards due; `/progress export:true` sends the missed ones as a CSV file.';
  return {
    embeds: [
      {
        title: 'Your progress',
        description: truncate(
          `${head}\n\n**Mastery per service**\n\`\`\`\n${rows.join('\n')}\n\`\`\`\n${hint}`,
          DISCORD_LIMITS.embedDescription,
        ),
        color: COLOR_QUIZ,
      },
    ],
    components: [],
    allowed_mentions: { parse: [] },
    flags: MessageFlags.Ephemeral,
  };
}
