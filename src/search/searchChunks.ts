import type { Chunk } from '../content/chapter.js';
import type { KnowledgeIndex } from './buildIndex.js';
import { FIELD_BOOSTS } from './buildIndex.js';
import type { Service } from './services.js';

/** A chunk that matches a question, with its relevance score (higher is better). */
export interface Hit {
  chunk: Chunk;
  score: number;
}

/** What a search found, and how much of the question the chapters know about. */
export interface SearchResult {
  /** The question's terms after filler removal, stemming and phrase contraction. */
  terms: string[];
  /** Matching chunks, best first. */
  hits: Hit[];
  /**
   * Share of the question's terms the chapters use (0–1): 1 per term indexed as is, `FUZZY_CREDIT` per term
   * matched only through a typo or a prefix, 0 per term found nowhere.
   */
  coverage: number;
  /** Services the question names. */
  services: Service[];
}

/** Options of `searchChunks`. */
export interface SearchOptions {
  /** Score multiplier for chunks of a service the question names. */
  serviceBoost: number;
  /** Extra multiplier for a named service's overview when the question names nothing else. */
  overviewBoost: number;
}

/** Defaults of `searchChunks`, chosen by measurement on the development questions. */
export const defaultSearchOptions: SearchOptions = {
  serviceBoost: 3,
  overviewBoost: 3,
};

/** Credit towards coverage of a term that matched only fuzzily or by prefix. */
const FUZZY_CREDIT = 0.75;

/**
 * Rank chunks for a question.
 *
 * @param index The knowledge index.
 * @param question The student's question as typed.
 * @param options Merged over `defaultSearchOptions`.
 */
export function searchChunks(
  index: KnowledgeIndex,
  question: string,
  options: Partial<SearchOptions> = {},
): SearchResult {
  const { serviceBoost, overviewBoost } = { ...defaultSearchOptions, ...options };
  const terms = index.tokenizer.queryTerms(question);
  if (terms.length === 0) return { terms, hits: [], coverage: 0, services: [] };

  const results = index.miniSearch.search(terms.join(' '), {
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term,
    boost: FIELD_BOOSTS,
    fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
    maxFuzzy: 2,
    prefix: (term) => term.length >= 4,
  });

  const named = index.services.filter((service) => terms.some((term) => service.intentTerms.has(term)));
  const namedIds = new Set(named.flatMap((service) => service.chunkIds));
  // "tell me about Direct Connect": nothing but the service's name asks for the service itself.
  const topicTerms = terms.filter(
    (term) => !named.some((service) => service.intentTerms.has(term) || service.nameStems.has(term)),
  );
  const overviewIds = new Set(
    topicTerms.length === 0 ? named.map((service) => service.overviewId).filter((id) => id !== null) : [],
  );

  const matched = new Set<string>();
  const hits: Hit[] = [];
  for (const result of results) {
    for (const term of result.queryTerms) matched.add(term);
    const chunk = index.chunks.get(String(result.id));
    if (chunk === undefined) continue;
    let score = result.score;
    if (namedIds.has(chunk.id)) score *= serviceBoost;
    if (overviewIds.has(chunk.id)) score *= overviewBoost;
    hits.push({ chunk, score });
  }
  hits.sort((a, b) => b.score - a.score || index.order.get(a.chunk.id)! - index.order.get(b.chunk.id)!);

  const credit: number[] = terms.map((term) =>
    index.vocabulary.has(term) ? 1 : matched.has(term) ? FUZZY_CREDIT : 0,
  );
  const coverage = credit.reduce((sum, value) => sum + value, 0) / terms.length;
  return { terms, hits, coverage, services: named };
}
