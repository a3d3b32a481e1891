import type { MatchInfo } from 'minisearch';
import { INDEXED_FIELDS, type TermData } from './miniSearchIndex.js';

/** What one exact search looked for: its distinct terms in query order, with their data, and the fields. */
export interface ExactMatches {
  fields: readonly string[];
  terms: { term: string; data: TermData }[];
  /** The `queryTerms` of the results, by their `termBits`: results that matched the same terms share one. */
  queryTermsByBits: Map<number, string[]>;
}

/** Up to this many distinct terms, a result carries which it matched as bits (a small integer in V8). */
export const TERM_BITS_MAX = 30;

/**
 * One result of `searchExact`, as MiniSearch gives it. Which terms and fields it matched is worked out from
 * the index when first read: a search matches hundreds of documents, and only the few kept are ever read.
 */
export class ExactResult {
  /** The chunk id. */
  readonly id: string;
  readonly score: number;
  readonly #docId: number;
  readonly #matches: ExactMatches;
  readonly #termBits: number;
  /** What has been worked out so far: one field, not three, as most results are never read. */
  #read: { match?: MatchInfo; terms?: string[]; queryTerms?: string[] } | undefined;

  /**
   * @param id The chunk id.
   * @param score MiniSearch's score.
   * @param docId The document's short id in the index searched.
   * @param matches What the search looked for.
   * @param termBits Bit i set when the document matched `matches.terms[i]`; -1 when there are more terms
   *   than `TERM_BITS_MAX` (then it is looked up in the index).
   */
  constructor(id: string, score: number, docId: number, matches: ExactMatches, termBits: number) {
    this.id = id;
    this.score = score;
    this.#docId = docId;
    this.#matches = matches;
    this.#termBits = termBits;
  }

  /** The fields each matched term was found in (term → fields, in the order searched). */
  get match(): MatchInfo {
    const read = (this.#read ??= {});
    if (read.match === undefined) {
      const match: MatchInfo = {};
      for (const { term, data } of this.#matches.terms) {
        const fields = this.#fieldsOf(data);
        // Keyed by assignment, as MiniSearch keys it (so a term such as "__proto__" fares as it does there).
        if (fields.length > 0) match[term] = fields;
      }
      read.match = match;
    }
    return read.match;
  }

  /** The document terms matched (MiniSearch's `Object.keys(match)`). */
  get terms(): string[] {
    const read = (this.#read ??= {});
    read.terms ??= Object.keys(this.match);
    return read.terms;
  }

  /**
   * The query terms matched, in query order. Results of one search that matched the same terms share the
   * array (as nothing changes it), so a caller can key what it derives from them on it.
   */
  get queryTerms(): string[] {
    const { terms, queryTermsByBits } = this.#matches;
    const isBits = this.#termBits !== -1;
    const known = isBits ? queryTermsByBits.get(this.#termBits) : this.#read?.queryTerms;
    if (known !== undefined) return known;
    const queryTerms: string[] = [];
    for (let i = 0; i < terms.length; i++) {
      const { term, data } = terms[i]!;
      const isMatched = isBits
        ? (this.#termBits & (1 << i)) !== 0
        : this.#matches.fields.some((field) => this.#holds(data, field));
      if (isMatched) queryTerms.push(term);
    }
    if (isBits) queryTermsByBits.set(this.#termBits, queryTerms);
    else (this.#read ??= {}).queryTerms = queryTerms;
    return queryTerms;
  }

  /** The searched fields that hold the term in this document, in the order searched. */
  #fieldsOf(data: TermData): string[] {
    return this.#matches.fields.filter((field) => this.#holds(data, field));
  }

  /** Whether the field holds the term in this document. */
  #holds(data: TermData, field: string): boolean {
    return (
      data.get(INDEXED_FIELDS.indexOf(field as (typeof INDEXED_FIELDS)[number]))?.has(this.#docId) === true
    );
  }
}
