import Database from 'better-sqlite3';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/openStore.js';
import {
  DAY_MS,
  normalizeQuestion,
  type QuestionRecord,
  type Store,
  type StoredVerdict,
} from '../../src/store/store.js';
import { ROOT } from '../helpers.js';
import { startPostgres, type PostgresServer } from './postgresServer.js';

const USER = '123456789012345678';
const OTHER = '223456789012345678';
const NOW = Date.UTC(2026, 10, 28, 12);
const question = (overrides: Partial<QuestionRecord> = {}): QuestionRecord => ({
  askedAt: NOW,
  place: 'guild',
  userId: USER,
  question: 'What is DX?',
  verdict: 'hits',
  topIds: ['networking-service/aws-direct-connect'],
  latencyMs: 1.5,
  ...overrides,
});
const tempPath = (): string => join(mkdtempSync(join(tmpdir(), 'store-')), 'nested', 'assistant.db');

let postgres: PostgresServer;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(async () => {
  await postgres?.stop();
});

/** Each backend: how to open a fresh, empty store. */
const BACKENDS: [string, () => Promise<Store>][] = [
  ['SQLite', () => openStore({ databaseUrl: null, databasePath: tempPath() })],
  ['PostgreSQL', async () => openStore({ databaseUrl: await postgres.createDatabase(), databasePath: '' })],
];

describe.each(BACKENDS)('the %s store', (_name, open) => {
  const count = async (store: Store): Promise<number> =>
    (await store.reportRows(0, NOW * 2)).counts.questions;

  it('stores no raw user id, only a salted hash that differs per database', async () => {
    const [a, b] = [await open(), await open()];
    expect(a.hashUser(USER)).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hashUser(USER)).not.toBe(b.hashUser(USER));
    expect(a.hashUser(USER)).not.toContain(USER);
    await Promise.all([a.close(), b.close()]);
  });

  it('stores questions with any verdict the answer can give, and reports them in SQL', async () => {
    const store = await open();
    await store.recordQuestion(question());
    await store.recordQuestion(question({ verdict: 'closest', place: 'dm' }));
    await store.recordQuestion(question({ verdict: 'noMatch', question: 'how do I BAKE bread', topIds: [] }));
    await store.recordQuestion(
      question({ verdict: 'noMatch', question: 'How do I bake bread?', topIds: [], askedAt: NOW + 1 }),
    );
    const rows = await store.reportRows(NOW - DAY_MS, NOW + DAY_MS);
    expect(rows.counts).toEqual({ questions: 4, declined: 2, closest: 1, guild: 3, dm: 1, group_dm: 0 });
    expect(rows.unanswered).toEqual([
      { normalized: 'bake bread', count: 2, example: 'How do I bake bread?', last: NOW + 1 },
    ]);
    expect(rows.topIds).toEqual([{ id: 'networking-service/aws-direct-connect', count: 1 }]);
    await store.close();
  });

  it('rejects a verdict the schema does not know', async () => {
    const store = await open();
    await expect(store.recordQuestion(question({ verdict: 'maybe' as StoredVerdict }))).rejects.toThrow(
      /CHECK|check constraint/i,
    );
    await store.close();
  });

  it('stores a question delivered twice (same interaction id) once, returning the same id', async () => {
    const store = await open();
    const first = await store.recordQuestion(question({ sourceId: '1300000000000000001' }));
    const again = await store.recordQuestion(question({ sourceId: '1300000000000000001' }));
    expect(again).toBe(first);
    expect(await count(store)).toBe(1);
    await store.close();
  });

  it('de-duplicates feedback: a second click by the asker updates the first', async () => {
    const store = await open();
    const id = await store.recordQuestion(question());
    const click = { givenAt: NOW, userId: USER, questionId: id, chunkId: 'c/1', helpful: true };
    expect(await store.recordFeedback(click)).toBe('saved');
    expect(await store.recordFeedback({ ...click, helpful: false })).toBe('saved');
    expect((await store.reportRows(0, NOW * 2)).feedback).toEqual([{ id: 'c/1', helpful: 0, notHelpful: 1 }]);
    await store.close();
  });

  it('refuses feedback on an unknown question or from someone other than the asker, storing nothing', async () => {
    const store = await open();
    const id = await store.recordQuestion(question());
    const click = { givenAt: NOW, userId: OTHER, questionId: id, chunkId: 'c/1', helpful: true };
    expect(await store.recordFeedback(click)).toBe('not the asker');
    expect(await store.recordFeedback({ ...click, userId: USER, questionId: 99_999_999 })).toBe(
      'unknown question',
    );
    expect((await store.reportRows(0, NOW * 2)).feedback).toEqual([]);
    expect(await store.isAsker(id, USER)).toBe(true);
    expect(await store.isAsker(id, OTHER)).toBe(false);
    await store.close();
  });

  it('counts cooldowns in a sliding window and says how long to wait', async () => {
    const store = await open();
    expect(await store.takeCooldown(USER, 2, 30_000, NOW)).toBe(0);
    expect(await store.takeCooldown(USER, 2, 30_000, NOW + 1000)).toBe(0);
    expect(await store.takeCooldown(USER, 2, 30_000, NOW + 2000)).toBe(28);
    expect(await store.takeCooldown(OTHER, 2, 30_000, NOW + 2000)).toBe(0);
    expect(await store.takeCooldown(USER, 2, 30_000, NOW + 30_000)).toBe(0);
    await store.close();
  });

  it('holds the cooldown under concurrent takes: exactly the limit passes', async () => {
    const store = await open();
    const waits = await Promise.all(
      Array.from({ length: 20 }, () => store.takeCooldown(USER, 5, 30_000, NOW)),
    );
    expect(waits.filter((wait) => wait === 0)).toHaveLength(5);
    await store.close();
  });

  it('claims a request signature once, across connections, until it expires', async () => {
    const store = await open();
    const claims = await Promise.all(
      Array.from({ length: 5 }, () => store.claimRequest('sig-1', NOW + 600_000, NOW)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await store.claimRequest('sig-2', NOW + 600_000, NOW)).toBe(true);
    await store.purge(180, NOW + 600_001);
    expect(await store.claimRequest('sig-1', NOW + 1_200_000, NOW + 600_001)).toBe(true);
    await store.close();
  });

  it("forgets one user's questions and feedback through the hash", async () => {
    const store = await open();
    const id = await store.recordQuestion(question());
    await store.recordQuestion(question({ userId: OTHER }));
    await store.recordFeedback({ givenAt: NOW, userId: USER, questionId: id, chunkId: 'c/1', helpful: true });
    expect(await store.forgetUser(USER)).toBe(2);
    const rows = await store.reportRows(0, NOW * 2);
    expect(rows.counts.questions).toBe(1);
    expect(rows.feedback).toEqual([]);
    await store.close();
  });

  it('purges rows older than the retention window', async () => {
    const store = await open();
    await store.recordQuestion(question({ askedAt: NOW - 200 * DAY_MS }));
    await store.recordQuestion(question({ askedAt: NOW - 10 * DAY_MS }));
    expect(await store.purge(180, NOW)).toBe(1);
    expect(await count(store)).toBe(1);
    await store.close();
  });
});

describe('the SQLite file', () => {
  it('is created with its folder and every migration recorded; WAL while open, plain once closed', async () => {
    const path = tempPath();
    const store = await openStore({ databaseUrl: null, databasePath: path });
    await store.recordQuestion(question());
    expect(existsSync(`${path}-wal`)).toBe(true);
    await store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(
      MIGRATIONS.map((m) => m.version),
    );
    db.close();
  });

  it('keeps its salt and rows when reopened, without migrating twice', async () => {
    const path = tempPath();
    const first = await openStore({ databaseUrl: null, databasePath: path });
    const hash = first.hashUser(USER);
    await first.recordQuestion(question());
    await first.close();
    const second = await openStore({ databaseUrl: null, databasePath: path });
    expect(second.hashUser(USER)).toBe(hash);
    expect((await second.reportRows(0, NOW * 2)).counts.questions).toBe(1);
    await second.close();
  });

  it('upgrades a file made by the first release (user_version 1), keeping its rows', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'store-')), 'old.db');
    const db = new Database(path);
    db.exec(MIGRATIONS[0]!.sqlite);
    db.pragma('user_version = 1');
    db.prepare(
      `INSERT INTO questions (asked_at, place, user_hash, question, normalized, verdict, top_ids, latency_ms)
       VALUES (?, 'dm', 'h', 'old question', 'old question', 'noMatch', '[]', 1)`,
    ).run(NOW);
    db.close();
    const store = await openStore({ databaseUrl: null, databasePath: path });
    await store.recordQuestion(question({ verdict: 'closest' }));
    expect((await store.reportRows(0, NOW * 2)).counts).toMatchObject({ questions: 2, declined: 1 });
    await store.close();
  });

  it('is never created by the reading modes: a missing file names DATABASE_PATH and the path', async () => {
    const path = tempPath();
    for (const mode of ['read', 'write'] as const) {
      await expect(openStore({ databaseUrl: null, databasePath: path }, mode)).rejects.toThrow(
        `DATABASE_PATH ${path}: no database there`,
      );
    }
    expect(() => new Database(path, { fileMustExist: true })).toThrow();
  });

  it('survives kill -9 during writes: the file reopens and passes integrity_check', async () => {
    const path = tempPath();
    await (await openStore({ databaseUrl: null, databasePath: path })).close();
    const module = pathToFileURL(join(ROOT, 'dist/store/sqliteStore.js')).href;
    // The writer reports every 100 rows and never stops: it is killed mid-stream, after 300 rows.
    const writer = spawn(process.execPath, [
      '--input-type=module',
      '-e',
      `import { SqliteStore } from ${JSON.stringify(module)};
       const store = new SqliteStore(${JSON.stringify(path)});
       for (let i = 1; ; i++) {
         await store.recordQuestion({ askedAt: Date.now(), place: 'dm', userId: String(1e17 + i),
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
    const n = db.prepare('SELECT count(*) FROM questions').pluck().get() as number;
    expect(n).toBeGreaterThanOrEqual(300);
    db.close();
    const reopened = await openStore({ databaseUrl: null, databasePath: path });
    await reopened.recordQuestion(question());
    expect((await reopened.reportRows(0, Date.now() * 2)).counts.questions).toBe(n + 1);
    await reopened.close();
  });

  it('refuses to read a database the bot has not upgraded yet, saying how to upgrade it', async () => {
    const path = tempPath();
    await (await openStore({ databaseUrl: null, databasePath: path })).close();
    const db = new Database(path);
    db.prepare('DELETE FROM schema_migrations WHERE version >= 3').run();
    db.close();
    await expect(openStore({ databaseUrl: null, databasePath: path }, 'read')).rejects.toThrow(
      /migration 3, 4 not applied\); start the bot once \(npm start\) to upgrade it/,
    );
  });

  it('is read-only in read mode', async () => {
    const path = tempPath();
    await (await openStore({ databaseUrl: null, databasePath: path })).close();
    const store = await openStore({ databaseUrl: null, databasePath: path }, 'read');
    expect((await store.reportRows(0, NOW * 2)).counts.questions).toBe(0);
    await expect(store.recordQuestion(question())).rejects.toThrow(
      `DATABASE_PATH ${path}: attempt to write a readonly database`,
    );
    await store.close();
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
