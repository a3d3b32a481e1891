/**
 * Per-document working space for exact searches, by short document id, reused from query to query. Stamps
 * say which query or term pass last wrote an entry, so nothing is cleared between queries, and a search
 * that stops halfway leaves nothing behind for the next.
 */
export class SearchScratch {
  /** How many documents (short ids) it has room for. */
  readonly size: number;
  /** A document's score so far in this query. */
  readonly score: Float64Array;
  /** A document's score for the term being summed. */
  readonly termScore: Float64Array;
  /** A document's boost in this query. */
  readonly boost: Float64Array;
  /** How many distinct query terms a document matched in this query. */
  readonly termCount: Uint32Array;
  /** Which distinct query terms a document matched in this query, as bits (see `ExactResult`). */
  readonly termBits: Uint32Array;
  /** The documents the term being summed matched, in the order they were met. */
  readonly termDocs: Uint32Array;
  /** The documents this query matched, in the order they were met. */
  readonly found: Uint32Array;
  /** The query that last wrote a document's `boost`. */
  readonly boostQuery: Uint32Array;
  /** The query that last wrote a document's `score` and `termCount`. */
  readonly foundQuery: Uint32Array;
  /** The term pass that last wrote a document's `termScore`. */
  readonly termPass: Uint32Array;
  /** A document's id and field lengths, read once per query (valid where `boostQuery` is this query's). */
  readonly ids: string[] = [];
  readonly lengths: (readonly number[])[] = [];
  /** The final score of each found document, by position in `found`. */
  readonly finalScore: Float64Array;
  /** Working space of `rankFound`. */
  readonly #sorted: Float64Array;
  readonly #taken: Uint32Array;
  readonly #ranked: Uint32Array;
  #query = 0;
  #pass = 0;

  constructor(size: number) {
    this.size = size;
    this.score = new Float64Array(size);
    this.termScore = new Float64Array(size);
    this.boost = new Float64Array(size);
    this.termCount = new Uint32Array(size);
    this.termBits = new Uint32Array(size);
    this.termDocs = new Uint32Array(size);
    this.found = new Uint32Array(size);
    this.boostQuery = new Uint32Array(size);
    this.foundQuery = new Uint32Array(size);
    this.termPass = new Uint32Array(size);
    this.finalScore = new Float64Array(size);
    this.#sorted = new Float64Array(size);
    this.#taken = new Uint32Array(size);
    this.#ranked = new Uint32Array(size);
  }

  /**
   * Keep of the first `count` found documents only those that score at least as well as the `keep`-th
   * best (all of them when tied with it), in the order found; the others are never ranked or returned.
   *
   * @returns How many are kept (`count` when `keep` is not less).
   */
  keepBest(count: number, keep: number): number {
    if (keep >= count) return count;
    if (keep <= 0) return 0;
    const keys = this.#sorted.subarray(0, count);
    for (let j = 0; j < count; j++) keys[j] = 0 - this.finalScore[j]!;
    const worstKept = selectNth(keys, keep - 1);
    let kept = 0;
    for (let j = 0; j < count; j++) {
      if (0 - this.finalScore[j]! > worstKept) continue;
      this.found[kept] = this.found[j]!;
      this.finalScore[kept++] = this.finalScore[j]!;
    }
    return kept;
  }

  /**
   * The first `count` found documents ranked by `finalScore`, best first, equal scores in the order found
   * (as a stable sort would leave them): their positions in `found`. Sorts the bare numbers natively, then
   * places each document after the equal ones before it, since a comparator called per pair costs more
   * than all the rest of a search.
   */
  rankFound(count: number): Uint32Array {
    const sorted = this.#sorted.subarray(0, count);
    // Negated so that an ascending sort puts the best first; 0 - x also makes every zero +0.
    for (let j = 0; j < count; j++) sorted[j] = 0 - this.finalScore[j]!;
    sorted.sort();
    this.#taken.fill(0, 0, count);
    for (let j = 0; j < count; j++) {
      const key = 0 - this.finalScore[j]!;
      let low = 0;
      let high = count;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (sorted[middle]! < key) low = middle + 1;
        else high = middle;
      }
      const taken = this.#taken[low]!;
      this.#taken[low] = taken + 1;
      this.#ranked[low + taken] = j;
    }
    return this.#ranked;
  }

  /** The stamp of a new query (never 0, the stamp of an entry no query wrote). */
  nextQuery(): number {
    if (this.#query === STAMP_MAX) {
      this.boostQuery.fill(0);
      this.foundQuery.fill(0);
      this.#query = 0;
    }
    return ++this.#query;
  }

  /** The stamp of a new term pass. */
  nextTerm(): number {
    if (this.#pass === STAMP_MAX) {
      this.termPass.fill(0);
      this.#pass = 0;
    }
    return ++this.#pass;
  }
}

const STAMP_MAX = 2 ** 32 - 1;

/** The value that would stand at `n` if `values` were sorted ascending (Hoare's selection; reorders them). */
function selectNth(values: Float64Array, n: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swapped = values[i]!;
        values[i++] = values[j]!;
        values[j--] = swapped;
      }
    }
    if (n <= j) high = j;
    else if (n >= i) low = i;
    else break;
  }
  return values[n]!;
}

// One for every index: a search runs to its end before another can begin.
let shared = new SearchScratch(0);

/** Working space with room for `size` documents (short ids 0 to `size` - 1). */
export function scratchFor(size: number): SearchScratch {
  if (shared.size < size) shared = new SearchScratch(Math.max(size, 2 * shared.size));
  return shared;
}
