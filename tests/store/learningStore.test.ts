import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfirmationRecord } from '../../src/store/learningStore.js';
import { openStore } from '../../src/store/openStore.js';
import { DAY_MS, type QuestionRecord, type Store } from '../../src/store/store.js';
import { startPostgres, type PostgresServer } from './postgresServer.js';

const ANN = '123456789012345678';
const BOB = '223456789012345678';
const NOW = Date.UTC(2026, 10, 28, 12);
const MINUTE = 60_000;
const WINDOW = 5 * MINUTE;
const DX = 'networking-service/aws-direct-connect/flexible-bandwidth-options';
const VPC = 'networking-service/amazon-virtual-private-cloud-vpc/isolation';

const question = (overrides: Partial<QuestionRecord> = {}): QuestionRecord => ({
  askedAt: NOW,
  place: 'guild',
  userId: ANN,
  question: 'how fast can a dedicated line go?',
  verdict: 'noMatch',
  topIds: [],
  latencyMs: 1,
  ...overrides,
});
const pick = (overrides: Partial<ConfirmationRecord> = {}): ConfirmationRecord => ({
  confirmedAt: NOW + MINUTE,
  userId: ANN,
  chunkId: DX,
  how: 'suggestion',
  questionId: null,
  windowMs: WINDOW,
  ...overrides,
});

let postgres: PostgresServer;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(async () => {
  await postgres?.stop();
});

const BACKENDS: [string, () => Promise<Store>][] = [
  [
    'SQLite',
    () => openStore({ databaseUrl: null, databasePath: join(mkdtempSync(join(tmpdir(), 'learn-')), 'a.db') }),
  ],
  ['PostgreSQL', async () => openStore({ databaseUrl: await postgres.createDatabase(), databasePath: '' })],
];

describe.each(BACKENDS)('the %s learning store', (_name, open) => {
  const proposed = (store: Store, minStudents = 1) => store.proposedPairs(0, NOW * 2, minStudents);

  it('confirms a declined question for the section its asker picks within the window', async () => {
    const store = await open();
    await store.recordQuestion(question());
    expect(await store.recordConfirmation(pick())).toBe('saved');
    expect(await proposed(store)).toEqual([
      {
        id: DX,
        normalized: 'fast dedicated line',
        question: 'how fast can a dedicated line go?',
        students: 1,
      },
    ]);
    await store.close();
  });

  it('ignores a pick after the window, or by a student with no miss', async () => {
    const store = await open();
    await store.recordQuestion(question());
    expect(await store.recordConfirmation(pick({ confirmedAt: NOW + WINDOW + 1 }))).toBe('no recent miss');
    expect(await store.recordConfirmation(pick({ userId: BOB }))).toBe('no recent miss');
    expect(await proposed(store)).toEqual([]);
    await store.close();
  });

  it('takes an answered question as a miss only once its asker marks it not helpful', async () => {
    const store = await open();
    const id = await store.recordQuestion(question({ verdict: 'hits', topIds: [VPC] }));
    expect(await store.recordConfirmation(pick({ how: 'more', questionId: id }))).toBe('no recent miss');
    await store.recordFeedback({
      givenAt: NOW + MINUTE,
      userId: ANN,
      questionId: id,
      chunkId: VPC,
      helpful: false,
    });
    expect(
      await store.recordConfirmation(pick({ how: 'more', questionId: id, confirmedAt: NOW + 2 * MINUTE })),
    ).toBe('saved');
    expect((await proposed(store)).map((pair) => pair.id)).toEqual([DX]);
    await store.close();
  });

  it("keeps one student's latest pick per question, and their Helpful votes beside it", async () => {
    const store = await open();
    const id = await store.recordQuestion(question({ verdict: 'closest', topIds: [VPC] }));
    await store.recordConfirmation(pick({ chunkId: VPC, how: 'helpful', questionId: id }));
    await store.recordConfirmation(pick({ chunkId: 'networking-service/x' }));
    await store.recordConfirmation(pick({ chunkId: DX, how: 'topics' }));
    expect((await proposed(store)).map((pair) => pair.id).sort()).toEqual([VPC, DX].sort());
    await store.withdrawConfirmation(ANN, id, VPC);
    expect((await proposed(store)).map((pair) => pair.id)).toEqual([DX]);
    await store.close();
  });

  it("refuses a Helpful confirmation on someone else's question", async () => {
    const store = await open();
    const id = await store.recordQuestion(question({ verdict: 'hits', topIds: [DX] }));
    expect(await store.recordConfirmation(pick({ how: 'helpful', questionId: id, userId: BOB }))).toBe(
      'not the asker',
    );
    expect(await store.recordConfirmation(pick({ how: 'helpful', questionId: id }))).toBe('saved');
    await store.close();
  });

  it('proposes a pair once enough distinct students confirmed it, and never again once learned', async () => {
    const store = await open();
    for (const userId of [ANN, BOB]) {
      await store.recordQuestion(question({ userId, question: userId === ANN ? 'DX speed?' : 'dx SPEED' }));
      await store.recordConfirmation(pick({ userId }));
    }
    // Ann confirms it twice: still one student.
    await store.recordQuestion(question({ question: 'dx speed', askedAt: NOW + 1 }));
    await store.recordConfirmation(pick({ confirmedAt: NOW + 2 * MINUTE }));
    expect(await proposed(store, 3)).toEqual([]);
    const [pair] = await proposed(store, 2);
    expect(pair).toMatchObject({ id: DX, normalized: 'dx speed', students: 2 });
    await store.markLearned([pair!], NOW);
    expect(await proposed(store, 1)).toEqual([]);
    await store.close();
  });

  it('claims a digest period once across connections, and again after it is released', async () => {
    const store = await open();
    const claims = await Promise.all(
      Array.from({ length: 5 }, () => store.claimDigest('2026-11-30T09:00:00.000Z', NOW)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    await store.releaseDigest('2026-11-30T09:00:00.000Z');
    expect(await store.claimDigest('2026-11-30T09:00:00.000Z', NOW)).toBe(true);
    await store.close();
  });

  it("forgets a student's confirmations with their questions, and purges old ones", async () => {
    const store = await open();
    await store.recordQuestion(question());
    await store.recordConfirmation(pick());
    await store.recordQuestion(question({ userId: BOB, askedAt: NOW - 200 * DAY_MS }));
    await store.recordConfirmation(pick({ userId: BOB, confirmedAt: NOW - 200 * DAY_MS + MINUTE }));
    await store.claimDigest('old', NOW - 200 * DAY_MS);
    expect(await store.forgetUser(ANN)).toBe(2);
    expect(await store.purge(180, NOW)).toBe(2);
    expect(await proposed(store)).toEqual([]);
    expect(await store.claimDigest('old', NOW)).toBe(true);
    await store.close();
  });
});
