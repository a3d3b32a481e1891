import type { KnowledgeIndex } from '../search/buildIndex.js';
import { indexContent } from '../search/indexContent.js';
import type { SkippedPath } from './listContent.js';
import { readContent } from './readContent.js';

/** Options of `loadKnowledge`. */
export interface LoadOptions {
  /** Told of each path that was not read: a link loop, a folder or file linked twice. */
  onSkipped(skipped: SkippedPath): void;
}

const defaultLoadOptions: LoadOptions = { onSkipped: () => {} };

/** Read a content folder and build its knowledge index. */
export async function loadKnowledge(
  dir: string,
  options: Partial<LoadOptions> = {},
): Promise<KnowledgeIndex> {
  const { onSkipped } = { ...defaultLoadOptions, ...options };
  const files = await readContent(dir);
  for (const skipped of files.skipped) onSkipped(skipped);
  return indexContent(files);
}
