import type { SearchResult } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { searchExact, type ExactOptions } from '../../src/search/exactSearch.js';
import { questionFiles } from '../bench/questions.js';
import { shippedIndex } from '../helpers.js';

const index = shippedIndex();
const questions = questionFiles().flatMap(({ questions: set }) => set.map((question) => question.q));
const ids = [...index.chunks.keys()];

/** Options as queryIndex passes them: field boosts, a weight per term, a boost for some chunks, none for some. */
function optionsFor(n: number): ExactOptions {
  return {
    fields: ['title', 'aliases', 'service', 'headings', 'text'],
    boost: { title: 4, aliases: 2, service: 1.5, headings: 1, text: 1 },
    boostTerm: (term) => 1 + (term.length % 5) / 3,
    boostDocument: (id) => [1, 6, 0, 3][(ids.indexOf(id) + n) % 4]!,
  };
}

/** A result's fields, read as a caller reads them (what it matched is worked out when read). */
const asPlain = ({ id, score, terms, queryTerms, match }: SearchResult) => ({
  id,
  score,
  terms,
  queryTerms,
  match,
});

describe('searchExact', () => {
  it("gives MiniSearch's own results for every eval question's known terms, to the last bit", () => {
    let compared = 0;
    questions.forEach((question, n) => {
      const terms = index.tokenizer
        .queryTerms(question)
        .terms.filter((term) => index.documentFrequency.has(term));
      const options = optionsFor(n);
      const expected = index.miniSearch.search(terms.join(' '), { ...options, fields: [...options.fields] });
      expect(searchExact(index.miniSearch, terms, options)?.map(asPlain)).toEqual(expected.map(asPlain));
      compared += expected.length;
    });
    expect(compared).toBeGreaterThan(1000);
  });

  it('adds a repeated term to the score again but counts it once as matched, as MiniSearch does', () => {
    const terms = ['bandwidth', 'connect', 'bandwidth'];
    const options = optionsFor(1);
    const expected = index.miniSearch.search(terms.join(' '), { ...options, fields: [...options.fields] });
    expect(expected.length).toBeGreaterThan(0);
    expect(searchExact(index.miniSearch, terms, options)?.map(asPlain)).toEqual(expected.map(asPlain));
  });

  it('tells what each result matched for more terms than a result keeps as bits', () => {
    const terms = [...index.documentFrequency.keys()].slice(0, 40);
    const options = optionsFor(2);
    const expected = index.miniSearch.search(terms.join(' '), { ...options, fields: [...options.fields] });
    expect(expected.some((result) => result.queryTerms.length > 1)).toBe(true);
    expect(searchExact(index.miniSearch, terms, options)?.map(asPlain)).toEqual(expected.map(asPlain));
  });

  it('keeps the best results and every one tied with the last kept, best first, as in the full list', () => {
    let cut = 0;
    let tied = 0;
    questions.forEach((question, n) => {
      const terms = index.tokenizer
        .queryTerms(question)
        .terms.filter((term) => index.documentFrequency.has(term));
      const full = searchExact(index.miniSearch, terms, optionsFor(n))!.map(asPlain);
      for (const keep of [1, 3, 10]) {
        const kept = searchExact(index.miniSearch, terms, { ...optionsFor(n), keep })!.map(asPlain);
        const last = full[keep - 1];
        expect(kept).toEqual(last === undefined ? full : full.filter((result) => result.score >= last.score));
        if (kept.length < full.length) cut++;
        if (kept.length > keep) tied++;
      }
    });
    // Some cuts fall inside a run of equal scores: those must all be kept.
    expect([cut > 100, tied > 0]).toEqual([true, true]);
  });

  it('finds nothing for a term the index never saw', () => {
    expect(searchExact(index.miniSearch, ['zzyzx'], optionsFor(0))).toEqual([]);
  });
});
