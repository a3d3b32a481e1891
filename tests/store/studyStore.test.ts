import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryRoundStore } from '../../src/store/memoryRoundStore.js';
import { openStore } from '../../src/store/openStore.js';
import { DAY_MS, type Store } from '../../src/store/store.js';
import type { RoundStore, StudyAnswer } from '../../src/store/studyStore.js';
import { startPostgres, type PostgresServer } from './postgresServer.js';

const USER = '123456789012345678';
const OTHER = '223456789012345678';
const THIRD = '323456789012345678';
const GUILD = '423456789012345678';
const NOW = Date.UTC(2026, 10, 28, 12);
let sources = 0;
const answer = (overrides: Partial<StudyAnswer> = {}): StudyAnswer => ({
  sourceId: `13000000000000${String(++sources).padStart(5, '0')}`,
  userId: USER,
  cardId: 'gap-00000000001',
  chunkId: 'chapter/service/feature',
  answeredAt: NOW,
  isCorrect: true,
  next: { due: NOW + 3 * DAY_MS, fsrs: '{"state":2}' },
  guildId: GUILD,
  points: 1,
  ...overrides,
});
const tempPath = (): string => join(mkdtempSync(join(tmpdir(), 'study-store-')), 'assistant.db');

let postgres: PostgresServer;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(async () => {
  await postgres?.stop();
});

const BACKENDS: [string, () => Promise<Store>][] = [
  ['SQLite', () => openStore({ databaseUrl: null, databasePath: tempPath() })],
  ['PostgreSQL', async () => openStore({ databaseUrl: await postgres.createDatabase(), databasePath: '' })],
];

describe.each(BACKENDS)('study mode on the %s store', (_name, open) => {
  it('keeps one schedule per student and card, counting answers and misses', async () => {
    const store = await open();
    expect(await store.study.review(USER, 'gap-00000000001')).toBeNull();
    await store.study.recordAnswer(
      answer({ isCorrect: false, next: { due: NOW + DAY_MS, fsrs: '{"a":1}' } }),
    );
    await store.study.recordAnswer(
      answer({ answeredAt: NOW + DAY_MS, next: { due: NOW + 5 * DAY_MS, fsrs: '{"a":2}' } }),
    );
    expect(await store.study.review(USER, 'gap-00000000001')).toEqual({
      cardId: 'gap-00000000001',
      chunkId: 'chapter/service/feature',
      due: NOW + 5 * DAY_MS,
      lastAnswered: NOW + DAY_MS,
      isCorrect: true,
      misses: 1,
      answers: 2,
      fsrs: '{"a":2}',
    });
    expect(await store.study.review(OTHER, 'gap-00000000001')).toBeNull();
    await store.close();
  });

  it('stores an answer delivered twice (same interaction id) once', async () => {
    const store = await open();
    const first = answer({ isCorrect: false });
    expect(await store.study.recordAnswer(first)).toBe(true);
    expect(await store.study.recordAnswer({ ...first, next: { due: 0, fsrs: '{}' } })).toBe(false);
    expect(await store.study.review(USER, first.cardId)).toMatchObject({ answers: 1, misses: 1 });
    await store.close();
  });

  it("counts every student's answers per section within a period, for the digest", async () => {
    const store = await open();
    await store.study.recordAnswer(answer({ isCorrect: false }));
    await store.study.recordAnswer(answer({ userId: OTHER }));
    await store.study.recordAnswer(answer({ userId: THIRD, cardId: 'gap-2', chunkId: 'chapter/other' }));
    await store.study.recordAnswer(answer({ userId: THIRD, answeredAt: NOW + 7 * DAY_MS }));
    expect(await store.study.answersByChunk(NOW, NOW + DAY_MS)).toEqual([
      { chunkId: 'chapter/other', answered: 1, correct: 1 },
      { chunkId: 'chapter/service/feature', answered: 2, correct: 1 },
    ]);
    expect(await store.study.answersByChunk(NOW + DAY_MS, NOW + 2 * DAY_MS)).toEqual([]);
    await store.close();
  });

  it('serves exactly the cards due, most overdue first', async () => {
    const store = await open();
    await store.study.recordAnswer(answer({ cardId: 'gap-a', next: { due: NOW + DAY_MS, fsrs: '{}' } }));
    await store.study.recordAnswer(answer({ cardId: 'gap-b', next: { due: NOW + 3 * DAY_MS, fsrs: '{}' } }));
    await store.study.recordAnswer(answer({ cardId: 'gap-c', next: { due: NOW + DAY_MS / 2, fsrs: '{}' } }));
    await store.study.recordAnswer(
      answer({ userId: OTHER, cardId: 'gap-d', next: { due: NOW, fsrs: '{}' } }),
    );
    const due = await store.study.dueCards(USER, NOW + DAY_MS, 10);
    expect(due.map((review) => review.cardId)).toEqual(['gap-c', 'gap-a']);
    expect(await store.study.dueCards(USER, NOW + DAY_MS, 1)).toHaveLength(1);
    expect((await store.study.reviews(USER)).map((review) => review.cardId).sort()).toEqual([
      'gap-a',
      'gap-b',
      'gap-c',
    ]);
    await store.close();
  });

  it('lists the days a student answered on, newest first (for streaks)', async () => {
    const store = await open();
    for (const day of [0, 0, 1, 3]) {
      await store.study.recordAnswer(answer({ answeredAt: NOW + day * DAY_MS, guildId: null }));
    }
    const today = Math.floor(NOW / DAY_MS);
    expect(await store.study.answerDays(USER)).toEqual([today + 3, today + 1, today]);
    await store.close();
  });

  it('shows only opted-in members on a leaderboard, weekly or all time, best first', async () => {
    const store = await open();
    await store.study.recordAnswer(answer({ userId: USER, points: 1, answeredAt: NOW - 10 * DAY_MS }));
    await store.study.recordAnswer(answer({ userId: USER, points: 1 }));
    await store.study.recordAnswer(answer({ userId: OTHER, points: 1 }));
    await store.study.recordAnswer(answer({ userId: THIRD, points: 1 }));
    await store.study.recordAnswer(answer({ userId: THIRD, points: 0 }));
    await store.study.recordAnswer(answer({ userId: OTHER, points: 5, guildId: '523456789012345678' }));
    await store.study.setLeaderboard(GUILD, USER, true, NOW);
    await store.study.setLeaderboard(GUILD, OTHER, true, NOW);
    expect(await store.study.isOnLeaderboard(GUILD, USER)).toBe(true);
    expect(await store.study.isOnLeaderboard(GUILD, THIRD)).toBe(false);
    expect(await store.study.leaderboard(GUILD, 0, 10)).toEqual([
      { userId: USER, points: 2 },
      { userId: OTHER, points: 1 },
    ]);
    expect(await store.study.leaderboard(GUILD, NOW - 7 * DAY_MS, 10)).toEqual([
      { userId: USER, points: 1 },
      { userId: OTHER, points: 1 },
    ]);
    await store.study.setLeaderboard(GUILD, USER, false, NOW);
    expect(await store.study.leaderboard(GUILD, 0, 10)).toEqual([{ userId: OTHER, points: 1 }]);
    await store.close();
  });

  it("forgets a student's schedules, answers, memberships and round answers", async () => {
    const store = await open();
    await store.study.recordAnswer(answer());
    await store.study.recordAnswer(answer({ userId: OTHER }));
    await store.study.setLeaderboard(GUILD, USER, true, NOW);
    await store.study.rounds.openRound({
      roundId: 'r1',
      cardId: 'gap-x',
      chunkId: 'c',
      startedAt: NOW,
      deadline: NOW + 60_000,
    });
    expect(await store.study.rounds.answerRound('r1', USER, 0, NOW)).toBe('saved');
    expect(await store.study.rounds.claimWin('r1', USER)).toBe(true);
    expect(await store.forgetUser(USER)).toBe(5);
    expect(await store.study.reviews(USER)).toEqual([]);
    expect(await store.study.answerDays(USER)).toEqual([]);
    expect(await store.study.isOnLeaderboard(GUILD, USER)).toBe(false);
    expect(await store.study.rounds.closeRound('r1', 4)).toEqual({ choices: [0, 0, 0, 0], winnerId: null });
    expect(await store.study.reviews(OTHER)).toHaveLength(1);
    await store.close();
  });

  it('purges answers and schedules older than the retention window, and rounds after a day', async () => {
    const store = await open();
    await store.study.recordAnswer(answer({ cardId: 'gap-old', answeredAt: NOW - 200 * DAY_MS }));
    await store.study.recordAnswer(answer({ cardId: 'gap-new', answeredAt: NOW - 10 * DAY_MS }));
    await store.study.rounds.openRound({
      roundId: 'old',
      cardId: 'gap-x',
      chunkId: 'c',
      startedAt: NOW - 2 * DAY_MS,
      deadline: NOW - 2 * DAY_MS + 60_000,
    });
    expect(await store.purge(180, NOW)).toBe(3);
    expect((await store.study.reviews(USER)).map((review) => review.cardId)).toEqual(['gap-new']);
    expect(await store.study.rounds.round('old')).toBeNull();
    await store.close();
  });

  describeRounds(async () => (await open()).study.rounds);
});

describe('group rounds in memory (no store)', () => {
  describeRounds(async () => createMemoryRoundStore());
});

/** The rules every round store keeps, stored or in memory. */
function describeRounds(open: () => Promise<RoundStore>): void {
  const round = { roundId: '1300000000000000099', cardId: 'gap-x', chunkId: 'c', startedAt: NOW };

  it('takes one answer per student before the deadline, and one winner', async () => {
    const rounds = await open();
    await rounds.openRound({ ...round, deadline: NOW + 30_000 });
    expect(await rounds.answerRound(round.roundId, USER, 1, NOW + 1)).toBe('saved');
    expect(await rounds.answerRound(round.roundId, USER, 2, NOW + 2)).toBe('answered already');
    expect(await rounds.answerRound(round.roundId, OTHER, 2, NOW + 3)).toBe('saved');
    expect(await rounds.answerRound(round.roundId, THIRD, 2, NOW + 30_000)).toBe('closed');
    expect(await rounds.answerRound('1300000000000000098', USER, 0, NOW)).toBe('unknown round');
    expect(await rounds.claimWin(round.roundId, OTHER)).toBe(true);
    expect(await rounds.claimWin(round.roundId, USER)).toBe(false);
    expect(await rounds.round(round.roundId)).toMatchObject({ cardId: 'gap-x', isClosed: false });
  });

  it('closes once, with the answers per option and the winner, then refuses answers', async () => {
    const rounds = await open();
    await rounds.openRound({ ...round, deadline: NOW + 30_000 });
    await rounds.answerRound(round.roundId, USER, 1, NOW);
    await rounds.answerRound(round.roundId, OTHER, 1, NOW);
    await rounds.answerRound(round.roundId, THIRD, 3, NOW);
    await rounds.claimWin(round.roundId, USER);
    const closings = await Promise.all([
      rounds.closeRound(round.roundId, 4),
      rounds.closeRound(round.roundId, 4),
    ]);
    expect(closings.filter((results) => results !== null)).toEqual([
      { choices: [0, 2, 0, 1], winnerId: USER },
    ]);
    expect(await rounds.answerRound(round.roundId, '423456789012345679', 0, NOW)).toBe('closed');
    expect(await rounds.claimWin(round.roundId, OTHER)).toBe(false);
    expect(await rounds.round(round.roundId)).toMatchObject({ isClosed: true });
  });
}
