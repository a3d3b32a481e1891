import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/content/chapter.js';
import { TopHits } from '../../src/search/topHits.js';

const chunk = (id: string) => ({ id }) as Chunk;
const order = new Map([
  ['a', 0],
  ['b', 1],
  ['c', 2],
]);
const match = { terms: [], queryTerms: [] };

describe('TopHits.admits', () => {
  it('admits any score while there is room', () => {
    const top = new TopHits(2, order);
    top.offer({ chunk: chunk('a'), score: 5, coverage: 0 }, match);
    expect(top.admits(0)).toBe(true);
  });

  it('admits an equal score once full (reading order may still let it in), never a lower one', () => {
    const top = new TopHits(2, order);
    top.offer({ chunk: chunk('b'), score: 5, coverage: 0 }, match);
    top.offer({ chunk: chunk('c'), score: 3, coverage: 0 }, match);
    expect([top.admits(3), top.admits(2.9)]).toEqual([true, false]);
  });
});
