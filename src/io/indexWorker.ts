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
  /** Requests posted to the thread and not answered yet, oldest first. */
  readonly #waiting: {
    resolve: (built: { snapshot: Uint8Array; parsed: number }) => void;
    reject: (error: Error) => void;
  }[] = [];
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
      // The thread answers requests in the order they were posted: each reply settles the oldest waiting.
      this.#waiting.push({ resolve, reject });
      worker.postMessage(request);
    });
  }

  /** Stop the thread (a later `build` starts another). */
  close(): void {
    const worker = this.#worker;
    this.#worker = null;
    this.#queued?.resolve(null);
    this.#queued = null;
    this.#rejectWaiting('indexWorker: the index thread was closed');
    void worker?.terminate();
  }

  #rejectWaiting(message: string): void {
    for (const waiting of this.#waiting.splice(0)) waiting.reject(new Error(message));
  }

  #start(): Worker {
    if (this.#worker !== null) return this.#worker;
    const worker = new Worker(new URL('./indexWorkerThread.js', import.meta.url));
    // An idle thread never keeps the program running.
    worker.unref();
    worker.on('error', () => {});
    worker.on('message', (reply: IndexReply) => {
      if (this.#worker !== worker) return;
      const waiting = this.#waiting.shift();
      if (waiting === undefined) return;
      if (reply.kind === 'built') {
        waiting.resolve({ snapshot: reply.snapshot, parsed: reply.parsed });
      } else if (reply.file === null) {
        waiting.reject(new Error(reply.message));
      } else {
        const error = new ContentError('', reply.file, reply.line);
        error.message = reply.message;
        waiting.reject(error);
      }
    });
    worker.on('exit', (code) => {
      // A thread closed on purpose has already let its requests go.
      if (this.#worker !== worker) return;
      this.#worker = null;
      this.#rejectWaiting(`indexWorker: the index thread stopped (exit code ${code})`);
    });
    this.#worker = worker;
    return worker;
  }
}
