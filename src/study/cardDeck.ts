import type { Chapter } from '../content/chapter.js';
import type { KnowledgeIndex } from '../search/buildIndex.js';
import type { Card } from './card.js';
import { shuffleBy } from './cardId.js';
import { generateCards } from './generateCards.js';
import { topicKey, type StudyTopic } from './topics.js';

/** Each index's cards, generated a chapter at a time when first asked for. */
const decks = new WeakMap<
  KnowledgeIndex,
  { byChapter: Map<string, Card[]>; chapterOf: Map<string, Chapter> }
>();

function deckOf(index: KnowledgeIndex): { byChapter: Map<string, Card[]>; chapterOf: Map<string, Chapter> } {
  let deck = decks.get(index);
  if (deck === undefined) {
    const chapterOf = new Map<string, Chapter>();
    for (const chapter of index.chapters)
      for (const chunk of chapter.chunks) chapterOf.set(chunk.id, chapter);
    decks.set(index, (deck = { byChapter: new Map(), chapterOf }));
  }
  return deck;
}

/**
 * A chapter's cards. Generated on first use and kept for as long as the index is (a reload builds a new
 * index, whose cards are generated again when asked for), so answering never waits for a generation.
 *
 * @param index The knowledge index.
 * @param chapter One of its chapters.
 */
export function chapterCards(index: KnowledgeIndex, chapter: Chapter): readonly Card[] {
  const deck = deckOf(index);
  let cards = deck.byChapter.get(chapter.file);
  if (cards === undefined) {
    cards = generateCards(index, { chapter: chapter.file });
    deck.byChapter.set(chapter.file, cards);
  }
  return cards;
}

/**
 * The cards of a topic: a chapter's, a service's within it, or (null) every chapter's.
 *
 * @param index The knowledge index.
 * @param topic The topic; null for all.
 */
export function topicCards(index: KnowledgeIndex, topic: StudyTopic | null): readonly Card[] {
  if (topic === null) return index.chapters.flatMap((chapter) => chapterCards(index, chapter));
  const cards = chapterCards(index, topic.chapter);
  if (topic.service === null) return cards;
  return cards.filter((card) => index.chunks.get(card.chunkId)?.service === topic.service);
}

/**
 * A card by id, from its chunk's chapter only.
 *
 * @returns null when the chunk or the card no longer exists (the chapters changed).
 */
export function findCard(index: KnowledgeIndex, chunkId: string, cardId: string): Card | null {
  const chapter = deckOf(index).chapterOf.get(chunkId);
  if (chapter === undefined) return null;
  return chapterCards(index, chapter).find((card) => card.id === cardId) ?? null;
}

/**
 * A card by id within the chapter a key names (`topicKey(file, null)`, what quiz buttons carry).
 *
 * @returns null when no loaded chapter has that key or that card (the chapters changed).
 */
export function findCardInChapter(index: KnowledgeIndex, chapterKey: string, cardId: string): Card | null {
  const chapter = index.chapters.find((candidate) => topicKey(candidate.file, null) === chapterKey);
  if (chapter === undefined) return null;
  return chapterCards(index, chapter).find((card) => card.id === cardId) ?? null;
}

/** The key of the chapter a card comes from, for quiz buttons. */
export function chapterKeyOf(index: KnowledgeIndex, card: Card): string {
  const chapter = deckOf(index).chapterOf.get(card.chunkId);
  return topicKey(chapter?.file ?? '', null);
}

/**
 * The cards of one quiz, in its order: a deterministic shuffle seeded by the quiz's id, so every instance
 * (and a restarted one) deals the same cards from the same chapters.
 *
 * @param cards The topic's cards.
 * @param seed The quiz's id.
 * @param count How many.
 */
export function dealCards(cards: readonly Card[], seed: string, count: number): Card[] {
  return shuffleBy(seed, cards, (card) => card.id).slice(0, Math.max(0, count));
}
