import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/discord/logger.js';
import { startBot } from '../../src/discord/startBot.js';
import { shippedIndex } from '../helpers.js';
import { startBotProcess, TEST_TOKEN, type BotProcess } from './botProcess.js';
import { FakeDiscord } from './fakeDiscord.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A port of 127.0.0.1 on which nothing listens (it was free a moment ago). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('log lines about Discord, end to end', () => {
  let fake: FakeDiscord;
  let bot: BotProcess;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
    bot = startBotProcess(fake.apiUrl);
    await bot.waitFor(/"event":"ready"/);
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
  });

  it('logs "rate limited" when Discord answers 429, then replies', async () => {
    fake.inject({
      match: (r) => r.method === 'POST' && r.path.startsWith('/interactions/'),
      status: 429,
      headers: { 'retry-after': '1', 'x-ratelimit-scope': 'user' },
      body: { message: 'You are being rate limited.', retry_after: 1, global: false, code: 0 },
    });
    const since = bot.mark();
    const interaction = fake.slash('ask', [{ type: 3, name: 'question', value: 'vpc isolation' }]);
    fake.interactions.set(interaction.id as string, { at: Date.now(), answered: false });
    fake.dispatch('INTERACTION_CREATE', interaction);
    await bot.waitFor(
      /"event":"rate limited","route":"\/interactions\/:id\/:token\/callback"/,
      10_000,
      since,
    );
    const accepted = await fake.waitForRequest(
      (r) => r.path.startsWith(`/interactions/${interaction.id as string}/`) && r.status === 204,
      10_000,
    );
    expect((accepted.body as Json).data.embeds[0].title).toBe('Isolation');
  });

  it('logs "gateway closed" with the close code, then "gateway resumed"', async () => {
    const since = bot.mark();
    fake.closeGateway(4000);
    await bot.waitFor(
      /"event":"gateway closed","code":4000,"shard":0[^]*"event":"gateway resumed"/,
      10_000,
      since,
    );
  });
});

describe('npm start while Discord cannot be reached', () => {
  it('retries with growing waits, and logs in once Discord answers', async () => {
    const port = await freePort();
    const bot = startBotProcess(`http://127.0.0.1:${port}/api`);
    let fake: FakeDiscord | undefined;
    try {
      await bot.waitFor(
        /"event":"discord unreachable","attempt":1,"of":5,"retry_in_ms":1000,"error":".*ECONNREFUSED/,
      );
      fake = await FakeDiscord.start({ port });
      await bot.waitFor(/"event":"ready"/);
    } finally {
      await bot.stop();
      await fake?.close();
    }
  });

  it('gives up after the last try with an error naming DISCORD_API_URL', async () => {
    const url = `http://127.0.0.1:${await freePort()}/api`;
    const config = loadConfig({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: url }, 'start');
    const lines: string[] = [];
    const logger = createLogger('info', (line) => lines.push(line));
    // The real client and the real refused connection, with waits of milliseconds instead of seconds.
    const start = startBot({
      config,
      index: () => shippedIndex(),
      logger,
      retry: { attempts: 3, firstDelayMs: 5 },
    });
    await expect(start).rejects.toThrow(
      new RegExp(`^cannot reach Discord at DISCORD_API_URL=${url} \\(connect ECONNREFUSED .*; 3 attempts\\)`),
    );
    expect(lines.map((line) => JSON.parse(line) as { event: string; attempt: number })).toMatchObject([
      { event: 'discord unreachable', attempt: 1 },
      { event: 'discord unreachable', attempt: 2 },
    ]);
  });
});
