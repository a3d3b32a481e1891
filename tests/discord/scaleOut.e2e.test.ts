import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { startPostgres, type PostgresServer } from '../store/postgresServer.js';
import { FakeDiscord, MANAGE_GUILD, MEMBER_PERMISSIONS } from './fakeDiscord.js';
import { startHttpInstance, type HttpInstance } from './httpInstance.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Interactions in the burst, how many are in flight at once, and after how many answers B is killed. */
const BURST = 500;
const IN_FLIGHT = 16;
const KILL_AFTER = 200;
const QUESTIONS = ['vpc isolation', 'dx speeds', 'how do I bake bread', 'route 53 failover', 'cloudfront'];

let postgres: PostgresServer;
let databaseUrl: string;
let fake: FakeDiscord;
let a: HttpInstance;
let b: HttpInstance;
let db: pg.Client;

beforeAll(async () => {
  postgres = await startPostgres();
  databaseUrl = await postgres.createDatabase();
  fake = await FakeDiscord.start();
  [a, b] = await Promise.all([
    startHttpInstance(fake, { DATABASE_URL: databaseUrl }),
    startHttpInstance(fake, { DATABASE_URL: databaseUrl }),
  ]);
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  await Promise.all([a?.process.stop(), b?.process.stop()]);
  await fake?.close();
  await postgres?.stop();
});

const send = (endpoint: string, interaction: Json) =>
  fake.post(endpoint, interaction) as Promise<{ status: number; body: Json }>;

interface Sent {
  kind: 'ask' | 'click';
  to: 'a' | 'b';
  /** The interaction id (asks) or the clicked question's id (clicks). */
  key: string;
  status: number;
  title?: string;
}

/**
 * The burst: `BURST` interactions spread over both instances, every fifth a Helpful click on an answer
 * already received (from its asker), `IN_FLIGHT` at a time; B is killed with SIGKILL after `KILL_AFTER`
 * answers, while the rest are still being sent.
 */
async function burst(): Promise<Sent[]> {
  const sent: Sent[] = [];
  const answered: { user: Json; message: Json; helpful: string }[] = [];
  let next = 0;
  const work = async (): Promise<void> => {
    while (next < BURST) {
      const i = next++;
      const to = i % 2 === 0 ? 'a' : 'b';
      const endpoint = (to === 'a' ? a : b).endpoint;
      const target = i % 5 === 4 ? answered.shift() : undefined;
      if (target !== undefined) {
        const click = fake.component(target.message, target.helpful, target.user);
        const reply = await send(endpoint, click);
        const title: string | undefined = reply.body.data?.embeds?.[0]?.title;
        sent.push({ kind: 'click', to, key: target.helpful.split(':')[2]!, status: reply.status, title });
      } else {
        const user = fake.user();
        const interaction = fake.slash(
          'ask',
          [{ type: 3, name: 'question', value: QUESTIONS[i % 5]! }],
          'guild',
          user,
        );
        const reply = await send(endpoint, interaction);
        sent.push({ kind: 'ask', to, key: interaction.id as string, status: reply.status });
        const helpful = (reply.body.data?.components ?? [])
          .flatMap((row: Json) => row.components)
          .find((button: Json) => button.label === 'Helpful');
        if (helpful !== undefined)
          answered.push({ user, message: fake.messageFrom(reply.body.data), helpful: helpful.custom_id });
      }
      if (sent.length === KILL_AFTER) b.process.child.kill('SIGKILL');
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, work));
  return sent;
}

describe('two HTTP instances sharing one PostgreSQL, one killed mid-burst', () => {
  let sent: Sent[];
  beforeAll(async () => {
    sent = await burst();
  }, 120_000);

  it('answered every interaction sent to the surviving instance, and some sent to the killed one failed', () => {
    expect(sent).toHaveLength(BURST);
    expect(sent.filter((s) => s.to === 'a' && s.status !== 200)).toEqual([]);
    expect(sent.filter((s) => s.to === 'b' && s.status !== 200).length).toBeGreaterThan(0);
    expect(sent.filter((s) => s.kind === 'click').length).toBeGreaterThan(50);
  });

  it('stored every question that got a 200 exactly once, and nothing that was never sent', async () => {
    const { rows } = await db.query<{ source_id: string; n: number }>(
      'SELECT source_id, count(*)::int AS n FROM questions GROUP BY source_id',
    );
    const storedIds = new Map(rows.map((row) => [row.source_id, row.n]));
    const asks = sent.filter((s) => s.kind === 'ask');
    for (const ask of asks.filter((s) => s.status === 200))
      expect([ask.key, storedIds.get(ask.key)]).toEqual([ask.key, 1]);
    const sentIds = new Set(asks.map((s) => s.key));
    expect([...storedIds.keys()].filter((id) => !sentIds.has(id))).toEqual([]);
  });

  it('stored every acknowledged Helpful click, once per asker and answer', async () => {
    const { rows } = await db.query<{ question_id: string; n: number }>(
      'SELECT question_id::text, count(*)::int AS n FROM feedback GROUP BY question_id',
    );
    const clicked = new Map(rows.map((row) => [row.question_id, row.n]));
    const thanked = sent.filter((s) => s.kind === 'click' && s.status === 200);
    expect(thanked.map((s) => s.title)).toEqual(thanked.map(() => 'Thanks for the feedback'));
    for (const click of thanked) expect([click.key, clicked.get(click.key)]).toEqual([click.key, 1]);
  });

  it('reports the same counts from either instance (B restarted) and from npm run report', async () => {
    await b.process.stop();
    b = await startHttpInstance(fake, { DATABASE_URL: databaseUrl });
    const report = (): Json =>
      fake.withPermissions(
        fake.slash('report', [{ type: 4, name: 'days', value: 7 }]),
        MEMBER_PERMISSIONS | MANAGE_GUILD,
      );
    const [fromA, fromB] = await Promise.all([send(a.endpoint, report()), send(b.endpoint, report())]);
    const { rows } = await db.query('SELECT count(*)::int AS n FROM questions');
    expect(fromA.body.data.embeds[0].description).toMatch(new RegExp(`^\\*\\*${rows[0].n}\\*\\* questions`));
    expect(fromB.body.data.embeds[0].description).toBe(fromA.body.data.embeds[0].description);
    const cli = spawnSync(process.execPath, [join(ROOT, 'dist/cli/report.js'), '--json'], {
      encoding: 'utf8',
      cwd: tmpdir(),
      env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, CONTENT_DIR: join(ROOT, 'content') },
    });
    expect(cli.stderr).toBe('');
    expect(JSON.parse(cli.stdout).questions).toBe(rows[0].n);
  });
});
