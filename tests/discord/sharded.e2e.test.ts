import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_DIR } from '../helpers.js';
import { TEST_TOKEN } from './botProcess.js';
import { startProgram, type ProgramProcess } from './programProcess.js';
import { expectNoToken } from './expectNoToken.js';
import { FakeDiscord } from './fakeDiscord.js';

let fake: FakeDiscord;
let manager: ProgramProcess;
let shardPids: number[] = [];

/** `npm run start:sharded` against the fake Discord, with `shards` shard processes. */
function startSharded(shards: 'auto' | number): ProgramProcess {
  return startProgram('discord/startSharded.js', {
    cwd: tmpdir(),
    env: {
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      CONTENT_DIR,
      DATABASE_PATH: ':memory:',
      BOT_SHARDS: String(shards),
    },
  });
}

/** Wait until every shard has logged in, and note their process ids. */
async function shardsReady(count: number): Promise<number[]> {
  await manager.waitFor(new RegExp(`("event":"ready"[^]*){${count}}`), 30_000);
  shardPids = [...manager.output().matchAll(/"event":"shard launched".*"pid":(\d+)/g)].map((m) =>
    Number(m[1]),
  );
  expect(shardPids).toHaveLength(count);
  return shardPids;
}

/** Whether a process still runs code (an exited orphan may linger as a zombie until PID 1 reaps it). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Resolves when no process holds the manager's stdout any longer: the manager and every shard exited. */
const outputClosed = (process: ProgramProcess, timeoutMs: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('a process still holds the output open')), timeoutMs);
    process.child.stdout!.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });

beforeEach(async () => {
  fake = await FakeDiscord.start();
});

afterEach(async () => {
  // A shard this test failed to stop must not go on answering in the background.
  for (const pid of shardPids.filter(isRunning)) process.kill(pid, 'SIGKILL');
  shardPids = [];
  await manager.stop();
  await fake.close();
});

describe('npm run start:sharded', () => {
  it('runs the same bot under the ShardingManager, which asks Discord for the shard count', async () => {
    manager = startSharded('auto');
    await shardsReady(1);
    expect(manager.output()).toMatch(/"event":"shard launched","shard":0,"of":1/);
    const identify = fake.gatewayEvents.find((event) => event.op === 2) as { d: { shard: number[] } };
    expect(identify.d.shard).toEqual([0, 1]);
    const answer = await fake.interact(
      fake.slash('ask', [{ type: 3, name: 'question', value: 'vpc isolation' }]),
    );
    expect((answer.body as { data: { embeds: { title: string }[] } }).data.embeds[0]!.title).toBe(
      'Isolation',
    );
    expectNoToken(manager.output());
  });

  it.each([
    ['SIGTERM', 2],
    ['SIGINT', 1],
  ] as const)(
    'stops every shard before it exits on %s (shards: %i)',
    async (signal, shards) => {
      manager = startSharded(shards);
      const pids = await shardsReady(shards);
      manager.child.kill(signal);
      expect(await manager.exited).toBe(0);
      expect(pids.filter(isRunning)).toEqual([]);
    },
    60_000,
  );

  it('shards exit on their own when the manager is killed, without looping on the closed channel', async () => {
    manager = startSharded(2);
    const pids = await shardsReady(2);
    const closed = outputClosed(manager, 20_000);
    manager.child.kill('SIGKILL');
    await closed;
    expect(pids.filter(isRunning)).toEqual([]);
    expect(manager.output()).not.toMatch(/Channel closed/);
  }, 60_000);
});
