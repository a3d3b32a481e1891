import type { Report } from '../store/report.js';

const percent = (share: number): string => `${Math.round(share * 1000) / 10}%`;

/** The report as plain text for a terminal. */
export function formatReportText(report: Report): string {
  const lines = [
    `Report ${report.since.slice(0, 16).replace('T', ' ')} → ${report.until.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `questions asked:   ${report.questions} (guild ${report.places.guild}, DM ${report.places.dm}, group DM ${report.places.group_dm})`,
    `declined:          ${report.declined} (${percent(report.declinedShare)})`,
    `closest:           ${report.closest} (${percent(report.closestShare)})`,
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
    'Proposed for asked.yml (distinct students; `npm run learn -- --accept` writes those of 2 or more):',
    ...(report.proposed.length === 0
      ? ['  (none)']
      : report.proposed.flatMap((section) => [
          `  ${section.label}  [${section.id}]`,
          ...section.questions.map((q) => `  ${String(q.students).padStart(4)}  ${q.question}`),
        ])),
    '',
    'Questions per service:',
    ...(report.perService.length === 0
      ? ['  (none)']
      : report.perService.map((s) => `  ${String(s.questions).padStart(4)}  ${s.service}`)),
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
