import { ContentError } from '../content/contentError.js';
import type { KnowledgeIndex } from '../search/buildIndex.js';
import { fingerprintFolder, FolderWatcher, type WatchOptions, type WatchStatus } from './folderWatcher.js';
import type { SkippedPath } from './listContent.js';
import { loadKnowledge, type CacheEvent } from './loadKnowledge.js';
import { IndexWorker } from './indexWorker.js';
import { ParsedChapters } from './parsedChapters.js';

/** What the library reports as it watches and reloads. */
export interface LibraryEvents {
  /**
   * A new index is in place; `parsed` chapters were parsed again (the others were unchanged); `rebuilt`
   * says why the index was built whole, null when only the changed chapters were re-indexed in place.
   */
  reloaded(info: {
    chapters: number;
    chunks: number;
    ms: number;
    parsed: number;
    rebuilt: string | null;
  }): void;
  failed(info: { message: string; file: string | null; line: number | null }): void;
  /** A path that was not read (a link loop, a folder linked twice), told at every reload. */
  skipped?(info: SkippedPath): void;
  /** Watching started, failed (and fell back to polling) or was re-established. */
  watching?(status: WatchStatus): void;
  /** The saved index was loaded, or not (and why), or a new one was saved (see `loadKnowledge`). */
  cache?(event: CacheEvent): void;
}

/** Options of `ContentLibrary.load`. */
export interface LibraryOptions {
  /** The saved index to start from and to save each new index to (`INDEX_CACHE`); null for none. */
  cache: string | null;
  /**
   * Reload on a worker thread (`IndexWorker`), so answers never wait for a build; needs the compiled
   * program (`dist/`), as the bot runs.
   */
  isBuiltInWorker: boolean;
}

const defaultLibraryOptions: LibraryOptions = { cache: null, isBuiltInWorker: false };

/** Reported while nothing watches: the load's own `skipped` only. */
const quiet: LibraryEvents = { reloaded: () => {}, failed: () => {} };

/**
 * The chapters a bot answers from, reloaded when the content folder changes. A reload parses only the
 * chapters whose text changed and re-indexes only them, in place, between two questions (`updateIndex`;
 * the whole index is built again when something library-wide changed), then swaps the new index in, so
 * every question sees one version: ask `current()` for each question, and answer it without waiting in
 * between (an index held across a reload shares the updated tables). A broken chapter leaves the last
 * good index in place.
 */
export class ContentLibrary {
  readonly dir: string;
  readonly #cache: string | null;
  readonly #parsed: ParsedChapters;
  readonly #worker: IndexWorker | null;
  #events: LibraryEvents = quiet;
  /** The folder's state when the current index was read, to catch a change made before watching began. */
  readonly #loadedFingerprint: string;
  #index: KnowledgeIndex;
  #watcher: FolderWatcher | null = null;
  #reloading: Promise<void> | null = null;
  #isDirty = false;

  private constructor(
    dir: string,
    index: KnowledgeIndex,
    fingerprint: string,
    cache: string | null,
    parsed: ParsedChapters,
    worker: IndexWorker | null,
  ) {
    this.dir = dir;
    this.#cache = cache;
    this.#parsed = parsed;
    this.#worker = worker;
    this.#index = index;
    this.#loadedFingerprint = fingerprint;
  }

  /**
   * Load a content folder.
   *
   * @param events `skipped` is told of each path not read (a link loop, a folder linked twice), `cache`
   *   whether the saved index was used.
   * @param options `cache`: the saved index (none by default).
   * @throws ContentError or ContentFolderError: a bot cannot start without chapters.
   */
  static async load(
    dir: string,
    events: Pick<LibraryEvents, 'skipped' | 'cache'> = {},
    options: Partial<LibraryOptions> = {},
  ): Promise<ContentLibrary> {
    const { cache, isBuiltInWorker } = { ...defaultLibraryOptions, ...options };
    const fingerprint = await fingerprintFolder(dir);
    const parsed = new ParsedChapters();
    const index = await loadKnowledge(dir, {
      onSkipped: (skipped) => events.skipped?.(skipped),
      cache,
      onCache: (event) => events.cache?.(event),
      parsed,
    });
    parsed.takeParsedCount();
    const worker = isBuiltInWorker ? new IndexWorker() : null;
    return new ContentLibrary(dir, index, fingerprint, cache, parsed, worker);
  }

  /** The current index: always complete, old or new, never half-built. */
  current(): KnowledgeIndex {
    return this.#index;
  }

  /** Rebuild from disk now; on failure keep the current index and report where the fault is. */
  async reload(): Promise<void> {
    const events = this.#events;
    if (this.#reloading !== null) {
      this.#isDirty = true;
      return this.#reloading;
    }
    this.#reloading = (async () => {
      do {
        this.#isDirty = false;
        const started = performance.now();
        let rebuilt: string | null = 'no index to update';
        try {
          const index = await loadKnowledge(this.dir, {
            onSkipped: (skipped) => events.skipped?.(skipped),
            cache: this.#cache,
            onCache: (event) => events.cache?.(event),
            parsed: this.#parsed,
            worker: this.#worker,
            previous: this.#index,
            onUpdate: (update) => (rebuilt = update.kind === 'inPlace' ? null : update.reason),
          });
          this.#index = index;
          // Chapters parsed for an update that could not be made are parsed again by the thread.
          const parsed = this.#parsed.takeParsedCount();
          const parsedByWorker = this.#worker?.takeParsedCount() ?? 0;
          events.reloaded({
            chapters: index.chapters.length,
            chunks: index.chunks.size,
            ms: Math.round(performance.now() - started),
            parsed: rebuilt === null || this.#worker === null ? parsed : parsedByWorker,
            rebuilt,
          });
        } catch (error) {
          this.#parsed.takeParsedCount();
          this.#worker?.takeParsedCount();
          const message = error instanceof Error ? error.message : String(error);
          const located = error instanceof ContentError;
          events.failed({ message, file: located ? error.file : null, line: located ? error.line : null });
        }
      } while (this.#isDirty);
    })();
    try {
      await this.#reloading;
    } finally {
      this.#reloading = null;
    }
  }

  /**
   * Watch the folder and reload after every change (see `FolderWatcher`).
   *
   * @param events Where reloads, and how the folder is watched, are reported from now on.
   * @returns Once watching has begun; a change made since `load` is reloaded too.
   */
  async watch(events: LibraryEvents, options: Partial<WatchOptions> = {}): Promise<void> {
    this.#events = events;
    this.#watcher = await FolderWatcher.start(
      this.dir,
      { changed: () => void this.reload(), status: (status) => events.watching?.(status) },
      options,
    );
    if ((await fingerprintFolder(this.dir)) !== this.#loadedFingerprint) void this.reload();
  }

  /** Stop watching. */
  close(): void {
    this.#watcher?.close();
    this.#worker?.close();
  }
}
