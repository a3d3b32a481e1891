/**
 * Study mode's tables (migration 3), in SQLite's dialect; `portable` in migrations.ts derives PostgreSQL's.
 * - `study_cards`: one row per student and card: the scheduler's state (`fsrs`, JSON), when the card is
 *   due, and the last answer, for `/review`, `/progress` and the export of missed cards.
 * - `study_answers`: one row per answer (interaction id unique, so a second delivery counts once), for
 *   streaks and leaderboard points; `guild_hash` is the salted hash of the server, null outside one.
 * - `leaderboard_members`: students who opted in to a server's leaderboard, with their Discord id, so
 *   their name can be fetched when the board is shown (names are never stored).
 * - `quiz_rounds` and `round_answers`: group questions under way, shared by every instance; the first
 *   right answerer's id is kept only until the results are posted.
 */
export const STUDY_TABLES = `CREATE TABLE study_cards (
     user_hash TEXT NOT NULL,
     card_id TEXT NOT NULL,
     chunk_id TEXT NOT NULL,
     due INTEGER NOT NULL,
     last_answered INTEGER NOT NULL,
     is_correct INTEGER NOT NULL CHECK (is_correct IN (0, 1)),
     misses INTEGER NOT NULL,
     answers INTEGER NOT NULL,
     fsrs TEXT NOT NULL,
     PRIMARY KEY (user_hash, card_id)
   );
   CREATE INDEX study_cards_due ON study_cards (user_hash, due);
   CREATE INDEX study_cards_last_answered ON study_cards (last_answered);
   CREATE TABLE study_answers (
     id INTEGER PRIMARY KEY,
     source_id TEXT UNIQUE,
     answered_at INTEGER NOT NULL,
     user_hash TEXT NOT NULL,
     card_id TEXT NOT NULL,
     is_correct INTEGER NOT NULL CHECK (is_correct IN (0, 1)),
     guild_hash TEXT,
     points INTEGER NOT NULL
   );
   CREATE INDEX study_answers_user ON study_answers (user_hash, answered_at);
   CREATE INDEX study_answers_guild ON study_answers (guild_hash, answered_at);
   CREATE TABLE leaderboard_members (
     guild_hash TEXT NOT NULL,
     user_hash TEXT NOT NULL,
     user_id TEXT NOT NULL,
     joined_at INTEGER NOT NULL,
     PRIMARY KEY (guild_hash, user_hash)
   );
   CREATE TABLE quiz_rounds (
     round_id TEXT PRIMARY KEY,
     card_id TEXT NOT NULL,
     chunk_id TEXT NOT NULL,
     started_at INTEGER NOT NULL,
     deadline INTEGER NOT NULL,
     closed INTEGER NOT NULL DEFAULT 0,
     winner_id TEXT
   );
   CREATE INDEX quiz_rounds_started_at ON quiz_rounds (started_at);
   CREATE TABLE round_answers (
     round_id TEXT NOT NULL,
     user_hash TEXT NOT NULL,
     choice INTEGER NOT NULL,
     answered_at INTEGER NOT NULL,
     PRIMARY KEY (round_id, user_hash)
   );`;
