import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ContentFile } from '../src/content/chapter.js';
import type { KnowledgeIndex } from '../src/search/buildIndex.js';
import { indexContent } from '../src/search/indexContent.js';

/** The project's root folder. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
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
