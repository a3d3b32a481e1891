import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { DAY_MS, normalizeQuestion, QuestionStore } from '../../src/store/questionStore.js';
import { ROOT } from '../helpers.js';

const tempDb = (): string => join(mkdtempSync(join(tmpdir(), 'store-')), 'nested', 'assistant.db');
const USER = '123456789012345678';
const question = (overrides: Partial<Parameters<QuestionStore['recordQuestion']>[0]> = {}) => ({
  askedAt: Date.now(),
  place: 'guild' as const,
  userId: USER,
  question: 'What is DX?',
  verdict: 'hits' as const,
  topIds: ['networking-service/aws-direct-connect'],
  latencyMs: 1.5,
  ...overrides,
});

describe('QuestionStore', () => {
  it('creates the file, its folder and the schema from empty, in WAL mode', () => {
    const path = tempDb();
    const store = new QuestionStore(path);
    expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = store.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all();
    expect(tables).toEqual([{ name: 'feedback' }, { name: 'questions' }, { name: 'settings' }]);
    store.close();
  });

  it('reopens without migrating twice and keeps its salt', () => {
    const path = tempDb();
    const first = new QuestionStore(path);
    const hash = first.hashUser(USER);
    first.recordQuestion(question());
    first.close();
    const second = new QuestionStore(path);
    expect(second.hashUser(USER)).toBe(hash);
    expect(second.db.prepare('SELECT count(*) AS n FROM questions').get()).toEqual({ n: 1 });
    second.close();
  });

  it('stores no raw user id, only a salted hash', () => {
    const store = new QuestionStore(tempDb());
    store.recordQuestion(question());
    const row = store.db.prepare('SELECT * FROM questions').get() as Record<string, unknown>;
    expect(JSON.stringify(row)).not.toContain(USER);
    expect(row).toMatchObject({
      place: 'guild',
      verdict: 'hits',
      question: 'What is DX?',
      normalized: 'dx',
      latency_ms: 1.5,
    });
    expect(row.user_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new QuestionStore(tempDb()).hashUser(USER)).not.toBe(row.user_hash);
    store.close();
  });

  it('de-duplicates feedback: a second click by the same user updates the first', () => {
    const store = new QuestionStore(tempDb());
    const id = store.recordQuestion(question());
    const click = { givenAt: Date.now(), userId: USER, questionId: id, chunkId: 'c/1', helpful: true };
    store.recordFeedback(click);
    store.recordFeedback(click);
    expect(store.db.prepare('SELECT helpful, question FROM feedback').all()).toEqual([
      { helpful: 1, question: 'What is DX?' },
    ]);
    store.recordFeedback({ ...click, helpful: false });
    expect(store.db.prepare('SELECT helpful FROM feedback').all()).toEqual([{ helpful: 0 }]);
    store.recordFeedback({ ...click, userId: '223456789012345678' });
    expect(store.db.prepare('SELECT count(*) AS n FROM feedback').get()).toEqual({ n: 2 });
    store.close();
  });

  it("forgets one user's questions and feedback through the hash", () => {
    const store = new QuestionStore(tempDb());
    const id = store.recordQuestion(question());
    store.recordQuestion(question({ userId: '223456789012345678' }));
    store.recordFeedback({
      givenAt: Date.now(),
      userId: USER,
      questionId: id,
      chunkId: 'c/1',
      helpful: true,
    });
    expect(store.forgetUser(USER)).toBe(2);
    expect(store.db.prepare('SELECT count(*) AS n FROM questions').get()).toEqual({ n: 1 });
    expect(store.db.prepare('SELECT count(*) AS n FROM feedback').get()).toEqual({ n: 0 });
    store.close();
  });

  it('purges rows older than the retention window', () => {
    const store = new QuestionStore(tempDb());
    const now = Date.UTC(2026, 10, 28);
    store.recordQuestion(question({ askedAt: now - 200 * DAY_MS }));
    store.recordQuestion(question({ askedAt: now - 10 * DAY_MS }));
    expect(store.purge(180, now)).toBe(1);
    expect(store.db.prepare('SELECT count(*) AS n FROM questions').get()).toEqual({ n: 1 });
    store.close();
  });

  it('survives kill -9 during writes: the file reopens and passes integrity_check', async () => {
    const path = tempDb();
    new QuestionStore(path).close();
    const module = pathToFileURL(join(ROOT, 'dist/store/questionStore.js')).href;
    // The writer reports every 100 rows and never stops: it is killed mid-stream, after 300 rows.
    const writer = spawn(process.execPath, [
      '--input-type=module',
      '-e',
      `import { QuestionStore } from ${JSON.stringify(module)};
       const store = new QuestionStore(${JSON.stringify(path)});
       for (let i = 1; ; i++) {
         store.recordQuestion({ askedAt: Date.now(), place: 'dm', userId: String(1e17 + i),
           question: 'question ' + i, verdict: i % 3 ? 'hits' : 'noMatch', topIds: ['a', 'b'], latencyMs: 1 });
         if (i % 100 === 0) process.stdout.write(i + '\\n');
       }`,
    ]);
    await new Promise<void>((resolve) => {
      let printed = '';
      writer.stdout.on('data', (chunk: Buffer) => {
        printed += chunk.toString();
        if (/^300$/m.test(printed)) resolve();
      });
    });
    writer.kill('SIGKILL');
    await new Promise((resolve) => writer.once('exit', resolve));
    const db = new Database(path);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const { n } = db.prepare('SELECT count(*) AS n FROM questions').get() as { n: number };
    expect(n).toBeGreaterThanOrEqual(300);
    db.close();
    const reopened = new QuestionStore(path);
    reopened.recordQuestion(question());
    expect(reopened.db.prepare('SELECT count(*) AS n FROM questions').get()).toEqual({ n: n + 1 });
    reopened.close();
  });
});

describe('normalizeQuestion', () => {
  it.each([
    ['What is the WEATHER tomorrow?', 'weather tomorrow'],
    ['  how do I bake   sourdough bread!!', 'bake sourdough bread'],
  ])('%j → %j', (text, normalized) => {
    expect(normalizeQuestion(text)).toBe(normalized);
  });
});
