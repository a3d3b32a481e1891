import { config as loadDotenv } from 'dotenv';
import { runCli } from '../cli/runCli.js';
import { loadConfig } from '../config.js';
import { ContentLibrary } from '../io/contentLibrary.js';
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
    const library = await ContentLibrary.load(config.contentDir);
    const index = library.current();
    logger.info('index ready', {
      chapters: index.chapters.length,
      chunks: index.chunks.size,
      ms: Math.round(performance.now() - started),
    });
    library.watch({
      reloaded: (info) => logger.info('content reloaded', info),
      failed: (info) => logger.error('content error; still answering from the last good version', info),
    });
    process.on('unhandledRejection', (error) => logger.error('unhandled rejection', { error }));
    process.on('uncaughtException', (error) => logger.error('uncaught exception', { error }));
    const bot = await startBot({ config, index: () => library.current(), logger });
    const shutdown = (signal: string): void => {
      logger.info('shutting down', { signal });
      setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
      library.close();
      void bot.stop().then(() => process.exit(0));
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  },
  () => [token],
);
