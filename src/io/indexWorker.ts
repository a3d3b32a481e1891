import { Worker } from 'node:worker_threads';
import type { ContentFile } from '../content/chapter.js';
import { ContentError } from '../content/contentError.js';
import type { KnowledgeIndex } from '../search/buildIndex.js';
import { readSnapshot } from '../search/indexSnapshot.js';

/** What the thread is asked to index. */
export interface IndexRequest {
  chapters: ContentFile[];
  glossaries: ContentFile[];
  asked: ContentFile[];
}

/** What the thread answers: the index as a snapshot (`writeSnapshot`), or where the content is broken. */
export type IndexReply =
  | { kind: 'built'; snapshot: Uint8Array; parsed: number }
  | { kind: 'failed'; message: string; file: string | null; line: number | null };

/** An index built on the worker thread, its snapshot (for the saved index), and how many chapters it parsed. */
export interface WorkerBuild {
  index: KnowledgeIndex;
  snapshot: Uint8Array;
  parsed: number;
}

/**
 * Builds indexes on a worker thread (`indexWorkerThread.ts`, compiled), one at a time, so a large chapter
 * reloading never holds up answers: only reading the finished snapshot back runs on the caller's thread.
 * The thread keeps the chapters it parsed, so a reload parses again only those that changed.
 */
export class IndexWorker {
  #worker: Worker | null = null;
  #parsed = 0;
  /** The content to save next (`snapshot`), waiting for the thread; null for none. */
  #queued: {
    request: IndexRequest;
    resolve: (snapshot: Uint8Array | null) => void;
    reject: (error: Error) => void;
  } | null = null;
  #isSnapshotting = false;

  /** How many chapters were parsed since the last call (for `build`). */
  takeParsedCount(): number {
    const parsed = this.#parsed;
    this.#parsed = 0;
    return parsed;
  }

  /**
   * Index content on the thread.
   *
   * @throws ContentError naming the file and line of the first fault, as `indexContent` would.
   */
  async build(request: IndexRequest): Promise<WorkerBuild> {
    const { snapshot, parsed } = await this.#index(request);
    this.#parsed += parsed;
    return { index: readSnapshot(snapshot), snapshot, parsed };
  }

  /**
   * The snapshot of the content, built on the thread and never read back on the caller's: what an index
   * updated in place is saved as, without holding up answers while a large one is serialized. Content
   * handed in while one is being built replaces any still waiting, so a burst of edits is built once more.
   *
   * @returns null when later content replaced this before it was built.
   * @throws ContentError as `build` does.
   */
  snapshot(request: IndexRequest): Promise<Uint8Array | null> {
    this.#queued?.resolve(null);
    return new Promise((resolve, reject) => {
      this.#queued = { request, resolve, reject };
      if (!this.#isSnapshotting) void this.#snapshotQueued();
    });
  }

  async #snapshotQueued(): Promise<void> {
    this.#isSnapshotting = true;
    for (let next = this.#queued; next !== null; next = this.#queued) {
      this.#queued = null;
      try {
        next.resolve((await this.#index(next.request)).snapshot);
      } catch (error) {
        next.reject(error as Error);
      }
    }
    this.#isSnapshotting = false;
  }

  /** The snapshot of the content, built on the thread, and how many chapters the thread parsed for it. */
  #index(request: IndexRequest): Promise<{ snapshot: Uint8Array; parsed: number }> {
    const worker = this.#start();
    return new Promise((resolve, reject) => {
      const onExit = (code: number): void => {
        this.#worker = null;
        reject(new Error(`indexWorker: the index thread stopped (exit code ${code})`));
      };
      worker.once('exit', onExit);
      worker.once('message', (reply: IndexReply) => {
        worker.off('exit', onExit);
        if (reply.kind === 'built') {
          resolve({ snapshot: reply.snapshot, parsed: reply.parsed });
          return;
        }
        if (reply.file === null) {
          reject(new Error(reply.message));
          return;
        }
        const error = new ContentError('', reply.file, reply.line);
        error.message = reply.message;
        reject(error);
      });
      worker.postMessage(request);
    });
  }

  /** Stop the thread (a later `build` starts another). */
  close(): void {
    void this.#worker?.terminate();
    this.#worker = null;
  }

  #start(): Worker {
    if (this.#worker !== null) return this.#worker;
    const worker = new Worker(new URL('./indexWorkerThread.js', import.meta.url));
    // An idle thread never keeps the program running.
    worker.unref();
    worker.on('error', () => {});
    this.#worker = worker;
    return worker;
  }
}
