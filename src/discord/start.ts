import { runProgram } from '../runProgram.js';
import { loadConfig } from '../config.js';
import { ContentLibrary } from '../io/contentLibrary.js';
import { QuestionStore } from '../store/questionStore.js';
import { startBot } from './startBot.js';
import { createLogger } from './logger.js';

/** How long shutdown may take before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 5000;

runProgram(async () => {
  const started = performance.now();
  const config = loadConfig(process.env, 'start');
  const logger = createLogger(config.logLevel, undefined, [config.token]);
  const library = await ContentLibrary.load(config.contentDir, {
    reloaded: (info) => logger.info('content reloaded', info),
    failed: (info) => logger.error('content error; still answering from the last good version', info),
    skipped: (info) => logger.warn('content skipped', { ...info }),
    watching: (status) =>
      (status.state === 'watching' ? logger.info : logger.warn)('content watch', { ...status }),
  });
  const index = library.current();
  logger.info('index ready', {
    chapters: index.chapters.length,
    chunks: index.chunks.size,
    ms: Math.round(performance.now() - started),
  });
  await library.watch();
  const store = openStore(config.databasePath, config.retentionDays, logger);
  process.on('unhandledRejection', (error) => logger.error('unhandled rejection', { error }));
  process.on('uncaughtException', (error) => logger.error('uncaught exception', { error }));
  const bot = await startBot({ config, index: () => library.current(), logger, store });
  const shutdown = (signal: string): void => {
    logger.info('shutting down', { signal });
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
    library.close();
    void bot.stop().then(() => {
      store?.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
});

/** Open question storage and purge old rows; a failure is logged and the bot answers without it. */
function openStore(
  path: string,
  retentionDays: number,
  logger: ReturnType<typeof createLogger>,
): QuestionStore | null {
  try {
    const store = new QuestionStore(path);
    logger.info('storage ready', { purged: store.purge(retentionDays), retention_days: retentionDays });
    return store;
  } catch (error) {
    logger.error('storage unavailable; answering without it', { error });
    return null;
  }
}
