import { runProgram } from '../runProgram.js';
import { loadConfig } from '../config.js';
import { ContentLibrary } from '../io/contentLibrary.js';
import { QuestionStore } from '../store/questionStore.js';
import { startBot } from './startBot.js';
import { libraryEvents, logSkipped } from './libraryEvents.js';
import { createLogger } from './logger.js';
import { handleShutdown } from './shutdown.js';

runProgram(async () => {
  const started = performance.now();
  const config = loadConfig(process.env, 'start');
  const logger = createLogger(config.logLevel, undefined, [config.token]);
  const shutdown = handleShutdown(logger);
  const library = await ContentLibrary.load(config.contentDir, { skipped: logSkipped(logger) });
  shutdown.add(() => library.close());
  const index = library.current();
  logger.info('index ready', {
    chapters: index.chapters.length,
    chunks: index.chunks.size,
    ms: Math.round(performance.now() - started),
  });
  await library.watch(libraryEvents(logger));
  const store = openStore(config.databasePath, config.retentionDays, logger);
  shutdown.add(() => store?.close());
  const bot = await startBot({ config, index: () => library.current(), logger, store });
  shutdown.add(() => bot.stop());
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
