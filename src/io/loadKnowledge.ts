import type { KnowledgeIndex } from '../search/buildIndex.js';
import { indexContent } from '../search/indexContent.js';
import { contentKey, readIndexCache, writeIndexCache, type CacheMiss } from './indexCache.js';
import type { SkippedPath } from './listContent.js';
import type { IndexWorker } from './indexWorker.js';
import type { ParsedChapters } from './parsedChapters.js';
import type { ContentFiles } from './readContent.js';
import { readContent } from './readContent.js';

/** How an index was had: loaded from the saved index, or built (and why the saved one was not used). */
export type CacheEvent =
  | { kind: 'loaded'; path: string }
  | { kind: 'built'; path: string; miss: CacheMiss }
  | { kind: 'saved'; path: string }
  | { kind: 'saveFailed'; path: string; message: string };

/** Options of `loadKnowledge`. */
export interface LoadOptions {
  /** Told of each path that was not read: a link loop, a folder or file linked twice. */
  onSkipped(skipped: SkippedPath): void;
  /** The saved index to start from and to save to (`INDEX_CACHE`); null for none. */
  cache: string | null;
  /** Told whether the saved index was used, and when a new one is saved. */
  onCache(event: CacheEvent): void;
  /** Chapters parsed by an earlier load, reused where their text is unchanged; null to parse all. */
  parsed: ParsedChapters | null;
  /** Build on this worker thread instead of the caller's (then `parsed` is the thread's own); null for none. */
  worker: IndexWorker | null;
}

const defaultLoadOptions: LoadOptions = {
  onSkipped: () => {},
  cache: null,
  onCache: () => {},
  parsed: null,
  worker: null,
};

/**
 * Read a content folder and build its knowledge index, or load the index saved for exactly this content
 * and code (see `contentKey`). A newly built index is saved in the background.
 */
export async function loadKnowledge(
  dir: string,
  options: Partial<LoadOptions> = {},
): Promise<KnowledgeIndex> {
  const { onSkipped, cache, onCache, parsed, worker } = { ...defaultLoadOptions, ...options };
  const files = await readContent(dir);
  for (const skipped of files.skipped) onSkipped(skipped);
  const build = async (): Promise<{ index: KnowledgeIndex; snapshot: Uint8Array | null }> => {
    if (worker !== null)
      return worker.build({ chapters: files.chapters, glossaries: files.glossaries, asked: files.asked });
    return { index: buildHere(files, parsed), snapshot: null };
  };
  if (cache === null) return (await build()).index;
  const key = contentKey(files);
  const saved = await readIndexCache(cache, key);
  if (!('reason' in saved)) {
    const byFile = new Map(saved.chapters.map((chapter) => [chapter.file, chapter]));
    for (const file of files.chapters) {
      const chapter = byFile.get(file.file);
      if (chapter !== undefined) parsed?.remember(file, chapter);
    }
    parsed?.keepOnly(files.chapters);
    onCache({ kind: 'loaded', path: cache });
    return saved;
  }
  const { index, snapshot } = await build();
  onCache({ kind: 'built', path: cache, miss: saved });
  void writeIndexCache(cache, key, snapshot ?? index).then(
    () => onCache({ kind: 'saved', path: cache }),
    (error: Error) => onCache({ kind: 'saveFailed', path: cache, message: error.message }),
  );
  return index;
}

/** Build on this thread, reusing the chapters `parsed` holds. */
function buildHere(files: ContentFiles, parsed: ParsedChapters | null): KnowledgeIndex {
  if (parsed === null) return indexContent(files);
  const index = indexContent(files, (file) => parsed.parse(file));
  parsed.keepOnly(files.chapters);
  return index;
}
