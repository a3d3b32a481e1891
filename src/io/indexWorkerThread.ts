// The thread an `IndexWorker` runs: chapters parsed (those unchanged since its last build reused) and the
// index built and serialized here, so the bot's event loop keeps answering while a large library reloads.
import { parentPort } from 'node:worker_threads';
import { ContentError } from '../content/contentError.js';
import { indexContent } from '../search/indexContent.js';
import { writeSnapshot } from '../search/indexSnapshot.js';
import type { IndexRequest, IndexReply } from './indexWorker.js';
import { ParsedChapters } from './parsedChapters.js';

const parsed = new ParsedChapters();

parentPort?.on('message', (request: IndexRequest) => {
  let reply: IndexReply;
  try {
    const index = indexContent(request, (file) => parsed.parse(file));
    parsed.keepOnly(request.chapters);
    const snapshot = writeSnapshot(index);
    reply = { kind: 'built', snapshot, parsed: parsed.takeParsedCount() };
    parentPort!.postMessage(reply, [snapshot.buffer as ArrayBuffer]);
    return;
  } catch (error) {
    parsed.takeParsedCount();
    const located = error instanceof ContentError;
    reply = {
      kind: 'failed',
      message: error instanceof Error ? error.message : String(error),
      file: located ? error.file : null,
      line: located ? error.line : null,
    };
  }
  parentPort!.postMessage(reply);
});
