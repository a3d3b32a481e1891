import type { KnowledgeIndex } from '../search/buildIndex.js';
import { indexContent } from '../search/indexContent.js';
import { readContent } from './readContent.js';

/** Read a content folder and build its knowledge index. */
export async function loadKnowledge(dir: string): Promise<KnowledgeIndex> {
  return indexContent(await readContent(dir));
}
