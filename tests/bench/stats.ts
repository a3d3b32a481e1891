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

/** One synthetic corpus size, as `scale.ts` prints it. */
export interface ScaleResult {
  chunks: number;
  parse_ms: number;
  build_ms: number;
  query_ms: { p50: number; p99: number };
  heap_mb: number;
  index_bytes: number;
}
