import Database from 'better-sqlite3';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { topicWords } from '../search/questionWords.js';
import { MIGRATIONS } from './migrations.js';

/** Where a question was asked. */
export type Place = 'guild' | 'dm' | 'group_dm';

/** One question as stored: no user id or name, only a salted hash. */
export interface QuestionRecord {
  askedAt: number;
  place: Place;
  userId: string;
  question: string;
  verdict: 'hits' | 'noMatch';
  topIds: string[];
  latencyMs: number;
}

/** One feedback click. */
export interface FeedbackRecord {
  givenAt: number;
  userId: string;
  questionId: number | null;
  chunkId: string;
  helpful: boolean;
}

/** One day in milliseconds: the unit of retention and of report windows. */
export const DAY_MS = 86_400_000;

/** The normalized form unanswered questions are grouped by: words without filler, lower case. */
export function normalizeQuestion(question: string): string {
  return topicWords(question).join(' ');
}

/**
 * The learning loop's storage: questions and feedback in an embedded SQLite file (WAL mode, versioned
 * migrations). User ids are stored only as HMAC-SHA256 with a random salt kept in the database.
 */
export class QuestionStore {
  readonly db: Database.Database;
  readonly #salt: string;
  readonly #insertQuestion: Database.Statement;
  readonly #upsertFeedback: Database.Statement;
  readonly #questionText: Database.Statement;

  /**
   * Open (creating if needed) and migrate the database.
   *
   * @param path The database file; its folder is created. `:memory:` for a throwaway store.
   */
  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    this.#salt = this.#loadSalt();
    this.#insertQuestion = this.db.prepare(
      `INSERT INTO questions (asked_at, place, user_hash, question, normalized, verdict, top_ids, latency_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#upsertFeedback = this.db.prepare(
      `INSERT INTO feedback (given_at, user_hash, question_id, question, chunk_id, helpful)
       VALUES (@givenAt, @userHash, @questionId, @question, @chunkId, @helpful)
       ON CONFLICT (user_hash, question_id, chunk_id)
       DO UPDATE SET helpful = excluded.helpful, given_at = excluded.given_at`,
    );
    this.#questionText = this.db.prepare('SELECT question FROM questions WHERE id = ?');
  }

  /** The salted hash that stands for a user id. */
  hashUser(userId: string): string {
    return createHmac('sha256', this.#salt).update(userId).digest('hex');
  }

  /** Store a question; returns its row id (used by feedback buttons). */
  recordQuestion(record: QuestionRecord): number {
    const result = this.#insertQuestion.run(
      record.askedAt,
      record.place,
      this.hashUser(record.userId),
      record.question,
      normalizeQuestion(record.question),
      record.verdict,
      JSON.stringify(record.topIds),
      record.latencyMs,
    );
    return Number(result.lastInsertRowid);
  }

  /** Store a feedback click; a second click by the same user on the same answer updates the first. */
  recordFeedback(record: FeedbackRecord): void {
    const row =
      record.questionId === null
        ? undefined
        : (this.#questionText.get(record.questionId) as { question: string } | undefined);
    this.#upsertFeedback.run({
      givenAt: record.givenAt,
      userHash: this.hashUser(record.userId),
      questionId: record.questionId,
      question: row?.question ?? '',
      chunkId: record.chunkId,
      helpful: record.helpful ? 1 : 0,
    });
  }

  /** Delete rows older than the retention window; returns how many. */
  purge(retentionDays: number, now = Date.now()): number {
    const before = now - retentionDays * DAY_MS;
    return this.db.transaction(() => {
      const questions = this.db.prepare('DELETE FROM questions WHERE asked_at < ?').run(before).changes;
      const feedback = this.db.prepare('DELETE FROM feedback WHERE given_at < ?').run(before).changes;
      return questions + feedback;
    })();
  }

  /** Delete everything stored about one user (found through the hash); returns how many rows. */
  forgetUser(userId: string): number {
    const hash = this.hashUser(userId);
    return this.db.transaction(() => {
      const questions = this.db.prepare('DELETE FROM questions WHERE user_hash = ?').run(hash).changes;
      const feedback = this.db.prepare('DELETE FROM feedback WHERE user_hash = ?').run(hash).changes;
      return questions + feedback;
    })();
  }

  close(): void {
    this.db.close();
  }

  #loadSalt(): string {
    const row = this.db.prepare("SELECT value FROM settings WHERE key = 'user_salt'").get() as
      { value: string } | undefined;
    if (row !== undefined) return row.value;
    const salt = randomBytes(32).toString('hex');
    this.db.prepare("INSERT OR IGNORE INTO settings (key, value) VALUES ('user_salt', ?)").run(salt);
    return (this.db.prepare("SELECT value FROM settings WHERE key = 'user_salt'").get() as { value: string })
      .value;
  }
}

/** Apply the migrations not yet applied, each in its own transaction. */
function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return MIGRATIONS.length;
}
