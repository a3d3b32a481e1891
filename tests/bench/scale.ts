// One corpus size, measured in a fresh process (run with --expose-gc) so heap figures are its own.
// Usage (compiled by `npm run bench`): node --expose-gc dist/bench/tests/bench/scale.js CHUNKS
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chunkChapter } from '../../src/content/chunkChapter.js';
import { parseGlossary } from '../../src/content/parseGlossary.js';
import { readContent } from '../../src/io/readContent.js';
import { buildIndex } from '../../src/search/buildIndex.js';
import { searchChunks } from '../../src/search/searchChunks.js';
import { contentFile, shippedIndex } from '../helpers.js';
import { round, summarize, timeEach } from './stats.js';
import { writeSyntheticCorpus } from './syntheticCorpus.js';
import { devQuestions } from './questions.js';

const target = Number(process.argv[2]);
const dir = await mkdtemp(join(tmpdir(), `bench-${target}-`));
try {
  await writeSyntheticCorpus(join(dir, 'content'), [...shippedIndex().chunks.values()], target);
  const files = await readContent(join(dir, 'content'));
  const glossaryFile = contentFile('glossary.yml');
  const glossary = parseGlossary(glossaryFile.text, glossaryFile.file);

  let started = performance.now();
  const chapters = files.chapters.map(chunkChapter);
  const parseMs = performance.now() - started;

  started = performance.now();
  let index = buildIndex(chapters, glossary);
  const buildMs = performance.now() - started;
  globalThis.gc?.();
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;

  const questions = devQuestions().map((question) => question.q);
  const query = summarize(timeEach(questions, (q) => searchChunks(index, q), target >= 50_000 ? 3 : 10));
  const indexBytes = Buffer.byteLength(JSON.stringify(index.miniSearch));
  index = undefined as never;
  process.stdout.write(
    `${JSON.stringify({
      chunks: chapters.reduce((sum, chapter) => sum + chapter.chunks.length, 0),
      parse_ms: round(parseMs, 1),
      build_ms: round(buildMs, 1),
      query_ms: query,
      heap_mb: round(heapMb, 1),
      index_bytes: indexBytes,
    })}\n`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
