import type { CardKind } from './card.js';

/**
 * A 53-bit hash of a string (cyrb53, public domain): stable across runs and machines, well spread, and
 * pure, so ids and option orders never depend on the clock or on Math.random.
 */
export function hashText(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * A card's id: its kind and a hash of the chunk id and of what is blanked. It depends on nothing else,
 * so a student's schedule survives restarts and edits to other chunks or to the wording around the blank.
 *
 * @param kind The card's kind.
 * @param chunkId The source chunk's id.
 * @param blank Normalised key of the blanked term; empty for cards that mask a name instead.
 */
export function cardId(kind: CardKind, chunkId: string, blank = ''): string {
  return `${kind}-${hashText(`${chunkId}\u0000${blank}`).toString(36).padStart(11, '0')}`;
}

/**
 * Order items by a hash of the seed and each item's key: a deterministic shuffle, the same on every run.
 *
 * @param seed What the order depends on (a card id).
 * @param items Items to order.
 * @param keyOf Each item's stable key.
 */
export function shuffleBy<T>(seed: string, items: readonly T[], keyOf: (item: T) => string): T[] {
  const ranked = items.map((item) => ({
    item,
    key: keyOf(item),
    rank: hashText(`${seed}\u0000${keyOf(item)}`),
  }));
  return ranked
    .sort((a, b) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => r.item);
}
