import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_DIR } from '../helpers.js';
import { startBotProcess, type BotProcess } from './botProcess.js';
import { FakeDiscord } from './fakeDiscord.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let fake: FakeDiscord;
let bot: BotProcess | null = null;
let env: Record<string, string>;
let chapterPath: string;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const root = mkdtempSync(join(tmpdir(), 'saved-reload-'));
  const contentDir = join(root, 'content');
  cpSync(CONTENT_DIR, contentDir, { recursive: true });
  chapterPath = join(contentDir, 'networking-service.md');
  env = { CONTENT_DIR: contentDir, INDEX_CACHE: join(root, 'data', 'index-cache.bin') };
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

describe('the saved index after a chapter is edited', () => {
  it('is saved again (by the index thread) once the edit is updated in place, and the next start loads it', async () => {
    bot = startBotProcess(fake.apiUrl, env);
    await bot.waitFor(/"event":"ready"/, 60_000);
    await bot.waitFor(/index cache saved/, 60_000);

    const since = bot.mark();
    appendFileSync(
      chapterPath,
      '\n+ **Zephyr Relay:** A zephyr relay forwards zephyr traffic between sites.\n',
    );
    await bot.waitFor(/"event":"content reloaded".*"rebuilt":null/, 60_000, since);
    await bot.waitFor(/index cache saved/, 60_000, since);
    await bot.stop();

    bot = startBotProcess(fake.apiUrl, env);
    const started = bot.mark();
    await bot.waitFor(/"event":"ready"/, 60_000, started);
    // Loaded, not built: the file saved after the edit is the index of the content as it is now.
    expect(bot.output().slice(started)).toMatch(/index cache loaded/);
    const callback = await fake.interact(
      fake.slash('ask', [{ type: 3, name: 'question', value: 'what is a zephyr relay' }]),
    );
    expect((callback.body as Json).data.embeds[0].title).toBe('Zephyr Relay');
  }, 180_000);
});
