/** Median and 99th percentile of samples, in the samples' unit, rounded to 3 decimals. */
export function summarize(samples: readonly number[]): { p50: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: round(at(0.5)), p99: round(at(0.99)) };
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Run `fn` over each input `rounds` times after a warm-up, returning per-call times in ms. */
export function timeEach<T>(
  inputs: readonly T[],
  fn: (input: T) => unknown,
  rounds: number,
  warmup = 2,
): number[] {
  for (let i = 0; i < warmup; i++) for (const input of inputs) fn(input);
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const started = performance.now();
      fn(input);
      samples.push(performance.now() - started);
    }
  }
  return samples;
}

/**
 * Time several functions on the same inputs side by side: each round runs every function in turn, so a
 * busy spell on a shared machine slows them all alike and their ratio holds.
 *
 * @returns Each function's samples, by its name.
 */
export function timeSideBySide<T>(
  inputs: readonly T[],
  fns: Readonly<Record<string, (input: T) => unknown>>,
  rounds: number,
): Record<string, number[]> {
  const samples: Record<string, number[]> = {};
  // Warmed up first (`timeEach` with no rounds), then timed a round at a time.
  for (const [name, fn] of Object.entries(fns)) samples[name] = timeEach(inputs, fn, 0);
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of Object.entries(fns)) samples[name]!.push(...timeEach(inputs, fn, 1, 0));
  }
  return samples;
}

/** One synthetic corpus size, as `scale.ts` prints it. */
export interface ScaleResult {
  chunks: number;
  parse_ms: number;
  build_ms: number;
  query_ms: { p50: number; p99: number };
  heap_mb: number;
  index_bytes: number;
  /** One edited chapter re-indexed (read, that chapter parsed again, the index built). */
  reload_ms: number;
  /** The index loaded from the file saved for the same content (read, hashed, restored). */
  cached_start_ms: number;
  /** The bot (`npm start`) started until its index was ready, from the index it saved before. */
  bot_ready_ms: number;
  /** lunr and MiniSearch with their defaults on the same chunks. */
  peers: { lunr: PeerResult; minisearch_default: PeerResult };
}

/** A peer engine on one corpus: build, query p50/p99, heap after building. */
export interface PeerResult {
  build_ms: number;
  query_ms: { p50: number; p99: number };
  heap_mb: number;
}
