import { statSync, watch, type FSWatcher, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { listContent } from './listContent.js';

/** How the folder is watched now, for the log. */
export interface WatchStatus {
  /**
   * `watching`: change events; `waiting`: the folder is gone and its parent is watched for its return;
   * `polling`: change events cannot be had, so the folder is compared with its last state every `pollMs`.
   */
  state: 'watching' | 'waiting' | 'polling';
  /** What happened: `started`, `the content folder was replaced`, `cannot watch … (ENOSPC)`, … */
  reason: string;
  /** Folders watched (the content folder and those under it); 0 while waiting or polling. */
  folders: number;
}

/** What a `FolderWatcher` reports. */
export interface FolderWatchEvents {
  /** Something under the folder changed, and it has been quiet for `quietMs` since. */
  changed(): void;
  /** Watching started, stopped working or was re-established. */
  status(status: WatchStatus): void;
}

/** Options of `FolderWatcher`. */
export interface WatchOptions {
  /** How long the folder must be quiet before `changed`: editors write a file in several steps. */
  quietMs: number;
  /** How often the folder is compared with its last state when change events cannot be had. */
  pollMs: number;
  /** Starts watching one folder, not recursively: `fs.watch` (tests pass one that fails). */
  watchFolder: (path: string, listener: (event: string, name: string | null) => void) => FSWatcher;
}

const defaultWatchOptions: WatchOptions = {
  quietMs: 300,
  pollMs: 2000,
  watchFolder: (path, listener) => watch(path, { persistent: false }, listener),
};

/**
 * Watches a content folder for any change, however it is made: each folder under it is watched on its
 * own (Node's recursive watching on Linux misses files renamed over a chapter, as editors and `sed -i`
 * save), the folder's parent is watched for the folder itself being removed, replaced or moved back, and
 * after every change the set of watched folders is built anew. When watching fails (no inotify watches
 * left, an unsupported file system) it falls back to polling, and says so.
 */
export class FolderWatcher {
  readonly #dir: string;
  readonly #events: FolderWatchEvents;
  readonly #options: WatchOptions;
  #watchers: FSWatcher[] = [];
  #quietTimer: NodeJS.Timeout | null = null;
  #pollTimer: NodeJS.Timeout | null = null;
  #isClosed = false;
  #settling: Promise<void> | null = null;
  #isDirty = false;
  /** The folder's identity when last armed; null while it is missing. */
  #folderId: string | null = null;
  #state: WatchStatus['state'] | null = null;
  #fingerprint = '';

  private constructor(dir: string, events: FolderWatchEvents, options: WatchOptions) {
    this.#dir = resolve(dir);
    this.#events = events;
    this.#options = options;
  }

  /**
   * Start watching a folder.
   *
   * @returns Once watching (or polling) has started: a change made after this is reported.
   */
  static async start(
    dir: string,
    events: FolderWatchEvents,
    options: Partial<WatchOptions> = {},
  ): Promise<FolderWatcher> {
    const watcher = new FolderWatcher(dir, events, { ...defaultWatchOptions, ...options });
    await watcher.#arm();
    return watcher;
  }

  /** Stop watching and polling. */
  close(): void {
    this.#isClosed = true;
    for (const watcher of this.#watchers) watcher.close();
    this.#watchers = [];
    if (this.#quietTimer !== null) clearTimeout(this.#quietTimer);
    if (this.#pollTimer !== null) clearInterval(this.#pollTimer);
  }

  /** A change event: wait until the folder has been quiet, then re-arm and report. */
  #onEvent = (): void => {
    if (this.#isClosed) return;
    if (this.#quietTimer !== null) clearTimeout(this.#quietTimer);
    this.#quietTimer = setTimeout(() => {
      this.#quietTimer = null;
      void this.#settle();
    }, this.#options.quietMs);
  };

  /** Re-arm (folders may have come or gone), then report the change; one at a time. */
  async #settle(): Promise<void> {
    if (this.#settling !== null) {
      this.#isDirty = true;
      return;
    }
    this.#settling = (async () => {
      do {
        this.#isDirty = false;
        await this.#arm();
        if (!this.#isClosed) this.#events.changed();
      } while (this.#isDirty && !this.#isClosed);
    })();
    try {
      await this.#settling;
    } finally {
      this.#settling = null;
    }
  }

  /** Watch the folder's parent and every folder under it anew; poll when that fails. */
  async #arm(): Promise<void> {
    const folderId = await identityOf(this.#dir);
    const folders =
      folderId === null
        ? []
        : await listContent(this.#dir).then(
            (listing) => listing.folders,
            () => [this.#dir],
          );
    const name = basename(this.#dir);
    const watchers: FSWatcher[] = [];
    try {
      watchers.push(
        this.#options.watchFolder(dirname(this.#dir), (_, file) => {
          if (file === null || file === name) this.#onEvent();
        }),
      );
      for (const folder of folders) {
        watchers.push(
          this.#options.watchFolder(folder, (_, file) => {
            // Dot files are never content: editors' swap and temp files would reload for nothing.
            if (file === null || !file.startsWith('.')) this.#onEvent();
          }),
        );
      }
    } catch (error) {
      for (const watcher of watchers) watcher.close();
      await this.#poll(`cannot watch the content folder (${(error as NodeJS.ErrnoException).code ?? error})`);
      return;
    }
    if (this.#isClosed) {
      for (const watcher of watchers) watcher.close();
      return;
    }
    // A watcher that fails later (its folder removed, on some systems) asks for the set to be rebuilt.
    for (const watcher of watchers) watcher.on('error', this.#onEvent);
    const previous = this.#watchers;
    this.#watchers = watchers;
    for (const watcher of previous) watcher.close();
    if (this.#pollTimer !== null) clearInterval(this.#pollTimer);
    this.#pollTimer = null;

    const was = this.#state;
    if (folderId === null) {
      if (was !== 'waiting') this.#report('waiting', 'the content folder is missing', 0);
    } else if (was !== 'watching') {
      const reason =
        was === null
          ? 'started'
          : was === 'waiting'
            ? 'the content folder is back'
            : 'change events work again';
      this.#report('watching', reason, folders.length);
    } else if (folderId !== this.#folderId) {
      this.#report('watching', 'the content folder was replaced', folders.length);
    }
    this.#folderId = folderId;
  }

  /** Compare the folder with its last state every `pollMs` instead, and try to watch again each time. */
  async #poll(reason: string): Promise<void> {
    if (this.#state !== 'polling') this.#report('polling', reason, 0);
    if (this.#pollTimer !== null) return;
    this.#fingerprint = await fingerprintFolder(this.#dir);
    this.#pollTimer = setInterval(() => {
      void fingerprintFolder(this.#dir).then(async (fingerprint) => {
        if (this.#isClosed) return;
        if (fingerprint !== this.#fingerprint) {
          this.#fingerprint = fingerprint;
          this.#events.changed();
        }
        await this.#arm();
      });
    }, this.#options.pollMs);
    this.#pollTimer.unref();
  }

  #report(state: WatchStatus['state'], reason: string, folders: number): void {
    this.#state = state;
    this.#events.status({ state, reason, folders });
  }
}

/** Inode and birth time: a folder made again may get the inode of the one removed. */
async function identityOf(path: string): Promise<string | null> {
  try {
    const { ino, birthtimeMs } = await stat(path);
    return `${ino}:${birthtimeMs}`;
  } catch {
    return null;
  }
}

/**
 * Every content file's path, identity, size and time, as one string: any edit, rename or removal changes
 * it.
 */
export async function fingerprintFolder(dir: string): Promise<string> {
  try {
    const { entries } = await listContent(dir);
    // Stated here, not through the thread pool: its round trip costs more than the stat (see `readContent`).
    const stats = entries.map(({ file, path }) => {
      const s = statOrNull(path);
      return s === null ? `${file}:gone` : `${file}:${s.ino}:${s.size}:${s.mtimeMs}`;
    });
    return stats.join('\n');
  } catch (error) {
    return `unreadable: ${(error as Error).message}`;
  }
}

/** A path's stat, or null when it cannot be stated (gone since it was listed). */
function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
