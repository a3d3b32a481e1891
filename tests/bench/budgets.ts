import type { ScaleResult } from './stats.js';

/** The figures of a benchmark run that the budgets judge. */
export interface BudgetFigures {
  chapter: { query_ms: { p50: number }; answer_ms: { p50: number } };
  scale: ScaleResult[];
  cold_start_ms: { cli: number; bot_ready: number };
  load: { sent: number; answered: number; ms: { p99: number } };
}

/** One budget and how the run fared against it. */
export interface Budget {
  /** What is measured and its limit, as printed: "chapter query ≤ 0.5 ms". */
  label: string;
  figure: number;
  isMet: boolean;
}

/** Judge a run against every budget (the 50k-chunk ones only when that corpus was measured). */
export function judgeBudgets(r: BudgetFigures): Budget[] {
  const big = r.scale.find((s) => s.chunks === 50_000);
  const budget = (label: string, figure: number, isMet: boolean): Budget => ({ label, figure, isMet });
  return [
    budget('chapter query ≤ 0.5 ms', r.chapter.query_ms.p50, r.chapter.query_ms.p50 <= 0.5),
    budget('answer() ≤ 2 ms', r.chapter.answer_ms.p50, r.chapter.answer_ms.p50 <= 2),
    ...(big === undefined
      ? []
      : [
          budget('50k query p99 ≤ 20 ms', big.query_ms.p99, big.query_ms.p99 <= 20),
          budget('50k build ≤ 10 s', big.build_ms, big.build_ms <= 10_000),
          budget('50k heap ≤ 500 MB', big.heap_mb, big.heap_mb <= 500),
        ]),
    budget('CLI cold start ≤ 600 ms', r.cold_start_ms.cli, r.cold_start_ms.cli <= 600),
    budget('bot ready ≤ 1000 ms', r.cold_start_ms.bot_ready, r.cold_start_ms.bot_ready <= 1000),
    budget(
      'load p99 ≤ 50 ms, none dropped',
      r.load.ms.p99,
      r.load.ms.p99 <= 50 && r.load.answered === r.load.sent,
    ),
  ];
}

/** The budgets as table lines: "  chapter query ≤ 0.5 ms          ok (0.067)". */
export function formatBudgets(budgets: readonly Budget[]): string[] {
  return budgets.map((b) => `  ${b.label.padEnd(31)} ${b.isMet ? 'ok' : 'MISSED'} (${b.figure})`);
}
