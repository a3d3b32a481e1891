import type { KnowledgeIndex } from '../search/buildIndex.js';
import { defaultCardOptions, type Card, type CardOptions } from './card.js';
import { collectTerms } from './chapterTerms.js';
import { makeFeatureCard } from './featureCards.js';
import { makeGapCards } from './gapCards.js';
import { prepareMaterial, type Material } from './material.js';
import { makeServiceCard } from './serviceCards.js';

/** What cards need from an index, worked out once per index (a reload builds a new index). */
const materials = new WeakMap<KnowledgeIndex, Material>();

/**
 * Generate the quiz cards of the loaded chapters: "which service", "which feature" and "fill the gap".
 * Deterministic: the same chapters and glossary give the same cards, ids and option orders.
 *
 * @param index The knowledge index (chapters, services, glossary phrases).
 * @param options Merged over `defaultCardOptions`.
 * @returns Cards in reading order of their chunks; per chunk, service then feature then gap cards.
 */
export function generateCards(index: KnowledgeIndex, options: Partial<CardOptions> = {}): Card[] {
  const settings: CardOptions = { ...defaultCardOptions, ...options };
  const kinds = new Set(settings.kinds);
  let material = materials.get(index);
  if (material === undefined) materials.set(index, (material = prepareMaterial(index)));
  const chapters = index.chapters.filter((c) => settings.chapter === null || c.file === settings.chapter);
  const byChunk = new Map<string, Card[]>(chapters.flatMap((c) => c.chunks.map((chunk) => [chunk.id, []])));
  for (const chapter of chapters) {
    for (const chunk of chapter.chunks) {
      const cards = byChunk.get(chunk.id)!;
      const serviceCard = kinds.has('service') ? makeServiceCard(material, chunk, settings) : null;
      const featureCard = kinds.has('feature') ? makeFeatureCard(material, chunk, settings) : null;
      if (serviceCard !== null) cards.push(serviceCard);
      if (featureCard !== null) cards.push(featureCard);
    }
    if (!kinds.has('gap')) continue;
    for (const card of makeGapCards(material, collectTerms(material, chapter, settings), settings)) {
      byChunk.get(card.chunkId)!.push(card);
    }
  }
  return [...byChunk.values()].flat();
}
