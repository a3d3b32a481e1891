/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many have run. Never edit a
 * released migration: add a new one.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE questions (
     id INTEGER PRIMARY KEY,
     asked_at INTEGER NOT NULL,
     place TEXT NOT NULL CHECK (place IN ('guild', 'dm', 'group_dm')),
     user_hash TEXT NOT NULL,
     question TEXT NOT NULL,
     normalized TEXT NOT NULL,
     verdict TEXT NOT NULL CHECK (verdict IN ('hits', 'noMatch')),
     top_ids TEXT NOT NULL,
     latency_ms REAL NOT NULL
   );
   CREATE INDEX questions_asked_at ON questions (asked_at);
   CREATE INDEX questions_user_hash ON questions (user_hash);
   CREATE TABLE feedback (
     id INTEGER PRIMARY KEY,
     given_at INTEGER NOT NULL,
     user_hash TEXT NOT NULL,
     question_id INTEGER,
     question TEXT NOT NULL,
     chunk_id TEXT NOT NULL,
     helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
     UNIQUE (user_hash, question_id, chunk_id)
   );
   CREATE INDEX feedback_given_at ON feedback (given_at);
   CREATE INDEX feedback_user_hash ON feedback (user_hash);`,
];
