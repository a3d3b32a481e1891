import type { Chunk } from '../content/chapter.js';
import type { Service } from '../search/services.js';
import type { Card, CardOptions } from './card.js';
import { cardId, hashText, shuffleBy } from './cardId.js';
import { findForms, hasForms } from './forms.js';
import { maskText } from './maskText.js';
import type { Material } from './material.js';
import { readWords } from './textWords.js';

/** The question a "which service" card asks. */
const SERVICE_PROMPT = 'Which service does this describe?';

/**
 * A "which service" card: a feature's explanation with every name of its service masked, and four
 * services to choose from. None when the explanation cannot be masked readably or too few services fit.
 *
 * @param material What the index offers cards.
 * @param chunk A feature chunk.
 * @param options Card options.
 */
export function makeServiceCard(material: Material, chunk: Chunk, options: CardOptions): Card | null {
  const { index, serviceForms, serviceKey, vendorStems } = material;
  const service = index.serviceOf.get(chunk.id);
  if (chunk.kind !== 'feature' || service === undefined) return null;
  const words = material.wordsOf(chunk);
  const masked = maskText(words, findForms(words, serviceForms.get(service)!), vendorStems);
  if (masked.maskedShare > options.maxMaskedShare || masked.visibleWords < options.minVisibleWords)
    return null;
  // Read the stem afresh: whatever masking missed, this sees as a student would.
  const stem = readWords(masked.text, index.tokenizer);
  if (hasForms(stem, serviceForms.get(service)!)) return null;

  const id = cardId('service', chunk.id);
  // A service the stem names, or one with a twin explanation, would answer as well as the right one.
  const twins = material.servicesWithText(material.anonymousText(chunk));
  const keys = new Set([serviceKey.get(service)]);
  const distractors: Service[] = [];
  for (const other of candidatesFor(material, chunk, service, id)) {
    if (distractors.length === options.optionCount - 1) break;
    const key = serviceKey.get(other)!;
    if (keys.has(key) || twins.has(other) || hasForms(stem, serviceForms.get(other)!)) continue;
    keys.add(key);
    distractors.push(other);
  }
  if (distractors.length < options.optionCount - 1) return null;
  const ordered = shuffleBy(id, [service, ...distractors], (s) => serviceKey.get(s)!);
  return {
    id,
    kind: 'service',
    prompt: SERVICE_PROMPT,
    stem: masked.text,
    options: ordered.map((s) => s.title),
    answer: ordered.indexOf(service),
    chunkId: chunk.id,
    headings: chunk.headings,
  };
}

/**
 * Candidate distractors, best first: the other services of the chunk's chapter in an order seeded by the
 * card id, then the other chapters' services from a point the id picks. Lazy, so a large index costs only
 * the few candidates a card looks at.
 */
function* candidatesFor(material: Material, chunk: Chunk, service: Service, id: string): Generator<Service> {
  const chapter = material.chapterOf.get(chunk.id);
  const own = chapter === undefined ? [] : material.servicesOf(chapter);
  yield* shuffleBy(
    id,
    own.filter((other) => other !== service),
    (other) => other.title,
  );
  const all = material.index.services;
  const first = hashText(id) % Math.max(all.length, 1);
  for (let k = 0; k < all.length; k++) {
    const other = all[(first + k) % all.length]!;
    if (other !== service && !own.includes(other)) yield other;
  }
}
