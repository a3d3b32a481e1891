import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/search/editDistance.js';

/** The whole optimal-string-alignment table, no band and no early stop: the definition itself. */
function fullDistance(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = table[i]!;
      const above = table[i - 1]!;
      row[j] = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, table[i - 2]![j - 2]! + 1);
      }
    }
  }
  return table[a.length]![b.length]!;
}

describe('editDistance', () => {
  it.each([
    ['cloud', 'cloud', 2, 0],
    ['clod', 'cloud', 2, 1],
    ['cluod', 'cloud', 2, 1],
    ['ca', 'abc', 3, 3],
    ['latency', 'lattice', 1, 2],
    ['gateway', 'g', 2, 3],
  ])('%s → %s within %i is %i', (a, b, max, expected) => {
    expect(editDistance(a, b, max)).toBe(expected);
  });

  it('is the full distance when at most max, and max + 1 otherwise', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 12 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        expect(editDistance(a, b, max)).toBe(Math.min(fullDistance(a, b), max + 1));
      }),
      { numRuns: 3000 },
    );
  });

  it('reuses its rows for a word longer than any before', () => {
    const long = 'x'.repeat(200);
    expect(editDistance(long, `${long}yz`, 2)).toBe(2);
  });
});
