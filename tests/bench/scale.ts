// One corpus size, measured in a fresh process (run with --expose-gc) so heap figures are its own: our
// parse, build, queries and heap; one edited chapter reloaded; a start from the saved index; then lunr and
// MiniSearch with their defaults on the same chunks and questions.
// Usage (compiled by `npm run bench`): node --expose-gc dist/bench/tests/bench/scale.js CHUNKS
import { appendFile, copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Chunk } from '../../src/content/chapter.js';
import { parseGlossary } from '../../src/content/parseGlossary.js';
import { contentKey, writeIndexCache } from '../../src/io/indexCache.js';
import { loadKnowledge } from '../../src/io/loadKnowledge.js';
import { ParsedChapters } from '../../src/io/parsedChapters.js';
import { readContent } from '../../src/io/readContent.js';
import { buildIndex, type KnowledgeIndex } from '../../src/search/buildIndex.js';
import { searchChunks } from '../../src/search/searchChunks.js';
import { TEST_TOKEN } from '../discord/botProcess.js';
import { startProgram } from '../discord/programProcess.js';
import { CONTENT_DIR, contentFile, shippedIndex } from '../helpers.js';
import { lunrEngine, miniSearchEngine, type Engine } from './baselines.js';
import { round, summarize, timeEach, type PeerResult } from './stats.js';
import { writeSyntheticCorpus } from './syntheticCorpus.js';
import { devQuestions } from './questions.js';

const target = Number(process.argv[2]);
const root = await mkdtemp(join(tmpdir(), `bench-${target}-`));
const dir = join(root, 'content');
const heapMb = (): number => {
  globalThis.gc?.();
  return round(process.memoryUsage().heapUsed / 2 ** 20, 1);
};
try {
  await writeSyntheticCorpus(dir, [...shippedIndex().chunks.values()], target);
  // The glossary beside the chapters, so a reload and a cached start read the content a bot would.
  await copyFile(join(CONTENT_DIR, 'glossary.yml'), join(dir, 'glossary.yml'));
  const files = await readContent(dir);
  const glossaryFile = contentFile('glossary.yml');
  const glossary = parseGlossary(glossaryFile.text, glossaryFile.file);
  const parsed = new ParsedChapters();

  let started = performance.now();
  const chapters = files.chapters.map((file) => parsed.parse(file));
  const parseMs = performance.now() - started;

  started = performance.now();
  let index: KnowledgeIndex | null = buildIndex(chapters, glossary);
  const buildMs = performance.now() - started;
  const heap = heapMb();

  const questions = devQuestions().map((question) => question.q);
  const rounds = target >= 50_000 ? 3 : 10;
  // Each engine answers the questions this many times before it is timed, so every one is timed warm (its
  // code compiled, its caches filled): where a round is cheap, more rounds, as the first few still pay that.
  const warmup = target >= 10_000 ? 1 : 10;
  const query = summarize(timeEach(questions, (q) => searchChunks(index!, q), rounds, warmup));
  const indexBytes = Buffer.byteLength(JSON.stringify(index.miniSearch));

  // One chapter edited (a feature added), reloaded as the bot does: only it is parsed again and
  // re-indexed in place (the bench fails if it was built whole instead).
  const edited = (await readdir(dir)).filter((file) => file.endsWith('.md')).sort()[0]!;
  await appendFile(join(dir, edited), '\n+ **Zephyr Relay:** A zephyr relay forwards zephyr traffic.\n');
  let rebuilt: string | null = null;
  started = performance.now();
  let reloaded: KnowledgeIndex | null = await loadKnowledge(dir, {
    parsed,
    previous: index,
    onUpdate: (update) => (rebuilt = update.kind === 'whole' ? update.reason : null),
  });
  const reloadMs = performance.now() - started;
  if (rebuilt !== null) throw new Error(`scale: the edited chapter was not updated in place (${rebuilt})`);
  index = null;

  // A start from the index saved for exactly these files.
  const cache = join(root, 'index-cache.bin');
  await writeIndexCache(cache, contentKey(await readContent(dir)), reloaded);
  reloaded = null;
  const cachedStartMs = await timeCachedStart(cache);

  // The peers, one at a time, on the same chunks and questions.
  const chunks: Chunk[] = chapters.flatMap((chapter) => chapter.chunks);
  const peer = (make: (chunks: readonly Chunk[]) => Engine): PeerResult => {
    heapMb();
    const begun = performance.now();
    let engine: Engine | null = make(chunks);
    const peerBuildMs = performance.now() - begun;
    const peerHeap = heapMb();
    // lunr answers a 50k question in about half a second: fewer rounds there.
    const peerRounds = target >= 50_000 ? 1 : target >= 10_000 ? 2 : 5;
    const peerQuery = summarize(timeEach(questions, engine, peerRounds, warmup));
    engine = null;
    return { build_ms: round(peerBuildMs, 1), query_ms: peerQuery, heap_mb: peerHeap };
  };
  const peers = { lunr: peer(lunrEngine), minisearch_default: peer(miniSearchEngine) };
  const botReadyMs = await timeBotReady();

  process.stdout.write(
    `${JSON.stringify({
      chunks: chapters.reduce((sum, chapter) => sum + chapter.chunks.length, 0),
      parse_ms: round(parseMs, 1),
      build_ms: round(buildMs, 1),
      query_ms: query,
      heap_mb: heap,
      index_bytes: indexBytes,
      reload_ms: round(reloadMs, 1),
      cached_start_ms: round(cachedStartMs, 1),
      bot_ready_ms: round(botReadyMs, 1),
      peers,
    })}\n`,
  );
} finally {
  await rm(root, { recursive: true, force: true });
}

/** Milliseconds to load the index saved in `cache` for the content folder; throws when it was not used. */
async function timeCachedStart(cache: string): Promise<number> {
  heapMb();
  let isLoaded = false;
  const begun = performance.now();
  await loadKnowledge(dir, { cache, onCache: (event) => (isLoaded ||= event.kind === 'loaded') });
  const ms = performance.now() - begun;
  if (!isLoaded) throw new Error('scale: the saved index was not used');
  return ms;
}

/**
 * Milliseconds from starting the bot (`npm start`) on this content to its index being ready, from the index
 * it saved on a first start; throws when it did not start from it.
 */
async function timeBotReady(): Promise<number> {
  const env = {
    DISCORD_TOKEN: TEST_TOKEN,
    // Nothing listens there: the bot loads its content, then fails to connect, after what is timed.
    DISCORD_API_URL: 'http://127.0.0.1:9/api',
    CONTENT_DIR: dir,
    INDEX_CACHE: join(root, 'bot-index-cache.bin'),
  };
  const first = startProgram('discord/start.js', { cwd: root, env });
  await first.waitFor(/index cache saved/, 600_000);
  await first.stop();
  const begun = performance.now();
  const bot = startProgram('discord/start.js', { cwd: root, env });
  await bot.waitFor(/"event":"index ready"/, 120_000);
  const ms = performance.now() - begun;
  await bot.stop();
  if (!bot.output().includes('index cache loaded')) {
    throw new Error('scale: the bot did not start from its saved index');
  }
  return ms;
}
