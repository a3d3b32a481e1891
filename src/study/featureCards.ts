import type { Chunk } from '../content/chapter.js';
import { splitWords, stem as stemWord } from '../search/tokenizer.js';
import { STOPWORDS } from '../search/stopwords.js';
import type { Card, CardOptions } from './card.js';
import { cardId, shuffleBy } from './cardId.js';
import { addName, emptyForms, findForms, hasForms, type Forms } from './forms.js';
import { maskText } from './maskText.js';
import type { Material } from './material.js';
import { readWords, type TextWords } from './textWords.js';

/**
 * A "which feature" card: an explanation with its title's words masked, and other feature titles of the
 * same service to choose from. None when the explanation cannot be masked readably or too few titles fit.
 *
 * @param material What the index offers cards.
 * @param chunk A feature chunk.
 * @param options Card options.
 */
export function makeFeatureCard(material: Material, chunk: Chunk, options: CardOptions): Card | null {
  const { index } = material;
  const service = index.serviceOf.get(chunk.id);
  if (chunk.kind !== 'feature' || chunk.feature === null || service === undefined) return null;
  const forms = titleForms(material, chunk.feature);
  const words = material.wordsOf(chunk);
  const masked = maskText(words, findForms(words, forms));
  if (masked.maskedShare > options.maxMaskedShare || masked.visibleWords < options.minVisibleWords)
    return null;
  const stem = readWords(masked.text, index.tokenizer);
  if (hasForms(stem, forms)) return null;

  const id = cardId('feature', chunk.id);
  const text = normalText(chunk);
  const keys = new Set([titleKey(chunk.feature)]);
  const siblings = service.chunkIds
    .map((other) => index.chunks.get(other)!)
    .filter((other) => other.kind === 'feature' && other.feature !== null && other.id !== chunk.id);
  const distractors: Chunk[] = [];
  for (const other of shuffleBy(id, siblings, (sibling) => sibling.id)) {
    if (distractors.length === options.optionCount - 1) break;
    const key = titleKey(other.feature!);
    // The same title twice, a twin explanation, or a title the stem spells out would answer as well.
    if (keys.has(key) || normalText(other) === text || isNamedIn(stem, material, other.feature!)) continue;
    keys.add(key);
    distractors.push(other);
  }
  if (distractors.length < options.minOptions - 1) return null;
  const ordered = shuffleBy(id, [chunk, ...distractors], (option) => titleKey(option.feature!));
  return {
    id,
    kind: 'feature',
    prompt: `Which feature of ${service.title} does this describe?`,
    stem: masked.text,
    options: ordered.map((option) => option.feature!),
    answer: ordered.indexOf(chunk),
    chunkId: chunk.id,
    headings: chunk.headings,
  };
}

/** Every content word of a title on its own, and the title as a whole (its initials, glossary aliases). */
function titleForms(material: Material, title: string): Forms {
  const forms = emptyForms();
  for (const word of title.split(/[\s/]+/)) {
    if (splitWords(word).some((part) => !STOPWORDS.has(part))) addName(forms, word, material.index.tokenizer);
  }
  addName(forms, title, material.index.tokenizer);
  // A glossary phrase inside the title ("audit log" in "Audit Log Export").
  for (const match of material.index.tokenizer.analyze(title).matches) forms.terms.add(match.term);
  return forms;
}

/** A title the stem names outright: every content word of it appears, or its glossary term does. */
function isNamedIn(stem: TextWords, material: Material, title: string): boolean {
  const stems = new Set(stem.words.map((word) => word.stem));
  const content = splitWords(title).filter((word) => !STOPWORDS.has(word));
  if (content.length > 0 && content.every((word) => stems.has(stemWord(word)))) return true;
  const whole = addName(emptyForms(), title, material.index.tokenizer);
  return stem.matches.some((match) => whole.terms.has(match.term));
}

function titleKey(title: string): string {
  return splitWords(title).map(stemWord).join(' ');
}

const normalTexts = new WeakMap<Chunk, string>();

/** A chunk's words, lower-case: equal for two explanations that differ only in case or punctuation. */
function normalText(chunk: Chunk): string {
  let text = normalTexts.get(chunk);
  if (text === undefined) normalTexts.set(chunk, (text = splitWords(chunk.text).join(' ')));
  return text;
}
