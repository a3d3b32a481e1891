import type { APIEmbed } from 'discord-api-types/v10';
import { EPHEMERAL } from './buttons.js';
import { DISCORD_LIMITS, truncate } from './discordText.js';
import type { MessagePayload } from './formatAnswer.js';

/** What organisers see: what students asked, what the chapters answered badly, and what nobody asked. */
export interface Report {
  since: string;
  until: string;
  /** Questions asked in the window. */
  questions: number;
  declined: number;
  /** declined / questions (0 when no questions). */
  declinedShare: number;
  places: Record<'guild' | 'dm' | 'group_dm', number>;
  /** Declined questions grouped by normalized text, most asked first. */
  unanswered: { question: string; count: number }[];
  /** Chunks with the most "not helpful" clicks. */
  notHelpful: { id: string; label: string; notHelpful: number; helpful: number }[];
  feedback: { helpful: number; notHelpful: number };
  /** Features that were never the top answer in the window. */
  unaskedFeatures: { id: string; label: string }[];
  /** Answered questions per chapter of their top hit. */
  perChapter: { chapter: string; questions: number }[];
}

const percent = (share: number): string => `${Math.round(share * 1000) / 10}%`;

/** The report as plain text for a terminal. */
export function formatReportText(report: Report): string {
  const lines = [
    `Report ${report.since.slice(0, 16).replace('T', ' ')} → ${report.until.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `questions asked:   ${report.questions} (guild ${report.places.guild}, DM ${report.places.dm}, group DM ${report.places.group_dm})`,
    `declined:          ${report.declined} (${percent(report.declinedShare)})`,
    `feedback:          ${report.feedback.helpful} helpful, ${report.feedback.notHelpful} not helpful`,
    '',
    'Top unanswered questions:',
    ...(report.unanswered.length === 0
      ? ['  (none)']
      : report.unanswered.map((u) => `  ${String(u.count).padStart(4)}  ${u.question}`)),
    '',
    'Most "not helpful" answers:',
    ...(report.notHelpful.length === 0
      ? ['  (none)']
      : report.notHelpful.map(
          (n) => `  ${String(n.notHelpful).padStart(4)} not helpful, ${n.helpful} helpful  ${n.label}`,
        )),
    '',
    'Questions per chapter:',
    ...(report.perChapter.length === 0
      ? ['  (none)']
      : report.perChapter.map((c) => `  ${String(c.questions).padStart(4)}  ${c.chapter}`)),
    '',
    `Features nobody asked about (${report.unaskedFeatures.length}):`,
    ...report.unaskedFeatures.map((f) => `  ${f.label}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** The report as a private Discord message for organisers. */
export function formatReportMessage(report: Report, days: number): MessagePayload {
  const list = (items: string[]): string =>
    truncate(items.length === 0 ? '(none)' : items.join('\n'), DISCORD_LIMITS.fieldValue);
  const clean = (text: string): string => text.replace(/([*_~`|\\<>@#])/g, '\\$1');
  const embed: APIEmbed = {
    title: `Study assistant report — last ${days} day${days === 1 ? '' : 's'}`,
    description:
      `**${report.questions}** questions (${report.places.guild} in servers, ${report.places.dm} in DMs, ` +
      `${report.places.group_dm} in group DMs), **${report.declined}** declined (${percent(report.declinedShare)}). ` +
      `Feedback: ${report.feedback.helpful} helpful, ${report.feedback.notHelpful} not helpful.`,
    color: 0x5865f2,
    fields: [
      {
        name: 'Top unanswered questions',
        value: list(report.unanswered.map((u) => `${u.count}× ${clean(truncate(u.question, 80))}`)),
      },
      {
        name: 'Most "not helpful"',
        value: list(report.notHelpful.map((n) => `${n.notHelpful}× ${clean(n.label)}`)),
      },
      {
        name: 'Questions per chapter',
        value: list(report.perChapter.map((c) => `${c.questions} — ${clean(c.chapter)}`)),
      },
      {
        name: `Features nobody asked about (${report.unaskedFeatures.length})`,
        value: list(report.unaskedFeatures.map((f) => clean(f.label))),
      },
    ],
    footer: { text: 'Full report: npm run report -- --since 7d' },
  };
  return { embeds: [embed], components: [], allowed_mentions: { parse: [] }, flags: EPHEMERAL };
}
