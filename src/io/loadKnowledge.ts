import type { KnowledgeIndex } from '../search/buildIndex.js';
import { indexContent, reindexContent } from '../search/indexContent.js';
import { contentKey, readIndexCache, writeIndexCache, type CacheMiss } from './indexCache.js';
import type { SkippedPath } from './listContent.js';
import type { IndexRequest, IndexWorker } from './indexWorker.js';
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
  /**
   * The index of the content as last loaded, updated in place when only some chapters changed (see
   * `reindexContent`; needs `parsed`, which must hold its chapters); null to build whole.
   */
  previous: KnowledgeIndex | null;
  /** Told whether `previous` was updated in place, or why it was built whole. */
  onUpdate(update: IndexUpdateEvent): void;
}

/** How a load went from the previous index: updated in place, or built whole, and why. */
export type IndexUpdateEvent = { kind: 'inPlace' } | { kind: 'whole'; reason: string };

/**
 * Most characters of changed chapters updated in place on the caller's thread (about a thousand
 * chunks): more is built whole, on the worker thread when there is one, so answers never wait long.
 */
const IN_PLACE_MAX_CHARS = 256 * 1024;

const defaultLoadOptions: LoadOptions = {
  onSkipped: () => {},
  cache: null,
  onCache: () => {},
  parsed: null,
  worker: null,
  previous: null,
  onUpdate: () => {},
};

/**
 * Read a content folder and build its knowledge index, or load the index saved for exactly this content
 * and code (see `contentKey`). A newly built index is saved in the background.
 */
export async function loadKnowledge(
  dir: string,
  options: Partial<LoadOptions> = {},
): Promise<KnowledgeIndex> {
  const { onSkipped, cache, onCache, parsed, worker, previous, onUpdate } = {
    ...defaultLoadOptions,
    ...options,
  };
  const files = await readContent(dir);
  for (const skipped of files.skipped) onSkipped(skipped);
  if (previous !== null && parsed !== null) {
    const updated = updateHere(previous, files, parsed);
    if (!('reason' in updated)) {
      onUpdate({ kind: 'inPlace' });
      // Nothing changed (the same index back): the saved index still holds it.
      if (cache !== null && updated !== previous) {
        // With a thread, it builds what is saved: serializing a large index here would hold up answers.
        const saved = worker === null ? updated : worker.snapshot(request(files));
        saveCache(cache, contentKey(files), saved, onCache);
      }
      return updated;
    }
    onUpdate({ kind: 'whole', reason: updated.reason });
  }
  const build = async (): Promise<{ index: KnowledgeIndex; snapshot: Uint8Array | null }> => {
    if (worker === null) return { index: buildHere(files, parsed), snapshot: null };
    const built = await worker.build(request(files));
    // The thread parsed these chapters: the next update in place starts from them.
    if (parsed !== null) rememberChapters(parsed, files, built.index);
    return built;
  };
  if (cache === null) return (await build()).index;
  const key = contentKey(files);
  const saved = await readIndexCache(cache, key);
  if (!('reason' in saved)) {
    if (parsed !== null) rememberChapters(parsed, files, saved);
    onCache({ kind: 'loaded', path: cache });
    return saved;
  }
  const { index, snapshot } = await build();
  onCache({ kind: 'built', path: cache, miss: saved });
  saveCache(cache, key, snapshot ?? index, onCache);
  return index;
}

/**
 * Save the index in the background, telling how it went.
 *
 * @param index The index, its snapshot, or its snapshot to come (null: later content replaced it).
 */
function saveCache(
  cache: string,
  key: string,
  index: KnowledgeIndex | Uint8Array | Promise<Uint8Array | null>,
  onCache: (event: CacheEvent) => void,
): void {
  // An index is serialized now, before a later update changes it in place.
  const written =
    index instanceof Promise
      ? index.then(async (snapshot) => {
          if (snapshot === null) return false;
          await writeIndexCache(cache, key, snapshot);
          return true;
        })
      : writeIndexCache(cache, key, index).then(() => true);
  void written.then(
    (isSaved) => isSaved && onCache({ kind: 'saved', path: cache }),
    (error: Error) => onCache({ kind: 'saveFailed', path: cache, message: error.message }),
  );
}

/** What the index thread is asked to index. */
function request(files: ContentFiles): IndexRequest {
  return { chapters: files.chapters, glossaries: files.glossaries, asked: files.asked };
}

/** Take an index's chapters (read from a saved index or a thread's snapshot) as the parses of `files`. */
function rememberChapters(parsed: ParsedChapters, files: ContentFiles, index: KnowledgeIndex): void {
  const byFile = new Map(index.chapters.map((chapter) => [chapter.file, chapter]));
  for (const file of files.chapters) {
    const chapter = byFile.get(file.file);
    if (chapter !== undefined) parsed.remember(file, chapter);
  }
  parsed.keepOnly(files.chapters);
}

/** Update `previous` in place on this thread, unless the changed chapters are too large to (or it cannot be). */
function updateHere(
  previous: KnowledgeIndex,
  files: ContentFiles,
  parsed: ParsedChapters,
): KnowledgeIndex | { reason: string } {
  const changed = files.chapters.filter((file) => !parsed.isCurrent(file));
  if (changed.reduce((sum, file) => sum + file.text.length, 0) > IN_PLACE_MAX_CHARS) {
    return { reason: 'the changed chapters are too large to update in place' };
  }
  const updated = reindexContent(previous, files, (file) => parsed.parse(file));
  parsed.keepOnly(files.chapters);
  return updated;
}

/** Build on this thread, reusing the chapters `parsed` holds. */
function buildHere(files: ContentFiles, parsed: ParsedChapters | null): KnowledgeIndex {
  if (parsed === null) return indexContent(files);
  const index = indexContent(files, (file) => parsed.parse(file));
  parsed.keepOnly(files.chapters);
  return index;
}
