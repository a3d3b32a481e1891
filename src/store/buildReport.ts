import type Database from 'better-sqlite3';
import { DAY_MS } from './questionStore.js';
import type { Report } from './report.js';
import type { KnowledgeIndex } from '../search/buildIndex.js';

/** Rows listed per section of the report. */
const REPORT_TOP = 10;

/**
 * Build the report for a time window.
 *
 * @param db The question store's database.
 * @param since Start of the window (ms since epoch).
 * @param index The current chapters, to name chunks and find unasked features; null when content is broken.
 * @param until End of the window; default now.
 */
export function buildReport(
  db: Database.Database,
  since: number,
  index: KnowledgeIndex | null,
  until = Date.now(),
): Report {
  const window = { since, until };
  const counts = db
    .prepare(
      `SELECT count(*) AS questions, coalesce(sum(verdict = 'noMatch'), 0) AS declined,
              coalesce(sum(place = 'guild'), 0) AS guild, coalesce(sum(place = 'dm'), 0) AS dm,
              coalesce(sum(place = 'group_dm'), 0) AS group_dm
       FROM questions WHERE asked_at >= @since AND asked_at <= @until`,
    )
    .get(window) as { questions: number; declined: number; guild: number; dm: number; group_dm: number };
  const unanswered = db
    .prepare(
      `SELECT normalized, count(*) AS count, max(asked_at) AS last,
              (SELECT q.question FROM questions q WHERE q.normalized = questions.normalized
                 AND q.verdict = 'noMatch' ORDER BY q.asked_at DESC LIMIT 1) AS example
       FROM questions
       WHERE verdict = 'noMatch' AND asked_at >= @since AND asked_at <= @until
       GROUP BY normalized ORDER BY count DESC, last DESC LIMIT ${REPORT_TOP}`,
    )
    .all(window) as { normalized: string; count: number; example: string }[];
  const feedbackRows = db
    .prepare(
      `SELECT chunk_id AS id, sum(helpful = 0) AS notHelpful, sum(helpful = 1) AS helpful
       FROM feedback WHERE given_at >= @since AND given_at <= @until GROUP BY chunk_id`,
    )
    .all(window) as { id: string; notHelpful: number; helpful: number }[];
  const topIds = db
    .prepare(
      `SELECT json_extract(top_ids, '$[0]') AS id, count(*) AS count FROM questions
       WHERE verdict = 'hits' AND asked_at >= @since AND asked_at <= @until GROUP BY id`,
    )
    .all(window) as { id: string | null; count: number }[];

  const label = (id: string): string => {
    const chunk = index?.chunks.get(id);
    return chunk === undefined ? `${id} (no longer in the chapters)` : chunk.headings.join(' › ');
  };
  const asked = new Set(topIds.map((row) => row.id));
  const perChapter = new Map<string, number>();
  for (const row of topIds) {
    const chapter = (row.id === null ? undefined : index?.chunks.get(row.id)?.chapter) ?? '(removed content)';
    perChapter.set(chapter, (perChapter.get(chapter) ?? 0) + row.count);
  }
  const features =
    index === null ? [] : [...index.chunks.values()].filter((chunk) => chunk.kind === 'feature');
  return {
    since: new Date(since).toISOString(),
    until: new Date(until).toISOString(),
    questions: counts.questions,
    declined: counts.declined,
    declinedShare: counts.questions === 0 ? 0 : counts.declined / counts.questions,
    places: { guild: counts.guild, dm: counts.dm, group_dm: counts.group_dm },
    unanswered: unanswered.map((row) => ({ question: row.example || row.normalized, count: row.count })),
    notHelpful: feedbackRows
      .filter((row) => row.notHelpful > 0)
      .sort((a, b) => b.notHelpful - a.notHelpful || a.helpful - b.helpful || a.id.localeCompare(b.id))
      .slice(0, REPORT_TOP)
      .map((row) => ({ ...row, label: label(row.id) })),
    feedback: {
      helpful: feedbackRows.reduce((sum, row) => sum + row.helpful, 0),
      notHelpful: feedbackRows.reduce((sum, row) => sum + row.notHelpful, 0),
    },
    unaskedFeatures: features
      .filter((chunk) => !asked.has(chunk.id))
      .map((chunk) => ({ id: chunk.id, label: chunk.headings.join(' › ') })),
    perChapter: [...perChapter]
      .map(([chapter, questions]) => ({ chapter, questions }))
      .sort((a, b) => b.questions - a.questions || a.chapter.localeCompare(b.chapter)),
  };
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
