import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeIndex } from '../../src/search/buildIndex.js';
import { indexContent } from '../../src/search/indexContent.js';
import type { Card } from '../../src/study/card.js';
import { generateCards } from '../../src/study/generateCards.js';
import { checkCards, type Invariant } from './cardInvariants.js';
import { chapterArbitrary, type ChapterTruth } from './chapterArbitrary.js';

const CHAPTERS = 1000;
/** Fixed, so that a failure names a chapter anyone can regenerate. */
const SEED = 20_251_129;

interface Sample {
  truth: ChapterTruth;
  index: KnowledgeIndex;
  cards: Card[];
  violations: Record<Invariant, string[]>;
}

let samples: Sample[] = [];

beforeAll(() => {
  samples = fc.sample(chapterArbitrary(), { numRuns: CHAPTERS, seed: SEED }).map((truth) => {
    const index = indexContent({ chapters: [truth.file], glossaries: [] });
    const facts = truth.services.map((service) => ({
      heading: service.heading,
      names: service.names,
      titleWords: new Map(service.features.map((feature) => [feature.title, feature.titleWords])),
    }));
    const cards = generateCards(index);
    return { truth, index, cards, violations: checkCards(cards, index, facts) };
  });
}, 300_000);

/** The first few violations of one invariant across all chapters, each with its chapter's markdown. */
function violationsOf(invariant: Invariant): string[] {
  const found: string[] = [];
  for (const { truth, violations } of samples) {
    const lines = violations[invariant];
    if (lines.length > 0) found.push(`${lines.slice(0, 3).join('\n')}\n--- chapter ---\n${truth.file.text}`);
    if (found.length === 3) break;
  }
  return found;
}

describe(`generateCards on ${CHAPTERS} generated chapters`, () => {
  it('reads each generated chapter as the services and features it was written with', () => {
    const misread = samples.filter(({ truth, index }) =>
      truth.services.some(
        (service) =>
          !index.services.some((found) => found.title === service.heading) ||
          service.features.some(
            (feature) => ![...index.chunks.values()].some((chunk) => chunk.feature === feature.title),
          ),
      ),
    );
    expect(misread.map((sample) => sample.truth.file.text).slice(0, 1)).toEqual([]);
  });

  it('makes cards of every kind, from most chapters', () => {
    const total = (kind: Card['kind']): number =>
      samples.reduce((sum, sample) => sum + sample.cards.filter((card) => card.kind === kind).length, 0);
    expect(total('service')).toBeGreaterThan(CHAPTERS * 5);
    expect(total('feature')).toBeGreaterThan(CHAPTERS * 5);
    expect(total('gap')).toBeGreaterThan(CHAPTERS * 10);
    // A chapter may legitimately yield none: three services whose features are all twins, say.
    expect(samples.filter((sample) => sample.cards.length === 0).length).toBeLessThanOrEqual(CHAPTERS / 100);
  });

  it.each(['options', 'giveaway', 'twins', 'faithful', 'distractors'] as const)(
    'keeps the %s invariant on every card',
    (invariant) => {
      expect(violationsOf(invariant)).toEqual([]);
    },
  );

  it('gives each card of a chapter its own id', () => {
    const clashing = samples.filter(
      ({ cards }) => new Set(cards.map((card) => card.id)).size !== cards.length,
    );
    expect(clashing.map((sample) => sample.truth.file.text).slice(0, 1)).toEqual([]);
  });
});
