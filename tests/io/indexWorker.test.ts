import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { IndexWorker as IndexWorkerClass } from '../../src/io/indexWorker.js';
import { readSnapshot } from '../../src/search/indexSnapshot.js';
import { ROOT } from '../helpers.js';

// The compiled worker (as the bot runs it): its thread is a compiled file of its own.
const { IndexWorker } = (await import(pathToFileURL(join(ROOT, 'dist/io/indexWorker.js')).href)) as {
  IndexWorker: typeof IndexWorkerClass;
};

const content = (text: string) => ({
  chapters: [{ file: 'a.md', text: `# Alpha Guide\n\nIntro.\n\n## Acme Foo\n\nFoo does ${text}.\n` }],
  glossaries: [],
  asked: [],
});
const texts = (snapshot: Uint8Array): string[] =>
  [...readSnapshot(snapshot).chunks.values()].map((c) => c.text);

const worker = new IndexWorker();
afterAll(() => worker.close());

describe('IndexWorker', () => {
  it('answers each request with its own content when a save and a build are in flight at once', async () => {
    const saved = worker.snapshot(content('the first thing'));
    const built = worker.build(content('the second thing'));
    const [snapshot, build] = await Promise.all([saved, built]);
    expect(texts(snapshot!)).toContainEqual(expect.stringContaining('the first thing'));
    expect(texts(build.snapshot)).toContainEqual(expect.stringContaining('the second thing'));
  });

  it('builds only the latest content when saves queue up behind one being built', async () => {
    const first = worker.snapshot(content('one'));
    const replaced = worker.snapshot(content('two'));
    const latest = worker.snapshot(content('three'));
    expect(texts((await first)!)).toContainEqual(expect.stringContaining('one'));
    expect(await replaced).toBeNull();
    expect(texts((await latest)!)).toContainEqual(expect.stringContaining('three'));
  });
});
