import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listContent, type SkippedPath } from '../../src/io/listContent.js';
import { loadKnowledge } from '../../src/io/loadKnowledge.js';
import { contentFile } from '../helpers.js';

/** A content folder holding the shipped chapter, plus whatever `arrange` adds (links, mostly). */
function contentFolder(arrange: (dir: string) => void): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'links-')), 'content');
  mkdirSync(join(dir, 'part'), { recursive: true });
  writeFileSync(join(dir, 'networking-service.md'), contentFile('networking-service.md').text);
  arrange(dir);
  return dir;
}

const files = async (dir: string): Promise<string[]> =>
  (await listContent(dir)).entries.map((entry) => entry.file);
const skipped = async (dir: string): Promise<SkippedPath[]> => (await listContent(dir)).skipped;

describe('listContent', () => {
  it('lists a folder that links to itself once, and names the link', async () => {
    const dir = contentFolder((d) => symlinkSync('.', join(d, 'self')));
    expect(await files(dir)).toEqual(['networking-service.md']);
    expect(await skipped(dir)).toEqual([
      { file: 'self', reason: 'link to the content folder: a loop; not followed' },
    ]);
  });

  it('ends on a link back to a folder above it', async () => {
    const dir = contentFolder((d) => symlinkSync('..', join(d, 'part', 'up')));
    expect(await files(dir)).toEqual(['networking-service.md']);
    expect(await skipped(dir)).toEqual([
      { file: 'part/up', reason: 'link to the content folder: a loop; not followed' },
    ]);
  });

  it('never follows a link to a folder that holds the content folder', async () => {
    const dir = contentFolder((d) => symlinkSync(join(d, '..'), join(d, 'part', 'top')));
    writeFileSync(join(dir, '..', 'README.md'), '# Not a chapter of this course\n');
    expect(await files(dir)).toEqual(['networking-service.md']);
    expect((await skipped(dir)).map((s) => s.file)).toEqual(['part/top']);
  });

  it('ends on two links that point at each other', async () => {
    const dir = contentFolder((d) => {
      symlinkSync('b.md', join(d, 'a.md'));
      symlinkSync('a.md', join(d, 'b.md'));
    });
    expect(await files(dir)).toEqual(['networking-service.md']);
    expect((await skipped(dir)).map((s) => s.file)).toEqual(['a.md', 'b.md']);
  });

  it('follows a link to a folder outside once, and skips a second link to it', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'shared-'));
    writeFileSync(join(outside, 'storage.md'), '## Storage\n\n+ **Buckets:** Hold objects.\n');
    const dir = contentFolder((d) => {
      symlinkSync(outside, join(d, 'shared'));
      symlinkSync(outside, join(d, 'part', 'again'));
    });
    expect(await files(dir)).toEqual(['networking-service.md', 'shared/storage.md']);
    expect(await skipped(dir)).toEqual([
      { file: 'part/again', reason: 'link to shared, already listed; not followed' },
    ]);
  });

  it('reads a chapter linked under a second name once', async () => {
    const dir = contentFolder((d) => symlinkSync('../networking-service.md', join(d, 'part', 'copy.md')));
    expect(await files(dir)).toEqual(['networking-service.md']);
    expect((await skipped(dir)).map((s) => s.file)).toEqual(['part/copy.md']);
  });

  it('names a broken link', async () => {
    const dir = contentFolder((d) => symlinkSync('missing.md', join(d, 'gone.md')));
    expect(await skipped(dir)).toEqual([{ file: 'gone.md', reason: 'broken link (ENOENT); skipped' }]);
  });

  it('gives the folders to watch, each once, the content folder first', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'shared-'));
    const dir = contentFolder((d) => {
      symlinkSync(outside, join(d, 'shared'));
      symlinkSync('.', join(d, 'self'));
    });
    const { folders } = await listContent(dir);
    expect(folders).toHaveLength(3);
    expect(folders[0]).toMatch(/content$/);
    expect(folders).toContain(join(folders[0]!, 'part'));
  });
});

describe('loadKnowledge', () => {
  it('loads a chapter once from a folder with link loops, and reports each loop', async () => {
    const dir = contentFolder((d) => {
      symlinkSync('.', join(d, 'self'));
      symlinkSync('..', join(d, 'part', 'up'));
    });
    const reported: string[] = [];
    const index = await loadKnowledge(dir, { onSkipped: (s) => reported.push(s.file) });
    expect(index.chapters.map((chapter) => chapter.file)).toEqual(['networking-service.md']);
    expect(reported).toEqual(['part/up', 'self']);
  });
});
