import type { Chunk } from '../content/chapter.js';
import { profileChunk, type Aboutness, type ChunkProfile } from './aboutness.js';
import type { KnowledgeIndex } from './buildIndex.js';
import { queryIndex } from './queryIndex.js';
import { readQuestion, type QuestionShape } from './readQuestion.js';
import { interleaveSides, preferService } from './shapeHits.js';
import type { Service } from './services.js';
import { TopHits } from './topHits.js';

/** A chunk that matches a question, with its relevance score (higher is better). */
export interface Hit {
  chunk: Chunk;
  score: number;
  /**
   * Share of the question this chunk holds (0–1), each term weighted by how informative it is and whether
   * it is asked or scenario, credited by how strongly the chunk is about it.
   */
  coverage: number;
}

/** How the best chunk holds one question term: its aboutness, or absent from it, or unknown to the chapters. */
export type Holding = Aboutness | 'absent' | 'unknown';

/** One question term as evidence for the verdict. */
export interface TermEvidence {
  term: string;
  /** Share of the question's weight this term carries (all terms sum to 1). */
  weight: number;
  held: Holding;
  /** From the ask sentence, not the scenario. */
  isAsked: boolean;
  /** Matched only after a typo was forgiven. */
  isCorrected: boolean;
  /** Names a product the chapters only mention. */
  isForeign: boolean;
  /** Names a concept: a service or a phrase of several words. */
  isNamed: boolean;
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
   * The best hit holds at least two informative asked terms, not in passing: evidence the question is on
   * topic even when it is wrapped in words the chapters never use.
   */
  isCorroborated: boolean;
  /** Services the question names. */
  services: Service[];
  shape: QuestionShape;
  /** Each question term against the best hit. */
  evidence: TermEvidence[];
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
  /** Weight of a scenario term relative to an asked term. */
  contextWeight: number;
  /** A phrase of n words weighs n to this power. */
  phraseSpanExponent: number;
  /** "Which service…": how many of each service's best hits add up to its evidence. */
  serviceEvidenceDepth: number;
  /** Further multiplier per pair of consecutive question terms found in a chunk's title. */
  titlePhraseBoost: number;
}

/** Defaults of `searchChunks`, chosen by measurement on the development questions. */
export const defaultSearchOptions: SearchOptions = {
  serviceBoost: 3,
  overviewBoost: 3,
  phraseBoost: 1.5,
  coverageExponent: 3,
  contextWeight: 0.4,
  phraseSpanExponent: 1,
  serviceEvidenceDepth: 3,
  titlePhraseBoost: 1.5,
};

/** Credit towards coverage of a term matched only through a forgiven typo or as a prefix. */
const FUZZY_CREDIT = 0.75;
/** Credit towards coverage by how strongly the chunk is about the term. */
const ABOUTNESS_CREDIT: Readonly<Record<Aboutness, number>> = {
  heading: 1,
  lead: 1,
  repeated: 1,
  mention: 0.85,
  passing: 0.5,
};
/** Most distinct terms searched; a pasted essay adds noise, not meaning. */
const QUERY_TERMS_MAX = 24;
/** How many top hits the phrase bonus re-ranks; below them order barely matters. */
const PHRASE_RERANK_DEPTH = 20;

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
  const settings = { ...defaultSearchOptions, ...options };
  const { serviceBoost, overviewBoost, coverageExponent } = settings;
  const parts = readQuestion(question);
  const asked = index.tokenizer.queryTerms(parts.ask);
  const scenario = index.tokenizer.queryTerms(parts.context);
  // The vendor's name ("<vendor> offers…") says nothing about which section answers.
  const isTopical = (term: string): boolean => !index.vendorTerms.has(term);
  const askTerms = asked.terms.filter(isTopical);
  const scenarioTerms = scenario.terms.filter(isTopical);
  // A phrase stands for several of the question's words, and counts for more than one of them.
  const span = (term: string): number =>
    Math.max(asked.spans.get(term) ?? 1, scenario.spans.get(term) ?? 1) ** settings.phraseSpanExponent;
  const roles = new Map<string, number>();
  for (const term of askTerms) roles.set(term, span(term));
  const contextWeight = askTerms.length === 0 ? 1 : settings.contextWeight;
  for (const term of scenarioTerms) if (!roles.has(term)) roles.set(term, contextWeight * span(term));
  const terms = [...roles.keys()].slice(0, QUERY_TERMS_MAX);
  const corrected = new Set([...asked.corrected, ...scenario.corrected]);
  const empty = { terms, hits: [], coverage: 0, isCorroborated: false, services: [], shape: parts.shape };
  if (terms.length === 0) return { ...empty, evidence: [] };

  const named = [...new Set(terms.flatMap((term) => index.servicesByIntent.get(term) ?? []))];
  // A question that names a service and nothing else ("what about <service>?") asks for the service itself.
  const topicTerms = terms.filter(
    (term) => !named.some((service) => service.intentTerms.has(term) || service.nameStems.has(term)),
  );
  const overviewIds = new Set(
    topicTerms.length === 0 ? named.map((service) => service.overviewId).filter((id) => id !== null) : [],
  );
  // "what is <term>": a definition of one thing is what overviews give.
  if (named.length === 0 && topicTerms.length === 1 && parts.shape === 'definition') {
    for (const service of index.services)
      if (service.overviewId !== null) overviewIds.add(service.overviewId);
  }

  const boosts = new Map<string, number>();
  for (const service of named) for (const id of service.chunkIds) boosts.set(id, serviceBoost);
  for (const id of overviewIds) boosts.set(id, (boosts.get(id) ?? 1) * overviewBoost);
  const top = new TopHits<Hit>(TOP_HITS_KEPT, index.order);
  const { results, ubiquitous } = queryIndex(index, terms, boosts, roles);
  for (const result of results) {
    const chunk = index.chunks.get(String(result.id));
    if (chunk !== undefined) top.offer({ chunk, score: result.score, coverage: 0 }, result);
  }
  const hits = top.sorted();
  // Coverage weighs each term by how much it says: a word in most chunks ("Amazon") says little, a word
  // the chapters never use says the most.
  const rarity = (term: string): number =>
    Math.log(1 + index.chunks.size / Math.max(1, index.documentFrequency.get(term) ?? 1));
  const weight = (term: string): number => rarity(term) * (roles.get(term) ?? 1);
  const totalWeight = terms.reduce((sum, term) => sum + weight(term), 0);
  const creditOf = (hit: Hit, term: string, held: ReadonlySet<string>): number => {
    // A term matched through a typo or as a prefix is held under another spelling; a term too common to
    // score on a large index is taken as held.
    if (!held.has(term)) return FUZZY_CREDIT;
    // Held only inside a longer phrase ("access control" in "network access control list"): in passing.
    const about = profile(index, hit.chunk).aboutness.get(term) ?? 'passing';
    return ABOUTNESS_CREDIT[about] * (corrected.has(term) ? FUZZY_CREDIT : 1);
  };
  for (const hit of hits) {
    const { terms: documentTerms, queryTerms } = top.match(hit)!;
    const held = new Set(documentTerms);
    let credit = 0;
    for (const term of new Set([...queryTerms, ...ubiquitous]))
      credit += weight(term) * creditOf(hit, term, held);
    hit.coverage = Math.min(1, credit / totalWeight);
    // A chunk that answers all of the question beats one that answers a loud part of it.
    hit.score *= hit.coverage ** coverageExponent;
  }
  hits.sort(byScore(index));
  rewardPhrases(index, hits.slice(0, PHRASE_RERANK_DEPTH), [...askTerms, ...scenarioTerms], settings);
  hits.sort(byScore(index));
  const best = hits[0];
  const evidence =
    best === undefined
      ? []
      : weighEvidence(index, best, top, terms, weight, totalWeight, corrected, askTerms);
  let ranked = hits;
  if (parts.shape === 'whichService' && named.length === 0) {
    ranked = preferService(index, hits, settings.serviceEvidenceDepth);
  } else if (parts.sides !== null) {
    const sides = parts.sides.map((side) => searchChunks(index, side, options).hits[0]);
    ranked = interleaveSides(hits, sides);
  }
  return {
    terms,
    hits: ranked,
    coverage: best?.coverage ?? 0,
    isCorroborated: isCorroborated(index, evidence),
    services: named,
    shape: parts.shape,
    evidence,
  };
}

/** Each question term against the best hit. */
function weighEvidence(
  index: KnowledgeIndex,
  best: Hit,
  top: TopHits<Hit>,
  terms: readonly string[],
  weight: (term: string) => number,
  totalWeight: number,
  corrected: ReadonlySet<string>,
  askedTerms: readonly string[],
): TermEvidence[] {
  const { terms: documentTerms, queryTerms } = top.match(best)!;
  const held = new Set([...documentTerms, ...queryTerms]);
  const aboutness = profile(index, best.chunk).aboutness;
  const asked = new Set(askedTerms);
  return terms.map((term) => ({
    term,
    weight: weight(term) / totalWeight,
    held: !index.documentFrequency.has(term)
      ? held.has(term)
        ? 'mention'
        : 'unknown'
      : held.has(term)
        ? (aboutness.get(term) ?? 'passing')
        : 'absent',
    isAsked: asked.has(term),
    isCorrected: corrected.has(term),
    isForeign: index.foreignTerms.has(term),
    isNamed: index.namedTerms.has(term),
  }));
}

/** Recently profiled chunks, per index: re-ranking profiles the same top chunks again and again. */
const profiles = new WeakMap<KnowledgeIndex, Map<string, ChunkProfile>>();
const PROFILE_CACHE_MAX = 2000;

function profile(index: KnowledgeIndex, chunk: Chunk): ChunkProfile {
  let cache = profiles.get(index);
  if (cache === undefined) profiles.set(index, (cache = new Map()));
  let found = cache.get(chunk.id);
  if (found === undefined) {
    found = profileChunk(chunk, index.tokenizer, index.foreignTerms);
    if (cache.size >= PROFILE_CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(chunk.id, found);
  }
  return found;
}

/** Share of chunks above which a term ("Amazon", "AWS") is too common to count as evidence. */
const INFORMATIVE_SHARE = 0.4;

function isCorroborated(index: KnowledgeIndex, evidence: readonly TermEvidence[]): boolean {
  const informative = evidence.filter((item) => {
    const frequency = index.documentFrequency.get(item.term);
    return (
      item.isAsked &&
      !item.isCorrected &&
      !item.isForeign &&
      (item.held === 'heading' || item.held === 'lead' || item.held === 'repeated') &&
      frequency !== undefined &&
      frequency <= index.chunks.size * INFORMATIVE_SHARE
    );
  });
  return informative.length >= 2;
}

function byScore(index: KnowledgeIndex): (a: Hit, b: Hit) => number {
  return (a, b) => b.score - a.score || index.order.get(a.chunk.id)! - index.order.get(b.chunk.id)!;
}

/**
 * Multiply a hit's score for each pair of consecutive question terms it holds side by side, and again for
 * each such pair in its title.
 */
function rewardPhrases(
  index: KnowledgeIndex,
  hits: Hit[],
  question: string[],
  settings: SearchOptions,
): void {
  if (question.length < 2) return;
  const pairs = new Set<string>();
  for (let i = 1; i < question.length; i++) pairs.add(`${question[i - 1]} ${question[i]}`);
  for (const hit of hits) {
    const { sequence: terms, titleLength } = profile(index, hit.chunk);
    const found = new Set<string>();
    let inTitle = 0;
    for (let i = 1; i < terms.length; i++) {
      const pair = `${terms[i - 1]} ${terms[i]}`;
      if (!pairs.has(pair) || found.has(pair)) continue;
      found.add(pair);
      if (i < titleLength) inTitle++;
    }
    hit.score *= settings.phraseBoost ** found.size * settings.titlePhraseBoost ** inTitle;
  }
}
