import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, shippedIndex } from '../helpers.js';
import { resolveChunkRef } from '../../src/discord/render/customId.js';
import { decodeStudyId } from '../../src/discord/render/studyCustomId.js';
import { startBotProcess, type BotProcess } from './botProcess.js';
import { QUESTION_MAX_LENGTH } from '../../src/answer/questionLength.js';
import { FakeDiscord, MANAGE_GUILD, MEMBER_PERMISSIONS } from './fakeDiscord.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let fake: FakeDiscord;
let bot: BotProcess;
const databasePath = join(mkdtempSync(join(tmpdir(), 'loop-')), 'data', 'assistant.db');

beforeAll(async () => {
  fake = await FakeDiscord.start();
  bot = startBotProcess(fake.apiUrl, { DATABASE_PATH: databasePath });
  await bot.waitFor(/"event":"ready"/);
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

const ask = (question: string, user = fake.user()): Json =>
  fake.slash('ask', [{ type: 3, name: 'question', value: question }], 'guild', user);
const data = (request: { body: unknown }): Json => (request.body as Json).data as Json;
const buttons = (message: Json): Json[] =>
  (message.components as Json[]).flatMap((row) => row.components as Json[]);

/** `npm run report -- --json` against the bot's database, while the bot writes to it. */
function readReport(): Promise<Json> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist/cli/report.js'), '--json'], {
      cwd: tmpdir(),
      env: { PATH: process.env.PATH, DATABASE_PATH: databasePath, CONTENT_DIR: join(ROOT, 'content') },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`report exited ${code}`)),
    );
  });
}

describe('the learning loop, end to end', () => {
  it('stores every question of a concurrent burst while reports read the same database', async () => {
    const count = (where: string, since: number): number => {
      const db = new Database(databasePath, { readonly: true });
      try {
        return (
          db.prepare(`SELECT count(*) AS n FROM questions WHERE id > ? ${where}`).get(since) as { n: number }
        ).n;
      } finally {
        db.close();
      }
    };
    const db = new Database(databasePath, { readonly: true });
    const { lastId, before } = db
      .prepare('SELECT coalesce(max(id), 0) AS lastId, count(*) AS before FROM questions')
      .get() as { lastId: number; before: number };
    db.close();
    const questions = [
      'vpc isolation',
      'dx speeds',
      'how do I bake bread',
      'route 53 failover',
      'cloudfront',
    ];
    // What is checked is storage, not speed: every interaction is waited for however loaded the machine
    // is (the fake enforces no 3 s deadline here), and the question is stored before the reply is sent.
    const burst = Array.from({ length: 120 }, (_, i) =>
      i % 6 === 5
        ? fake.message(fake.userMessage(questions[i % questions.length]!, 'dm'), 30_000)
        : fake.interact(ask(questions[i % questions.length]!), 30_000),
    );
    const readers = Array.from({ length: 3 }, () => readReport());
    await Promise.all(burst);
    const reports = await Promise.all(readers);
    expect(count('', lastId)).toBe(120);
    expect(count("AND verdict = 'noMatch'", lastId)).toBe(24);
    expect(count("AND place = 'dm'", lastId)).toBe(20);
    // Each report read one consistent state of the database somewhere within the burst.
    for (const report of reports) {
      expect(report.questions).toBeGreaterThanOrEqual(before);
      expect(report.questions).toBeLessThanOrEqual(before + 120);
    }
  }, 60_000);

  it('stores a Helpful click, acknowledges it privately, and a second click updates it', async () => {
    const student = fake.user();
    const answer = data(await fake.interact(ask('direct connect global reach', student)));
    const button = (label: string) => buttons(answer).find((b) => b.label === label)!;
    const [helpful, notHelpful] = [button('Helpful'), button('Not helpful')];
    const message = fake.messageFrom(answer);
    const first = await fake.interact(fake.component(message, helpful!.custom_id, student));
    expect(data(first)).toMatchObject({ flags: 64, embeds: [{ title: 'Thanks for the feedback' }] });
    await fake.interact(fake.component(message, notHelpful!.custom_id, student));
    const db = new Database(databasePath, { readonly: true });
    const rows = db
      .prepare("SELECT chunk_id, helpful, question FROM feedback WHERE chunk_id LIKE '%global-reach'")
      .all();
    expect(rows).toEqual([
      {
        chunk_id: 'networking-service/aws-direct-connect/global-reach',
        helpful: 0,
        question: 'direct connect global reach',
      },
    ]);
    db.close();
  });

  const confirmations = (question: string): Json[] => {
    const db = new Database(databasePath, { readonly: true });
    try {
      return db
        .prepare('SELECT chunk_id, how FROM confirmations WHERE question = ? ORDER BY id')
        .all(question) as Json[];
    } finally {
      db.close();
    }
  };

  it('confirms a declined question for the "did you mean" section its asker picks, and for an autocomplete pick', async () => {
    const [ann, bob] = [fake.user(), fake.user()];
    const question = 'how do I bake sourdough bread';
    const declined = data(await fake.interact(ask(question, ann)));
    expect(declined.embeds[0].title).toBe('Not covered in the chapters');
    const pick = buttons(declined)[1]!;
    const picked = data(await fake.interact(fake.component(fake.messageFrom(declined), pick.custom_id, ann)));
    const chunkId = pick.custom_id.split(':').slice(2).join(':');
    expect(confirmations(question)).toEqual([{ chunk_id: chunkId, how: 'suggestion' }]);
    expect(picked.embeds[0].title).toBe(pick.label.split(' › ').at(-1));
    await fake.interact(ask(question, bob));
    await fake.interact(ask(`chunk:${chunkId}`, bob));
    expect(confirmations(question)).toEqual([
      { chunk_id: chunkId, how: 'suggestion' },
      { chunk_id: chunkId, how: 'autocomplete' },
    ]);
  });

  it('confirms the More results page its asker turns to after marking the first answer Not helpful', async () => {
    const student = fake.user();
    const question = 'aws integration';
    const first = data(await fake.interact(ask(question, student)));
    const message = fake.messageFrom(first);
    const more = buttons(first).find((b) => b.label === 'More results')!;
    // Turning pages before any miss confirms nothing.
    await fake.interact(fake.component(message, more.custom_id, student));
    expect(confirmations(question)).toEqual([]);
    const notHelpful = buttons(first).find((b) => b.label === 'Not helpful')!;
    await fake.interact(fake.component(message, notHelpful.custom_id, student));
    const page2 = data(await fake.interact(fake.component(message, more.custom_id, student)));
    const ref = buttons(page2)
      .find((b) => b.label === 'Helpful')!
      .custom_id.split(':')
      .slice(3)
      .join(':');
    const shown = resolveChunkRef(ref, shippedIndex().chunks.keys());
    expect(confirmations(question)).toEqual([{ chunk_id: shown, how: 'more' }]);
  });

  it('confirms the topics-menu section a declined asker picks, and nothing for a student with no miss', async () => {
    const [asker, browser] = [fake.user(), fake.user()];
    const question = 'how do I knit a warm scarf';
    const pickGlobalReach = async (user: Json): Promise<string> => {
      const message = data(await fake.interact(fake.slash('topics', [], 'guild', user)));
      const menu = message.components[2].components[0];
      const choice = menu.options.find((o: Json) => o.label === 'Global Reach');
      await fake.interact(
        fake.component(fake.messageFrom(message), menu.custom_id, user, { values: [choice.value] }),
      );
      return resolveChunkRef(choice.value, shippedIndex().chunks.keys())!;
    };
    const total = (): number => {
      const db = new Database(databasePath, { readonly: true });
      try {
        return (db.prepare('SELECT count(*) AS n FROM confirmations').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    const before = total();
    await pickGlobalReach(browser);
    expect(total()).toBe(before);
    const reply = data(await fake.interact(ask(question, asker)));
    expect(reply.embeds[0].title).toBe('Not covered in the chapters');
    const chunkId = await pickGlobalReach(asker);
    expect(confirmations(question)).toEqual([{ chunk_id: chunkId, how: 'topics' }]);
  });

  it('confirms the section a declined asker browses to with Next from an answer', async () => {
    const student = fake.user();
    const miss = 'how do I bake sourdough bread at home';
    const declined = data(await fake.interact(ask(miss, student)));
    expect(declined.embeds[0].title).toBe('Not covered in the chapters');
    const answer = data(await fake.interact(ask('route 53 health checks', student)));
    const next = buttons(answer).find((b) => b.label === 'Next ▶')!;
    const shown = data(
      await fake.interact(fake.component(fake.messageFrom(answer), next.custom_id, student)),
    );
    const action = decodeStudyId(next.custom_id);
    expect(action?.kind).toBe('browse');
    const chunkId = resolveChunkRef((action as { ref: string }).ref, shippedIndex().chunks.keys());
    expect(shown.embeds[0].title).toBe(shippedIndex().chunks.get(chunkId!)!.headings.at(-1));
    expect(confirmations(miss)).toEqual([{ chunk_id: chunkId, how: 'browse' }]);
  });

  it('confirms an answer its asker marks Helpful, and withdraws it when they change to Not helpful', async () => {
    const student = fake.user();
    const question = 'route 53 health checks';
    const answer = data(await fake.interact(ask(question, student)));
    const button = (label: string) => buttons(answer).find((b) => b.label === label)!;
    const [helpful, notHelpful] = [button('Helpful'), button('Not helpful')];
    const message = fake.messageFrom(answer);
    await fake.interact(fake.component(message, helpful.custom_id, student));
    expect(confirmations(question)).toEqual([
      { chunk_id: helpful.custom_id.split(':').slice(3).join(':'), how: 'helpful' },
    ]);
    await fake.interact(fake.component(message, notHelpful.custom_id, student));
    expect(confirmations(question)).toEqual([]);
  });

  it('cuts a 10,000-character question everywhere: searched and stored at the maximum, echoed shorter, in /ask and in DMs', async () => {
    const long = `vpc isolation ${'and more words '.repeat(700)}`.slice(0, 10_000);
    const slash = ask(long);
    const dm = fake.userMessage(long, 'dm');
    const replies = [data(await fake.interact(slash)), (await fake.message(dm)).body as Json];
    for (const message of replies) expect(message.content.length).toBeLessThanOrEqual('**Q:** '.length + 300);
    const db = new Database(databasePath, { readonly: true });
    const rows = db
      .prepare('SELECT length(question) AS n FROM questions WHERE source_id IN (?, ?)')
      .all(slash.id, dm.id) as { n: number }[];
    db.close();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.n).toBeLessThanOrEqual(QUESTION_MAX_LENGTH);
      expect(row.n).toBeGreaterThan(QUESTION_MAX_LENGTH - 20);
    }
  });

  it('keeps the feedback buttons on later pages, for the chunk shown', async () => {
    const student = fake.user();
    const first = data(await fake.interact(ask('aws integration', student)));
    const more = buttons(first).find((b) => b.label === 'More results')!;
    const page2 = data(await fake.interact(fake.component(fake.messageFrom(first), more.custom_id, student)));
    const helpful = buttons(page2).find((b) => b.label === 'Helpful')!;
    expect(helpful.custom_id).toMatch(/^fb:1:\d+:/);
    expect(helpful.custom_id).not.toBe(buttons(first).find((b) => b.label === 'Helpful')!.custom_id);
  });

  const report = (place: 'guild' | 'dm' = 'guild'): Json =>
    fake.slash('report', [{ type: 4, name: 'days', value: 7 }], place);

  it('shows organisers (Manage Server) a private /report', async () => {
    const request = await fake.interact(fake.withPermissions(report(), MEMBER_PERMISSIONS | MANAGE_GUILD));
    const message = data(request);
    expect(message.flags).toBe(64);
    expect(message.embeds[0].title).toBe('Study assistant report — last 7 days');
    expect(message.embeds[0].description).toMatch(/^\*\*\d+\*\* questions/);
    expect(request.errors).toEqual([]);
  });

  it('follows /report with its chart, a private PNG upload valid for Discord', async () => {
    const since = fake.requests.length;
    const interaction = fake.withPermissions(report(), MEMBER_PERMISSIONS | MANAGE_GUILD);
    await fake.interact(interaction);
    const chart = await fake.waitForRequest(
      (r) => r.operation === 'webhookFollowUp' && r.path.endsWith(`/${interaction.token as string}`),
      10_000,
      since,
    );
    expect(chart.errors).toEqual([]);
    expect(chart.body).toMatchObject({
      flags: 64,
      embeds: [{ image: { url: 'attachment://report.png' } }],
      attachments: [{ id: '0', filename: 'report.png' }],
    });
    expect(chart.files).toHaveLength(1);
    expect(chart.files[0]!.data.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('refuses /report to a member without Manage Server, whatever Discord let through', async () => {
    const message = data(await fake.interact(fake.withPermissions(report(), MEMBER_PERMISSIONS)));
    expect(message).toMatchObject({ flags: 64, embeds: [{ title: 'Organisers only' }] });
  });

  it('refuses /report in a DM', async () => {
    const message = data(await fake.interact(report('dm')));
    expect(message).toMatchObject({ flags: 64, embeds: [{ title: 'Organisers only' }] });
  });

  it('answers even when storage cannot be opened', async () => {
    const ownFake = await FakeDiscord.start();
    const broken = startBotProcess(ownFake.apiUrl, { DATABASE_PATH: '/dev/null/cannot/assistant.db' });
    try {
      await broken.waitFor(/"event":"ready"/);
      expect(broken.output()).toContain('"event":"storage unavailable; answering without it"');
      expect(broken.output()).toContain('"message":"DATABASE_PATH /dev/null/cannot/assistant.db: ');
      const request = await ownFake.interact(
        ownFake.slash('ask', [{ type: 3, name: 'question', value: 'direct connect security' }]),
      );
      expect(data(request).embeds[0].title).toBe('Improved Security');
      expect(buttons(data(request)).map((b) => b.label)).toEqual([
        'More results',
        '◀ Previous',
        'Up',
        'Next ▶',
      ]);
    } finally {
      await broken.stop();
      await ownFake.close();
    }
  });
});
