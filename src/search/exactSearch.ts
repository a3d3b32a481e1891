import type { default as MiniSearch, SearchResult as MiniSearchResult } from 'minisearch';
import {
  exportMiniSearch,
  INDEXED_FIELDS,
  type IndexedChunk,
  type RadixNode,
  type TermData,
} from './miniSearchIndex.js';

/** What `searchExact` needs of MiniSearch's search options. */
export interface ExactOptions {
  fields: readonly string[];
  boost: Readonly<Record<string, number>>;
  boostTerm: (term: string, i: number, terms: string[]) => number;
  boostDocument?: (id: string) => number;
}

/** MiniSearch's BM25 parameters as its search reads them (`searchOptions.bm25`). */
interface Bm25 {
  k: number;
  b: number;
  d: number;
}

/** One document's sums, as MiniSearch accumulates them. */
interface RawResult {
  score: number;
  terms: string[];
  match: Record<string, string[]>;
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
 * the option merges and objects it makes per term and field (most of a short question's time).
 *
 * @param miniSearch The index's MiniSearch.
 * @param terms The query's terms, in order.
 * @returns MiniSearch's results, best first; null when the index holds a discarded document (MiniSearch
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
  const combined = new Map<number, RawResult>();
  for (const [i, term] of queryTerms.entries()) {
    const termBoost = options.boostTerm(term, i, queryTerms);
    const termData_ = termData(data.terms.tree, term);
    if (termData_ === undefined) continue;
    const results = new Map<number, RawResult>();
    for (const field of options.fields) {
      const fieldBoost = options.boost[field] || 1;
      const fieldId = INDEXED_FIELDS.indexOf(field as (typeof INDEXED_FIELDS)[number]);
      const frequencies = termData_.get(fieldId);
      if (frequencies === undefined) continue;
      const matching = frequencies.size;
      const averageLength = data.averageFieldLength[fieldId]!;
      // The same for every document of the field: MiniSearch works it out per document, to the same value.
      const inverse = Math.log(1 + (data.documentCount - matching + 0.5) / (matching + 0.5));
      for (const [docId, termFrequency] of frequencies) {
        const id = data.documentIds.get(docId);
        if (id === undefined) return null;
        const docBoost = options.boostDocument === undefined ? 1 : options.boostDocument(id);
        if (!docBoost) continue;
        const fieldLength = data.fieldLength.get(docId)![fieldId]!;
        const raw =
          inverse *
          (d + (termFrequency * (k + 1)) / (termFrequency + k * (1 - b + (b * fieldLength) / averageLength)));
        const weighted = 1 * termBoost * fieldBoost * docBoost * raw;
        const result = results.get(docId);
        if (result === undefined) {
          // Keyed by assignment: V8 makes an object literal with a computed key several times slower.
          const match: Record<string, string[]> = {};
          match[term] = [field];
          results.set(docId, { score: weighted, terms: [term], match });
        } else {
          result.score += weighted;
          result.match[term]!.push(field);
        }
      }
    }
    // Terms combine with OR: a document's sums add up in query order, new documents join at the end.
    for (const [docId, result] of results) {
      const existing = combined.get(docId);
      if (existing === undefined) {
        combined.set(docId, result);
      } else {
        existing.score = existing.score + result.score;
        Object.assign(existing.match, result.match);
        if (!existing.terms.includes(term)) existing.terms.push(term);
      }
    }
  }
  const found: MiniSearchResult[] = [];
  for (const [docId, { score, terms: matched, match }] of combined) {
    found.push({
      id: data.documentIds.get(docId),
      score: score * (matched.length || 1),
      terms: Object.keys(match),
      queryTerms: matched,
      match,
    });
  }
  return found.sort((x, y) => y.score - x.score);
}
