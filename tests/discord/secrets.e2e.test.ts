import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { startBotProcess, TEST_TOKEN, type BotProcess } from './botProcess.js';
import { expectNoToken } from './expectNoToken.js';
import { FakeDiscord } from './fakeDiscord.js';

let fake: FakeDiscord | undefined;
let bot: BotProcess | undefined;

afterEach(async () => {
  await bot?.stop();
  await fake?.close();
  bot = undefined;
  fake = undefined;
});

/** Run a script without blocking this process, which serves the fake Discord. */
function runAsync(script: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [script], { cwd: '/', env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the bot token', () => {
  it('never appears when Discord rejects it (gateway close 4004)', async () => {
    fake = await FakeDiscord.start();
    fake.identifyCloseCode = 4004;
    bot = startBotProcess(fake.apiUrl);
    const code = await new Promise<number | null>((resolve) => bot!.child.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(bot.output()).toMatch(/error/i);
    expectNoToken(bot.output());
  });

  it('never appears when every reply fails and errors are logged', async () => {
    fake = await FakeDiscord.start();
    bot = startBotProcess(fake.apiUrl, { LOG_LEVEL: 'debug' });
    await bot.waitFor(/"event":"ready"/);
    fake.inject({
      match: (r) => r.method === 'POST',
      status: 500,
      times: 50,
      body: { message: 'boom', code: 0 },
    });
    fake.dispatch('INTERACTION_CREATE', fake.slash('ask', [{ type: 3, name: 'question', value: 'vpc' }]));
    await bot.waitFor(/"event":"interaction failed"/, 10_000);
    expectNoToken(bot.output());
  });

  it('never appears when registering commands is refused (401)', async () => {
    fake = await FakeDiscord.start();
    fake.inject({ match: () => true, status: 401, body: { message: '401: Unauthorized', code: 0 } });
    const run = await runAsync(join(ROOT, 'dist/discord/deployCommands.js'), {
      PATH: process.env.PATH ?? '',
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      DEBUG: '1',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: 401: Unauthorized/);
    expectNoToken(run.stdout + run.stderr);
  });

  it('stays out of git: .env is ignored', () => {
    expect(readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n')).toContain('.env');
  });
});
