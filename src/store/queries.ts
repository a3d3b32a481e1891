/**
 * The SQL both stores run, written once with PostgreSQL's `$1` placeholders (the SQLite store rewrites
 * them to named parameters). Aggregates are cast to INTEGER so both drivers return numbers.
 */
export const SQL = {
  salt: `SELECT value FROM settings WHERE key = 'user_salt'`,
  insertSalt: `INSERT INTO settings (key, value) VALUES ('user_salt', $1) ON CONFLICT (key) DO NOTHING`,
  insertQuestion: `INSERT INTO questions
      (asked_at, place, user_hash, question, normalized, verdict, top_ids, latency_ms, source_id)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
    ON CONFLICT (source_id) DO NOTHING RETURNING id`,
  questionBySource: `SELECT id FROM questions WHERE source_id = $1`,
  // Inserts only when the question exists and was asked by the clicker: a forged id stores nothing.
  upsertFeedback: `INSERT INTO feedback (given_at, user_hash, question_id, question, chunk_id, helpful)
    SELECT CAST($1 AS BIGINT), CAST($2 AS TEXT), id, question, CAST($4 AS TEXT), CAST($5 AS INTEGER)
    FROM questions WHERE id = $3 AND user_hash = $2
    ON CONFLICT (user_hash, question_id, chunk_id)
    DO UPDATE SET helpful = excluded.helpful, given_at = excluded.given_at`,
  questionAsker: `SELECT user_hash FROM questions WHERE id = $1`,
  // The cooldown in SQLite; PostgreSQL runs the same steps in its `take_cooldown` function (migration 2).
  cooldownSpent: `DELETE FROM cooldowns WHERE user_hash = $1 AND taken_at <= $2`,
  cooldownTimes: `SELECT taken_at FROM cooldowns WHERE user_hash = $1 ORDER BY taken_at`,
  cooldownTake: `INSERT INTO cooldowns (user_hash, taken_at) VALUES ($1, $2)`,
  claimRequest: `INSERT INTO seen_requests (signature, expires_at) VALUES ($1, $2) ON CONFLICT (signature) DO NOTHING`,
  expireRequests: `DELETE FROM seen_requests WHERE expires_at < $1`,
  purgeQuestions: `DELETE FROM questions WHERE asked_at < $1`,
  purgeFeedback: `DELETE FROM feedback WHERE given_at < $1`,
  purgeCooldowns: `DELETE FROM cooldowns WHERE taken_at < $1`,
  forgetQuestions: `DELETE FROM questions WHERE user_hash = $1`,
  forgetFeedback: `DELETE FROM feedback WHERE user_hash = $1`,
  forgetCooldowns: `DELETE FROM cooldowns WHERE user_hash = $1`,
  reportCounts: `SELECT CAST(count(*) AS INTEGER) AS questions,
      CAST(coalesce(sum(CASE WHEN verdict = 'noMatch' THEN 1 ELSE 0 END), 0) AS INTEGER) AS declined,
      CAST(coalesce(sum(CASE WHEN verdict = 'closest' THEN 1 ELSE 0 END), 0) AS INTEGER) AS closest,
      CAST(coalesce(sum(CASE WHEN place = 'guild' THEN 1 ELSE 0 END), 0) AS INTEGER) AS guild,
      CAST(coalesce(sum(CASE WHEN place = 'dm' THEN 1 ELSE 0 END), 0) AS INTEGER) AS dm,
      CAST(coalesce(sum(CASE WHEN place = 'group_dm' THEN 1 ELSE 0 END), 0) AS INTEGER) AS group_dm
    FROM questions WHERE asked_at >= $1 AND asked_at <= $2`,
  reportUnanswered: `SELECT normalized, CAST(count(*) AS INTEGER) AS count, max(asked_at) AS last,
      (SELECT q.question FROM questions q WHERE q.normalized = questions.normalized
         AND q.verdict = 'noMatch' ORDER BY q.asked_at DESC LIMIT 1) AS example
    FROM questions
    WHERE verdict = 'noMatch' AND asked_at >= $1 AND asked_at <= $2
    GROUP BY normalized ORDER BY count DESC, last DESC LIMIT $3`,
  reportFeedback: `SELECT chunk_id AS id,
      CAST(sum(CASE WHEN helpful = 0 THEN 1 ELSE 0 END) AS INTEGER) AS "notHelpful",
      CAST(sum(CASE WHEN helpful = 1 THEN 1 ELSE 0 END) AS INTEGER) AS helpful
    FROM feedback WHERE given_at >= $1 AND given_at <= $2 GROUP BY chunk_id`,
  /** Questions per UTC day (days since the epoch) and verdict. */
  reportPerDay: `SELECT CAST(asked_at / 86400000 AS INTEGER) AS day, verdict, CAST(count(*) AS INTEGER) AS count
    FROM questions WHERE asked_at >= $1 AND asked_at <= $2 GROUP BY 1, 2 ORDER BY 1, 2`,
  /** The first id of the stored JSON list; `{first}` is the dialect's JSON accessor. */
  reportTopIds: `SELECT {first} AS id, CAST(count(*) AS INTEGER) AS count FROM questions
    WHERE verdict = 'hits' AND asked_at >= $1 AND asked_at <= $2 GROUP BY {first}`,
} as const;

/** Rows listed per section of the report. */
export const REPORT_TOP = 10;
