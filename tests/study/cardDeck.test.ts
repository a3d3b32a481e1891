import { describe, expect, it } from 'vitest';
import { chapterCards, dealCards, findCard, topicCards } from '../../src/study/cardDeck.js';
import { generateCards } from '../../src/study/generateCards.js';
import { findTopic } from '../../src/study/topics.js';
import { shippedIndex } from '../helpers.js';

const index = shippedIndex();
const chapter = index.chapters[0]!;

describe('chapterCards', () => {
  it("holds the chapter's cards, the same as generating every card", () => {
    expect(chapterCards(index, chapter).map((card) => card.id)).toEqual(
      generateCards(index).map((c) => c.id),
    );
  });

  it('generates once per index: the second call returns the same cards', () => {
    expect(chapterCards(index, chapter)).toBe(chapterCards(index, chapter));
  });
});

describe('topicCards', () => {
  it("holds only a service's cards for a service topic", () => {
    const cards = topicCards(index, findTopic(index, 'AWS Direct Connect'));
    expect(cards.length).toBeGreaterThan(10);
    for (const card of cards) expect(index.chunks.get(card.chunkId)!.service).toBe('AWS Direct Connect');
  });
});

describe('findCard', () => {
  it('finds a card by its chunk and id, and nothing once either is unknown', () => {
    const card = chapterCards(index, chapter)[7]!;
    expect(findCard(index, card.chunkId, card.id)).toBe(card);
    expect(findCard(index, card.chunkId, 'gap-00000000000')).toBeNull();
    expect(findCard(index, 'networking-service/gone', card.id)).toBeNull();
  });
});

describe('dealCards', () => {
  it('deals the same distinct cards for the same seed, others for another', () => {
    const cards = topicCards(index, null);
    const dealt = dealCards(cards, '1300000000000000001', 5);
    expect(dealt).toHaveLength(5);
    expect(new Set(dealt.map((card) => card.id)).size).toBe(5);
    expect(dealCards(cards, '1300000000000000001', 5)).toEqual(dealt);
    expect(dealCards(cards, '1300000000000000002', 5)).not.toEqual(dealt);
  });
});
