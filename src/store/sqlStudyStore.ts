import { STUDY_SQL as SQL } from './studyQueries.js';
import type {
  ChunkAnswers,
  LeaderboardRow,
  Round,
  RoundAnswerOutcome,
  RoundResults,
  RoundStore,
  StoredReview,
  StudyAnswer,
  StudyStore,
} from './studyStore.js';

/** How a store runs SQL written with `$n` placeholders: one statement, or several in one transaction. */
export interface SqlRunner {
  all<T>(sql: string, values: unknown[]): Promise<T[]>;
  /** Returns the rows changed. */
  run(sql: string, values: unknown[]): Promise<number>;
  /** Run statements in one transaction; returns the rows each changed. */
  batch(statements: readonly (readonly [string, unknown[]])[]): Promise<number[]>;
}

interface ReviewRow {
  card_id: string;
  chunk_id: string;
  due: number;
  last_answered: number;
  is_correct: number;
  misses: number;
  answers: number;
  fsrs: string;
}

const toReview = (row: ReviewRow): StoredReview => ({
  cardId: row.card_id,
  chunkId: row.chunk_id,
  due: Number(row.due),
  lastAnswered: Number(row.last_answered),
  isCorrect: Number(row.is_correct) === 1,
  misses: Number(row.misses),
  answers: Number(row.answers),
  fsrs: row.fsrs,
});

/**
 * Study mode's storage over either backend's SQL runner: the same statements on SQLite and PostgreSQL.
 *
 * @param sql The backend's runner.
 * @param hash The store's salted hash, for user and server ids.
 */
export function createSqlStudyStore(sql: SqlRunner, hash: (id: string) => string): StudyStore {
  return {
    async review(userId, cardId) {
      const rows = await sql.all<ReviewRow>(SQL.review, [hash(userId), cardId]);
      return rows[0] === undefined ? null : toReview(rows[0]);
    },
    async recordAnswer(answer: StudyAnswer) {
      const userHash = hash(answer.userId);
      const [, inserted] = await sql.batch([
        [
          SQL.upsertCard,
          [
            userHash,
            answer.cardId,
            answer.chunkId,
            answer.next.due,
            answer.answeredAt,
            answer.isCorrect ? 1 : 0,
            answer.isCorrect ? 0 : 1,
            answer.next.fsrs,
            answer.sourceId,
          ],
        ],
        [
          SQL.insertAnswer,
          [
            answer.sourceId,
            answer.answeredAt,
            userHash,
            answer.cardId,
            answer.isCorrect ? 1 : 0,
            answer.guildId === null ? null : hash(answer.guildId),
            answer.points,
          ],
        ],
      ]);
      return (inserted ?? 0) > 0;
    },
    async dueCards(userId, now, limit) {
      return (await sql.all<ReviewRow>(SQL.due, [hash(userId), now, limit])).map(toReview);
    },
    async reviews(userId) {
      return (await sql.all<ReviewRow>(SQL.reviews, [hash(userId)])).map(toReview);
    },
    async answerDays(userId) {
      return (await sql.all<{ day: number }>(SQL.answerDays, [hash(userId)])).map((row) => Number(row.day));
    },
    async setLeaderboard(guildId, userId, isMember, now) {
      if (isMember) await sql.run(SQL.joinLeaderboard, [hash(guildId), hash(userId), userId, now]);
      else await sql.run(SQL.leaveLeaderboard, [hash(guildId), hash(userId)]);
    },
    async isOnLeaderboard(guildId, userId) {
      return (await sql.all(SQL.isMember, [hash(guildId), hash(userId)])).length > 0;
    },
    async answersByChunk(since, until): Promise<ChunkAnswers[]> {
      const rows = await sql.all<ChunkAnswers>(SQL.answersByChunk, [since, until]);
      return rows.map((row) => ({
        chunkId: row.chunkId,
        answered: Number(row.answered),
        correct: Number(row.correct),
      }));
    },
    async leaderboard(guildId, since, limit): Promise<LeaderboardRow[]> {
      const rows = await sql.all<LeaderboardRow>(SQL.leaderboard, [hash(guildId), since, limit]);
      return rows.map((row) => ({ userId: row.userId, points: Number(row.points) }));
    },
    rounds: createSqlRoundStore(sql, hash),
  };
}

function createSqlRoundStore(sql: SqlRunner, hash: (id: string) => string): RoundStore {
  const round = async (roundId: string): Promise<Round | null> => {
    const rows = await sql.all<{
      round_id: string;
      card_id: string;
      chunk_id: string;
      started_at: number;
      deadline: number;
      closed: number;
    }>(SQL.round, [roundId]);
    const row = rows[0];
    if (row === undefined) return null;
    return {
      roundId: row.round_id,
      cardId: row.card_id,
      chunkId: row.chunk_id,
      startedAt: Number(row.started_at),
      deadline: Number(row.deadline),
      isClosed: Number(row.closed) === 1,
    };
  };
  return {
    async openRound(r) {
      await sql.run(SQL.openRound, [r.roundId, r.cardId, r.chunkId, r.startedAt, r.deadline]);
    },
    round,
    async answerRound(roundId, userId, choice, now): Promise<RoundAnswerOutcome> {
      const userHash = hash(userId);
      if ((await sql.run(SQL.answerRound, [roundId, userHash, choice, now])) > 0) return 'saved';
      if ((await sql.all(SQL.roundAnswerOf, [roundId, userHash])).length > 0) return 'answered already';
      return (await round(roundId)) === null ? 'unknown round' : 'closed';
    },
    async claimWin(roundId, userId) {
      return (await sql.run(SQL.claimWin, [roundId, userId])) > 0;
    },
    async closeRound(roundId, optionCount): Promise<RoundResults | null> {
      // Closed first: no answer or claim gets in after it, so the winner read next is final.
      if ((await sql.run(SQL.closeRound, [roundId])) === 0) return null;
      const winner = await sql.all<{ winner_id: string | null }>(SQL.roundWinner, [roundId]);
      await sql.run(SQL.forgetWinner, [roundId]);
      const choices = Array.from({ length: optionCount }, () => 0);
      for (const row of await sql.all<{ choice: number; n: number }>(SQL.roundChoices, [roundId])) {
        const choice = Number(row.choice);
        if (choice >= 0 && choice < optionCount) choices[choice] = Number(row.n);
      }
      return { choices, winnerId: winner[0]?.winner_id ?? null };
    },
  };
}
