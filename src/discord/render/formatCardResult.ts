import { ButtonStyle, MessageFlags, type APIButtonComponent, type APIEmbed } from 'discord-api-types/v10';
import type { Chunk } from '../../content/chapter.js';
import type { Card } from '../../study/card.js';
import { button, buttonRows } from './buttons.js';
import { DISCORD_LIMITS, escapeMarkdown, truncate } from './discordText.js';
import { OPTION_LETTERS, optionLine, stemText } from './formatQuizCard.js';
import type { MessagePayload } from './messagePayload.js';

const COLOR_RIGHT = 0x57f287;
const COLOR_WRONG = 0xed4245;
/** Longest excerpt of the source section shown under an answer. */
const SOURCE_MAX = 700;

/** How an answered question is shown. */
export interface CardResultView {
  card: Card;
  /** The card's source section; null when it is gone (only the card is shown). */
  chunk: Chunk | null;
  /** The option chosen. */
  choice: number;
  /** Above the result: "Question 2 of 5", "Review". */
  heading: string;
  footer: string;
  /** "Next question" (or a last "See how you did"): its label and custom id; null for none. */
  next: { label: string; customId: string } | null;
  /** ◀ Previous · Up · Next ▶ from the source section. */
  browse: APIButtonComponent[];
  isPrivate: boolean;
}

/** The source section under an answer: its heading trail, an excerpt and where it is. */
export function sourceEmbed(chunk: Chunk, color: number): APIEmbed {
  return {
    author: {
      name: truncate(chunk.headings.slice(0, -1).join(' › ') || chunk.chapter, DISCORD_LIMITS.authorName),
    },
    title: truncate(chunk.headings.at(-1) ?? chunk.chapter, DISCORD_LIMITS.embedTitle),
    description: truncate(escapeMarkdown(chunk.text, { keepLineBreaks: true }) || '(no text)', SOURCE_MAX),
    color,
    footer: { text: truncate(`${chunk.source.file}:${chunk.source.line}`, DISCORD_LIMITS.footer) },
  };
}

/**
 * An answer's result: right or wrong, the option chosen and the right one, the question again, then the
 * source section with its heading trail, a "Next" button and the browse buttons.
 */
export function formatCardResult(view: CardResultView): MessagePayload {
  const { card, choice } = view;
  const isCorrect = choice === card.answer;
  const color = isCorrect ? COLOR_RIGHT : COLOR_WRONG;
  const verdict = isCorrect
    ? `✅ **Right:** ${optionLine(card, card.answer)}`
    : `❌ **Your answer:** ${optionLine(card, choice)}\n✅ **Right answer:** ${optionLine(card, card.answer)}`;
  const embeds: APIEmbed[] = [
    {
      author: { name: truncate(view.heading, DISCORD_LIMITS.authorName) },
      title: isCorrect ? 'Right!' : 'Not quite',
      description: truncate(
        `${verdict}\n\n*${card.prompt}*\n${stemText(card)}`,
        DISCORD_LIMITS.embedDescription,
      ),
      color,
      ...(view.footer === '' ? {} : { footer: { text: truncate(view.footer, DISCORD_LIMITS.footer) } }),
    },
  ];
  if (view.chunk !== null) embeds.push(sourceEmbed(view.chunk, color));
  const next = view.next === null ? [] : [button(view.next.label, view.next.customId, ButtonStyle.Success)];
  return {
    embeds,
    components: [...buttonRows(next), ...buttonRows(view.browse)],
    allowed_mentions: { parse: [] },
    ...(view.isPrivate ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** The letter of an option, for notes: "B". */
export function optionLetter(index: number): string {
  return OPTION_LETTERS[index] ?? '?';
}
