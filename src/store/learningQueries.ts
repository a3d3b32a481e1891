/**
 * The learning loop's SQL (migration 4's tables), written once with PostgreSQL's `$1` placeholders like
 * `queries.ts`.
 */
export const LEARNING_SQL = {
  // Helpful: only the asker's own stored question, and only one with words to learn.
  confirmHelpful: `INSERT INTO confirmations
      (confirmed_at, user_hash, question_id, question, normalized, chunk_id, how)
    SELECT CAST($1 AS BIGINT), user_hash, id, question, normalized, CAST($4 AS TEXT), 'helpful'
    FROM questions WHERE id = $2 AND user_hash = $3 AND normalized <> ''
    ON CONFLICT (user_hash, question_id, chunk_id) DO UPDATE SET how = 'helpful', confirmed_at = excluded.confirmed_at`,
  // The student's latest miss from $3 to $4 (one question when $2 is not 0): declined or closest when
  // asked, or answered and then marked Not helpful.
  recentMiss: `SELECT q.id FROM questions q
    WHERE q.user_hash = $1 AND (CAST($2 AS BIGINT) = 0 OR q.id = $2) AND q.normalized <> ''
      AND q.asked_at <= $4
      AND ((q.verdict <> 'hits' AND q.asked_at >= $3)
        OR EXISTS (SELECT 1 FROM feedback f WHERE f.question_id = q.id AND f.user_hash = q.user_hash
          AND f.helpful = 0 AND f.given_at >= $3 AND f.given_at <= $4))
    ORDER BY q.asked_at DESC, q.id DESC LIMIT 1`,
  dropOtherPicks: `DELETE FROM confirmations
    WHERE user_hash = $1 AND question_id = $2 AND how <> 'helpful' AND chunk_id <> $3`,
  confirmPick: `INSERT INTO confirmations
      (confirmed_at, user_hash, question_id, question, normalized, chunk_id, how)
    SELECT CAST($1 AS BIGINT), user_hash, id, question, normalized, CAST($3 AS TEXT), CAST($4 AS TEXT)
    FROM questions WHERE id = $2
    ON CONFLICT (user_hash, question_id, chunk_id) DO UPDATE SET confirmed_at = excluded.confirmed_at`,
  withdrawHelpful: `DELETE FROM confirmations
    WHERE user_hash = $1 AND question_id = $2 AND chunk_id = $3 AND how = 'helpful'`,
  proposedPairs: `SELECT c.chunk_id AS id, c.normalized, CAST(count(DISTINCT c.user_hash) AS INTEGER) AS students,
      (SELECT c2.question FROM confirmations c2 WHERE c2.normalized = c.normalized AND c2.chunk_id = c.chunk_id
         ORDER BY c2.confirmed_at DESC LIMIT 1) AS question
    FROM confirmations c
    WHERE c.confirmed_at >= $1 AND c.confirmed_at <= $2
      AND NOT EXISTS (SELECT 1 FROM learned l WHERE l.normalized = c.normalized AND l.chunk_id = c.chunk_id)
    GROUP BY c.chunk_id, c.normalized
    HAVING count(DISTINCT c.user_hash) >= $3
    ORDER BY c.chunk_id, students DESC, c.normalized`,
  markLearned: `INSERT INTO learned (normalized, chunk_id, learned_at) VALUES ($1, $2, $3)
    ON CONFLICT (normalized, chunk_id) DO NOTHING`,
  claimDigest: `INSERT INTO digests (period, claimed_at) VALUES ($1, $2) ON CONFLICT (period) DO NOTHING`,
  releaseDigest: `DELETE FROM digests WHERE period = $1`,
  purgeConfirmations: `DELETE FROM confirmations WHERE confirmed_at < $1`,
  purgeLearned: `DELETE FROM learned WHERE learned_at < $1`,
  purgeDigests: `DELETE FROM digests WHERE claimed_at < $1`,
  forgetConfirmations: `DELETE FROM confirmations WHERE user_hash = $1`,
} as const;
