import { ButtonStyle, MessageFlags, type APIButtonComponent } from 'discord-api-types/v10';
import type { Card } from '../../study/card.js';
import { button, buttonRows } from './buttons.js';
import { DISCORD_LIMITS, escapeMarkdown, truncate } from './discordText.js';
import type { MessagePayload } from './messagePayload.js';

/** Option letters, in option order. */
export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];
export const COLOR_QUIZ = 0x9b59b6;
/** Longest option text shown on its button; the full text is in the embed. */
const OPTION_LABEL_MAX = 60;
/** Longest stem shown; a long explanation is cut at a word. */
const STEM_MAX = 2500;

/** How a question is shown. */
export interface QuizCardView {
  card: Card;
  /** Above the question: "Question 2 of 5", "Review", "Group question". */
  heading: string;
  /** The custom id of each option's button, in option order. */
  answerIds: string[];
  /** A line under the options ("Everyone may answer once…"); empty for none. */
  note: string;
  /** Below the question: progress, score. */
  footer: string;
  /** Buttons after the options' row (a group's "End now"). */
  extra: APIButtonComponent[];
  isPrivate: boolean;
}

/** The stem as shown: escaped, so its `___` blank reads as a blank and nothing in it formats or pings. */
export function stemText(card: Card): string {
  return truncate(escapeMarkdown(card.stem, { keepLineBreaks: true }), STEM_MAX);
}

/** An option as listed: "**A.** text". */
export function optionLine(card: Card, index: number): string {
  return `**${OPTION_LETTERS[index]}.** ${escapeMarkdown(card.options[index] ?? '')}`;
}

/** A quiz question: the prompt, the stem with its blank, the options A–D, one button per option. */
export function formatQuizCard(view: QuizCardView): MessagePayload {
  const { card } = view;
  const options = card.options.map((_option, i) => optionLine(card, i)).join('\n');
  const buttons = card.options.map((option, i) =>
    button(
      truncate(`${OPTION_LETTERS[i]} · ${option}`, OPTION_LABEL_MAX),
      view.answerIds[i]!,
      ButtonStyle.Primary,
    ),
  );
  return {
    embeds: [
      {
        author: { name: truncate(view.heading, DISCORD_LIMITS.authorName) },
        title: truncate(card.prompt, DISCORD_LIMITS.embedTitle),
        description: truncate(
          `${stemText(card)}\n\n${options}${view.note === '' ? '' : `\n\n${view.note}`}`,
          DISCORD_LIMITS.embedDescription,
        ),
        color: COLOR_QUIZ,
        ...(view.footer === '' ? {} : { footer: { text: truncate(view.footer, DISCORD_LIMITS.footer) } }),
      },
    ],
    components: [...buttonRows(buttons), ...buttonRows(view.extra)],
    allowed_mentions: { parse: [] },
    ...(view.isPrivate ? { flags: MessageFlags.Ephemeral } : {}),
  };
}
