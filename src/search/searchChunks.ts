import type { Chunk } from '../content/chapter.js';
import type { KnowledgeIndex } from './buildIndex.js';
import { FIELD_BOOSTS } from './buildIndex.js';
import type { Service } from './services.js';

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
  /** The best coverage among the top hits: how much of the question the best answers speak to. */
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
  /** Multiplier per pair of consecutive question terms found side by side in a chunk. */
  phraseBoost: number;
}

/** Defaults of `searchChunks`, chosen by measurement on the development questions. */
export const defaultSearchOptions: SearchOptions = {
  serviceBoost: 3,
  overviewBoost: 3,
  phraseBoost: 1.5,
};

/** Credit towards coverage of a term matched only through a forgiven typo or as a prefix. */
const FUZZY_CREDIT = 0.75;
/** Most distinct terms searched; a pasted essay adds noise, not meaning. */
const QUERY_TERMS_MAX = 24;
/** How many top hits the phrase bonus re-ranks; below them order barely matters. */
const PHRASE_RERANK_DEPTH = 20;
/** How many top hits may vouch for the question's coverage. */
const COVERAGE_DEPTH = 3;

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
  const { serviceBoost, overviewBoost, phraseBoost } = { ...defaultSearchOptions, ...options };
  const { terms: sequence, corrected } = index.tokenizer.queryTerms(question);
  const terms = [...new Set(sequence)].slice(0, QUERY_TERMS_MAX);
  if (terms.length === 0) return { terms, hits: [], coverage: 0, services: [] };
  const chunkCount = index.chunks.size;

  const results = index.miniSearch.search(terms.join(' '), {
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term,
    boost: FIELD_BOOSTS,
    fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
    maxFuzzy: 2,
    prefix: (term) => term.length >= 4,
    // Rare terms carry the question: weigh each by its rarity across whole chunks, since MiniSearch's
    // own IDF is per field and lets a common word in a short title outweigh a rare word in the text.
    boostTerm: (term) => Math.log(1 + chunkCount / (index.documentFrequency.get(term) ?? 1)),
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

  const hits: Hit[] = [];
  for (const result of results) {
    const chunk = index.chunks.get(String(result.id));
    if (chunk === undefined) continue;
    const documentTerms = new Set(result.terms);
    const credit = result.queryTerms.reduce(
      (sum, term) => sum + (documentTerms.has(term) && !corrected.has(term) ? 1 : FUZZY_CREDIT),
      0,
    );
    let score = result.score;
    if (namedIds.has(chunk.id)) score *= serviceBoost;
    if (overviewIds.has(chunk.id)) score *= overviewBoost;
    hits.push({ chunk, score, coverage: Math.min(1, credit / terms.length) });
  }
  hits.sort(byScore(index));
  rewardPhrases(index, hits.slice(0, PHRASE_RERANK_DEPTH), sequence, phraseBoost);
  hits.sort(byScore(index));
  const coverage = Math.max(0, ...hits.slice(0, COVERAGE_DEPTH).map((hit) => hit.coverage));
  return { terms, hits, coverage, services: named };
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
    const terms = index.tokenizer.sequence(
      `${chunk.feature ?? chunk.service ?? chunk.chapter}. ${chunk.text}`,
    );
    const found = new Set<string>();
    for (let i = 1; i < terms.length; i++) {
      const pair = `${terms[i - 1]} ${terms[i]}`;
      if (pairs.has(pair)) found.add(pair);
    }
    hit.score *= boost ** found.size;
  }
}
