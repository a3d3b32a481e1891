import type { default as MiniSearch, SearchResult as MiniSearchResult } from 'minisearch';
import type { KnowledgeIndex } from './buildIndex.js';
import { searchExact } from './exactSearch.js';
import { exportMiniSearch, shortIdOf } from './miniSearchIndex.js';
import { topCandidates } from './postings.js';
import { rarity } from './rarity.js';
import { defaultRankingOptions, type RankingOptions } from './rankingOptions.js';

/** MiniSearch's results, and the terms taken as held by every candidate instead of scored. */
export interface IndexMatches {
  results: MiniSearchResult[];
  ubiquitous: string[];
}

/** The options every query passes, besides the ones MiniSearch's defaults already hold. */
const QUERY_OPTIONS = ['tokenize', 'processTerm', 'fields', 'boostTerm', 'boostDocument'] as const;

/** MiniSearch instances whose default search options hold every key a query passes. */
const primed = new WeakSet<MiniSearch>();

/**
 * Give an instance's default search options every key a query passes. MiniSearch merges a query's options
 * over its defaults once per term (`{ ...defaults, ...options }`), and V8 makes that merge slow for each
 * key the defaults lack (about a sixth of a short question's time). The values are the instance's own or
 * undefined, as MiniSearch reads a missing option, so no search changes.
 */
function primeSearchOptions(miniSearch: MiniSearch): void {
  if (primed.has(miniSearch)) return;
  const { _options: options } = miniSearch as unknown as {
    _options: { searchOptions: Record<string, unknown> } & Record<string, unknown>;
  };
  for (const key of QUERY_OPTIONS) {
    if (!(key in options.searchOptions)) options.searchOptions[key] = options[key];
  }
  primed.add(miniSearch);
}

/**
 * Run the question's terms through MiniSearch: BM25 over the fields with their boosts, each term weighted
 * by its rarity, typos and prefixes only for unknown terms. On a large index a cheap pass over compact
 * postings first picks the most promising chunks, and MiniSearch skips the rest without scoring them.
 *
 * @param index The knowledge index.
 * @param terms The question's distinct terms.
 * @param boosts Score multiplier by chunk id (service intent); absent means 1.
 * @param weights How much each term counts (the ask's terms more than the scenario's); absent means 1.
 * @param settings Field boosts, fuzzy and prefix matching, and the large-index pass (`RankingOptions`).
 */
export function queryIndex(
  index: KnowledgeIndex,
  terms: readonly string[],
  boosts: ReadonlyMap<string, number>,
  weights: ReadonlyMap<string, number> = new Map(),
  settings: RankingOptions = defaultRankingOptions,
): IndexMatches {
  primeSearchOptions(index.miniSearch);
  const boostOf = (id: string): number => boosts.get(id) ?? 1;
  const chunkCount = index.chunks.size;
  const frequency = (term: string): number => index.documentFrequency.get(term) ?? 0;
  const options = {
    tokenize: (text: string) => text.split(' '),
    processTerm: (term: string) => term,
    // A field whose boost is 0 is not searched (the `asked` field, unless a learned question matches).
    fields: Object.entries(settings.fieldBoosts)
      .filter(([, boost]) => boost > 0)
      .map(([field]) => field),
    boost: { ...settings.fieldBoosts },
    // Typos and partial words only where the exact term is unknown: expanding a known term costs time on
    // a large index and adds near-namesakes, not meaning.
    fuzzy: (term: string) =>
      term.length >= settings.fuzzyMinLength && frequency(term) === 0 ? settings.fuzziness : false,
    maxFuzzy: 2,
    prefix: (term: string) => term.length >= settings.prefixMinLength && frequency(term) === 0,
    // Rare terms carry the question: weigh each by its rarity across whole chunks, since MiniSearch's
    // own IDF is per field and lets a common word in a short title outweigh a rare word in the text.
    boostTerm: (term: string) => rarity(chunkCount, frequency(term)) * (weights.get(term) ?? 1),
  };
  // Without a typo or prefix to expand, the same search runs without MiniSearch's per-term overhead.
  const search = (query: readonly string[], boostDocument: (id: string) => number): MiniSearchResult[] =>
    (query.every((term) => options.fuzzy(term) === false && !options.prefix(term))
      ? searchExact(index.miniSearch, query, {
          fields: options.fields,
          boost: options.boost,
          boostTerm: options.boostTerm,
          boostDocument,
          // Only what the caller can keep (`retrieve` keeps this many, ties included).
          keep: settings.topHitsKept,
        })
      : null) ?? index.miniSearch.search(query.join(' '), { ...options, boostDocument });
  const postingCount = terms.reduce((sum, term) => sum + frequency(term), 0);
  if (postingCount <= settings.pruneAbovePostings) {
    return { results: search(terms, boostOf), ubiquitous: [] };
  }
  const { documentIds, nextId } = exportMiniSearch(index.miniSearch);
  const shortIdBoosts = new Map(
    [...boosts].map(([id, boost]) => [shortIdOf(index.miniSearch, id) ?? -1, boost]),
  );
  const candidates = new Set(
    topCandidates(
      index.postings,
      terms,
      { chunks: chunkCount, shortIdLimit: nextId },
      shortIdBoosts,
      settings.candidatesMax,
    ).map((shortId) => documentIds.get(shortId)!),
  );
  // Unknown words (typos, partial words) have no postings; their fuzzy and prefix matches join in.
  const unknown = terms.filter((term) => frequency(term) === 0);
  if (unknown.length > 0) {
    const order = (result: MiniSearchResult): number => index.order.get(String(result.id))!;
    // Equal scores in reading order: after an update in place a term's documents are not all in that order.
    const expanded = index.miniSearch
      .search(unknown.join(' '), options)
      .sort((a, b) => b.score - a.score || order(a) - order(b));
    for (const result of expanded.slice(0, settings.candidatesMax)) candidates.add(String(result.id));
  }
  const byRarity = [...terms].sort((a, b) => frequency(a) - frequency(b));
  const scored = byRarity.filter(
    (term, i) => i === 0 || frequency(term) <= chunkCount * settings.ubiquitousShare,
  );
  // MiniSearch skips a chunk before scoring it when its document boost is 0.
  const results = search(scored, (id) => (candidates.has(id) ? boostOf(id) : 0));
  return { results, ubiquitous: terms.filter((term) => !scored.includes(term)) };
}
