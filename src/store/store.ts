import { topicWords } from '../search/questionWords.js';
import type { StudyStore } from './studyStore.js';
import type { LearningStore } from './learningStore.js';

/** Where a question was asked. */
export type Place = 'guild' | 'dm' | 'group_dm';

/** A verdict as stored: `hits` (answered), `closest` or `noMatch` (not covered); older rows hold only the two. */
export type StoredVerdict = 'hits' | 'closest' | 'noMatch';

/** One question as stored: no user id or name, only a salted hash. */
export interface QuestionRecord {
  askedAt: number;
  place: Place;
  userId: string;
  question: string;
  verdict: StoredVerdict;
  topIds: string[];
  latencyMs: number;
  /**
   * The Discord interaction or message id the question came with: a second delivery of the same id (a
   * replayed request, a retry on another instance) stores nothing new and returns the first row's id.
   */
  sourceId?: string | null;
}

/** One feedback click on a stored question's answer. */
export interface FeedbackRecord {
  givenAt: number;
  userId: string;
  questionId: number;
  chunkId: string;
  helpful: boolean;
}

/** What became of a feedback click: stored, or refused because the question is unknown or not the clicker's. */
export type FeedbackOutcome = 'saved' | 'unknown question' | 'not the asker';

/** The rows the report is computed from, each aggregated in SQL over one window. */
export interface ReportRows {
  counts: {
    questions: number;
    declined: number;
    closest: number;
    guild: number;
    dm: number;
    group_dm: number;
  };
  /** Questions per UTC day (days since the epoch) and stored verdict. */
  perDay: { day: number; verdict: StoredVerdict; count: number }[];
  /** Declined questions grouped by normalized text, most asked first, with the latest wording. */
  unanswered: { normalized: string; count: number; example: string | null }[];
  /** Helpful and not-helpful clicks per chunk. */
  feedback: { id: string; notHelpful: number; helpful: number }[];
  /** Answered questions per top answer (null when the stored list was empty). */
  topIds: { id: string | null; count: number }[];
}

/**
 * The learning loop's storage, one async interface over SQLite (embedded, the default) and PostgreSQL
 * (shared by any number of instances): questions, feedback and the rest here, confirmations, learned pairs
 * and digest claims in `LearningStore`. Nothing outside `src/store/` sees a driver or SQL.
 */
export interface Store extends LearningStore {
  /** Names the setting and the place, for messages: `DATABASE_PATH /srv/a.db`; never a password. */
  readonly where: string;
  /** Which implementation: the embedded file or the shared server. */
  readonly backend: 'sqlite' | 'postgres';
  /** The salted hash that stands for a user id. */
  hashUser(userId: string): string;
  /** Store a question; returns its row id (carried by feedback buttons). */
  recordQuestion(record: QuestionRecord): Promise<number>;
  /**
   * Store a feedback click, only for a stored question asked by the same user; a second click by that user
   * on the same answer updates the first.
   */
  recordFeedback(record: FeedbackRecord): Promise<FeedbackOutcome>;
  /** Whether a stored question was asked by this user. */
  isAsker(questionId: number, userId: string): Promise<boolean>;
  /**
   * Count a question against a sliding-window limit, atomically across every process sharing the store.
   *
   * @returns 0 when allowed (and counted), else the seconds until the user may ask again.
   */
  takeCooldown(userId: string, limit: number, windowMs: number, now: number): Promise<number>;
  /**
   * Claim a signed request's signature until it expires: true the first time, false when any process
   * sharing the store has claimed it already (a replay).
   */
  claimRequest(signature: string, expiresAt: number, now: number): Promise<boolean>;
  /**
   * Delete questions, feedback, confirmations, learned pairs and digest claims older than the retention
   * window (and spent cooldowns); returns how many questions, feedback and confirmations.
   */
  purge(retentionDays: number, now?: number): Promise<number>;
  /** Delete everything stored about one user (found through the hash): questions, feedback, confirmations. */
  forgetUser(userId: string): Promise<number>;
  /** The report's aggregates over `[since, until]`. */
  reportRows(since: number, until: number): Promise<ReportRows>;
  /** Study mode: schedules, answers, leaderboards, group rounds (purge and forgetUser cover them too). */
  readonly study: StudyStore;
  close(): Promise<void>;
}

/** How a program opens its store: the bot creates it; `report` only reads; `--forget-user` writes but never creates. */
export type StoreMode = 'create' | 'read' | 'write';

/** One day in milliseconds: the unit of retention and of report windows. */
export const DAY_MS = 86_400_000;

/** The normalized form unanswered questions are grouped by: words without filler, lower case. */
export function normalizeQuestion(question: string): string {
  return topicWords(question).join(' ');
}

/** A storage failure; its message starts with the setting and the place (`DATABASE_PATH /x: …`). */
export class StoreError extends Error {
  override name = 'StoreError';
}

/**
 * Run a storage operation, prefixing any error with where the store is.
 *
 * @param where The store's `where`.
 * @param operation The operation.
 */
export async function naming<T>(where: string, operation: () => T | Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError(`${where}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
