import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Aboutness } from '../../src/search/aboutness.js';
import {
  evidenceCoverage,
  holdingCoverage,
  weighEvidence,
  type QuestionTerms,
} from '../../src/search/evidence.js';
import { defaultRankingOptions } from '../../src/search/rankingOptions.js';
import { shippedIndex } from '../helpers.js';

const index = shippedIndex();
// Terms the chapter uses and terms it never does: their holding differs when a chunk matches them untold.
const TERMS = [...[...index.documentFrequency.keys()].slice(0, 6), 'zzyzx', 'qwfpg'];
const ABOUTNESS: Aboutness[] = ['heading', 'lead', 'repeated', 'mention', 'passing'];

describe('holdingCoverage', () => {
  it("is evidenceCoverage of one chunk's weighEvidence, to the last bit", () => {
    const term = fc.constantFrom(...TERMS);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(term, fc.double({ min: 0, max: 10, noNaN: true })), {
          selector: ([t]) => t,
          maxLength: 8,
        }),
        fc.uniqueArray(term),
        fc.option(fc.dictionary(term, fc.constantFrom(...ABOUTNESS)), { nil: null }),
        fc.uniqueArray(term),
        (weights, matched, aboutness, corrected) => {
          const holding = {
            matched: new Set(matched),
            aboutness: aboutness === null ? null : new Map(Object.entries(aboutness)),
          };
          const terms: QuestionTerms = {
            weights: new Map(weights),
            asked: new Set(),
            corrected: new Set(corrected),
            products: new Set(),
            named: new Set(),
          };
          const expected = evidenceCoverage(weighEvidence(index, [holding], terms), defaultRankingOptions);
          expect(holdingCoverage(index, holding, terms, defaultRankingOptions)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
