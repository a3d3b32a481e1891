import { REST, Routes, ShardingManager } from 'discord.js';
import { fileURLToPath } from 'node:url';
import { runProgram } from '../runProgram.js';
import { loadConfig } from '../config.js';
import { createLogger } from './logger.js';

/** Runs the same bot (`start.js`) in one process per shard; required past 2,500 guilds. */
runProgram(async () => {
  const config = loadConfig(process.env, 'start');
  const logger = createLogger(config.logLevel, undefined, [config.token]);
  let totalShards = config.shards;
  if (totalShards === 'auto') {
    // Ask through DISCORD_API_URL (discord.js's own lookup would always go to discord.com).
    const rest = new REST({ api: config.apiUrl }).setToken(config.token!);
    const gateway = (await rest.get(Routes.gatewayBot())) as { shards: number };
    totalShards = gateway.shards;
  }
  const manager = new ShardingManager(fileURLToPath(new URL('./start.js', import.meta.url)), {
    token: config.token!,
    totalShards,
  });
  manager.on('shardCreate', (shard) => logger.info('shard launched', { shard: shard.id, of: totalShards }));
  await manager.spawn();
});
