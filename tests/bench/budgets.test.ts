import { describe, expect, it } from 'vitest';
import { judgeBudgets, type BudgetFigures } from './budgets.js';

/** A run that meets every budget, with the 50k-chunk corpus measured. */
const run = (): BudgetFigures => ({
  chapter: { query_ms: { p50: 0.07 }, answer_ms: { p50: 0.08 } },
  scale: [
    {
      chunks: 50_000,
      parse_ms: 4000,
      build_ms: 6500,
      query_ms: { p50: 2, p99: 7 },
      heap_mb: 240,
      index_bytes: 1,
    },
  ],
  cold_start_ms: { cli: 180, bot_ready: 360 },
  load: { sent: 500, answered: 500, ms: { p99: 20 } },
});
const missed = (figures: BudgetFigures): string[] =>
  judgeBudgets(figures)
    .filter((budget) => !budget.isMet)
    .map((budget) => budget.label);

describe('judgeBudgets', () => {
  it('misses nothing on a run within every budget', () => {
    expect(judgeBudgets(run())).toHaveLength(8);
    expect(missed(run())).toEqual([]);
  });

  it('names each budget a run misses', () => {
    const slow = run();
    slow.cold_start_ms.cli = 601;
    slow.scale[0]!.heap_mb = 501;
    expect(missed(slow)).toEqual(['50k heap ≤ 500 MB', 'CLI cold start ≤ 600 ms']);
  });

  it('counts a dropped answer under load as a miss, however fast the rest', () => {
    const dropped = run();
    dropped.load.answered = 499;
    expect(missed(dropped)).toEqual(['load p99 ≤ 50 ms, none dropped']);
  });
});
