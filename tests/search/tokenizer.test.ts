import { describe, expect, it } from 'vitest';
import { createTokenizer, phraseTerm, splitWords, stem, type Phrase } from '../../src/search/tokenizer.js';

/** A phrase as the index builds it: its words stemmed, contracting to the term of `target`. */
const phrase = (text: string, target = text): Phrase => ({
  stems: splitWords(text).map(stem),
  term: phraseTerm(target),
});

/** A tokenizer that has indexed a small synthetic corpus of its own. */
function tokenizerFor(texts: readonly string[], phrases: readonly Phrase[] = []) {
  const tokenizer = createTokenizer(phrases);
  for (const text of texts) tokenizer.indexTerms(text);
  return tokenizer;
}

const corpus = [
  'Harbor Gateway keeps packets moving between islands with low latency.',
  'The lighthouse beacon rotates every minute and warns ships of reefs.',
  'Multi-Value Answer Lanterns light several harbours at once.',
  'Ferries carry cargo containers, passengers and mail across the strait.',
  'Dedicated moorings give each vessel a berth of its own.',
  'Signal flags and lantern codes replace radio during storms.',
];

describe('splitWords', () => {
  it('lower-cases, folds accents and drops possessives', () => {
    expect(splitWords("The Café's Déjà-vu")).toEqual(['the', 'cafe', 'deja', 'vu']);
  });
});

describe('createTokenizer: questions', () => {
  it('drops filler words and question framing, and stems the rest', () => {
    const tokenizer = tokenizerFor(corpus);
    expect(tokenizer.queryTerms('What are the main benefits of the lighthouses?').terms).toEqual([
      'lighthous',
    ]);
  });

  it('contracts a phrase and its aliases to one term, longest first', () => {
    const tokenizer = tokenizerFor(corpus, [
      phrase('Harbor Gateway'),
      phrase('HG', 'Harbor Gateway'),
      phrase('harbor'),
    ]);
    expect(tokenizer.queryTerms('harbor gateway latency').terms).toEqual(['harborgatewai', 'latenc']);
    expect(tokenizer.queryTerms('HG latency').terms).toEqual(['harborgatewai', 'latenc']);
    expect(tokenizer.queryTerms('harbor gateway latency').spans.get('harborgatewai')).toBe(2);
  });

  it('never lets a one-word alias stand in for a filler word that stems like it', () => {
    const tokenizer = tokenizerFor(corpus, [phrase('HA', 'high tide')]);
    expect(tokenizer.queryTerms('the ferry has cargo').terms).toEqual(['ferri', 'cargo']);
  });

  it('corrects a misspelt word against the indexed words, counting a transposition as one edit', () => {
    const tokenizer = tokenizerFor(corpus);
    const { terms, corrected } = tokenizer.queryTerms('lihgthouse beacon');
    expect(terms).toEqual(['lighthous', 'beacon']);
    expect([...corrected]).toEqual(['lighthous']);
  });

  it('matches a long word by its sound when its spelling is too far off', () => {
    const tokenizer = tokenizerFor(corpus);
    expect(tokenizer.queryTerms('dedecatid moorings').terms).toEqual(['dedic', 'moor']);
  });

  it('drops a misspelt filler word but keeps a real word one letter away from one', () => {
    const tokenizer = tokenizerFor(corpus);
    expect(tokenizer.queryTerms('wat is teh beacon').terms).toEqual(['beacon']);
    expect(tokenizer.queryTerms('log of the beacon').terms).toEqual(['log', 'beacon']);
  });

  it('splits two indexed words written as one, and joins one written as two', () => {
    const tokenizer = tokenizerFor(corpus);
    expect(tokenizer.queryTerms('multivalue answer').terms).toEqual(['multi', 'valu', 'answer']);
    expect(tokenizer.queryTerms('light house beacon').terms).toEqual(['lighthous', 'beacon']);
  });

  it('completes the last word while it is being typed, and only then', () => {
    const tokenizer = tokenizerFor(corpus);
    expect(tokenizer.queryTerms('lighthouse bea', { completeLast: 2 }).terms).toEqual([
      'lighthous',
      'beacon',
    ]);
    expect(tokenizer.queryTerms('lighthouse bea').terms).toEqual(['lighthous', 'bea']);
  });

  it('completes along a phrase the previous word starts before taking the most used word', () => {
    const tokenizer = tokenizerFor(
      [...corpus, 'Signal strength, signal strength, signal strength.'],
      [phrase('signal flags')],
    );
    expect(tokenizer.queryTerms('signal f', { completeLast: 1 }).terms).toEqual(['signalflag']);
    expect(tokenizer.queryTerms('lantern s', { completeLast: 1 }).terms).toEqual(['lantern', 'signal']);
  });
});

describe('createTokenizer: indexed text', () => {
  it('indexes every word and every phrase found, overlapping ones included', () => {
    const tokenizer = createTokenizer([phrase('Answer Lanterns'), phrase('Multi-Value Answer Lanterns')]);
    expect(tokenizer.indexTerms('Multi-Value Answer Lanterns')).toEqual([
      'multi',
      'valu',
      'answer',
      'lantern',
      'multivaluanswerlantern',
      'answerlantern',
    ]);
  });

  it('reads a text in order with the longest phrases contracted', () => {
    const tokenizer = createTokenizer([phrase('Answer Lanterns'), phrase('Multi-Value Answer Lanterns')]);
    expect(tokenizer.sequence('the Multi-Value Answer Lanterns glow')).toEqual([
      'multivaluanswerlantern',
      'glow',
    ]);
  });
});
