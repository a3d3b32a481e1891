import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContentFile } from '../src/content/chapter.js';
import type { KnowledgeIndex } from '../src/search/buildIndex.js';
import { indexContent } from '../src/search/indexContent.js';

/** The project's root folder (the nearest with a package.json, so compiled copies find it too). */
export const ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(dir: string): string {
  return existsSync(join(dir, 'package.json')) || dirname(dir) === dir ? `${dir}/` : findRoot(dirname(dir));
}
/** The shipped content folder. */
export const CONTENT_DIR = `${ROOT}content`;

/** A file of the shipped content folder, as the loader would read it. */
export function contentFile(file: string): ContentFile {
  return { file, text: readFileSync(`${CONTENT_DIR}/${file}`, 'utf8') };
}

/** A small fixture chapter from tests/fixtures/chapters. */
export function fixtureChapter(file: string): ContentFile {
  return { file, text: readFileSync(`${ROOT}tests/fixtures/chapters/${file}`, 'utf8') };
}

let shipped: KnowledgeIndex | undefined;

/** The index of the shipped chapter and glossary, built once per test file. */
export function shippedIndex(): KnowledgeIndex {
  shipped ??= indexContent({
    chapters: [contentFile('networking-service.md')],
    glossaries: [contentFile('glossary.yml')],
  });
  return shipped;
}
