import { runProgram, withoutModulePrefix } from '../runProgram.js';
import { loadConfig } from '../config.js';
import { ContentLibrary } from '../io/contentLibrary.js';
import { QuestionStore } from '../store/questionStore.js';
import { startBot, type Bot } from './startBot.js';
import { createLogger } from './logger.js';

/** How long shutdown may take before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 5000;

runProgram(async () => {
  const started = performance.now();
  const config = loadConfig(process.env, 'start');
  const logger = createLogger(config.logLevel, undefined, [config.token]);
  // What shutdown must close; filled in as the bot starts, so a signal during start-up stops it too.
  const running: { library?: ContentLibrary; store?: QuestionStore | null; bot?: Bot } = {};
  let isStopping = false;
  const shutdown = (reason: string): void => {
    if (isStopping) return;
    isStopping = true;
    logger.info('shutting down', { signal: reason });
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
    running.library?.close();
    void (running.bot?.stop() ?? Promise.resolve()).then(() => {
      running.store?.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  // A shard of `start:sharded` talks to its manager over IPC; when that channel closes the manager is
  // gone (killed, crashed), and a shard left running would answer beside the next manager's shards.
  if (process.send !== undefined) process.once('disconnect', () => shutdown('disconnect'));
  process.on('unhandledRejection', (error) => logger.error('unhandled rejection', { error }));
  process.on('uncaughtException', (error) => {
    // discord.js reports gateway events to the manager; with the manager gone that throws on every event.
    if ((error as NodeJS.ErrnoException).code === 'ERR_IPC_CHANNEL_CLOSED') shutdown('disconnect');
    else logger.error('uncaught exception', { error });
  });

  const library = await ContentLibrary.load(config.contentDir, {
    reloaded: (info) => logger.info('content reloaded', info),
    failed: (info) =>
      logger.error('content error; still answering from the last good version', {
        ...info,
        message: withoutModulePrefix(info.message),
      }),
    skipped: (info) => logger.warn('content skipped', { ...info }),
    watching: (status) =>
      (status.state === 'watching' ? logger.info : logger.warn)('content watch', { ...status }),
  });
  running.library = library;
  const index = library.current();
  logger.info('index ready', {
    chapters: index.chapters.length,
    chunks: index.chunks.size,
    ms: Math.round(performance.now() - started),
  });
  await library.watch();
  running.store = openStore(config.databasePath, config.retentionDays, logger);
  running.bot = await startBot({ config, index: () => library.current(), logger, store: running.store });
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
