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
  readonly ids: string[];
  readonly lengths: (readonly number[])[];
  /** The final score of each found document, by position in `found`. */
  readonly finalScore: Float64Array;
  /** Working space of `keepBest`. */
  readonly #keys: Float64Array;
  /** Working space of `rankFound`. */
  readonly #ranked: Uint32Array;
  readonly #other: Uint32Array;
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
    // Filled, so that V8 keeps them as plain arrays (written at random, empty ones turn into dictionaries).
    this.ids = new Array<string>(size).fill('');
    this.lengths = new Array<readonly number[]>(size).fill(NO_LENGTHS);
    this.finalScore = new Float64Array(size);
    this.#keys = new Float64Array(size);
    this.#ranked = new Uint32Array(size);
    this.#other = new Uint32Array(size);
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
    const keys = this.#keys.subarray(0, count);
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
   * (as MiniSearch's stable sort leaves them): their positions in `found`. A merge sort over the positions,
   * since a comparator called per pair by the built-in sort costs more than all the rest of a search.
   */
  rankFound(count: number): Uint32Array {
    const score = this.finalScore;
    let from = this.#ranked;
    let to = this.#other;
    for (let j = 0; j < count; j++) from[j] = j;
    // Short runs by insertion, then runs merged pairwise; an equal score never moves ahead of an earlier one.
    for (let start = 0; start < count; start += INSERTION_RUN) {
      const end = Math.min(start + INSERTION_RUN, count);
      for (let i = start + 1; i < end; i++) {
        const position = from[i]!;
        const key = score[position]!;
        let j = i - 1;
        while (j >= start && score[from[j]!]! < key) {
          from[j + 1] = from[j]!;
          j--;
        }
        from[j + 1] = position;
      }
    }
    for (let width = INSERTION_RUN; width < count; width *= 2) {
      for (let low = 0; low < count; low += 2 * width) {
        const middle = Math.min(low + width, count);
        const high = Math.min(low + 2 * width, count);
        let i = low;
        let j = middle;
        let k = low;
        while (i < middle && j < high)
          to[k++] = score[from[j]!]! > score[from[i]!]! ? from[j++]! : from[i++]!;
        while (i < middle) to[k++] = from[i++]!;
        while (j < high) to[k++] = from[j++]!;
      }
      [from, to] = [to, from];
    }
    return from;
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
const NO_LENGTHS: readonly number[] = [];

/** `rankFound` sorts runs this long by insertion before merging them. */
const INSERTION_RUN = 16;

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
