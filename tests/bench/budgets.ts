/**
 * The budgets a benchmark run missed, read from its printed table: the budget lines there (`  name  ok
 * (figure)` or `  name  MISSED (figure)`) are the one statement of the budgets, so a budget added to the
 * table is enforced too.
 *
 * @returns Each missed budget's line, trimmed.
 */
export function missedBudgets(table: string): string[] {
  const start = table.indexOf('\nbudgets:\n');
  if (start === -1) throw new Error('missedBudgets: the table has no "budgets:" section');
  return table
    .slice(start)
    .split('\n')
    .filter((line) => /\sMISSED \(/.test(line))
    .map((line) => line.trim());
}
