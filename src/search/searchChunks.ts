import type { Chunk } from '../content/chapter.js';
import type { KnowledgeIndex } from './buildIndex.js';
import { queryIndex } from './queryIndex.js';
import { rarity } from './rarity.js';
import type { Service } from './services.js';
import { TopHits } from './topHits.js';

/** A chunk that matches a question, with its relevance score (higher is better). */
export interface Hit {
  chunk: Chunk;
  score: number;
  /**
   * Share of the question's terms this chunk holds (0–1): 1 per term it holds as asked, `FUZZY_CREDIT` per
   * term it holds only after a typo was forgiven or as a prefix.
   */
  coverage: number;
}

/** What a search found. */
export interface SearchResult {
  /** The question's terms after filler removal, spelling correction, stemming and phrase contraction. */
  terms: string[];
  /** Matching chunks, best first. */
  hits: Hit[];
  /** The best hit's coverage: how much of the question the answer speaks to. */
  coverage: number;
  /**
   * The best hit holds at least two informative question terms as asked ("CloudFront" and "security"):
   * evidence the question is on topic even when it is wrapped in words the chapters never use.
   */
  isCorroborated: boolean;
  /** Services the question names. */
  services: Service[];
}

/** Options of `searchChunks`. */
export interface SearchOptions {
  /** Score multiplier for chunks of a service the question names. */
  serviceBoost: number;
  /** Extra multiplier for a named service's overview when the question names nothing else. */
  overviewBoost: number;
  /** Multiplier per pair of consecutive question terms found side by side in a chunk. */
  phraseBoost: number;
  /** Scores are multiplied by coverage to this power: how strongly answering all of a question counts. */
  coverageExponent: number;
}

/**
 * Defaults of `searchChunks`, chosen by measurement on the development questions.
 * @public Every `defaultX` is exported so callers can read what they override (STYLE.md).
 */
export const defaultSearchOptions: SearchOptions = {
  serviceBoost: 3,
  overviewBoost: 3,
  phraseBoost: 1.5,
  coverageExponent: 3,
};

/** Credit towards coverage of a term matched only through a forgiven typo or as a prefix. */
const FUZZY_CREDIT = 0.75;
/** Most distinct terms searched; a pasted essay adds noise, not meaning. */
const QUERY_TERMS_MAX = 24;
/** How many top hits the phrase bonus re-ranks; below them order barely matters. */
const PHRASE_RERANK_DEPTH = 20;
/** Questions that ask what something is. */
const DEFINITION_QUESTION =
  /^\W*(what\s+(is|are)|what'?s|define|definition\s+of|meaning\s+of|explain|describe|tell\s+me\s+about)\b/i;

/** How many hits survive ranking; answers show at most a handful. */
const TOP_HITS_KEPT = 50;

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
  const { serviceBoost, overviewBoost, phraseBoost, coverageExponent } = {
    ...defaultSearchOptions,
    ...options,
  };
  const { terms: sequence, corrected } = index.tokenizer.queryTerms(question);
  const terms = [...new Set(sequence)].slice(0, QUERY_TERMS_MAX);
  if (terms.length === 0) return { terms, hits: [], coverage: 0, isCorroborated: false, services: [] };

  const named = [...new Set(terms.flatMap((term) => index.servicesByIntent.get(term) ?? []))];
  // A question that names a service and nothing else ("what about Route 53?") asks for the service itself.
  const topicTerms = terms.filter(
    (term) => !named.some((service) => service.intentTerms.has(term) || service.nameStems.has(term)),
  );
  const overviewIds = new Set(
    topicTerms.length === 0 ? named.map((service) => service.overviewId).filter((id) => id !== null) : [],
  );
  // "what is DNS": a definition of one thing is what overviews give.
  if (named.length === 0 && topicTerms.length === 1 && DEFINITION_QUESTION.test(question)) {
    for (const service of index.services)
      if (service.overviewId !== null) overviewIds.add(service.overviewId);
  }

  const boosts = new Map<string, number>();
  for (const service of named) for (const id of service.chunkIds) boosts.set(id, serviceBoost);
  for (const id of overviewIds) boosts.set(id, (boosts.get(id) ?? 1) * overviewBoost);
  const top = new TopHits<Hit>(TOP_HITS_KEPT, index.order);
  const { results, ubiquitous } = queryIndex(index, terms, boosts);
  for (const result of results) {
    const chunk = index.chunks.get(String(result.id));
    if (chunk !== undefined) top.offer({ chunk, score: result.score, coverage: 0 }, result);
  }
  const hits = top.sorted();
  // Coverage weighs each term by how much it says: a word in most chunks ("Amazon") says little, a word
  // the chapters never use says the most.
  const weight = (term: string): number => rarity(index.chunks.size, index.documentFrequency.get(term) ?? 1);
  const totalWeight = terms.reduce((sum, term) => sum + weight(term), 0);
  for (const hit of hits) {
    const { terms: documentTerms, queryTerms } = top.match(hit)!;
    const held = new Set(documentTerms);
    const credit = [...queryTerms, ...ubiquitous].reduce(
      (sum, term) => sum + weight(term) * (held.has(term) && !corrected.has(term) ? 1 : FUZZY_CREDIT),
      0,
    );
    hit.coverage = Math.min(1, credit / totalWeight);
    // A chunk that answers all of the question beats one that answers a loud part of it.
    hit.score *= hit.coverage ** coverageExponent;
  }
  hits.sort(byScore(index));
  rewardPhrases(index, hits.slice(0, PHRASE_RERANK_DEPTH), sequence, phraseBoost);
  hits.sort(byScore(index));
  const coverage = hits[0]?.coverage ?? 0;
  return {
    terms,
    hits,
    coverage,
    isCorroborated: isCorroborated(index, hits[0], top, corrected),
    services: named,
  };
}

/** Recently used chunks' term sequences, per index: re-ranking tokenizes the same top chunks again and again. */
const sequences = new WeakMap<KnowledgeIndex, Map<string, string[]>>();
const SEQUENCE_CACHE_MAX = 2000;

function chunkSequence(index: KnowledgeIndex, chunk: Chunk): string[] {
  let cache = sequences.get(index);
  if (cache === undefined) sequences.set(index, (cache = new Map()));
  let terms = cache.get(chunk.id);
  if (terms === undefined) {
    terms = index.tokenizer.sequence(`${chunk.feature ?? chunk.service ?? chunk.chapter}. ${chunk.text}`);
    if (cache.size >= SEQUENCE_CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(chunk.id, terms);
  }
  return terms;
}

/** Share of chunks above which a term ("Amazon", "AWS") is too common to count as evidence. */
const INFORMATIVE_SHARE = 0.4;

function isCorroborated(
  index: KnowledgeIndex,
  best: Hit | undefined,
  top: TopHits<Hit>,
  corrected: ReadonlySet<string>,
): boolean {
  if (best === undefined) return false;
  const { terms, queryTerms } = top.match(best)!;
  const held = new Set(terms);
  const informative = queryTerms.filter((term) => {
    const frequency = index.documentFrequency.get(term);
    return (
      held.has(term) &&
      !corrected.has(term) &&
      frequency !== undefined &&
      frequency <= index.chunks.size * INFORMATIVE_SHARE
    );
  });
  return informative.length >= 2;
}

function byScore(index: KnowledgeIndex): (a: Hit, b: Hit) => number {
  return (a, b) => b.score - a.score || index.order.get(a.chunk.id)! - index.order.get(b.chunk.id)!;
}

/** Multiply a hit's score for each pair of consecutive question terms it holds side by side. */
function rewardPhrases(index: KnowledgeIndex, hits: Hit[], question: string[], boost: number): void {
  if (question.length < 2 || boost === 1) return;
  const pairs = new Set<string>();
  for (let i = 1; i < question.length; i++) pairs.add(`${question[i - 1]} ${question[i]}`);
  for (const hit of hits) {
    const { chunk } = hit;
    const terms = chunkSequence(index, chunk);
    const found = new Set<string>();
    for (let i = 1; i < terms.length; i++) {
      const pair = `${terms[i - 1]} ${terms[i]}`;
      if (pairs.has(pair)) found.add(pair);
    }
    hit.score *= boost ** found.size;
  }
}
