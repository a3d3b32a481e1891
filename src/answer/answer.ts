import type { Chunk } from '../content/chapter.js';
import type { KnowledgeIndex } from '../search/buildIndex.js';
import { searchChunks, type Hit } from '../search/searchChunks.js';

/** A topic to offer when the question is not covered: a chunk id and its heading trail. */
export interface Suggestion {
  id: string;
  label: string;
}

/** The reply to a question: ranked hits, or an honest "not covered" with suggestions. */
export type Answer =
  | { kind: 'hits'; query: string; hits: Hit[] }
  | { kind: 'noMatch'; query: string; reason: 'empty' | 'notCovered'; suggestions: Suggestion[] };

/** Options of `answer`. */
export interface AnswerOptions {
  /** Most hits to return. */
  limit: number;
  /**
   * Least share of the question the best chunk must hold (see `SearchResult.coverage`), unless it holds
   * two informative terms of it (`SearchResult.isCorroborated`).
   */
  minCoverage: number;
  /** Hits scoring below this fraction of the best hit are dropped as noise. */
  minRelativeScore: number;
  /** Most suggestions offered with "not covered". */
  suggestionLimit: number;
}

/**
 * Defaults of `answer`, chosen by measurement on the development questions.
 * @public Every `defaultX` is exported so callers can read what they override (STYLE.md).
 */
export const defaultAnswerOptions: AnswerOptions = {
  limit: 5,
  minCoverage: 0.5,
  minRelativeScore: 0.02,
  suggestionLimit: 5,
};

/** Longest question searched; the rest of a pasted essay adds noise, not meaning. */
const QUESTION_SEARCH_MAX = 500;

/**
 * Answer a question from the index: the one seam every shell (CLI, bot, benchmark, tests) calls.
 *
 * @param index The knowledge index.
 * @param question The question as typed; any string is accepted.
 * @param options Merged over `defaultAnswerOptions`.
 */
export function answer(
  index: KnowledgeIndex,
  question: string,
  options: Partial<AnswerOptions> = {},
): Answer {
  const settings = { ...defaultAnswerOptions, ...options };
  const query = question.trim();
  if (query === '') {
    return {
      kind: 'noMatch',
      query,
      reason: 'empty',
      suggestions: suggest(index, [], settings.suggestionLimit),
    };
  }
  const result = searchChunks(index, query.slice(0, QUESTION_SEARCH_MAX));
  const best = result.hits[0];
  if (best === undefined || (result.coverage < settings.minCoverage && !result.isCorroborated)) {
    return {
      kind: 'noMatch',
      query,
      reason: 'notCovered',
      suggestions: suggest(index, result.hits, settings.suggestionLimit),
    };
  }
  const hits = result.hits
    .filter((hit) => hit.score >= best.score * settings.minRelativeScore)
    .slice(0, Math.max(1, settings.limit));
  return { kind: 'hits', query, hits };
}

/**
 * Answer with exactly one chunk, as when a student picks an autocomplete suggestion or a "did you mean".
 *
 * @returns The answer, or null when no chunk has that id (content changed since it was offered).
 */
export function answerChunk(index: KnowledgeIndex, id: string): Answer | null {
  const chunk = index.chunks.get(id);
  if (chunk === undefined) return null;
  return { kind: 'hits', query: chunkLabel(chunk), hits: [{ chunk, score: 1, coverage: 1 }] };
}

/** The heading trail of a chunk without its chapter: "AWS Direct Connect › Flexible Bandwidth Options". */
export function chunkLabel(chunk: Chunk): string {
  // An introduction is named by its chapter: its own heading often repeats the title ("Introduction X").
  if (chunk.kind === 'introduction') {
    return /^intro(duction)?\b/i.test(chunk.chapter) ? chunk.chapter : `Introduction to ${chunk.chapter}`;
  }
  const trail = chunk.headings.length > 1 ? chunk.headings.slice(1) : chunk.headings;
  return trail.join(' › ');
}

/** Near misses first (chunks that matched part of the question), then each service's overview. */
function suggest(index: KnowledgeIndex, nearMisses: readonly Hit[], limit: number): Suggestion[] {
  const ids = new Set(nearMisses.slice(0, 2).map((hit) => hit.chunk.id));
  // Services taken in turn from each chapter, so a course of many chapters shows its range.
  const byChapter = new Map<string, string[]>();
  for (const service of index.services) {
    const list = byChapter.get(service.chapter) ?? [];
    list.push(service.overviewId ?? service.chunkIds[0]!);
    byChapter.set(service.chapter, list);
  }
  const lists = [...byChapter.values()];
  for (let round = 0; ids.size < limit && lists.some((list) => round < list.length); round++) {
    for (const list of lists) if (round < list.length && ids.size < limit) ids.add(list[round]!);
  }
  for (const id of index.chunks.keys()) {
    if (ids.size >= limit) break;
    ids.add(id);
  }
  return [...ids].slice(0, limit).map((id) => ({ id, label: chunkLabel(index.chunks.get(id)!) }));
}
