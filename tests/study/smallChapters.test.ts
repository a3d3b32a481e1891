import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/study/card.js';
import { generateCards } from '../../src/study/generateCards.js';
import { fixtureIndex } from './studyFixtures.js';

const answerOf = (card: Card): string => card.options[card.answer]!;

describe('generateCards on small chapters', () => {
  describe('twin explanations', () => {
    const cards = generateCards(fixtureIndex('twins.md'));
    const card = (kind: Card['kind'], chunkId: string): Card | undefined =>
      cards.find((c) => c.kind === kind && c.chunkId === `twins/${chunkId}`);

    it('never offers, as a distractor service, one whose feature says the same', () => {
      const quickSetup = card('service', 'acme-harbor/quick-setup')!;
      expect(answerOf(quickSetup)).toBe('Acme Harbor');
      expect(quickSetup.options).not.toContain('Acme Beacon');
    });

    it('never offers, as a distractor feature, one with the same explanation', () => {
      const replication = card('feature', 'acme-ledger/fast-replication')!;
      expect(answerOf(replication)).toBe('Fast Replication');
      expect(replication.options).not.toContain('Instant Copies');
    });
  });

  describe('fewer than four services', () => {
    const cards = generateCards(fixtureIndex('three-services.md'));

    it('makes no "which service" card, since four options are needed', () => {
      expect(cards.filter((card) => card.kind === 'service')).toEqual([]);
    });

    it('still makes "which feature" cards', () => {
      expect(cards.filter((card) => card.kind === 'feature').length).toBeGreaterThan(0);
    });
  });

  describe('figures', () => {
    const gaps = generateCards(fixtureIndex('figures.md'), { kinds: ['gap'] });
    const gap = (fragment: string): Card => gaps.find((card) => card.stem.includes(fragment))!;

    it('offers figures of related units as distractors', () => {
      const card = gap('accept ___ bursts');
      expect(answerOf(card)).toBe('1000 Mbps');
      expect(card.options.every((option) => / [MG]bps$/.test(option))).toBe(true);
    });

    it('never offers the same quantity in another unit', () => {
      expect(gap('ports run at ___ for branch offices').options).not.toContain('1000 Mbps');
      expect(gap('accept ___ bursts').options).not.toContain('1 Gbps');
    });
  });
});
