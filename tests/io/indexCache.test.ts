import { cpSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { toAnswerJson } from '../../src/answer/answerJson.js';
import { parseEvalQuestions } from '../../src/eval/scoreQuestions.js';
import { loadKnowledge, type CacheEvent } from '../../src/io/loadKnowledge.js';
import type { KnowledgeIndex } from '../../src/search/buildIndex.js';
import { CONTENT_DIR, ROOT, shippedIndex } from '../helpers.js';

const questions = readdirSync(`${ROOT}tests/fixtures/eval`)
  .filter((file) => file.endsWith('.jsonl'))
  .flatMap((file) =>
    parseEvalQuestions(readFileSync(`${ROOT}tests/fixtures/eval/${file}`, 'utf8'), file).map((q) => q.q),
  );

const FEATURE = '\n+ **Zephyr Relay:** A zephyr relay forwards zephyr traffic.\n';

/** A copy of the shipped content, and a cache file beside it (not yet written). */
function contentCopy(): { dir: string; cache: string } {
  const root = mkdtempSync(join(tmpdir(), 'cache-'));
  cpSync(CONTENT_DIR, join(root, 'content'), { recursive: true });
  return { dir: join(root, 'content'), cache: join(root, 'data', 'index.bin') };
}

/** Load with the cache; resolves once the outcome is known and any new index is saved. */
async function load(dir: string, cache: string): Promise<{ index: KnowledgeIndex; events: CacheEvent[] }> {
  const events: CacheEvent[] = [];
  let saved: () => void = () => {};
  const settled = new Promise<void>((resolve) => (saved = resolve));
  const index = await loadKnowledge(dir, {
    cache,
    onCache: (event) => {
      events.push(event);
      if (event.kind !== 'built') saved();
    },
  });
  if (events.some((event) => event.kind === 'built')) await settled;
  return { index, events };
}

const answers = (index: KnowledgeIndex): unknown[] =>
  questions.map((question) => toAnswerJson(answer(index, question, { limit: 50 })));

describe('loadKnowledge with a saved index', () => {
  it('builds and saves when there is none, then starts from it and answers every eval question the same', async () => {
    const { dir, cache } = contentCopy();
    const first = await load(dir, cache);
    expect(first.events).toEqual([
      { kind: 'built', path: cache, miss: { reason: 'missing' } },
      { kind: 'saved', path: cache },
    ]);
    const second = await load(dir, cache);
    expect(second.events).toEqual([{ kind: 'loaded', path: cache }]);
    expect(answers(second.index)).toEqual(answers(shippedIndex()));
  });

  it('leaves no temporary file beside the saved index', async () => {
    const { dir, cache } = contentCopy();
    await load(dir, cache);
    expect(readdirSync(join(cache, '..'))).toEqual(['index.bin']);
  });

  it('does not serve an index saved for other content: an edited chapter is rebuilt', async () => {
    const { dir, cache } = contentCopy();
    const before = (await load(dir, cache)).index.chunks.size;
    writeFileSync(join(dir, 'networking-service.md'), FEATURE, { flag: 'a' });
    const after = await load(dir, cache);
    expect(after.events[0]).toEqual({ kind: 'built', path: cache, miss: { reason: 'stale' } });
    expect(after.index.chunks.size).toBe(before + 1);
  });

  it('does not serve an index saved for another glossary', async () => {
    const { dir, cache } = contentCopy();
    await load(dir, cache);
    writeFileSync(join(dir, 'glossary.yml'), '\n# edited\n', { flag: 'a' });
    expect((await load(dir, cache)).events[0]).toMatchObject({ kind: 'built', miss: { reason: 'stale' } });
  });

  it('ignores a truncated cache file, says so, and builds', async () => {
    const { dir, cache } = contentCopy();
    await load(dir, cache);
    truncateSync(cache, Math.floor(readFileSync(cache).length / 2));
    const again = await load(dir, cache);
    expect(again.events[0]).toMatchObject({ kind: 'built', miss: { reason: 'corrupt' } });
    expect(answers(again.index)).toEqual(answers(shippedIndex()));
  });

  it('ignores a cache file with a damaged byte', async () => {
    const { dir, cache } = contentCopy();
    await load(dir, cache);
    const bytes = readFileSync(cache);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    writeFileSync(cache, bytes);
    expect((await load(dir, cache)).events[0]).toMatchObject({
      kind: 'built',
      miss: { reason: 'corrupt', detail: 'truncated or damaged (checksum differs)' },
    });
  });

  it('ignores a file that is not a saved index at all', async () => {
    const { dir, cache } = contentCopy();
    await load(dir, cache);
    writeFileSync(cache, 'hello\n');
    expect((await load(dir, cache)).events[0]).toMatchObject({ kind: 'built', miss: { reason: 'corrupt' } });
  });
});
