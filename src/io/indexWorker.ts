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

  /** How many chapters were parsed since the last call. */
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
  build(request: IndexRequest): Promise<WorkerBuild> {
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
          this.#parsed += reply.parsed;
          try {
            resolve({ index: readSnapshot(reply.snapshot), snapshot: reply.snapshot, parsed: reply.parsed });
          } catch (error) {
            reject(error as Error);
          }
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
