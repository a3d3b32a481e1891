import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { TEST_TOKEN } from './botProcess.js';
import { expectNoToken } from './expectNoToken.js';
import { validateRequest } from './discordSchema.js';
import { QUESTION_MAX_LENGTH } from '../../src/answer/questionLength.js';
import { FakeDiscord } from './fakeDiscord.js';

/** Run a compiled entry point without the test runner's environment leaking in. */
function run(script: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', script), ...args], {
      cwd: '/',
      env: { PATH: process.env.PATH, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake.close();
});

describe('npm run deploy-commands', () => {
  it('--dry-run prints the exact JSON array it would PUT, valid for Discord, touching no network', async () => {
    const { code, stdout } = await run('discord/deployCommands.js', ['--dry-run'], {
      DISCORD_API_URL: 'http://127.0.0.1:9/api',
    });
    expect(code).toBe(0);
    const body = JSON.parse(stdout);
    const names = body.map((c: { name: string }) => c.name);
    expect(names).toEqual(['ask', 'topics', 'quiz', 'review', 'progress', 'help', 'report']);
    expect(body[names.indexOf('report')]).toMatchObject({ default_member_permissions: 32, contexts: [0] });
    // Study mode reaches servers, DMs and user installs like /ask.
    for (const name of ['ask', 'quiz', 'review', 'progress']) {
      expect(body[names.indexOf(name)]).toMatchObject({ contexts: [0, 1, 2], integration_types: [0, 1] });
    }
    expect(body[0].options[0]).toMatchObject({
      name: 'question',
      autocomplete: true,
      max_length: QUESTION_MAX_LENGTH,
    });
    expect(validateRequest('globalCommands', body)).toEqual([]);
  });

  it('registers commands globally through DISCORD_API_URL', async () => {
    const { code, stdout } = await run('discord/deployCommands.js', [], {
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Registered 7 commands globally/);
    const put = fake.requests.find((r) => r.operation === 'globalCommands')!;
    expect(put.path).toBe(`/applications/${fake.applicationId}/commands`);
    expect(put.authorization).toBe(`Bot ${TEST_TOKEN}`);
    expect(put.errors).toEqual([]);
  });

  it('registers to one guild without global-only fields when DISCORD_GUILD_ID is set', async () => {
    const { code } = await run('discord/deployCommands.js', [], {
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_GUILD_ID: fake.guildId,
      DISCORD_API_URL: fake.apiUrl,
    });
    expect(code).toBe(0);
    const put = fake.requests.find((r) => r.operation === 'guildCommands')!;
    expect(put.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
    expect((put.body as { contexts?: unknown }[])[0]?.contexts).toBeUndefined();
    expect(put.errors).toEqual([]);
  });

  it('names the missing variable and the fix', async () => {
    const { code, stderr } = await run('discord/deployCommands.js', [], { DISCORD_TOKEN: TEST_TOKEN });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: DISCORD_CLIENT_ID is missing: copy the Application ID .*npm run ask/);
  });
});

describe('npm start configuration errors', () => {
  it.each([
    [{}, /^error: DISCORD_TOKEN is missing: .*\.env.*npm run ask/],
    [{ DISCORD_TOKEN: `"${TEST_TOKEN}"` }, /^error: DISCORD_TOKEN is wrapped in quotes/],
    [{ DISCORD_TOKEN: ` ${TEST_TOKEN}\n` }, /^error: DISCORD_TOKEN has spaces or a line break around it/],
    [
      { DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: 'discord.com' },
      /^error: DISCORD_API_URL must be an http\(s\) URL/,
    ],
    [{ DISCORD_TOKEN: TEST_TOKEN, COOLDOWN_SECONDS: 'soon' }, /^error: COOLDOWN_SECONDS /],
  ])('%o → one clear line, exit code 1', async (env, message) => {
    const { code, stderr } = await run('discord/start.js', [], env as Record<string, string>);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expectNoToken(stderr);
  });
});
