import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { CONTENT_DIR, ROOT } from '../helpers.js';
import { TEST_TOKEN } from './botProcess.js';
import { expectNoToken } from './expectNoToken.js';
import { FakeDiscord } from './fakeDiscord.js';

describe('npm run start:sharded', () => {
  it('runs the same bot under the ShardingManager, which asks Discord for the shard count', async () => {
    const fake = await FakeDiscord.start();
    const child = spawn(process.execPath, [join(ROOT, 'dist/discord/startSharded.js')], {
      cwd: tmpdir(),
      env: {
        PATH: process.env.PATH,
        DISCORD_TOKEN: TEST_TOKEN,
        DISCORD_API_URL: fake.apiUrl,
        CONTENT_DIR,
        DATABASE_PATH: ':memory:',
        BOT_SHARDS: 'auto',
      },
    });
    let output = '';
    let onOutput = (): void => {};
    const collect = (data: Buffer): void => {
      output += data.toString();
      onOutput();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ready line:\n${output}`)), 15_000);
        onOutput = () => {
          if (!/"event":"ready"/.test(output)) return;
          clearTimeout(timer);
          resolve();
        };
      });
      expect(output).toMatch(/"event":"shard launched","shard":0,"of":1/);
      const identify = fake.gatewayEvents.find((event) => event.op === 2) as { d: { shard: number[] } };
      expect(identify.d.shard).toEqual([0, 1]);
      const answer = await fake.interact(
        fake.slash('ask', [{ type: 3, name: 'question', value: 'vpc isolation' }]),
      );
      expect((answer.body as { data: { embeds: { title: string }[] } }).data.embeds[0]!.title).toBe(
        'Isolation',
      );
      expectNoToken(output);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await fake.close();
    }
  });
});
