import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { KnowledgeIndex } from '../../src/search/buildIndex.js';
import { startBot } from '../../src/discord/startBot.js';
import { createLogger } from '../../src/discord/logger.js';
import { DEFER_AFTER_MS } from '../../src/discord/replyInTime.js';
import { CONTENT_DIR, shippedIndex } from '../helpers.js';
import { startBotProcess, TEST_TOKEN, type BotProcess } from './botProcess.js';
import { expectNoToken } from './expectNoToken.js';
import { CALLBACK_DEADLINE_MS, FakeDiscord, type RecordedRequest } from './fakeDiscord.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let fake: FakeDiscord;
let bot: BotProcess;
let chapterFile: string;
let originalChapter: string;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const contentDir = mkdtempSync(join(tmpdir(), 'content-'));
  cpSync(CONTENT_DIR, contentDir, { recursive: true });
  chapterFile = join(contentDir, 'networking-service.md');
  originalChapter = readFileSync(chapterFile, 'utf8');
  bot = startBotProcess(fake.apiUrl, { CONTENT_DIR: contentDir });
  await bot.waitFor(/"event":"ready"/);
});

const RELOADED = /"event":"content reloaded"/;
const BROKEN =
  /"event":"content error; still answering from the last good version".*"file":"networking-service.md","line":\d+/;

/** Write the chapter and wait until the bot has reloaded it (or reported it broken). */
async function writeChapter(text: string, outcome = RELOADED): Promise<void> {
  const since = bot.mark();
  writeFileSync(chapterFile, text);
  await bot.waitFor(outcome, 10_000, since);
}

// Each test that edits the chapter leaves it as it found it, so no test depends on another's edits.
afterEach(async () => {
  if (readFileSync(chapterFile, 'utf8') !== originalChapter) await writeChapter(originalChapter);
});

/** The shipped chapter with one more feature, which only an index built after the edit can answer. */
const WITH_ORIGIN_SHIELD = () =>
  `${originalChapter}\n+ **Origin Shield:** CloudFront Origin Shield adds a central caching layer in front of the origin.\n`;

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

const ask = (question: string): Json => fake.slash('ask', [{ type: 3, name: 'question', value: question }]);

/** Dispatch an interaction and wait for the callback Discord accepted (after any injected faults). */
async function acceptedCallback(interaction: Json, timeoutMs = 8000): Promise<RecordedRequest> {
  const since = fake.requests.length;
  fake.interactions.set(interaction.id, { at: Date.now(), answered: false });
  fake.dispatch('INTERACTION_CREATE', interaction);
  return fake.waitForRequest(
    (r) => r.path.startsWith(`/interactions/${interaction.id}/`) && r.status === 204,
    timeoutMs,
    since,
  );
}

const isCallback = (request: { method: string; path: string }): boolean =>
  request.method === 'POST' && request.path.startsWith('/interactions/');

describe('Discord faults, end to end', () => {
  it('waits out a 429 with Retry-After on an interaction callback, then replies', async () => {
    fake.inject({
      match: isCallback,
      status: 429,
      headers: { 'retry-after': '1', 'x-ratelimit-scope': 'user' },
      body: { message: 'You are being rate limited.', retry_after: 0.5, global: false, code: 0 },
    });
    const request = await acceptedCallback(ask('vpc isolation'));
    expect((request.body as Json).data.embeds[0].title).toBe('Isolation');
    expect(fake.requests.filter((r) => r.status === 429)).toHaveLength(1);
  });

  it('waits out a 429 on a channel message, then replies', async () => {
    fake.inject({
      match: (r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path),
      status: 429,
      headers: { 'retry-after': '1' },
      body: { message: 'You are being rate limited.', retry_after: 0.5, global: false, code: 0 },
    });
    const message = fake.userMessage('what is DX', 'dm');
    const since = fake.requests.length;
    fake.dispatch('MESSAGE_CREATE', message);
    const reply = await fake.waitForRequest(
      (r) => r.operation === 'channelMessage' && r.status === 200,
      8000,
      since,
    );
    expect((reply.body as Json).embeds[0].title).toBe('AWS Direct Connect');
  });

  it('retries a 5xx once and the reply still arrives', async () => {
    fake.inject({ match: isCallback, status: 502, body: { message: 'Bad Gateway', code: 0 } });
    const request = await acceptedCallback(ask('route 53 health checks'));
    expect((request.body as Json).data.embeds[0].title).toBe('Health Checks and Failover');
  });

  it('resumes after the gateway closes with 4000 and answers the next question', async () => {
    const identifies = fake.identifyCount;
    const since = bot.mark();
    fake.closeGateway(4000);
    await bot.waitFor(/"event":"gateway resumed"/, 10_000, since);
    expect(fake.resumeCount).toBeGreaterThanOrEqual(1);
    expect(fake.identifyCount).toBe(identifies);
    const request = await acceptedCallback(ask('cloudfront metrics'));
    expect((request.body as Json).data.embeds[0].title).toBe('Real-Time Metrics and Monitoring');
  });

  it('re-indexes an edited chapter without a restart', async () => {
    await writeChapter(WITH_ORIGIN_SHIELD());
    const request = await acceptedCallback(ask('what is origin shield'));
    expect((request.body as Json).data.embeds[0].title).toBe('Origin Shield');
  });

  it('keeps answering from the last good index when a chapter breaks, and names file and line', async () => {
    await writeChapter(WITH_ORIGIN_SHIELD());
    await writeChapter(
      WITH_ORIGIN_SHIELD().replace('title : "Networking Service"', 'title : [broken'),
      BROKEN,
    );
    const request = await acceptedCallback(ask('what is origin shield'));
    expect((request.body as Json).data.embeds[0].title).toBe('Origin Shield');
  });

  it('never prints the token', () => {
    expectNoToken(bot.output());
  });
});

describe('a slow answer', () => {
  it('is deferred while the answer is still pending, then delivered by editing the reply', async () => {
    const slowFake = await FakeDiscord.start();
    const config = loadConfig({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: slowFake.apiUrl }, 'start');
    // The index (as while content is still loading) arrives only when the test has seen the deferral, so
    // the bot must defer on its own clock: no answer exists yet to reply with.
    let releaseIndex!: (index: KnowledgeIndex) => void;
    const pendingIndex = new Promise<KnowledgeIndex>((resolve) => (releaseIndex = resolve));
    const running = await startBot({
      config,
      index: () => pendingIndex,
      logger: createLogger('silent'),
      clientOptions: { rest: { retries: 1, timeout: 5000, offset: 0 }, waitGuildTimeout: 1000 },
    });
    try {
      const interaction = slowFake.slash('ask', [{ type: 3, name: 'question', value: 'vpc isolation' }]);
      const callback = await slowFake.interact(interaction, 10_000);
      expect(callback).toMatchObject({ status: 204, body: { type: 5 } });
      const since = slowFake.requests.length;
      releaseIndex(shippedIndex());
      const edit = await slowFake.waitForRequest((r) => r.operation === 'webhookEdit', 10_000, since);
      expect(edit.errors).toEqual([]);
      expect((edit.body as Json).embeds[0].title).toBe('Isolation');
      expect((edit.body as Json).allowed_mentions).toEqual({ parse: [] });
    } finally {
      await running.stop();
      await slowFake.close();
    }
  });

  it("defers with a second of Discord's 3 s rule to spare", () => {
    expect(DEFER_AFTER_MS).toBeLessThanOrEqual(CALLBACK_DEADLINE_MS - 1000);
  });
});
