import type { KnowledgeIndex } from '../search/buildIndex.js';

/** Where browsing can go from a chunk; null where there is nothing further that way. */
export interface ReadingStep {
  /** The chunk before it in reading order, across services and chapters. */
  previous: string | null;
  /** The chunk after it in reading order, across services and chapters. */
  next: string | null;
  /** A feature's service overview (or, without one, the chapter introduction); an overview's chapter introduction. */
  up: string | null;
}

/**
 * The chunks around one chunk, for ◀ Previous · Up · Next ▶ buttons. Reading order is the chapters' own:
 * introduction, then each service's overview and features, then the next chapter (chapters by weight).
 *
 * @param index The knowledge index.
 * @param chunkId The chunk being read.
 * @returns null for an id the index does not hold (content changed since the button was made).
 */
export function readingStep(index: KnowledgeIndex, chunkId: string): ReadingStep | null {
  const chunk = index.chunks.get(chunkId);
  if (chunk === undefined) return null;
  const position = index.ids.indexOf(chunkId);
  const chapter = index.chapters.find((candidate) => candidate.chunks.includes(chunk));
  const introduction = chapter?.chunks.find((candidate) => candidate.kind === 'introduction')?.id ?? null;
  const overview = index.serviceOf.get(chunkId)?.overviewId ?? null;
  let up: string | null = null;
  if (chunk.kind === 'feature') up = overview ?? introduction;
  else if (chunk.kind === 'overview') up = introduction;
  return {
    previous: index.ids[position - 1] ?? null,
    next: index.ids[position + 1] ?? null,
    up,
  };
}
