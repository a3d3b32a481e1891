import { appendFileSync, cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_DIR } from '../helpers.js';
import { startBotProcess, type BotProcess } from './botProcess.js';
import { CALLBACK_DEADLINE_MS, FakeDiscord } from './fakeDiscord.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let fake: FakeDiscord;
let bot: BotProcess;
let largePath: string;

/** A chapter just under the 2 MB limit: about 8,000 chunks, services of eight features each. */
function largeChapter(): string {
  const lines = [
    '---',
    'title: "Large Chapter"',
    'weight: 99',
    '---',
    '',
    '## Introduction',
    '',
    'A long one.',
    '',
  ];
  let bytes = 0;
  for (let s = 0; bytes < 1_900_000; s++) {
    const service = [
      `### Acme Unit ${s}:`,
      '',
      `Unit ${s} runs workload ${s} for each tenant.`,
      '',
      '**Key Feature:**',
      '',
    ];
    for (let f = 0; f < 8; f++) {
      service.push(
        `+ **Option ${s}x${f}:** Option ${f} of unit ${s} caps tenant traffic at ${s * 8 + f} requests a second, retrying each refused request later.`,
        '',
      );
    }
    lines.push(...service);
    bytes += service.join('\n').length;
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  // Discord's 3 s rule on: a callback after it is refused, as Discord would.
  fake = await FakeDiscord.start({ callbackDeadlineMs: CALLBACK_DEADLINE_MS });
  const contentDir = join(mkdtempSync(join(tmpdir(), 'large-')), 'content');
  cpSync(CONTENT_DIR, contentDir, { recursive: true });
  largePath = join(contentDir, 'large.md');
  writeFileSync(largePath, largeChapter());
  bot = startBotProcess(fake.apiUrl, { CONTENT_DIR: contentDir, INDEX_CACHE: 'off' });
  await bot.waitFor(/"event":"ready"/, 170_000);
}, 180_000);

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

describe('a large chapter reloading', () => {
  it('never keeps /ask from being answered or deferred within Discord’s 3 s', async () => {
    const since = bot.mark();
    appendFileSync(
      largePath,
      '\n+ **Zephyr Relay:** A zephyr relay forwards zephyr traffic between zephyr sites.\n',
    );
    let isReloaded = false;
    const reloaded = bot
      .waitFor(/"event":"content reloaded"/, 170_000, since)
      .then(() => (isReloaded = true));
    const statuses: number[] = [];
    while (!isReloaded) {
      const interaction = fake.slash('ask', [{ type: 3, name: 'question', value: 'what is bandwidth' }]);
      statuses.push((await fake.interact(interaction, 10_000)).status);
    }
    await reloaded;
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((status) => status !== 204)).toEqual([]);
    const callback = await fake.interact(
      fake.slash('ask', [{ type: 3, name: 'question', value: 'what is a zephyr relay' }]),
    );
    expect((callback.body as Json).data.embeds[0].title).toBe('Zephyr Relay');
  }, 180_000);
});
