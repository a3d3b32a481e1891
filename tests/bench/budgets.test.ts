import { describe, expect, it } from 'vitest';
import { missedBudgets } from './budgets.js';

const table = (cli: string, load: string): string =>
  [
    'machine: Node v20, 2 cores',
    '',
    'budgets:',
    '  chapter query ≤ 0.5 ms          ok (0.067)',
    `  CLI cold start ≤ 600 ms         ${cli}`,
    `  load p99 ≤ 50 ms, none dropped  ${load}`,
    '',
  ].join('\n');

describe('missedBudgets', () => {
  it('finds nothing when every budget is met', () => {
    expect(missedBudgets(table('ok (180.8)', 'ok (20.1)'))).toEqual([]);
  });

  it('names each budget the run missed', () => {
    expect(missedBudgets(table('MISSED (601)', 'MISSED (50.5)'))).toEqual([
      'CLI cold start ≤ 600 ms         MISSED (601)',
      'load p99 ≤ 50 ms, none dropped  MISSED (50.5)',
    ]);
  });

  it('refuses a table without budgets rather than pass it', () => {
    expect(() => missedBudgets('chapter (29 chunks)\n')).toThrow(/no "budgets:" section/);
  });
});
