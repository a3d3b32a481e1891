import { describe, expect, it } from 'vitest';
import { topicCards } from '../../src/study/cardDeck.js';
import { summariseProgress, type ReviewSummary } from '../../src/study/progress.js';
import { findTopic } from '../../src/study/topics.js';
import { shippedIndex } from '../helpers.js';

const index = shippedIndex();
const NOW = Date.UTC(2026, 10, 28, 12);
const TODAY = Math.floor(NOW / 86_400_000);
const review = (cardId: string, chunkId: string, isCorrect: boolean): ReviewSummary => ({
  cardId,
  chunkId,
  due: isCorrect ? NOW + 1 : NOW - 1,
  isCorrect,
  misses: isCorrect ? 0 : 1,
});

describe('summariseProgress', () => {
  const cards = topicCards(index, findTopic(index, 'Amazon CloudFront'));
  const reviews = [
    review(cards[0]!.id, cards[0]!.chunkId, true),
    review(cards[1]!.id, cards[1]!.chunkId, true),
    review(cards[2]!.id, cards[2]!.chunkId, false),
  ];

  it('counts the cards known out of each service, in reading order', () => {
    const progress = summariseProgress(index, reviews, [TODAY], NOW);
    expect(progress.services.map((s) => s.label)).toEqual([
      'Amazon Virtual Private Cloud (VPC)',
      'Amazon Route 53',
      'AWS Direct Connect',
      'Amazon CloudFront',
    ]);
    expect(progress.services[3]).toEqual({
      label: 'Amazon CloudFront',
      known: 2,
      answered: 3,
      total: cards.length,
    });
    expect(progress).toMatchObject({ answered: 3, due: 1, missed: 1 });
  });

  it.each([
    [[TODAY, TODAY - 1, TODAY - 2, TODAY - 4], 3],
    [[TODAY - 1, TODAY - 2], 2],
    [[TODAY - 2], 0],
    [[], 0],
  ])('counts the streak of days %j as %i', (days, streak) => {
    expect(summariseProgress(index, [], days, NOW).streak).toBe(streak);
  });
});
