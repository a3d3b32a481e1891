import { ButtonStyle, type APIButtonComponent, type APIEmbed } from 'discord-api-types/v10';
import type { Chunk } from '../../content/chapter.js';
import type { Card } from '../../study/card.js';
import { button, buttonRows } from './buttons.js';
import { DISCORD_LIMITS, escapeMarkdown, truncate } from './discordText.js';
import { optionLine, stemText } from './formatQuizCard.js';
import { sourceEmbed } from './formatCardResult.js';
import type { MessagePayload } from './messagePayload.js';

const COLOR_RESULTS = 0x57f287;
/** Width of a result bar, in blocks. */
const BAR_WIDTH = 10;

/** A closed group round, as its results show it. */
export interface RoundResultsView {
  card: Card;
  chunk: Chunk | null;
  /** Students per option. */
  choices: number[];
  /** The first right answerer's name (fetched now, never stored); null when nobody answered right. */
  winner: string | null;
  /** The host's "Next question" custom id; null for none. */
  nextId: string | null;
  browse: APIButtonComponent[];
}

/** A bar of `count` out of `total`, `BAR_WIDTH` blocks wide. */
export function bar(count: number, total: number): string {
  const filled = total === 0 ? 0 : Math.round((count / total) * BAR_WIDTH);
  return '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
}

/**
 * A group round's results: the question, each option with how many chose it (the right one marked), how
 * many answered and who answered right first; then the source section. Names are plain text: nothing pings.
 */
export function formatRoundResults(view: RoundResultsView): MessagePayload {
  const { card, choices } = view;
  const total = choices.reduce((sum, n) => sum + n, 0);
  const right = choices[card.answer] ?? 0;
  const lines = card.options.map(
    (_option, i) =>
      `${i === card.answer ? '✅' : '▫️'} ${optionLine(card, i)}\n\`${bar(choices[i] ?? 0, total)}\` ${choices[i] ?? 0}`,
  );
  const summary =
    total === 0
      ? 'Nobody answered.'
      : `${total} answered, ${right} right. ` +
        (view.winner === null
          ? 'Nobody answered right.'
          : `First right answer: **${escapeMarkdown(view.winner)}** (+1 point).`);
  const embeds: APIEmbed[] = [
    {
      author: { name: 'Group question — results' },
      title: truncate(card.prompt, DISCORD_LIMITS.embedTitle),
      description: truncate(
        `${stemText(card)}\n\n${lines.join('\n')}\n\n${summary}`,
        DISCORD_LIMITS.embedDescription,
      ),
      color: COLOR_RESULTS,
    },
  ];
  if (view.chunk !== null) embeds.push(sourceEmbed(view.chunk, COLOR_RESULTS));
  const next = view.nextId === null ? [] : [button('Next question', view.nextId, ButtonStyle.Success)];
  return {
    embeds,
    components: [...buttonRows(next), ...buttonRows(view.browse)],
    allowed_mentions: { parse: [] },
  };
}
