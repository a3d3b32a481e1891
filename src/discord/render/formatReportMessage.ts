import { MessageFlags, type APIEmbed } from 'discord-api-types/v10';
import { DISCORD_LIMITS, escapeMarkdown, truncate } from './discordText.js';
import type { Report } from '../../store/report.js';
import type { MessagePayload } from './messagePayload.js';

const percent = (share: number): string => `${Math.round(share * 1000) / 10}%`;

/** The report as a private Discord message for organisers. */
export function formatReportMessage(report: Report, days: number): MessagePayload {
  const list = (items: string[]): string =>
    truncate(items.length === 0 ? '(none)' : items.join('\n'), DISCORD_LIMITS.fieldValue);
  const embed: APIEmbed = {
    title: `Study assistant report — last ${days} day${days === 1 ? '' : 's'}`,
    description:
      `**${report.questions}** questions (${report.places.guild} in servers, ${report.places.dm} in DMs, ` +
      `${report.places.group_dm} in group DMs), **${report.declined}** declined (${percent(report.declinedShare)}), ` +
      `**${report.closest}** closest (${percent(report.closestShare)}). ` +
      `Feedback: ${report.feedback.helpful} helpful, ${report.feedback.notHelpful} not helpful.`,
    color: 0x5865f2,
    fields: [
      {
        name: 'Top unanswered questions',
        value: list(report.unanswered.map((u) => `${u.count}× ${escapeMarkdown(truncate(u.question, 80))}`)),
      },
      {
        name: 'Most "not helpful"',
        value: list(report.notHelpful.map((n) => `${n.notHelpful}× ${escapeMarkdown(n.label)}`)),
      },
      {
        name: 'Proposed for asked.yml (students)',
        value: list(
          report.proposed.flatMap((section) =>
            section.questions.map(
              (q) =>
                `${q.students}× ${escapeMarkdown(truncate(q.question, 60))} → ${escapeMarkdown(section.label)}`,
            ),
          ),
        ),
      },
      {
        name: 'Questions per chapter',
        value: list(report.perChapter.map((c) => `${c.questions} — ${escapeMarkdown(c.chapter)}`)),
      },
      {
        name: `Features nobody asked about (${report.unaskedFeatures.length})`,
        value: list(report.unaskedFeatures.map((f) => escapeMarkdown(f.label))),
      },
    ],
    footer: { text: 'Full report: npm run report -- --since 7d' },
  };
  return { embeds: [embed], components: [], allowed_mentions: { parse: [] }, flags: MessageFlags.Ephemeral };
}
