import { readFileSync } from 'node:fs';
import type { KnowledgeIndex } from '../../src/search/buildIndex.js';
import { indexContent } from '../../src/search/indexContent.js';
import { ROOT } from '../helpers.js';

/** The index of small chapters from tests/study/fixtures, as the loader would build it. */
export function fixtureIndex(...files: string[]): KnowledgeIndex {
  return indexContent({
    chapters: files.map((file) => ({
      file,
      text: readFileSync(`${ROOT}tests/study/fixtures/${file}`, 'utf8'),
    })),
    glossaries: [],
  });
}
