import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startBot } from '../../src/discord/startBot.js';
import { createLogger } from '../../src/discord/logger.js';
import { CONTENT_DIR, shippedIndex } from '../helpers.js';
import { startBotProcess, TEST_TOKEN, type BotProcess } from './botProcess.js';
import { FakeDiscord, type RecordedRequest } from './fakeDiscord.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let fake: FakeDiscord;
let bot: BotProcess;
let contentDir: string;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  contentDir = mkdtempSync(join(tmpdir(), 'content-'));
  cpSync(CONTENT_DIR, contentDir, { recursive: true });
  bot = startBotProcess(fake.apiUrl, { CONTENT_DIR: contentDir });
  await bot.waitFor(/"event":"ready"/);
});

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
    fake.closeGateway(4000);
    await bot.waitFor(/"event":"gateway resumed"/, 10_000);
    expect(fake.resumeCount).toBeGreaterThanOrEqual(1);
    expect(fake.identifyCount).toBe(identifies);
    const request = await acceptedCallback(ask('cloudfront metrics'));
    expect((request.body as Json).data.embeds[0].title).toBe('Real-Time Metrics and Monitoring');
  });

  it('re-indexes an edited chapter within about 2 s, without a restart', async () => {
    const file = join(contentDir, 'networking-service.md');
    const original = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      `${original}\n+ **Origin Shield:** CloudFront Origin Shield adds a central caching layer in front of the origin.\n`,
    );
    await bot.waitFor(/"event":"content reloaded"/, 5000);
    const request = await acceptedCallback(ask('what is origin shield'));
    expect((request.body as Json).data.embeds[0].title).toBe('Origin Shield');
  });

  it('keeps answering from the last good index when a chapter breaks, and names file and line', async () => {
    const file = join(contentDir, 'networking-service.md');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('title : "Networking Service"', 'title : [broken'));
    await bot.waitFor(
      /"event":"content error; still answering from the last good version".*"file":"networking-service.md","line":\d+/,
      5000,
    );
    const request = await acceptedCallback(ask('what is origin shield'));
    expect((request.body as Json).data.embeds[0].title).toBe('Origin Shield');
    writeFileSync(file, text);
  });

  it('never prints the token', () => {
    expect(bot.output()).not.toContain(TEST_TOKEN);
  });
});

describe('a slow answer', () => {
  it('is deferred within 3 s and delivered by editing the reply, never "did not respond"', async () => {
    const slowFake = await FakeDiscord.start();
    const logs: string[] = [];
    const config = {
      ...loadConfig({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: slowFake.apiUrl }, 'start'),
    };
    const index = shippedIndex();
    const slow = startBot({
      config,
      // An index that takes 2.5 s to arrive (as while content is still loading).
      index: () => new Promise((resolve) => setTimeout(() => resolve(index), 2500)),
      logger: createLogger('info', (line) => logs.push(line), [TEST_TOKEN]),
      clientOptions: { rest: { retries: 1, timeout: 5000, offset: 0 }, waitGuildTimeout: 1000 },
    });
    const running = await slow;
    try {
      const interaction = slowFake.slash('ask', [{ type: 3, name: 'question', value: 'vpc isolation' }]);
      // The fake enforces Discord's 3 s rule: a later first callback would get 404 (code 10062).
      const callback = await slowFake.interact(interaction, 4000);
      expect(callback).toMatchObject({ status: 204, body: { type: 5 } });
      const edit = await slowFake.waitForRequest((r) => r.operation === 'webhookEdit', 5000);
      expect(edit.errors).toEqual([]);
      expect((edit.body as Json).embeds[0].title).toBe('Isolation');
      expect((edit.body as Json).allowed_mentions).toEqual({ parse: [] });
    } finally {
      await running.stop();
      await slowFake.close();
    }
  });
});
