import { watch, type FSWatcher } from 'node:fs';
import { ContentError } from '../content/contentError.js';
import type { KnowledgeIndex } from '../search/buildIndex.js';
import type { SkippedPath } from './listContent.js';
import { loadKnowledge } from './loadKnowledge.js';

/** What the library reports as it loads and reloads. */
export interface LibraryEvents {
  reloaded(info: { chapters: number; chunks: number; ms: number }): void;
  failed(info: { message: string; file: string | null; line: number | null }): void;
  /** A path that was not read (a link loop, a folder linked twice), told at every load. */
  skipped(info: SkippedPath): void;
}

/** How long the folder must be quiet before a reload: editors write files in several steps. */
const RELOAD_DEBOUNCE_MS = 300;

/**
 * The chapters a bot answers from, reloaded when the content folder changes. A reload builds a complete
 * new index and swaps it in whole, so every question sees one version; a broken chapter leaves the last
 * good index in place.
 */
export class ContentLibrary {
  readonly dir: string;
  readonly #events: LibraryEvents;
  #index: KnowledgeIndex;
  #watcher: FSWatcher | null = null;
  #timer: NodeJS.Timeout | null = null;
  #reloading: Promise<void> | null = null;
  #isDirty = false;

  private constructor(dir: string, index: KnowledgeIndex, events: LibraryEvents) {
    this.dir = dir;
    this.#index = index;
    this.#events = events;
  }

  /**
   * Load a content folder.
   *
   * @param events Where this load and every later reload are reported.
   * @throws ContentError or ContentFolderError: a bot cannot start without chapters.
   */
  static async load(dir: string, events: LibraryEvents): Promise<ContentLibrary> {
    return new ContentLibrary(dir, await loadKnowledge(dir, { onSkipped: events.skipped }), events);
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

  /** Watch the folder (recursively) and reload after changes settle. */
  watch(): void {
    const events = this.#events;
    this.#watcher = watch(this.dir, { recursive: true }, () => {
      if (this.#timer !== null) clearTimeout(this.#timer);
      this.#timer = setTimeout(() => {
        this.#timer = null;
        void this.reload();
      }, RELOAD_DEBOUNCE_MS);
    });
    this.#watcher.on('error', (error) => events.failed({ message: String(error), file: null, line: null }));
  }

  /** Stop watching. */
  close(): void {
    this.#watcher?.close();
    if (this.#timer !== null) clearTimeout(this.#timer);
  }
}
