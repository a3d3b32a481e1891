import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_DIR } from '../helpers.js';
import { startBotProcess, type BotProcess } from './botProcess.js';
import { FakeDiscord } from './fakeDiscord.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let fake: FakeDiscord;
let bot: BotProcess;
let contentDir: string;
let original: string;
let baseChunks: number;

const chapterPath = (): string => join(contentDir, 'networking-service.md');

/** Words the shipped chapter never uses, one per added feature, so only a fresh index can answer them. */
const WORDS = ['zephyr', 'quasar', 'nebula', 'fjord', 'glacier', 'tundra', 'lagoon', 'atoll', 'geyser'];
const capital = (word: string): string => word[0]!.toUpperCase() + word.slice(1);
const feature = (word: string): string =>
  `\n+ **${capital(word)} Relay:** A ${word} relay forwards ${word} traffic between ${word} sites.\n`;

/** Save the chapter as editors (temp file, then rename over it) and `sed -i` (its own temp name) do. */
function saveAtomically(text: string, style: 'editor' | 'sed'): void {
  const temp = join(contentDir, style === 'editor' ? '.networking-service.md.swx' : 'sedX4f2Qa');
  writeFileSync(temp, text);
  renameSync(temp, chapterPath());
}

/** Wait for the reload whose index holds `chunks` chunks: the one that read this change. */
const reloadedWith = (chunks: number, since: number): Promise<void> =>
  bot.waitFor(new RegExp(`"event":"content reloaded","chapters":1,"chunks":${chunks},`), 10_000, since);

async function askTitle(question: string): Promise<string> {
  const callback = await fake.interact(fake.slash('ask', [{ type: 3, name: 'question', value: question }]));
  return (callback.body as Json).data.embeds[0].title;
}

beforeAll(async () => {
  fake = await FakeDiscord.start();
  // Inside a folder of its own, so replacing it disturbs nothing else.
  contentDir = join(mkdtempSync(join(tmpdir(), 'reload-')), 'content');
  cpSync(CONTENT_DIR, contentDir, { recursive: true });
  original = readFileSync(chapterPath(), 'utf8');
  bot = startBotProcess(fake.apiUrl, { CONTENT_DIR: contentDir });
  await bot.waitFor(/"event":"ready"/);
  baseChunks = Number(/"event":"index ready","chapters":1,"chunks":(\d+)/.exec(bot.output())![1]);
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

describe('hot reload, end to end', () => {
  it('re-indexes every one of many consecutive atomic saves', async () => {
    for (let i = 1; i <= WORDS.length; i++) {
      const since = bot.mark();
      saveAtomically(original + WORDS.slice(0, i).map(feature).join(''), i % 2 === 0 ? 'sed' : 'editor');
      await reloadedWith(baseChunks + i, since);
      expect(await askTitle(`what is a ${WORDS[i - 1]} relay`)).toBe(`${capital(WORDS[i - 1]!)} Relay`);
    }
  });

  it('watches a content folder that was removed and made again', async () => {
    let since = bot.mark();
    rmSync(contentDir, { recursive: true });
    mkdirSync(contentDir);
    cpSync(CONTENT_DIR, contentDir, { recursive: true });
    writeFileSync(chapterPath(), original + feature('mistral'));
    await reloadedWith(baseChunks + 1, since);
    since = bot.mark();
    saveAtomically(original + feature('mistral') + feature('sirocco'), 'sed');
    await reloadedWith(baseChunks + 2, since);
    expect(await askTitle('what is a sirocco relay')).toBe('Sirocco Relay');
  });

  it('watches a content folder that was moved away and back', async () => {
    let since = bot.mark();
    saveAtomically(original + feature('monsoon'), 'editor');
    await reloadedWith(baseChunks + 1, since);
    const away = `${contentDir}-away`;
    since = bot.mark();
    renameSync(contentDir, away);
    await bot.waitFor(/"event":"content error; still answering from the last good version"/, 10_000, since);
    since = bot.mark();
    renameSync(away, contentDir);
    await reloadedWith(baseChunks + 1, since);
    since = bot.mark();
    saveAtomically(original + feature('monsoon') + feature('harmattan'), 'sed');
    await reloadedWith(baseChunks + 2, since);
    expect(await askTitle('what is a harmattan relay')).toBe('Harmattan Relay');
  });
});
