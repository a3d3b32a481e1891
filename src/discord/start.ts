import { config as loadDotenv } from 'dotenv';
import { runCli } from '../cli/runCli.js';
import { loadConfig } from '../config.js';
import { loadKnowledge } from '../io/loadKnowledge.js';
import { startBot } from './bot.js';
import { createLogger } from './logger.js';

/** How long shutdown may take before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 5000;

loadDotenv({ quiet: true });
const token = process.env.DISCORD_TOKEN ?? null;

runCli(
  async () => {
    const started = performance.now();
    const config = loadConfig(process.env, 'start');
    const logger = createLogger(config.logLevel, undefined, [config.token]);
    const index = await loadKnowledge(config.contentDir);
    logger.info('index ready', {
      chapters: index.chapters.length,
      chunks: index.chunks.size,
      ms: Math.round(performance.now() - started),
    });
    process.on('unhandledRejection', (error) => logger.error('unhandled rejection', { error }));
    process.on('uncaughtException', (error) => logger.error('uncaught exception', { error }));
    const bot = await startBot({ config, index: () => index, logger });
    const shutdown = (signal: string): void => {
      logger.info('shutting down', { signal });
      setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
      void bot.stop().then(() => process.exit(0));
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  },
  () => [token],
);
