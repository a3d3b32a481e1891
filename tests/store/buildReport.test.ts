import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReportText } from '../../src/cli/formatReportText.js';
import { formatReportMessage } from '../../src/discord/render/formatReportMessage.js';
import { buildReport, parseWindow } from '../../src/store/buildReport.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { DAY_MS } from '../../src/store/store.js';
import { validateRequest } from '../discord/discordSchema.js';
import { indexContent } from '../../src/search/indexContent.js';
import { contentFile, ROOT, shippedIndex } from '../helpers.js';

const NOW = Date.UTC(2026, 10, 28, 12);
const DX = 'networking-service/aws-direct-connect/flexible-bandwidth-options';
const R53 = 'networking-service/amazon-route-53/domain-registration';
const ALICE = '100000000000000001';
const BOB = '100000000000000002';

/**
 * A seeded store: 6 questions in the week before `now` (2 declined, same text), 1 older, and feedback.
 *
 * @param now The moment the data is relative to: the fixed NOW for buildReport, which takes the clock
 *   as a parameter; the real clock for the CLI, which reads it.
 */
async function seededStore(
  path = join(mkdtempSync(join(tmpdir(), 'report-')), 'a.db'),
  now = NOW,
): Promise<SqliteStore> {
  const store = new SqliteStore(path);
  const ask = (
    daysAgo: number,
    userId: string,
    q: string,
    topIds: string[],
    place: 'guild' | 'dm' = 'guild',
  ) =>
    store.recordQuestion({
      askedAt: now - daysAgo * DAY_MS,
      place,
      userId,
      question: q,
      verdict: topIds.length === 0 ? 'noMatch' : 'hits',
      topIds,
      latencyMs: 1,
    });
  const q1 = await ask(1, ALICE, 'what is DX bandwidth', [DX]);
  const q2 = await ask(2, BOB, 'dx speeds', [DX], 'dm');
  const q3 = await ask(3, BOB, 'register a domain', [R53]);
  await ask(4, ALICE, 'How do I bake bread?', []);
  await ask(5, BOB, 'how do i BAKE bread', []);
  const q6 = await ask(6, ALICE, 'vpc isolation', [
    'networking-service/amazon-virtual-private-cloud-vpc/isolation',
  ]);
  await ask(30, ALICE, 'old question', []);
  // Feedback counts only from the asker of each question.
  const feedback = async (userId: string, questionId: number, chunkId: string, helpful: boolean) =>
    expect(await store.recordFeedback({ givenAt: now - DAY_MS, userId, questionId, chunkId, helpful })).toBe(
      'saved',
    );
  await feedback(ALICE, q1, DX, false);
  await feedback(BOB, q2, DX, false);
  await feedback(BOB, q3, R53, true);
  await feedback(ALICE, q6, R53, false);
  // Both students who were declined "bake bread" picked the DX section within minutes: a proposed pair.
  for (const [userId, daysAgo] of [
    [ALICE, 4],
    [BOB, 5],
  ] as const) {
    const outcome = await store.recordConfirmation({
      confirmedAt: now - daysAgo * DAY_MS + 60_000,
      userId,
      chunkId: DX,
      how: 'suggestion',
      questionId: null,
      windowMs: 300_000,
    });
    expect(outcome).toBe('saved');
  }
  return store;
}

describe('buildReport on a seeded dataset', async () => {
  const report = await buildReport(await seededStore(), NOW - 7 * DAY_MS, shippedIndex(), NOW);

  it('counts questions, declines and places in the window', () => {
    expect(report).toMatchObject({
      questions: 6,
      declined: 2,
      declinedShare: 2 / 6,
      places: { guild: 5, dm: 1, group_dm: 0 },
      feedback: { helpful: 1, notHelpful: 3 },
    });
  });

  it('groups unanswered questions by normalized text, keeping the latest wording', () => {
    expect(report.unanswered).toEqual([{ question: 'How do I bake bread?', count: 2 }]);
  });

  it('ranks chunks by "not helpful"', () => {
    expect(report.notHelpful).toEqual([
      {
        id: DX,
        label: 'Networking Service › AWS Direct Connect › Flexible Bandwidth Options',
        notHelpful: 2,
        helpful: 0,
      },
      {
        id: R53,
        label: 'Networking Service › Amazon Route 53 › Domain Registration',
        notHelpful: 1,
        helpful: 1,
      },
    ]);
  });

  it('lists features nobody asked about and questions per chapter', () => {
    expect(report.unaskedFeatures).toHaveLength(24 - 3);
    expect(report.unaskedFeatures.map((f) => f.id)).not.toContain(DX);
    expect(report.perChapter).toEqual([{ chapter: 'Networking Service', questions: 4 }]);
  });

  it('counts closest answers and series per day and per service', async () => {
    expect(report).toMatchObject({ closest: 0, closestShare: 0 });
    expect(report.perDay).toHaveLength(8);
    expect(report.perDay.at(-2)).toEqual({ day: '2026-11-27', answered: 1, closest: 0, declined: 0 });
    expect(report.perDay.at(-5)).toEqual({ day: '2026-11-24', answered: 0, closest: 0, declined: 1 });
    expect(report.perService).toEqual([
      { service: 'AWS Direct Connect', questions: 2 },
      { service: 'Amazon Route 53', questions: 1 },
      { service: 'Amazon Virtual Private Cloud (VPC)', questions: 1 },
    ]);
  });

  it('proposes confirmed questions by section with how many students confirmed each', () => {
    expect(report.proposed).toEqual([
      {
        id: DX,
        label: 'Networking Service › AWS Direct Connect › Flexible Bandwidth Options',
        questions: [{ question: 'How do I bake bread?', students: 2 }],
      },
    ]);
  });

  it('leaves out a proposed question the section has learned already', async () => {
    const learned = indexContent({
      chapters: [contentFile('networking-service.md')],
      glossaries: [],
      asked: [{ file: 'asked.yml', text: `${DX}:\n  - Bake bread?\n` }],
    });
    const again = await buildReport(await seededStore(), NOW - 7 * DAY_MS, learned, NOW);
    expect(again.proposed).toEqual([]);
  });

  it('renders as text and as a valid private Discord message', () => {
    expect(formatReportText(report)).toContain('questions asked:   6 (guild 5, DM 1, group DM 0)');
    const message = formatReportMessage(report, 7);
    expect(message.flags).toBe(64);
    expect(validateRequest('interactionCallback', { type: 4, data: message })).toEqual([]);
  });
});

describe('parseWindow', () => {
  it.each([
    ['7d', 7 * DAY_MS],
    ['24h', DAY_MS],
    ['30m', 1_800_000],
    ['2w', 14 * DAY_MS],
    ['week', null],
  ])('%s → %s', (text, ms) => expect(parseWindow(text)).toBe(ms));
});

describe('npm run report', () => {
  const run = (args: string[], path: string) =>
    spawnSync(process.execPath, [join(ROOT, 'dist/cli/report.js'), ...args], {
      encoding: 'utf8',
      cwd: tmpdir(),
      env: { PATH: process.env.PATH, DATABASE_PATH: path, CONTENT_DIR: join(ROOT, 'content') },
    });

  it('prints one JSON object with a top-level questions count', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'report-')), 'a.db');
    const now = Date.now();
    const store = await seededStore(path, now);
    await store.recordQuestion({
      askedAt: now,
      place: 'dm',
      userId: ALICE,
      question: 'now',
      verdict: 'noMatch',
      topIds: [],
      latencyMs: 1,
    });
    await store.close();
    const result = run(['--since', '1h', '--json'], path);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ questions: 1, declined: 1 });
  });

  it("--forget-user deletes that user's rows", async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'report-')), 'a.db');
    await (await seededStore(path)).close();
    const result = run(['--forget-user', ALICE], path);
    expect(result.stdout).toBe(
      'Deleted 7 rows (questions, feedback and confirmations) stored for that user.\n',
    );
    const store = new SqliteStore(path, 'read');
    expect((await store.reportRows(0, Date.now())).counts.questions).toBe(3);
    await store.close();
  });

  it.each([[['--since', '7d']], [['--forget-user', ALICE]]])(
    '%j on a mistyped DATABASE_PATH names it, exits 1 and creates nothing',
    (args) => {
      const path = join(mkdtempSync(join(tmpdir(), 'report-')), 'typo', 'a.db');
      const result = run(args, path);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(
        `error: DATABASE_PATH ${path}: no database there (nothing has been stored yet, or the path is wrong)\n`,
      );
      expect(existsSync(path)).toBe(false);
      expect(existsSync(dirname(path))).toBe(false);
    },
  );

  it('reports from a file it may not write, in a folder it may not write, changing nothing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'report-'));
    const path = join(folder, 'a.db');
    await (await seededStore(path, Date.now())).close();
    chmodSync(path, 0o444);
    chmodSync(folder, 0o555);
    const before = readFileSync(path);
    // Tests run as root, who may write anything: the report runs as an unprivileged user instead.
    const result = spawnSync(process.execPath, [join(ROOT, 'dist/cli/report.js'), '--json'], {
      encoding: 'utf8',
      cwd: tmpdir(),
      uid: 65534,
      gid: 65534,
      env: { PATH: process.env.PATH, DATABASE_PATH: path, CONTENT_DIR: join(ROOT, 'content') },
    });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ questions: 6 });
    expect(readdirSync(folder)).toEqual(['a.db']);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('rejects a malformed window in one line', () => {
    const result = run(['--since', 'lately'], join(mkdtempSync(join(tmpdir(), 'report-')), 'a.db'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^error: --since takes a window such as 7d/);
  });
});
