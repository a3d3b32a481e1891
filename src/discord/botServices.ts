import type { Config } from '../config.js';
import { ContentLibrary } from '../io/contentLibrary.js';
import { openStore } from '../store/openStore.js';
import type { Store } from '../store/store.js';
import { libraryEvents, logCache, logSkipped } from './libraryEvents.js';
import type { Logger } from './logger.js';

/** What both transports run on: the chapters (hot-reloaded) and the store. */
export interface BotServices {
  library: ContentLibrary;
  /** Null when storage could not be opened: the bot then answers without storing. */
  store: Store | null;
  close(): Promise<void>;
}

/**
 * Load the chapters (and watch them), open the store and purge old rows; log each step. A store that
 * cannot be opened is logged with the setting and the place, and the bot answers without it.
 */
export async function startServices(config: Config, logger: Logger): Promise<BotServices> {
  const started = performance.now();
  const library = await ContentLibrary.load(
    config.contentDir,
    { skipped: logSkipped(logger), cache: logCache(logger) },
    { cache: config.indexCache, isBuiltInWorker: true },
  );
  const index = library.current();
  logger.info('index ready', {
    chapters: index.chapters.length,
    chunks: index.chunks.size,
    ms: Math.round(performance.now() - started),
  });
  await library.watch(libraryEvents(logger));
  let store: Store | null = null;
  try {
    store = await openStore(config, 'create');
    const purged = await store.purge(config.retentionDays);
    logger.info('storage ready', { backend: store.backend, purged, retention_days: config.retentionDays });
  } catch (error) {
    await store?.close();
    store = null;
    logger.error('storage unavailable; answering without it', { error });
  }
  return {
    library,
    store,
    async close() {
      library.close();
      await store?.close();
    },
  };
}
