import type { APIEmbed } from 'discord-api-types/v10';
import { DISCORD_LIMITS, escapeMarkdown, truncate } from './discordText.js';
import type { Report } from '../../store/report.js';
import type { TopicScore } from '../../study/weakestTopics.js';
import type { MessagePayload } from './messagePayload.js';

/** Options of `formatDigest`. */
export interface DigestOptions {
  /** Items per list. */
  top: number;
  /** The attached chart's file name, shown as the embed's image; null for none. */
  imageName: string | null;
  /** The weakest quiz topics, weakest first; the section is left out when null (no quiz data). */
  quizTopics: TopicScore[] | null;
}

/** Defaults of `formatDigest`. */
export const defaultDigestOptions: DigestOptions = { top: 5, imageName: 'digest.png', quizTopics: null };

const percent = (share: number): string => `${Math.round(share * 1000) / 10}%`;

/**
 * The weekly digest as a channel message: questions with the declined and `closest` shares, the top
 * unanswered questions, the sections marked not helpful, the pairs waiting for review and, with quiz data,
 * the weakest topics; the chart is the embed's image (`attachment://` its file name).
 *
 * @param report The week's report.
 * @param options Merged over `defaultDigestOptions`.
 */
export function formatDigest(report: Report, options: Partial<DigestOptions> = {}): MessagePayload {
  const { top, imageName, quizTopics } = { ...defaultDigestOptions, ...options };
  const list = (items: string[]): string =>
    truncate(items.length === 0 ? '(none)' : items.slice(0, top).join('\n'), DISCORD_LIMITS.fieldValue);
  const pairs = report.proposed.flatMap((section) =>
    section.questions.map((q) => ({ ...q, label: section.label })),
  );
  const fields: APIEmbed['fields'] = [
    {
      name: 'Top unanswered questions',
      value: list(report.unanswered.map((u) => `${u.count}× ${escapeMarkdown(truncate(u.question, 80))}`)),
    },
    {
      name: 'Sections marked not helpful',
      value: list(report.notHelpful.map((n) => `${n.notHelpful}× ${escapeMarkdown(n.label)}`)),
    },
    {
      name: `Waiting for review (${pairs.length}): npm run learn`,
      value: list(
        pairs.map(
          (p) =>
            `${p.students} student${p.students === 1 ? '' : 's'}: ${escapeMarkdown(truncate(p.question, 60))} → ${escapeMarkdown(p.label)}`,
        ),
      ),
    },
  ];
  if (quizTopics !== null) {
    fields.push({
      name: 'Weakest quiz topics',
      value: list(
        quizTopics.map(
          (t) =>
            `${percent(t.answered === 0 ? 0 : t.correct / t.answered)} of ${t.answered} — ${escapeMarkdown(t.topic)}`,
        ),
      ),
    });
  }
  const embed: APIEmbed = {
    title: `Weekly digest — ${report.since.slice(0, 10)} to ${report.until.slice(0, 10)}`,
    description:
      `**${report.questions}** questions: **${report.declined}** declined (${percent(report.declinedShare)}), ` +
      `**${report.closest}** closest (${percent(report.closestShare)}). ` +
      `Feedback: ${report.feedback.helpful} helpful, ${report.feedback.notHelpful} not helpful.`,
    color: 0x5865f2,
    fields,
    ...(imageName === null ? {} : { image: { url: `attachment://${imageName}` } }),
  };
  return { embeds: [embed], components: [], allowed_mentions: { parse: [] } };
}
