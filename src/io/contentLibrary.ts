import { ContentError } from '../content/contentError.js';
import type { KnowledgeIndex } from '../search/buildIndex.js';
import { fingerprintFolder, FolderWatcher, type WatchOptions, type WatchStatus } from './folderWatcher.js';
import type { SkippedPath } from './listContent.js';
import { loadKnowledge } from './loadKnowledge.js';

/** What the library reports as it loads, watches and reloads. */
export interface LibraryEvents {
  reloaded(info: { chapters: number; chunks: number; ms: number }): void;
  failed(info: { message: string; file: string | null; line: number | null }): void;
  /** A path that was not read (a link loop, a folder linked twice), told at every load. */
  skipped(info: SkippedPath): void;
  /** Watching started, failed (and fell back to polling) or was re-established. */
  watching(status: WatchStatus): void;
}

/**
 * The chapters a bot answers from, reloaded when the content folder changes. A reload builds a complete
 * new index and swaps it in whole, so every question sees one version; a broken chapter leaves the last
 * good index in place.
 */
export class ContentLibrary {
  readonly dir: string;
  readonly #events: LibraryEvents;
  /** The folder's state when the current index was read, to catch a change made before watching began. */
  readonly #loadedFingerprint: string;
  #index: KnowledgeIndex;
  #watcher: FolderWatcher | null = null;
  #reloading: Promise<void> | null = null;
  #isDirty = false;

  private constructor(dir: string, index: KnowledgeIndex, events: LibraryEvents, fingerprint: string) {
    this.dir = dir;
    this.#index = index;
    this.#events = events;
    this.#loadedFingerprint = fingerprint;
  }

  /**
   * Load a content folder.
   *
   * @param events Where this load and every later reload are reported.
   * @throws ContentError or ContentFolderError: a bot cannot start without chapters.
   */
  static async load(dir: string, events: LibraryEvents): Promise<ContentLibrary> {
    const fingerprint = await fingerprintFolder(dir);
    const index = await loadKnowledge(dir, { onSkipped: events.skipped });
    return new ContentLibrary(dir, index, events, fingerprint);
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
        try {
          const index = await loadKnowledge(this.dir, { onSkipped: events.skipped });
          this.#index = index;
          events.reloaded({
            chapters: index.chapters.length,
            chunks: index.chunks.size,
            ms: Math.round(performance.now() - started),
          });
        } catch (error) {
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
   * @returns Once watching has begun; a change made since `load` is reloaded too.
   */
  async watch(options: Partial<WatchOptions> = {}): Promise<void> {
    this.#watcher = await FolderWatcher.start(
      this.dir,
      { changed: () => void this.reload(), status: this.#events.watching },
      options,
    );
    if ((await fingerprintFolder(this.dir)) !== this.#loadedFingerprint) void this.reload();
  }

  /** Stop watching. */
  close(): void {
    this.#watcher?.close();
  }
}
