import { REST } from 'discord.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startBot } from '../../src/discord/startBot.js';
import { createBotContext } from '../../src/discord/botContext.js';
import { digestPeriod, scheduleDigest, type DigestSchedule } from '../../src/discord/digest.js';
import { createLogger } from '../../src/discord/logger.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { shippedIndex } from '../helpers.js';
import { TEST_TOKEN } from './botProcess.js';
import { FakeDiscord } from './fakeDiscord.js';

const VPC = 'networking-service/amazon-virtual-private-cloud-vpc/isolation';
const MONDAY_9 = Date.parse('2026-11-23T09:00:00.000Z');
const WEEK = 7 * 24 * 3_600_000;

let fake: FakeDiscord;
let clock = 0;
const stores: SqliteStore[] = [];
const schedules: DigestSchedule[] = [];

/** Two bot instances sharing one database, each with its own store connection, REST client and schedule. */
function instances(databasePath: string, options: { retryMs?: number } = {}): DigestSchedule[] {
  const config = loadConfig({ DIGEST_CHANNEL_ID: fake.channelId, DATABASE_PATH: databasePath }, 'cli');
  const index = shippedIndex();
  return [0, 1].map(() => {
    const store = new SqliteStore(databasePath);
    stores.push(store);
    const context = createBotContext({
      config,
      index: () => index,
      logger: createLogger('silent'),
      store,
      now: () => clock,
    });
    const rest = new REST({ api: fake.apiUrl, retries: 0 }).setToken('fake-bot-token');
    const schedule = scheduleDigest(context, rest, fake.channelId, options);
    schedules.push(schedule);
    return schedule;
  });
}

const digests = () => fake.requests.filter((r) => r.operation === 'channelMessage');

beforeAll(async () => {
  fake = await FakeDiscord.start();
});

afterAll(async () => {
  for (const schedule of schedules) schedule.stop();
  for (const store of stores) await store.close();
  await fake?.close();
});

describe('the weekly digest', () => {
  it('covers the period between the last two scheduled times, read in DIGEST_TZ', () => {
    expect(digestPeriod('0 9 * * 1', 'UTC', MONDAY_9 + 3_600_000)).toEqual({
      since: MONDAY_9 - WEEK,
      until: MONDAY_9,
    });
    // 09:00 in Berlin is 08:00 UTC in November.
    expect(digestPeriod('0 9 * * 1', 'Europe/Berlin', MONDAY_9).until).toBe(MONDAY_9 - 3_600_000);
  });

  it('posts once per period from two instances sharing a store, the chart attached, valid for Discord', async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), 'digest-')), 'a.db');
    const seed = new SqliteStore(databasePath);
    const asked = { place: 'guild' as const, userId: '100000000000000001', latencyMs: 1 };
    await seed.recordQuestion({
      ...asked,
      askedAt: MONDAY_9 - 2 * 86_400_000,
      question: 'how do I bake bread',
      verdict: 'noMatch',
      topIds: [],
    });
    await seed.recordQuestion({
      ...asked,
      askedAt: MONDAY_9 - 86_400_000,
      question: 'vpc isolation',
      verdict: 'hits',
      topIds: [VPC],
    });
    for (const [i, isCorrect] of [true, false, false].entries()) {
      await seed.study.recordAnswer({
        sourceId: `quiz-${i}`,
        userId: `10000000000000000${i + 2}`,
        cardId: 'gap-1',
        chunkId: VPC,
        answeredAt: MONDAY_9 - 86_400_000,
        isCorrect,
        next: { due: MONDAY_9, fsrs: '{}' },
        guildId: null,
        points: 0,
      });
    }
    await seed.close();
    const [first, second] = instances(databasePath);

    clock = MONDAY_9 + 200;
    expect((await Promise.all([first!.tick(), second!.tick()])).sort()).toEqual(['already posted', 'posted']);
    expect(await first!.tick()).toBe('already posted');
    expect(digests()).toHaveLength(1);
    const [post] = digests();
    expect(post!.errors).toEqual([]);
    expect(post!.status).toBe(200);
    const [file] = post!.files;
    expect(file).toMatchObject({ field: 'files[0]', name: 'digest.png', contentType: 'image/png' });
    expect(file!.data.subarray(1, 4).toString('latin1')).toBe('PNG');
    const embed = (post!.body as { embeds: { title: string; description: string; image: { url: string } }[] })
      .embeds[0]!;
    expect(embed.image.url).toBe('attachment://digest.png');
    expect(embed.title).toBe('Weekly digest — 2026-11-16 to 2026-11-23');
    expect(embed.description).toMatch(/^\*\*2\*\* questions: \*\*1\*\* declined \(50%\)/);
    const quiz = (post!.body as { embeds: { fields: { name: string; value: string }[] }[] }).embeds[0]!
      .fields;
    expect(quiz.find((field) => field.name === 'Weakest quiz topics')?.value).toMatch(
      /^33\.3% of 3 — Networking Service › Amazon Virtual Private Cloud/,
    );

    clock = MONDAY_9 + WEEK + 200;
    expect((await Promise.all([second!.tick(), first!.tick()])).sort()).toEqual(['already posted', 'posted']);
    expect(digests()).toHaveLength(2);
    expect(digests()[1]!.errors).toEqual([]);
  });

  it('gives the period back when Discord refuses the post, and tries the same period again later', async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), 'digest-')), 'a.db');
    const [only] = instances(databasePath, { retryMs: 20 });
    const before = fake.requests.length;
    clock = MONDAY_9 + 2 * WEEK + 200;
    fake.inject({ match: (r) => r.method === 'POST' && r.path.endsWith('/messages'), status: 500 });
    expect(await only!.tick()).toBe('failed');
    const retried = await fake.waitForRequest(
      (r) => r.operation === 'channelMessage' && r.status === 200,
      5000,
      before,
    );
    expect((retried.body as { embeds: { title: string }[] }).embeds[0]!.title).toBe(
      'Weekly digest — 2026-11-30 to 2026-12-07',
    );
    expect(await only!.tick()).toBe('already posted');
  });

  it('refuses a malformed DIGEST_CRON or DIGEST_TZ at start, naming the variable', () => {
    expect(() => loadConfig({ DIGEST_CRON: 'every monday' }, 'cli')).toThrow(
      /^DIGEST_CRON must be a cron pattern/,
    );
    expect(() => loadConfig({ DIGEST_TZ: 'Mars/Olympus' }, 'cli')).toThrow(
      /^DIGEST_TZ must be an IANA time zone/,
    );
  });

  it('is posted by the gateway bot on its croner schedule when DIGEST_CHANNEL_ID is set', async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), 'digest-')), 'a.db');
    const store = new SqliteStore(databasePath);
    stores.push(store);
    const since = fake.requests.length;
    const config = loadConfig(
      {
        DISCORD_TOKEN: TEST_TOKEN,
        DISCORD_API_URL: fake.apiUrl,
        DIGEST_CHANNEL_ID: fake.channelId,
        // Every second, so the test waits on the post rather than on a week.
        DIGEST_CRON: '* * * * * *',
      },
      'start',
    );
    const index = shippedIndex();
    const bot = await startBot({ config, index: () => index, logger: createLogger('silent'), store });
    try {
      const post = await fake.waitForRequest((r) => r.operation === 'channelMessage', 10_000, since);
      expect(post.errors).toEqual([]);
      expect(post.files.map((f) => f.name)).toEqual(['digest.png']);
    } finally {
      await bot.stop();
    }
  });
});
