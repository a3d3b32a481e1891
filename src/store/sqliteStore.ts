import Database from 'better-sqlite3';
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { LEARNING_SQL as LEARNING } from './learningQueries.js';
import type { ConfirmationOutcome, ConfirmationRecord, ProposedPair } from './learningStore.js';
import { REPORT_TOP, SQL } from './queries.js';
import { notYetMigrated } from './migrations.js';
import { appliedMigrations, hasSchema, migrate } from './sqliteSchema.js';
import { createSqlStudyStore } from './sqlStudyStore.js';
import { STUDY_FORGET, STUDY_PURGE } from './studyQueries.js';
import type { StudyStore } from './studyStore.js';
import {
  DAY_MS,
  naming,
  normalizeQuestion,
  StoreError,
  type FeedbackOutcome,
  type FeedbackRecord,
  type QuestionRecord,
  type ReportRows,
  type Store,
  type StoreMode,
} from './store.js';

type Params = Record<string, unknown>;

/** `$1` placeholders as SQLite named parameters (`@p1`), with the values to bind. */
function bind(sql: string, values: unknown[]): [string, Params] {
  return [
    sql.replace(/\$(\d+)/g, '@p$1'),
    Object.fromEntries(values.map((value, i) => [`p${i + 1}`, value])),
  ];
}

/**
 * The embedded store: one SQLite file (WAL mode, versioned migrations), written by one process or a few
 * (shards) on one machine. User ids are stored only as HMAC-SHA256 with a random salt kept in the file.
 */
export class SqliteStore implements Store {
  readonly backend = 'sqlite';
  readonly where: string;
  readonly #db: Database.Database;
  readonly #salt: string;
  readonly #statements = new Map<string, Database.Statement>();
  #claims = 0;
  readonly study: StudyStore = createSqlStudyStore(
    {
      all: async (sql, values) => naming(this.where, () => this.#all(sql, values)),
      run: async (sql, values) => naming(this.where, () => this.#run(sql, values)),
      batch: async (statements) =>
        naming(this.where, () =>
          this.#db.transaction(() => statements.map(([sql, values]) => this.#run(sql, values)))(),
        ),
    },
    (id) => this.hashUser(id),
  );

  /**
   * Open the file.
   *
   * @param path The database file; `:memory:` for a throwaway store.
   * @param mode `create` makes the file, its folder and the schema when missing; `write` and `read` need
   *   an existing database (`read` opens it read-only and never migrates).
   */
  constructor(path: string, mode: StoreMode = 'create') {
    this.where = `DATABASE_PATH ${path}`;
    const isMemory = path === ':memory:';
    if (mode !== 'create' && !isMemory && !existsSync(path)) {
      throw new StoreError(
        `${this.where}: no database there (nothing has been stored yet, or the path is wrong)`,
      );
    }
    try {
      if (mode === 'create' && !isMemory) mkdirSync(dirname(path), { recursive: true });
      this.#db = new Database(path, { readonly: mode === 'read', fileMustExist: mode !== 'create' });
      this.#db.pragma('busy_timeout = 5000');
      if (mode !== 'read') {
        this.#db.pragma('journal_mode = WAL');
        this.#db.pragma('synchronous = NORMAL');
        migrate(this.#db);
      } else if (!hasSchema(this.#db)) {
        throw new Error('not a study-assistant database (no questions table)');
      } else {
        const behind = notYetMigrated(appliedMigrations(this.#db));
        if (behind !== null) throw new Error(behind);
      }
      this.#salt = this.#loadSalt(mode !== 'read');
    } catch (error) {
      throw new StoreError(`${this.where}: ${(error as Error).message}`, { cause: error });
    }
  }

  hashUser(userId: string): string {
    return createHmac('sha256', this.#salt).update(userId).digest('hex');
  }

  recordQuestion(record: QuestionRecord): Promise<number> {
    return naming(this.where, () => {
      const inserted = this.#get<{ id: number }>(SQL.insertQuestion, [
        record.askedAt,
        record.place,
        this.hashUser(record.userId),
        record.question,
        normalizeQuestion(record.question),
        record.verdict,
        JSON.stringify(record.topIds),
        record.latencyMs,
        record.sourceId ?? null,
      ]);
      return inserted?.id ?? this.#get<{ id: number }>(SQL.questionBySource, [record.sourceId])!.id;
    });
  }

  recordFeedback(record: FeedbackRecord): Promise<FeedbackOutcome> {
    return naming(this.where, () => {
      const userHash = this.hashUser(record.userId);
      const changes = this.#run(SQL.upsertFeedback, [
        record.givenAt,
        userHash,
        record.questionId,
        record.chunkId,
        record.helpful ? 1 : 0,
      ]);
      if (changes > 0) return 'saved';
      const asker = this.#get<{ user_hash: string }>(SQL.questionAsker, [record.questionId]);
      return asker === undefined ? 'unknown question' : 'not the asker';
    });
  }

  isAsker(questionId: number, userId: string): Promise<boolean> {
    return naming(
      this.where,
      () =>
        this.#get<{ user_hash: string }>(SQL.questionAsker, [questionId])?.user_hash ===
        this.hashUser(userId),
    );
  }

  takeCooldown(userId: string, limit: number, windowMs: number, now: number): Promise<number> {
    const hash = this.hashUser(userId);
    return naming(this.where, () =>
      this.#db
        .transaction(() => {
          this.#run(SQL.cooldownSpent, [hash, now - windowMs]);
          const times = this.#all<{ taken_at: number }>(SQL.cooldownTimes, [hash]);
          if (times.length >= limit)
            return Math.max(1, Math.ceil((times[0]!.taken_at + windowMs - now) / 1000));
          this.#run(SQL.cooldownTake, [hash, now]);
          return 0;
        })
        .immediate(),
    );
  }

  claimRequest(signature: string, expiresAt: number, now: number): Promise<boolean> {
    return naming(this.where, () => {
      // Expired claims go as new ones come: the table holds only the replay window.
      if (++this.#claims % 1000 === 0) this.#run(SQL.expireRequests, [now]);
      return this.#run(SQL.claimRequest, [signature, expiresAt]) > 0;
    });
  }

  purge(retentionDays: number, now = Date.now()): Promise<number> {
    const before = now - retentionDays * DAY_MS;
    return naming(this.where, () =>
      this.#db.transaction(() => {
        this.#run(SQL.purgeCooldowns, [now - DAY_MS]);
        this.#run(SQL.expireRequests, [now]);
        const study = STUDY_PURGE.reduce(
          (sum, [sql, params]) => sum + this.#run(sql, params(before, now)),
          0,
        );
        this.#run(LEARNING.purgeLearned, [before]);
        this.#run(LEARNING.purgeDigests, [before]);
        return (
          study +
          this.#run(SQL.purgeQuestions, [before]) +
          this.#run(SQL.purgeFeedback, [before]) +
          this.#run(LEARNING.purgeConfirmations, [before])
        );
      })(),
    );
  }

  forgetUser(userId: string): Promise<number> {
    const hash = this.hashUser(userId);
    return naming(this.where, () =>
      this.#db.transaction(() => {
        this.#run(SQL.forgetCooldowns, [hash]);
        const study = STUDY_FORGET.reduce(
          (sum, [sql, params]) => sum + this.#run(sql, params(hash, userId)),
          0,
        );
        return (
          study +
          this.#run(SQL.forgetQuestions, [hash]) +
          this.#run(SQL.forgetFeedback, [hash]) +
          this.#run(LEARNING.forgetConfirmations, [hash])
        );
      })(),
    );
  }

  reportRows(since: number, until: number): Promise<ReportRows> {
    // One read transaction: every aggregate sees the same state while others write.
    return naming(this.where, () =>
      this.#db.transaction(() => ({
        counts: this.#get<ReportRows['counts']>(SQL.reportCounts, [since, until])!,
        unanswered: this.#all<ReportRows['unanswered'][number]>(SQL.reportUnanswered, [
          since,
          until,
          REPORT_TOP,
        ]),
        perDay: this.#all<ReportRows['perDay'][number]>(SQL.reportPerDay, [since, until]),
        feedback: this.#all<ReportRows['feedback'][number]>(SQL.reportFeedback, [since, until]),
        topIds: this.#all<ReportRows['topIds'][number]>(
          SQL.reportTopIds.replaceAll('{first}', `json_extract(top_ids, '$[0]')`),
          [since, until],
        ),
      }))(),
    );
  }

  recordConfirmation(record: ConfirmationRecord): Promise<ConfirmationOutcome> {
    const hash = this.hashUser(record.userId);
    return naming(this.where, () => {
      if (record.how === 'helpful') {
        const values = [record.confirmedAt, record.questionId ?? 0, hash, record.chunkId];
        return this.#run(LEARNING.confirmHelpful, values) > 0 ? 'saved' : 'not the asker';
      }
      return this.#db
        .transaction((): ConfirmationOutcome => {
          const since = record.confirmedAt - record.windowMs;
          const miss = this.#get<{ id: number }>(LEARNING.recentMiss, [
            hash,
            record.questionId ?? 0,
            since,
            record.confirmedAt,
          ]);
          if (miss === undefined) return 'no recent miss';
          this.#run(LEARNING.dropOtherPicks, [hash, miss.id, record.chunkId]);
          this.#run(LEARNING.confirmPick, [record.confirmedAt, miss.id, record.chunkId, record.how]);
          return 'saved';
        })
        .immediate();
    });
  }

  withdrawConfirmation(userId: string, questionId: number, chunkId: string): Promise<void> {
    return naming(this.where, () => {
      this.#run(LEARNING.withdrawHelpful, [this.hashUser(userId), questionId, chunkId]);
    });
  }

  proposedPairs(since: number, until: number, minStudents: number): Promise<ProposedPair[]> {
    return naming(this.where, () =>
      this.#all<ProposedPair>(LEARNING.proposedPairs, [since, until, minStudents]),
    );
  }

  markLearned(pairs: readonly { id: string; normalized: string }[], learnedAt: number): Promise<void> {
    return naming(this.where, () =>
      this.#db.transaction(() => {
        for (const pair of pairs) this.#run(LEARNING.markLearned, [pair.normalized, pair.id, learnedAt]);
      })(),
    );
  }

  claimDigest(period: string, claimedAt: number): Promise<boolean> {
    return naming(this.where, () => this.#run(LEARNING.claimDigest, [period, claimedAt]) > 0);
  }

  releaseDigest(period: string): Promise<void> {
    return naming(this.where, () => void this.#run(LEARNING.releaseDigest, [period]));
  }

  async close(): Promise<void> {
    if (!this.#db.readonly && this.#db.name !== ':memory:') {
      // Leave the file in rollback-journal mode, so a reader that may not write next to it (a read-only
      // file or folder) can open it without WAL's shared-memory file; the next writer turns WAL back on.
      // While another process still has it open this fails, harmlessly.
      try {
        this.#db.pragma('journal_mode = DELETE');
      } catch {
        // still in use elsewhere: it stays in WAL mode
      }
    }
    this.#db.close();
  }

  #statement(sql: string): [Database.Statement, (values: unknown[]) => Params] {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare(bind(sql, [])[0]);
      this.#statements.set(sql, statement);
    }
    return [statement, (values) => bind(sql, values)[1]];
  }

  #get<T>(sql: string, values: unknown[]): T | undefined {
    const [statement, params] = this.#statement(sql);
    return statement.get(params(values)) as T | undefined;
  }

  #all<T>(sql: string, values: unknown[]): T[] {
    const [statement, params] = this.#statement(sql);
    return statement.all(params(values)) as T[];
  }

  #run(sql: string, values: unknown[]): number {
    const [statement, params] = this.#statement(sql);
    return statement.run(params(values)).changes;
  }

  #loadSalt(isWritable: boolean): string {
    const row = this.#get<{ value: string }>(SQL.salt, []);
    if (row !== undefined || !isWritable) return row?.value ?? '';
    this.#run(SQL.insertSalt, [randomBytes(32).toString('hex')]);
    return this.#get<{ value: string }>(SQL.salt, [])!.value;
  }
}
