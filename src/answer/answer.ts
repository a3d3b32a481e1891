import type { Chunk } from '../content/chapter.js';
import type { KnowledgeIndex } from '../search/buildIndex.js';
import { defaultRankingOptions, type RankingOptions } from '../search/rankingOptions.js';
import { searchChunks, type Hit } from '../search/searchChunks.js';
import { capQuestion } from './questionLength.js';
import { judgeVerdict, type Verdict } from '../search/verdict.js';

/** A topic to offer when the question is not covered: a chunk id and its heading trail. */
export interface Suggestion {
  id: string;
  label: string;
}

export type { Verdict };

/** The reply to a question: ranked hits, or an honest "not covered" with suggestions. */
export type Answer =
  | { kind: 'hits'; verdict: 'answered' | 'closest'; query: string; hits: Hit[] }
  | {
      kind: 'noMatch';
      verdict: 'notCovered';
      query: string;
      reason: 'empty' | 'notCovered';
      suggestions: Suggestion[];
    };

/** Options of `answer`: every ranking and verdict setting (`RankingOptions`), and how much to show. */
export interface AnswerOptions extends RankingOptions {
  /** Most hits to return. */
  limit: number;
  /** Most suggestions offered with "not covered". */
  suggestionLimit: number;
}

/**
 * Defaults of `answer`: `defaultRankingOptions` and five hits or suggestions.
 * @public Every `defaultX` is exported so callers can read what they override (STYLE.md).
 */
export const defaultAnswerOptions: AnswerOptions = {
  ...defaultRankingOptions,
  limit: 5,
  suggestionLimit: 5,
};

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
  const query = capQuestion(question.trim());
  if (query === '') {
    return {
      kind: 'noMatch',
      verdict: 'notCovered',
      query,
      reason: 'empty',
      suggestions: suggest(index, [], settings.suggestionLimit),
    };
  }
  const result = searchChunks(index, query, settings);
  const best = result.hits[0];
  const verdict = judgeVerdict(result, settings);
  if (best === undefined || verdict === 'notCovered') {
    return {
      kind: 'noMatch',
      verdict: 'notCovered',
      query,
      reason: 'notCovered',
      suggestions: suggest(index, result.hits, settings.suggestionLimit),
    };
  }
  const hits = result.hits
    .filter((hit) => hit.score >= best.score * settings.minRelativeScore)
    .slice(0, Math.max(1, settings.limit));
  return { kind: 'hits', verdict, query, hits };
}

/**
 * Answer with exactly one chunk, as when a student picks an autocomplete suggestion or a "did you mean".
 *
 * @returns The answer, or null when no chunk has that id (content changed since it was offered).
 */
export function answerChunk(index: KnowledgeIndex, id: string): Answer | null {
  const chunk = index.chunks.get(id);
  if (chunk === undefined) return null;
  return {
    kind: 'hits',
    verdict: 'answered',
    query: chunkLabel(chunk),
    hits: [{ chunk, score: 1, coverage: 1 }],
  };
}

/** The heading trail of a chunk without its chapter: "Service heading › Feature title". */
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
