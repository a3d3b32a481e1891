import { rarity } from './rarity.js';

/**
 * A compact inverted index beside MiniSearch's: for each term, the chunks (by MiniSearch's short ids, which
 * an update in place leaves as they are) that hold it and how prominently (3 = title, 2 = service or
 * alias, 1 = text or trail). It gives document frequencies and a cheap first pass that picks candidates on
 * a large index before MiniSearch scores them.
 */
export interface Postings {
  /** Short ids of the chunks holding the term, in reading order. */
  shortIds: Int32Array;
  /** Prominence of the term in each of those chunks. */
  weights: Uint8Array;
}

/** Accumulates postings chunk by chunk, in reading order. */
export class PostingsBuilder {
  readonly #lists = new Map<string, number[]>();
  #current = new Map<string, number>();

  /** Note that the chunk being added holds `term` with this prominence. */
  note(term: string, weight: number): void {
    const previous = this.#current.get(term) ?? 0;
    if (weight > previous) this.#current.set(term, weight);
  }

  /** Close the current chunk, whose short id is `shortId` (chunks come in reading order). */
  endChunk(shortId: number): void {
    for (const [term, weight] of this.#current) {
      let list = this.#lists.get(term);
      if (list === undefined) this.#lists.set(term, (list = []));
      list.push(shortId * 4 + weight);
    }
    this.#current = new Map();
  }

  /** Freeze into typed arrays. */
  build(): Map<string, Postings> {
    const postings = new Map<string, Postings>();
    for (const [term, list] of this.#lists) {
      const shortIds = new Int32Array(list.length);
      const weights = new Uint8Array(list.length);
      list.forEach((packed, i) => {
        shortIds[i] = packed >> 2;
        weights[i] = packed & 3;
      });
      postings.set(term, { shortIds, weights });
    }
    return postings;
  }
}

/**
 * The short ids of the `max` chunks with the highest quick score: for each term, its rarity times its
 * prominence, summed, times the chunk's boost. Used only to pick candidates; MiniSearch does the real
 * scoring.
 *
 * @param postings The postings.
 * @param terms The question's known terms.
 * @param counts Chunks in the index, and a number above every short id.
 * @param boosts Multiplier by short id (service intent); absent means 1.
 * @param max How many candidates to return.
 */
export function topCandidates(
  postings: ReadonlyMap<string, Postings>,
  terms: readonly string[],
  counts: { chunks: number; shortIdLimit: number },
  boosts: ReadonlyMap<number, number>,
  max: number,
): number[] {
  const scores = new Float64Array(counts.shortIdLimit);
  const touched: number[] = [];
  for (const term of terms) {
    const list = postings.get(term);
    if (list === undefined) continue;
    const weight = rarity(counts.chunks, list.shortIds.length);
    for (let i = 0; i < list.shortIds.length; i++) {
      const shortId = list.shortIds[i]!;
      if (scores[shortId] === 0) touched.push(shortId);
      scores[shortId]! += weight * list.weights[i]!;
    }
  }
  if (touched.length <= max) return touched;
  const boosted = new Float64Array(touched.length);
  touched.forEach((shortId, i) => (boosted[i] = scores[shortId]! * (boosts.get(shortId) ?? 1)));
  const threshold = kthLargest(Float64Array.from(boosted), max);
  const chosen: number[] = [];
  touched.forEach((shortId, i) => {
    if (boosted[i]! > threshold && chosen.length < max) chosen.push(shortId);
  });
  touched.forEach((shortId, i) => {
    if (boosted[i] === threshold && chosen.length < max) chosen.push(shortId);
  });
  return chosen;
}

/** The k-th largest value (1-based) by quickselect; reorders `values`. */
function kthLargest(values: Float64Array, k: number): number {
  let low = 0;
  let high = values.length - 1;
  const target = k - 1;
  while (low < high) {
    const pivot = values[(low + high) >> 1]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else break;
  }
  return values[target]!;
}
