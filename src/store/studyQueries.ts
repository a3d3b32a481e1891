/**
 * Study mode's SQL, run by both stores (PostgreSQL's `$1` placeholders; the SQLite store rewrites them).
 * Parameters selected without a table are cast, so PostgreSQL knows their types.
 */
export const STUDY_SQL = {
  // Skipped when the answer's interaction was stored before: a second delivery changes nothing.
  upsertCard: `INSERT INTO study_cards
      (user_hash, card_id, chunk_id, due, last_answered, is_correct, misses, answers, fsrs)
    SELECT CAST($1 AS TEXT), CAST($2 AS TEXT), CAST($3 AS TEXT), CAST($4 AS BIGINT), CAST($5 AS BIGINT),
      CAST($6 AS INTEGER), CAST($7 AS INTEGER), 1, CAST($8 AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM study_answers WHERE source_id = $9)
    ON CONFLICT (user_hash, card_id) DO UPDATE SET chunk_id = excluded.chunk_id, due = excluded.due,
      last_answered = excluded.last_answered, is_correct = excluded.is_correct,
      misses = study_cards.misses + excluded.misses, answers = study_cards.answers + 1, fsrs = excluded.fsrs`,
  insertAnswer: `INSERT INTO study_answers
      (source_id, answered_at, user_hash, card_id, is_correct, guild_hash, points)
    VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (source_id) DO NOTHING`,
  review: `SELECT card_id, chunk_id, due, last_answered, is_correct, misses, answers, fsrs
    FROM study_cards WHERE user_hash = $1 AND card_id = $2`,
  due: `SELECT card_id, chunk_id, due, last_answered, is_correct, misses, answers, fsrs
    FROM study_cards WHERE user_hash = $1 AND due <= $2 ORDER BY due, card_id LIMIT $3`,
  reviews: `SELECT card_id, chunk_id, due, last_answered, is_correct, misses, answers, fsrs
    FROM study_cards WHERE user_hash = $1 ORDER BY last_answered DESC, card_id`,
  answerDays: `SELECT DISTINCT CAST(answered_at / 86400000 AS INTEGER) AS day FROM study_answers
    WHERE user_hash = $1 ORDER BY day DESC`,
  joinLeaderboard: `INSERT INTO leaderboard_members (guild_hash, user_hash, user_id, joined_at)
    VALUES ($1, $2, $3, $4) ON CONFLICT (guild_hash, user_hash) DO NOTHING`,
  leaveLeaderboard: `DELETE FROM leaderboard_members WHERE guild_hash = $1 AND user_hash = $2`,
  isMember: `SELECT 1 AS yes FROM leaderboard_members WHERE guild_hash = $1 AND user_hash = $2`,
  answersByChunk: `SELECT c.chunk_id AS "chunkId", CAST(count(*) AS INTEGER) AS answered,
      CAST(sum(a.is_correct) AS INTEGER) AS correct
    FROM study_answers a JOIN study_cards c ON c.user_hash = a.user_hash AND c.card_id = a.card_id
    WHERE a.answered_at >= $1 AND a.answered_at < $2
    GROUP BY c.chunk_id ORDER BY c.chunk_id`,
  leaderboard: `SELECT m.user_id AS "userId", CAST(sum(a.points) AS INTEGER) AS points
    FROM leaderboard_members m JOIN study_answers a
      ON a.user_hash = m.user_hash AND a.guild_hash = m.guild_hash AND a.answered_at >= $2
    WHERE m.guild_hash = $1
    GROUP BY m.user_id HAVING sum(a.points) > 0
    ORDER BY points DESC, min(a.answered_at), m.user_id LIMIT $3`,
  openRound: `INSERT INTO quiz_rounds (round_id, card_id, chunk_id, started_at, deadline, closed)
    VALUES ($1, $2, $3, $4, $5, 0) ON CONFLICT (round_id) DO NOTHING`,
  round: `SELECT round_id, card_id, chunk_id, started_at, deadline, closed FROM quiz_rounds WHERE round_id = $1`,
  // Only while the round is open and before its deadline; once per student.
  answerRound: `INSERT INTO round_answers (round_id, user_hash, choice, answered_at)
    SELECT round_id, CAST($2 AS TEXT), CAST($3 AS INTEGER), CAST($4 AS BIGINT) FROM quiz_rounds
    WHERE round_id = $1 AND closed = 0 AND deadline > $4
    ON CONFLICT (round_id, user_hash) DO NOTHING`,
  roundAnswerOf: `SELECT 1 AS yes FROM round_answers WHERE round_id = $1 AND user_hash = $2`,
  claimWin: `UPDATE quiz_rounds SET winner_id = $2 WHERE round_id = $1 AND closed = 0 AND winner_id IS NULL`,
  closeRound: `UPDATE quiz_rounds SET closed = 1 WHERE round_id = $1 AND closed = 0`,
  roundWinner: `SELECT winner_id FROM quiz_rounds WHERE round_id = $1`,
  forgetWinner: `UPDATE quiz_rounds SET winner_id = NULL WHERE round_id = $1`,
  roundChoices: `SELECT choice, CAST(count(*) AS INTEGER) AS n FROM round_answers WHERE round_id = $1
    GROUP BY choice`,
} as const;

/** A statement and how its parameters follow from the purge's `[before, now]` or forget's `[hash, userId]`. */
type Cleanup = readonly [sql: string, params: (a: string | number, b: string | number) => unknown[]];

/**
 * What retention deletes from study mode's tables (each store runs these in its purge transaction, with
 * the retention cut-off and the time now): answers and schedules untouched for the whole window, members
 * of a leaderboard who have not answered within it, and group rounds (with any winner's id) after a day.
 */
export const STUDY_PURGE: readonly Cleanup[] = [
  [`DELETE FROM study_answers WHERE answered_at < $1`, (before) => [before]],
  [`DELETE FROM study_cards WHERE last_answered < $1`, (before) => [before]],
  [
    `DELETE FROM leaderboard_members WHERE joined_at < $1 AND NOT EXISTS (SELECT 1 FROM study_answers a
      WHERE a.user_hash = leaderboard_members.user_hash AND a.answered_at >= $1)`,
    (before) => [before],
  ],
  [
    `DELETE FROM round_answers WHERE round_id IN (SELECT round_id FROM quiz_rounds WHERE started_at < $1)`,
    (_before, now) => [Number(now) - 86_400_000],
  ],
  [`DELETE FROM quiz_rounds WHERE started_at < $1`, (_before, now) => [Number(now) - 86_400_000]],
];

/** What `forgetUser` deletes from study mode's tables, by the student's hash and raw id. */
export const STUDY_FORGET: readonly Cleanup[] = [
  [`DELETE FROM study_cards WHERE user_hash = $1`, (hash) => [hash]],
  [`DELETE FROM study_answers WHERE user_hash = $1`, (hash) => [hash]],
  [`DELETE FROM leaderboard_members WHERE user_hash = $1`, (hash) => [hash]],
  [`DELETE FROM round_answers WHERE user_hash = $1`, (hash) => [hash]],
  [`UPDATE quiz_rounds SET winner_id = NULL WHERE winner_id = $1`, (_hash, userId) => [userId]],
];
