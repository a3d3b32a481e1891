import type { KnowledgeIndex } from '../search/buildIndex.js';
import { REPORT_TOP } from './queries.js';
import type { Report } from './report.js';
import type { ProposedPair } from './learningStore.js';
import { DAY_MS, normalizeQuestion, type ReportRows, type Store } from './store.js';

/**
 * Build the report for a time window: the aggregates come from the store's SQL (either backend), the
 * labels and the features nobody asked about from the current chapters.
 *
 * @param store The question store.
 * @param since Start of the window (ms since epoch).
 * @param index The current chapters, to name chunks and find unasked features; null when content is broken.
 * @param until End of the window; default now.
 */
export async function buildReport(
  store: Store,
  since: number,
  index: KnowledgeIndex | null,
  until = Date.now(),
): Promise<Report> {
  const rows = await store.reportRows(since, until);
  const pairs = await store.proposedPairs(since, until, 1);
  const { counts } = rows;
  const label = (id: string): string => {
    const chunk = index?.chunks.get(id);
    return chunk === undefined ? `${id} (no longer in the chapters)` : chunk.headings.join(' › ');
  };
  const asked = new Set(rows.topIds.map((row) => row.id));
  const perChapter = new Map<string, number>();
  const perService = new Map<string, number>();
  for (const row of rows.topIds) {
    const chunk = row.id === null ? undefined : index?.chunks.get(row.id);
    const chapter = chunk?.chapter ?? '(removed content)';
    perChapter.set(chapter, (perChapter.get(chapter) ?? 0) + row.count);
    const service = chunk === undefined ? chapter : (chunk.service ?? chunk.chapter);
    perService.set(service, (perService.get(service) ?? 0) + row.count);
  }
  const features =
    index === null ? [] : [...index.chunks.values()].filter((chunk) => chunk.kind === 'feature');
  return {
    since: new Date(since).toISOString(),
    until: new Date(until).toISOString(),
    questions: counts.questions,
    declined: counts.declined,
    declinedShare: counts.questions === 0 ? 0 : counts.declined / counts.questions,
    closest: counts.closest,
    closestShare: counts.questions === 0 ? 0 : counts.closest / counts.questions,
    perDay: perDay(rows.perDay, since, until),
    perService: [...perService]
      .map(([service, questions]) => ({ service, questions }))
      .sort((a, b) => b.questions - a.questions || a.service.localeCompare(b.service)),
    proposed: proposedBySection(pairs, index, label),
    places: { guild: counts.guild, dm: counts.dm, group_dm: counts.group_dm },
    unanswered: rows.unanswered.map((row) => ({
      question: row.example || row.normalized,
      count: row.count,
    })),
    notHelpful: rows.feedback
      .filter((row) => row.notHelpful > 0)
      .sort((a, b) => b.notHelpful - a.notHelpful || a.helpful - b.helpful || a.id.localeCompare(b.id))
      .slice(0, REPORT_TOP)
      .map((row) => ({ ...row, label: label(row.id) })),
    feedback: {
      helpful: rows.feedback.reduce((sum, row) => sum + row.helpful, 0),
      notHelpful: rows.feedback.reduce((sum, row) => sum + row.notHelpful, 0),
    },
    unaskedFeatures: features
      .filter((chunk) => !asked.has(chunk.id))
      .map((chunk) => ({ id: chunk.id, label: chunk.headings.join(' › ') })),
    perChapter: [...perChapter]
      .map(([chapter, questions]) => ({ chapter, questions }))
      .sort((a, b) => b.questions - a.questions || a.chapter.localeCompare(b.chapter)),
  };
}

/** Every UTC day of the window with its questions by verdict. */
function perDay(rows: ReportRows['perDay'], since: number, until: number): Report['perDay'] {
  const days = new Map<number, Report['perDay'][number]>();
  for (let day = Math.floor(since / DAY_MS); day <= Math.floor(until / DAY_MS); day++) {
    days.set(day, {
      day: new Date(day * DAY_MS).toISOString().slice(0, 10),
      answered: 0,
      closest: 0,
      declined: 0,
    });
  }
  for (const row of rows) {
    const counts = days.get(row.day);
    if (counts === undefined) continue;
    counts[row.verdict === 'hits' ? 'answered' : row.verdict === 'closest' ? 'closest' : 'declined'] +=
      row.count;
  }
  return [...days.values()];
}

/**
 * Proposed pairs by section in reading order, leaving out questions the section has learned already
 * (an organiser may have written them into asked.yml by hand).
 */
function proposedBySection(
  pairs: readonly ProposedPair[],
  index: KnowledgeIndex | null,
  label: (id: string) => string,
): Report['proposed'] {
  const sections = new Map<string, Report['proposed'][number]>();
  for (const pair of pairs) {
    const learned = index?.asked.get(pair.id) ?? [];
    if (learned.some((question) => normalizeQuestion(question) === pair.normalized)) continue;
    let section = sections.get(pair.id);
    if (section === undefined)
      sections.set(pair.id, (section = { id: pair.id, label: label(pair.id), questions: [] }));
    section.questions.push({ question: pair.question, students: pair.students });
  }
  const position = (id: string): number => index?.order.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...sections.values()].sort((a, b) => position(a.id) - position(b.id) || a.id.localeCompare(b.id));
}

/** The longest report window: nothing is kept longer (RETENTION_DAYS is at most 3650). */
const WINDOW_MAX_MS = 3650 * DAY_MS;

/**
 * Parse a window such as "7d", "24h", "30m" or "2w" into milliseconds; null when malformed or longer than
 * 3650 days (a date before year 0 helps nobody).
 */
export function parseWindow(text: string): number | null {
  const match = /^(\d+)\s*([mhdw])$/i.exec(text.trim());
  if (match === null) return null;
  const unit = { m: 60_000, h: 3_600_000, d: DAY_MS, w: 7 * DAY_MS }[match[2]!.toLowerCase() as 'm'];
  const window = Number(match[1]) * unit;
  return window <= WINDOW_MAX_MS ? window : null;
}
