import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TOKEN } from './discord/botProcess.js';
import { startProgram } from './discord/programProcess.js';
import { FakeDiscord } from './discord/fakeDiscord.js';
import { ROOT } from './helpers.js';

const CHAPTER = `# Tides

## Harbour Gauge

The harbour gauge measures the water level.

+ **Moon Pull:** The gauge records how the moon pulls the sea twice a day.
+ **Storm Surge:** A storm surge raises the water above the predicted tide.
`;

/** A folder holding a `.env` and what it names, as an organiser's checkout would. */
function project(env: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dotenv-'));
  writeFileSync(join(dir, '.env'), env);
  mkdirSync(join(dir, 'chapters'));
  writeFileSync(join(dir, 'chapters', 'tides.md'), CHAPTER);
  writeFileSync(
    join(dir, 'questions.jsonl'),
    '{"q":"storm surge","expect":["Harbour Gauge > Storm Surge"]}\n',
  );
  return dir;
}

/** Run a compiled program in `cwd` with nothing but PATH in its environment: all else comes from .env. */
const run = (script: string, cwd: string, args: string[] = []) =>
  spawnSync(process.execPath, [join(ROOT, 'dist', script), ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
  });

describe('every command reads .env from the folder it runs in', () => {
  let fake: FakeDiscord;
  let dir: string;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
    dir = project(
      [
        '# CONTENT_DIR is relative to the folder the command runs in',
        'CONTENT_DIR=chapters',
        `DISCORD_TOKEN=${TEST_TOKEN}`,
        `DISCORD_API_URL=${fake.apiUrl}`,
        'DATABASE_PATH=data/assistant.db',
        '',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await fake.close();
  });

  it('ask answers from the CONTENT_DIR that .env names', () => {
    const ask = run('cli/ask.js', dir, ['--json', 'storm surge']);
    expect(ask.stderr).toBe('');
    expect(JSON.parse(ask.stdout).results[0]).toMatchObject({ chapter: 'Tides', feature: 'Storm Surge' });
  });

  it('validate checks the CONTENT_DIR that .env names', () => {
    const validate = run('cli/validate.js', dir);
    expect(validate.status).toBe(0);
    expect(validate.stdout).toContain(`${join(dir, 'chapters')}: 1 chapter`);
  });

  it('eval scores against the CONTENT_DIR that .env names', () => {
    const evaluation = run('cli/eval.js', dir, ['questions.jsonl', '--json']);
    expect(evaluation.stderr).toBe('');
    expect(JSON.parse(evaluation.stdout)).toMatchObject({ questions: 1, top1: 1 });
  });

  it('the bot loads the CONTENT_DIR that .env names', async () => {
    const bot = startProgram('discord/start.js', { cwd: dir });
    try {
      await bot.waitFor(/"event":"index ready","chapters":1,"chunks":3,/);
      await bot.waitFor(/"event":"ready"/);
    } finally {
      await bot.stop();
    }
  });
});

describe('a malformed variable in .env', () => {
  const dir = project('LOG_LEVEL=loud\n');
  it.each([
    ['report', 'cli/report.js', []],
    ['deploy-commands', 'discord/deployCommands.js', ['--dry-run']],
    ['start', 'discord/start.js', []],
    ['start:sharded', 'discord/startSharded.js', []],
  ])('stops %s with one line naming the variable', (_, script, args) => {
    const result = run(script, dir, [...args]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^error: LOG_LEVEL .*; set it in \.env/);
  });
});
