import type { default as MiniSearch, SearchResult as MiniSearchResult } from 'minisearch';
import {
  exportMiniSearch,
  INDEXED_FIELDS,
  type IndexedChunk,
  type RadixNode,
  type TermData,
} from './miniSearchIndex.js';
import { ExactResult, TERM_BITS_MAX, type ExactMatches } from './exactResult.js';
import { scratchFor } from './searchScratch.js';

/** What `searchExact` needs of MiniSearch's search options. */
export interface ExactOptions {
  fields: readonly string[];
  boost: Readonly<Record<string, number>>;
  boostTerm: (term: string, i: number, terms: string[]) => number;
  boostDocument?: (id: string) => number;
  /**
   * Return only the results that score at least as well as the `keep`-th best (ties with it included, so a
   * caller that breaks ties its own way still sees every candidate); all of them when absent. The rest are
   * never ranked or built: a caller that keeps the best few saves most of a search's objects.
   */
  keep?: number;
}

/** MiniSearch's BM25 parameters as its search reads them (`searchOptions.bm25`). */
interface Bm25 {
  k: number;
  b: number;
  d: number;
}

/** The data of a term in MiniSearch's radix tree, found as its `SearchableMap.get` finds it. */
function termData(tree: RadixNode, term: string): TermData | undefined {
  let node: RadixNode | undefined = tree;
  let rest = term;
  while (rest !== '' && node !== undefined) {
    let below: RadixNode | undefined;
    for (const [edge, child] of node) {
      if (edge !== '' && rest.startsWith(edge)) {
        below = child as RadixNode;
        rest = rest.slice(edge.length);
        break;
      }
    }
    node = below;
  }
  return node?.get('') as TermData | undefined;
}

/**
 * MiniSearch's `search` of exact terms combined with OR (no typos, no prefixes), computed as it computes it:
 * the same BM25 sums in the same order, so the same results, scores and order to the last bit, without
 * the option merges and objects it makes per term, field and document (most of a short question's time).
 * Scores add up in typed arrays; what each result matched (`terms`, `queryTerms`, `match`) is worked out
 * only when read, and only the few results a caller keeps are ever read.
 *
 * @param miniSearch The index's MiniSearch.
 * @param terms The query's terms, in order.
 * @param options Fields and boosts as MiniSearch takes them, and how many results are wanted (`keep`).
 * @returns MiniSearch's results (those `keep` lets through), best first; null when the index holds a discarded document (MiniSearch
 *   cleans those up while it searches), so that MiniSearch itself should search.
 */
export function searchExact(
  miniSearch: MiniSearch<IndexedChunk>,
  terms: readonly string[],
  options: ExactOptions,
): MiniSearchResult[] | null {
  const data = exportMiniSearch(miniSearch);
  const { k, b, d } = (miniSearch as unknown as { _options: { searchOptions: { bm25: Bm25 } } })._options
    .searchOptions.bm25;
  const queryTerms = terms
    .join(' ')
    .split(' ')
    .filter((term) => term !== '');
  const scratch = scratchFor(data.nextId);
  const { score, termScore, boost, termDocs, found, ids, lengths, finalScore, termBits } = scratch;
  const query = scratch.nextQuery();
  let foundCount = 0;
  const matches: ExactMatches = { fields: options.fields, terms: [], queryTermsByBits: new Map() };
  for (const [i, term] of queryTerms.entries()) {
    const termBoost = options.boostTerm(term, i, queryTerms);
    const termData_ = termData(data.terms.tree, term);
    if (termData_ === undefined) continue;
    // A repeated term adds to the sums again but is one matched term (MiniSearch's `terms.includes`).
    const isRepeat = queryTerms.indexOf(term) < i;
    if (!isRepeat) matches.terms.push({ term, data: termData_ });
    // Which distinct term this is, as a bit of the documents' `termBits`.
    const distinct = matches.terms.findIndex((known) => known.term === term);
    const termBit = distinct < TERM_BITS_MAX ? 1 << distinct : 0;
    const pass = scratch.nextTerm();
    let termDocCount = 0;
    for (const field of options.fields) {
      const fieldBoost = options.boost[field] || 1;
      const fieldId = INDEXED_FIELDS.indexOf(field as (typeof INDEXED_FIELDS)[number]);
      const frequencies = termData_.get(fieldId);
      if (frequencies === undefined) continue;
      const matching = frequencies.size;
      const averageLength = data.averageFieldLength[fieldId]!;
      // The same for every document of the field: MiniSearch works it out per document, to the same value.
      const inverse = Math.log(1 + (data.documentCount - matching + 0.5) / (matching + 0.5));
      // By key: an entry is an array made per posting, which V8 does not always optimize away here.
      for (const docId of frequencies.keys()) {
        const termFrequency = frequencies.get(docId)!;
        // A document's boost is asked once per query: MiniSearch asks per term and field, for the same value.
        if (scratch.boostQuery[docId] !== query) {
          const id = data.documentIds.get(docId);
          // A short id past `nextId` has no room in the tables: let MiniSearch search (never met in practice).
          if (id === undefined || docId >= scratch.size) return null;
          scratch.boostQuery[docId] = query;
          boost[docId] = options.boostDocument === undefined ? 1 : options.boostDocument(id);
          ids[docId] = id;
          lengths[docId] = data.fieldLength.get(docId)!;
        }
        const docBoost = boost[docId]!;
        if (!docBoost) continue;
        const fieldLength = lengths[docId]![fieldId]!;
        const raw =
          inverse *
          (d + (termFrequency * (k + 1)) / (termFrequency + k * (1 - b + (b * fieldLength) / averageLength)));
        const weighted = 1 * termBoost * fieldBoost * docBoost * raw;
        if (scratch.termPass[docId] !== pass) {
          scratch.termPass[docId] = pass;
          termScore[docId] = weighted;
          termDocs[termDocCount++] = docId;
        } else {
          termScore[docId] = termScore[docId]! + weighted;
        }
      }
    }
    // Terms combine with OR: a document's sums add up in query order, new documents join at the end.
    for (let j = 0; j < termDocCount; j++) {
      const docId = termDocs[j]!;
      if (scratch.foundQuery[docId] !== query) {
        scratch.foundQuery[docId] = query;
        score[docId] = termScore[docId]!;
        scratch.termCount[docId] = 1;
        termBits[docId] = termBit;
        found[foundCount++] = docId;
      } else {
        score[docId] = score[docId]! + termScore[docId]!;
        if (!isRepeat) scratch.termCount[docId] = scratch.termCount[docId]! + 1;
        termBits[docId] = termBits[docId]! | termBit;
      }
    }
  }
  for (let j = 0; j < foundCount; j++) {
    const docId = found[j]!;
    finalScore[j] = score[docId]! * (scratch.termCount[docId]! || 1);
  }
  foundCount = scratch.keepBest(foundCount, options.keep ?? foundCount);
  // Best first; equal scores in the order their documents first matched, as MiniSearch's stable sort leaves them.
  const ranked = scratch.rankFound(foundCount);
  const bitsOf = (docId: number): number => (matches.terms.length <= TERM_BITS_MAX ? termBits[docId]! : -1);
  const results: MiniSearchResult[] = [];
  for (let rank = 0; rank < foundCount; rank++) {
    const j = ranked[rank]!;
    const docId = found[j]!;
    results.push(new ExactResult(ids[docId]!, finalScore[j]!, docId, matches, bitsOf(docId)));
  }
  return results;
}
