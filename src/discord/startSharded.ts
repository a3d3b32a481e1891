import { REST, Routes, ShardingManager } from 'discord.js';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { runProgram } from '../runProgram.js';
import { loadConfig } from '../config.js';
import { createLogger, type Logger } from './logger.js';
import { reachDiscord } from './reachDiscord.js';

/** How long shards get to log out and close storage (each allows itself 5 s) before they are killed. */
const SHUTDOWN_GRACE_MS = 8000;

/** Runs the same bot (`start.js`) in one process per shard; required past 2,500 guilds. */
runProgram(async () => {
  const config = loadConfig(process.env, 'start');
  const logger = createLogger(config.logLevel, undefined, [config.token]);
  let totalShards = config.shards;
  if (totalShards === 'auto') {
    // Ask through DISCORD_API_URL (discord.js's own lookup would always go to discord.com).
    const rest = new REST({ api: config.apiUrl }).setToken(config.token!);
    const gateway = (await reachDiscord(() => rest.get(Routes.gatewayBot()), config.apiUrl, logger)) as {
      shards: number;
    };
    totalShards = gateway.shards;
  }
  const manager = new ShardingManager(fileURLToPath(new URL('./start.js', import.meta.url)), {
    token: config.token!,
    totalShards,
  });
  manager.on('shardCreate', (shard) =>
    shard.on('spawn', () =>
      logger.info('shard launched', { shard: shard.id, of: totalShards, pid: shard.process?.pid }),
    ),
  );
  let isStopping = false;
  const shutdown = (signal: string): void => {
    if (isStopping) return;
    isStopping = true;
    void stopShards(manager, logger, signal).then((code) => process.exit(code));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  try {
    await manager.spawn();
  } catch (error) {
    // Shards stopped by a signal before they were all ready are not a failure to report.
    if (!isStopping) throw error;
  }
});

/**
 * Stop every shard with SIGTERM (each logs out and closes its storage) and wait for them to exit; one
 * still running after the grace period is killed. The manager exits only then, so no shard outlives it.
 *
 * @returns The exit code: 0, or 1 when a shard had to be killed.
 */
async function stopShards(manager: ShardingManager, logger: Logger, signal: string): Promise<number> {
  logger.info('shutting down', { signal, shards: manager.shards.size });
  const children = [...manager.shards.values()].flatMap((shard) => {
    const child = shard.process;
    if (child === null || child.exitCode !== null || child.signalCode !== null) return [];
    const exited = once(child, 'exit');
    // Without respawning: kill() also detaches discord.js's own exit handler.
    shard.kill();
    return [{ child, exited }];
  });
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<'late'>(
    (resolve) => (timer = setTimeout(() => resolve('late'), SHUTDOWN_GRACE_MS)),
  );
  const outcome = await Promise.race([Promise.all(children.map((c) => c.exited)), grace]);
  clearTimeout(timer);
  if (outcome !== 'late') return 0;
  const late = children.filter(({ child }) => child.exitCode === null && child.signalCode === null);
  logger.error('shards did not stop in time; killed', { pids: late.map(({ child }) => child.pid) });
  for (const { child } of late) child.kill('SIGKILL');
  await Promise.all(late.map(({ exited }) => exited));
  return 1;
}
