import { createHmac, randomBytes } from 'node:crypto';
import pg from 'pg';
import { MIGRATIONS, MIGRATIONS_TABLE, notYetMigrated } from './migrations.js';
import { LEARNING_SQL as LEARNING } from './learningQueries.js';
import type { ConfirmationOutcome, ConfirmationRecord, ProposedPair } from './learningStore.js';
import { REPORT_TOP, SQL } from './queries.js';
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

/** Any number: a lock id all instances agree on, held while one of them migrates. */
const MIGRATION_LOCK = 1_200_424_012;
/** PostgreSQL's BIGINT: ids and times in milliseconds, all far below 2^53, read as numbers. */
const INT8_OID = 20;

/** `DATABASE_URL` with its password replaced, fit for messages and logs. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * The shared store: PostgreSQL through a `pg` pool, for any number of instances. Same schema, migrations
 * and SQL as the SQLite store; migrations run under an advisory lock, cooldowns under a per-user lock.
 */
export class PostgresStore implements Store {
  readonly backend = 'postgres';
  readonly where: string;
  readonly #pool: pg.Pool;
  #salt = '';
  #claims = 0;
  readonly study: StudyStore = createSqlStudyStore(
    {
      all: (sql, values) => naming(this.where, () => this.#rows(sql, values)),
      run: (sql, values) =>
        naming(this.where, async () => (await this.#pool.query(sql, values)).rowCount ?? 0),
      batch: (statements) =>
        naming(this.where, () =>
          this.#transaction(async (client) => {
            const changed: number[] = [];
            for (const [sql, values] of statements)
              changed.push((await client.query(sql, values)).rowCount ?? 0);
            return changed;
          }),
        ),
    },
    (id) => this.hashUser(id),
  );

  private constructor(url: string, poolSize: number) {
    this.where = `DATABASE_URL ${redactUrl(url)}`;
    this.#pool = new pg.Pool({
      connectionString: url,
      max: poolSize,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client losing its connection (the server restarted) must not crash the process.
    this.#pool.on('error', () => {});
  }

  /**
   * Connect, and migrate unless reading.
   *
   * @param url A `postgres://` URL.
   * @param mode `read` never migrates and needs the schema to exist; `create` and `write` migrate.
   * @param poolSize Connections kept open; default 10.
   */
  static async open(url: string, mode: StoreMode = 'create', poolSize = 10): Promise<PostgresStore> {
    const store = new PostgresStore(url, poolSize);
    try {
      await naming(store.where, async () => {
        if (mode === 'read') {
          const { rows } = await store.#pool.query(`SELECT to_regclass('questions') AS name`);
          if (rows[0].name === null) throw new Error('not a study-assistant database (no questions table)');
          const applied = await store.#pool
            .query<{ version: number }>('SELECT version FROM schema_migrations')
            .then((result) => result.rows.map((row) => row.version));
          const behind = notYetMigrated(applied);
          if (behind !== null) throw new Error(behind);
        } else {
          await store.#migrate();
        }
        store.#salt = await store.#loadSalt(mode !== 'read');
      });
      return store;
    } catch (error) {
      await store.#pool.end();
      throw error;
    }
  }

  hashUser(userId: string): string {
    return createHmac('sha256', this.#salt).update(userId).digest('hex');
  }

  recordQuestion(record: QuestionRecord): Promise<number> {
    return naming(this.where, async () => {
      const inserted = await this.#rows<{ id: number }>(SQL.insertQuestion, [
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
      if (inserted.length > 0) return inserted[0]!.id;
      return (await this.#rows<{ id: number }>(SQL.questionBySource, [record.sourceId]))[0]!.id;
    });
  }

  recordFeedback(record: FeedbackRecord): Promise<FeedbackOutcome> {
    return naming(this.where, async () => {
      const userHash = this.hashUser(record.userId);
      const { rowCount } = await this.#pool.query(SQL.upsertFeedback, [
        record.givenAt,
        userHash,
        record.questionId,
        record.chunkId,
        record.helpful ? 1 : 0,
      ]);
      if ((rowCount ?? 0) > 0) return 'saved';
      const asker = await this.#rows<{ user_hash: string }>(SQL.questionAsker, [record.questionId]);
      return asker.length === 0 ? 'unknown question' : 'not the asker';
    });
  }

  isAsker(questionId: number, userId: string): Promise<boolean> {
    return naming(this.where, async () => {
      const rows = await this.#rows<{ user_hash: string }>(SQL.questionAsker, [questionId]);
      return rows[0]?.user_hash === this.hashUser(userId);
    });
  }

  takeCooldown(userId: string, limit: number, windowMs: number, now: number): Promise<number> {
    const hash = this.hashUser(userId);
    return naming(this.where, async () => {
      // One round trip: the function (migration 2) locks the user, counts and records.
      const rows = await this.#rows<{ oldest: number | null }>(
        'SELECT take_cooldown($1, $2, $3, $4) AS oldest',
        [hash, now, windowMs, limit],
      );
      const oldest = rows[0]!.oldest;
      return oldest === null ? 0 : Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
    });
  }

  claimRequest(signature: string, expiresAt: number, now: number): Promise<boolean> {
    return naming(this.where, async () => {
      // Expired claims go as new ones come: the table holds only the replay window.
      if (++this.#claims % 1000 === 0) await this.#pool.query(SQL.expireRequests, [now]);
      return ((await this.#pool.query(SQL.claimRequest, [signature, expiresAt])).rowCount ?? 0) > 0;
    });
  }

  purge(retentionDays: number, now = Date.now()): Promise<number> {
    const before = now - retentionDays * DAY_MS;
    return naming(this.where, () =>
      this.#transaction(async (client) => {
        await client.query(SQL.purgeCooldowns, [now - DAY_MS]);
        await client.query(SQL.expireRequests, [now]);
        let study = 0;
        for (const [sql, params] of STUDY_PURGE)
          study += (await client.query(sql, params(before, now))).rowCount ?? 0;
        await client.query(LEARNING.purgeLearned, [before]);
        await client.query(LEARNING.purgeDigests, [before]);
        const questions = await client.query(SQL.purgeQuestions, [before]);
        const feedback = await client.query(SQL.purgeFeedback, [before]);
        const confirmations = await client.query(LEARNING.purgeConfirmations, [before]);
        return study + (questions.rowCount ?? 0) + (feedback.rowCount ?? 0) + (confirmations.rowCount ?? 0);
      }),
    );
  }

  forgetUser(userId: string): Promise<number> {
    const hash = this.hashUser(userId);
    return naming(this.where, () =>
      this.#transaction(async (client) => {
        await client.query(SQL.forgetCooldowns, [hash]);
        let study = 0;
        for (const [sql, params] of STUDY_FORGET)
          study += (await client.query(sql, params(hash, userId))).rowCount ?? 0;
        const questions = await client.query(SQL.forgetQuestions, [hash]);
        const feedback = await client.query(SQL.forgetFeedback, [hash]);
        const confirmations = await client.query(LEARNING.forgetConfirmations, [hash]);
        return study + (questions.rowCount ?? 0) + (feedback.rowCount ?? 0) + (confirmations.rowCount ?? 0);
      }),
    );
  }

  reportRows(since: number, until: number): Promise<ReportRows> {
    // One snapshot: every aggregate sees the same state while other instances write.
    return naming(this.where, () =>
      this.#transaction(async (client) => {
        await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const query = async <T>(sql: string, values: unknown[]): Promise<T[]> =>
          (await client.query(sql, values)).rows as T[];
        return {
          counts: (await query<ReportRows['counts']>(SQL.reportCounts, [since, until]))[0]!,
          unanswered: await query<ReportRows['unanswered'][number]>(SQL.reportUnanswered, [
            since,
            until,
            REPORT_TOP,
          ]),
          perDay: await query<ReportRows['perDay'][number]>(SQL.reportPerDay, [since, until]),
          feedback: await query<ReportRows['feedback'][number]>(SQL.reportFeedback, [since, until]),
          topIds: await query<ReportRows['topIds'][number]>(
            SQL.reportTopIds.replaceAll('{first}', `(top_ids::json ->> 0)`),
            [since, until],
          ),
        };
      }),
    );
  }

  recordConfirmation(record: ConfirmationRecord): Promise<ConfirmationOutcome> {
    const hash = this.hashUser(record.userId);
    return naming(this.where, async () => {
      if (record.how === 'helpful') {
        const values = [record.confirmedAt, record.questionId ?? 0, hash, record.chunkId];
        const { rowCount } = await this.#pool.query(LEARNING.confirmHelpful, values);
        return (rowCount ?? 0) > 0 ? 'saved' : 'not the asker';
      }
      return this.#transaction(async (client): Promise<ConfirmationOutcome> => {
        // One student's picks queue, so two clicks at once leave one pick for the question.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [hash]);
        const since = record.confirmedAt - record.windowMs;
        const { rows } = await client.query<{ id: number }>(LEARNING.recentMiss, [
          hash,
          record.questionId ?? 0,
          since,
          record.confirmedAt,
        ]);
        if (rows[0] === undefined) return 'no recent miss';
        await client.query(LEARNING.dropOtherPicks, [hash, rows[0].id, record.chunkId]);
        await client.query(LEARNING.confirmPick, [
          record.confirmedAt,
          rows[0].id,
          record.chunkId,
          record.how,
        ]);
        return 'saved';
      });
    });
  }

  withdrawConfirmation(userId: string, questionId: number, chunkId: string): Promise<void> {
    return naming(this.where, async () => {
      await this.#pool.query(LEARNING.withdrawHelpful, [this.hashUser(userId), questionId, chunkId]);
    });
  }

  proposedPairs(since: number, until: number, minStudents: number): Promise<ProposedPair[]> {
    return naming(this.where, () =>
      this.#rows<ProposedPair>(LEARNING.proposedPairs, [since, until, minStudents]),
    );
  }

  markLearned(pairs: readonly { id: string; normalized: string }[], learnedAt: number): Promise<void> {
    return naming(this.where, () =>
      this.#transaction(async (client) => {
        for (const pair of pairs)
          await client.query(LEARNING.markLearned, [pair.normalized, pair.id, learnedAt]);
      }),
    );
  }

  claimDigest(period: string, claimedAt: number): Promise<boolean> {
    return naming(
      this.where,
      async () => ((await this.#pool.query(LEARNING.claimDigest, [period, claimedAt])).rowCount ?? 0) > 0,
    );
  }

  releaseDigest(period: string): Promise<void> {
    return naming(this.where, async () => {
      await this.#pool.query(LEARNING.releaseDigest, [period]);
    });
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }

  async #rows<T>(sql: string, values: unknown[]): Promise<T[]> {
    return (await this.#pool.query(sql, values)).rows as T[];
  }

  async #transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async #migrate(): Promise<void> {
    await this.#transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query(MIGRATIONS_TABLE);
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      const applied = new Set(rows.map((row) => row.version));
      for (const migration of MIGRATIONS.filter((m) => !applied.has(m.version))) {
        await client.query(migration.postgres);
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
          migration.version,
          Date.now(),
        ]);
      }
    });
  }

  async #loadSalt(isWritable: boolean): Promise<string> {
    if (isWritable) await this.#pool.query(SQL.insertSalt, [randomBytes(32).toString('hex')]);
    const rows = await this.#rows<{ value: string }>(SQL.salt, []);
    if (rows[0] === undefined) throw new StoreError(`${this.where}: no salt stored`);
    return rows[0].value;
  }
}
