import type { Chunk } from '../content/chapter.js';

/** A ranked chunk with what it matched. */
export interface RankedHit {
  chunk: Chunk;
  score: number;
  coverage: number;
}

/** The question and document terms a chunk matched, as MiniSearch reports them. */
export interface MatchInfo {
  terms: string[];
  queryTerms: string[];
}

/**
 * The best `capacity` hits offered, kept sorted best first; ties break by reading order. A large index
 * matches thousands of chunks and only the top few are ever shown.
 */
export class TopHits<H extends RankedHit> {
  readonly #capacity: number;
  readonly #order: ReadonlyMap<string, number>;
  readonly #hits: H[] = [];
  readonly #matches = new Map<H, MatchInfo>();

  /**
   * @param capacity How many hits to keep.
   * @param order Reading position of each chunk id, for ties.
   */
  constructor(capacity: number, order: ReadonlyMap<string, number>) {
    this.#capacity = capacity;
    this.#order = order;
  }

  /** Offer a hit; kept only while among the best `capacity`. */
  offer(hit: H, match: MatchInfo): void {
    const hits = this.#hits;
    const rank = this.#order.get(hit.chunk.id)!;
    const isBetter = (other: H): boolean =>
      hit.score > other.score || (hit.score === other.score && rank < this.#order.get(other.chunk.id)!);
    if (hits.length >= this.#capacity && !isBetter(hits.at(-1)!)) return;
    let low = 0;
    let high = hits.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (isBetter(hits[middle]!)) high = middle;
      else low = middle + 1;
    }
    hits.splice(low, 0, hit);
    this.#matches.set(hit, match);
    if (hits.length > this.#capacity) this.#matches.delete(hits.pop()!);
  }

  /** Whether a hit of this score could still be kept (ties break by reading order, so an equal one may). */
  admits(score: number): boolean {
    return this.#hits.length < this.#capacity || score >= this.#hits.at(-1)!.score;
  }

  /** The kept hits, best first. */
  sorted(): H[] {
    return [...this.#hits];
  }

  /** What a kept hit matched. */
  match(hit: H): MatchInfo | undefined {
    return this.#matches.get(hit);
  }
}
