import { describe, expect, it } from 'vitest';
import { askedQuantities, meetsQuantities, statedQuantities } from '../../src/search/quantities.js';

describe('askedQuantities', () => {
  it.each([
    ['How can you get Sub 1 Gbps bandwidth?', { value: 1e9, dimension: 'rate', comparison: 'below' }],
    ['less than 500 Mbps', { value: 5e8, dimension: 'rate', comparison: 'below' }],
    ['a link faster than 10 Gbps', { value: 1e10, dimension: 'rate', comparison: 'above' }],
    ['up to 2 gigabits per second', { value: 2e9, dimension: 'rate', comparison: 'atMost' }],
    ['at least 5 TB of storage', { value: 5e12, dimension: 'size', comparison: 'atLeast' }],
    ['move 60 Petabytes of data', { value: 6e16, dimension: 'size', comparison: 'equal' }],
    ['a 1,000 Mbps port', { value: 1e9, dimension: 'rate', comparison: 'equal' }],
    ['8 Gb of logs', { value: 1e9, dimension: 'size', comparison: 'equal' }],
  ])('reads "%s"', (question, expected) => {
    expect(askedQuantities(question)).toEqual([expect.objectContaining(expected)]);
  });

  it('reads no figure from numbers without a unit or words that only end like one', () => {
    expect(askedQuantities('Route 53 has 4 routing policies and 2 web bps-like names: 10 bumps')).toEqual([]);
  });
});

describe('statedQuantities', () => {
  it('reads a range written "from A to B"', () => {
    expect(statedQuantities('levels ranging from 50 Mbps to 100 Gbps, and').ranges).toEqual([
      { low: expect.objectContaining({ value: 5e7 }), high: expect.objectContaining({ value: 1e11 }) },
    ]);
  });
});

describe('meetsQuantities', () => {
  const dedicated = { text: 'dedicated 1 Gbps or 10 Gbps connections' };
  const flexible = { text: 'bandwidth levels, ranging from 50 Mbps to 100 Gbps' };
  const asked = (question: string) => askedQuantities(question);

  it('meets "less than" only with a smaller figure, never by repeating the asked one', () => {
    expect(meetsQuantities(flexible, asked('less than 1 Gbps'))).toBe(true);
    expect(meetsQuantities(dedicated, asked('less than 1 Gbps'))).toBe(false);
  });

  it('meets "more than" only with a larger figure', () => {
    expect(meetsQuantities(flexible, asked('more than 10 Gbps'))).toBe(true);
    expect(meetsQuantities(dedicated, asked('more than 10 Gbps'))).toBe(false);
  });

  it('meets a plain figure by stating it or a range that holds it', () => {
    expect(meetsQuantities(dedicated, asked('10 Gbps'))).toBe(true);
    expect(meetsQuantities(flexible, asked('40 Gbps'))).toBe(true);
    expect(meetsQuantities(dedicated, asked('40 Gbps'))).toBe(false);
  });

  it('never meets a figure of another dimension', () => {
    expect(meetsQuantities(flexible, asked('60 GB'))).toBe(false);
  });
});
