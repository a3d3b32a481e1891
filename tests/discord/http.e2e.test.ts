import { generateKeyPairSync, sign } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { startPostgres, type PostgresServer } from '../store/postgresServer.js';
import { validateRequest } from './discordSchema.js';
import { FakeDiscord, MANAGE_GUILD, MEMBER_PERMISSIONS } from './fakeDiscord.js';
import { startBotProcess } from './botProcess.js';
import { startHttpInstance, type HttpInstance } from './httpInstance.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

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
  const env = { DATABASE_URL: databaseUrl, COOLDOWN_QUESTIONS: '3', COOLDOWN_SECONDS: '3600' };
  // Both start at once against an empty database: the schema must be migrated exactly once.
  [a, b] = await Promise.all([startHttpInstance(fake, env), startHttpInstance(fake, env)]);
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  await Promise.all([a?.process.stop(), b?.process.stop()]);
  await fake?.close();
  await postgres?.stop();
});

const ask = (question: string, user = fake.user()): Json =>
  fake.slash('ask', [{ type: 3, name: 'question', value: question }], 'guild', user);
const send = (endpoint: string, interaction: Json | string, headers?: Record<string, string>) =>
  fake.post(endpoint, interaction, headers) as Promise<{ status: number; body: Json }>;
const buttons = (message: Json): Json[] =>
  (message.components as Json[]).flatMap((row) => row.components as Json[]);
const stored = async (sourceId: string): Promise<number> =>
  (await db.query('SELECT count(*)::int AS n FROM questions WHERE source_id = $1', [sourceId])).rows[0].n;

describe('the HTTP interactions endpoint', () => {
  it('answers PING with PONG and GET /healthz with 200, on every instance', async () => {
    for (const instance of [a, b]) {
      const ping = {
        id: '1300000000000000001',
        application_id: fake.applicationId,
        type: 1,
        token: 't',
        version: 1,
      };
      expect(
        await send(instance.endpoint, { ...ping, id: `13000000000000000${instance === a ? 11 : 12}` }),
      ).toEqual({
        status: 200,
        body: { type: 1 },
      });
      expect((await fetch(`${instance.base}/healthz`)).status).toBe(200);
    }
  });

  it('migrated the empty database once although both instances started together', async () => {
    const { rows } = await db.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((row) => row.version)).toEqual(MIGRATIONS.map((migration) => migration.version));
  });

  it('answers /ask in the HTTP body, a valid interaction response, and stores it once', async () => {
    const interaction = ask('what is vpc isolation');
    const { status, body } = await send(a.endpoint, interaction);
    expect(status).toBe(200);
    expect(body).toMatchObject({ type: 4, data: { embeds: [{ title: 'Isolation' }] } });
    expect(validateRequest('interactionCallback', body)).toEqual([]);
    expect(await stored(interaction.id)).toBe(1);
  });

  it('serves autocomplete through the same handlers', async () => {
    const { body } = await send(b.endpoint, fake.autocomplete('ask', 'question', 'dx speed'));
    expect(body.type).toBe(8);
    expect(body.data.choices.length).toBeGreaterThan(1);
  });

  it('works a button on the other instance: More results pages, Helpful is stored', async () => {
    const student = fake.user();
    const first = await send(a.endpoint, ask('aws integration', student));
    const message = fake.messageFrom(first.body.data);
    const more = buttons(first.body.data).find((button) => button.label === 'More results')!;
    const page2 = await send(b.endpoint, fake.component(message, more.custom_id, student));
    expect(page2.body).toMatchObject({
      type: 7,
      data: { embeds: [{ footer: { text: expect.stringContaining('result 2 of') } }] },
    });
    const helpful = buttons(page2.body.data).find((button) => button.label === 'Helpful')!;
    const click = await send(a.endpoint, fake.component(message, helpful.custom_id, student));
    expect(click.body.data.embeds[0].title).toBe('Thanks for the feedback');
    const questionId = Number(helpful.custom_id.split(':')[2]);
    const { rows } = await db.query('SELECT helpful::int FROM feedback WHERE question_id = $1', [questionId]);
    expect(rows).toEqual([{ helpful: 1 }]);
  });

  it("refuses forged feedback (unknown question, unknown chunk, someone else's question) and stores nothing", async () => {
    const asker = fake.user();
    const answer = await send(a.endpoint, ask('direct connect security', asker));
    const message = fake.messageFrom(answer.body.data);
    const helpful = buttons(answer.body.data).find((button) => button.label === 'Helpful')!
      .custom_id as string;
    const [, , questionId, ref] = helpful.split(':');
    const forged = [
      [`fb:1:99999999:${ref}`, asker, 'This button has expired'],
      [`fb:1:${questionId}:networking-service/nope`, asker, 'This button has expired'],
      [helpful, fake.user(), 'Feedback not saved'],
    ] as const;
    for (const [customId, user, title] of forged) {
      const reply = await send(b.endpoint, fake.component(message, customId, user));
      expect(reply.body).toMatchObject({ type: 4, data: { flags: 64, embeds: [{ title }] } });
    }
    const { rows } = await db.query('SELECT count(*)::int AS n FROM feedback');
    const before = rows[0].n;
    expect(
      (
        await db.query(
          "SELECT count(*)::int AS n FROM feedback WHERE chunk_id LIKE '%nope' OR question_id = 99999999",
        )
      ).rows[0].n,
    ).toBe(0);
    await send(b.endpoint, fake.component(message, helpful, asker));
    expect((await db.query('SELECT count(*)::int AS n FROM feedback')).rows[0].n).toBe(before + 1);
  });

  it('holds a cooldown across instances', async () => {
    const student = fake.user();
    const replies = [];
    for (const instance of [a, b, a, b])
      replies.push(await send(instance.endpoint, ask('vpc peering', student)));
    expect(replies.slice(0, 3).map((reply) => reply.body.data.embeds[0].title)).not.toContain(
      'Slow down a little',
    );
    expect(replies[3]!.body).toMatchObject({
      data: { flags: 64, embeds: [{ title: 'Slow down a little' }] },
    });
  });

  it('shows the same /report on either instance, and refuses it without Manage Server', async () => {
    const report = (): Json =>
      fake.withPermissions(
        fake.slash('report', [{ type: 4, name: 'days', value: 7 }]),
        MEMBER_PERMISSIONS | MANAGE_GUILD,
      );
    const since = fake.requests.length;
    const [interactionA, interactionB] = [report(), report()];
    const [fromA, fromB] = await Promise.all([
      send(a.endpoint, interactionA),
      send(b.endpoint, interactionB),
    ]);
    expect(fromA.body.data.embeds[0].description).toMatch(/^\*\*\d+\*\* questions/);
    expect(fromB.body.data.embeds[0].description).toBe(fromA.body.data.embeds[0].description);
    for (const interaction of [interactionA, interactionB]) {
      const chart = await fake.waitForRequest(
        (r) => r.operation === 'webhookFollowUp' && r.path.endsWith(`/${interaction.token as string}`),
        10_000,
        since,
      );
      expect(chart.errors).toEqual([]);
      expect(chart.files.map((file) => file.name)).toEqual(['report.png']);
    }
    const refused = await send(a.endpoint, fake.slash('report', []));
    expect(refused.body.data.embeds[0].title).toBe('Organisers only');
  });
});

/** Signature headers made with a key that is not the application's. */
function otherKeyHeaders(body: string): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(timestamp + body), generateKeyPairSync('ed25519').privateKey);
  return { 'x-signature-ed25519': signature.toString('hex'), 'x-signature-timestamp': timestamp };
}

describe('a gateway bot on the same PostgreSQL', () => {
  it('stores DMs there, once per message, and every instance reports them', async () => {
    const gateway = startBotProcess(fake.apiUrl, { DATABASE_URL: databaseUrl });
    try {
      await gateway.waitFor(/"event":"ready"/, 30_000);
      expect(gateway.output()).toContain('"backend":"postgres"');
      const before = (await db.query('SELECT count(*)::int AS n FROM questions')).rows[0].n;
      const dm = fake.userMessage('what is vpc isolation', 'dm');
      const reply = await fake.message(dm, 10_000);
      expect((reply.body as Json).embeds[0].title).toBe('Isolation');
      expect(await stored(dm.id as string)).toBe(1);
      const report = fake.withPermissions(
        fake.slash('report', [{ type: 4, name: 'days', value: 7 }]),
        MEMBER_PERMISSIONS | MANAGE_GUILD,
      );
      const { body } = await send(b.endpoint, report);
      expect(body.data.embeds[0].description).toMatch(new RegExp(`^\\*\\*${before + 1}\\*\\* questions`));
    } finally {
      await gateway.stop();
    }
  });
});

describe('requests Discord did not sign, or that are malformed', () => {
  const countQuestions = async (): Promise<number> =>
    (await db.query('SELECT count(*)::int AS n FROM questions')).rows[0].n;

  it.each([
    ['no signature', () => ({ 'x-signature-timestamp': String(Math.floor(Date.now() / 1000)) }), 401],
    ['a signature by another key', (body: string) => otherKeyHeaders(body), 401],
    ['a tampered body', (body: string) => fake.signatureHeaders(body.replace('vpc', 'dx')), 401],
    [
      'a stale timestamp (10 minutes old)',
      (body: string) => fake.signatureHeaders(body, Math.floor(Date.now() / 1000) - 600),
      401,
    ],
  ])('refuses %s with 401, processing nothing', async (_name, headers, status) => {
    const interaction = ask('vpc security groups');
    const body = JSON.stringify(interaction);
    const reply = await send(a.endpoint, body, headers(body));
    expect(reply.status).toBe(status);
    expect(await stored(interaction.id)).toBe(0);
  });

  it('refuses a replayed request with 401 on every instance: the interaction is processed once', async () => {
    const interaction = ask('vpc flow logs');
    const body = JSON.stringify(interaction);
    const headers = fake.signatureHeaders(body);
    expect((await send(a.endpoint, body, headers)).status).toBe(200);
    expect((await send(a.endpoint, body, headers)).status).toBe(401);
    expect((await send(b.endpoint, body, headers)).status).toBe(401);
    expect(await stored(interaction.id)).toBe(1);
  });

  it('refuses an oversized body with 413 and malformed JSON with 400, storing nothing', async () => {
    const before = await countQuestions();
    const huge = JSON.stringify({ ...ask('vpc'), padding: 'x'.repeat(300 * 1024) });
    expect((await send(a.endpoint, huge)).status).toBe(413);
    expect((await send(a.endpoint, '{"type": 2, "id": ')).status).toBe(400);
    expect((await send(a.endpoint, '{"type": "ask"}')).status).toBe(400);
    expect(await countQuestions()).toBe(before);
  });
});

describe('starting the HTTP endpoint', () => {
  it('refuses to start without DISCORD_PUBLIC_KEY, naming it', async () => {
    const bot = startBotProcess(fake.apiUrl, { PORT: '0' }, [], 'discord/startHttp');
    expect(await new Promise((resolve) => bot.child.once('exit', resolve))).toBe(1);
    expect(bot.output()).toMatch(/^error: DISCORD_PUBLIC_KEY is missing: copy the Public Key/);
  });

  it('shuts down cleanly on SIGTERM: exit code 0, the store closed', async () => {
    const instance = await startHttpInstance(fake, { DATABASE_URL: databaseUrl });
    expect(await instance.process.stop()).toBe(0);
    expect(instance.process.output()).toContain('"event":"shutting down","signal":"SIGTERM"');
  });

  it('answers without storage when PostgreSQL is unreachable, naming DATABASE_URL without its password', async () => {
    const url = 'postgres://assistant:hunter2-secret@127.0.0.1:1/assistant';
    const instance = await startHttpInstance(fake, { DATABASE_URL: url });
    try {
      expect(instance.process.output()).toContain(
        '"message":"DATABASE_URL postgres://assistant:***@127.0.0.1:1/assistant: ',
      );
      expect(instance.process.output()).not.toContain('hunter2-secret');
      const { body } = await send(instance.endpoint, ask('what is vpc isolation'));
      expect(body.data.embeds[0].title).toBe('Isolation');
    } finally {
      await instance.process.stop();
    }
  });
});
