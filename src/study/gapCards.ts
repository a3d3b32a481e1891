import type { Card, CardOptions } from './card.js';
import { cardId, hashText, shuffleBy } from './cardId.js';
import type { ChapterTerms, Occurrence, Term } from './chapterTerms.js';
import { addName, emptyForms, findForms, hasForms, type Forms } from './forms.js';
import { BLANK } from './maskText.js';
import type { Material } from './material.js';
import { labelOf, neighboursOf, readWords } from './textWords.js';

/** The question a "fill the gap" card asks. */
export const GAP_PROMPT = 'Fill the gap.';

/**
 * "Fill the gap" cards of one chapter: in each sentence, every figure and name, and the rarest word that
 * makes a card, blanked, with distractors of the same kind from the same chapter. A distractor never
 * stands in the source chunk, never means the same as the answer, and never sits next to the blank's
 * neighbours elsewhere in the chapter: as far as the chapter says, it would make the sentence false.
 *
 * @param material What the index offers cards.
 * @param chapterTerms The chapter's terms (`collectTerms`).
 * @param options Card options.
 */
export function makeGapCards(material: Material, chapterTerms: ChapterTerms, options: CardOptions): Card[] {
  const bySentence = new Map<string, Occurrence[]>();
  for (const occurrence of chapterTerms.occurrences) {
    const sentence = material.wordsOf(occurrence.chunk).words[occurrence.start]!.sentence;
    const key = `${occurrence.chunk.id}\u0000${sentence}`;
    const list = bySentence.get(key);
    if (list === undefined) bySentence.set(key, [occurrence]);
    else list.push(occurrence);
  }
  const cards: Card[] = [];
  const seen = new Set<string>();
  for (const occurrences of bySentence.values()) {
    const words = occurrences
      .filter((occurrence) => occurrence.term.kind === 'word')
      .sort(
        (a, b) =>
          a.term.chunkCount - b.term.chunkCount ||
          b.term.label.length - a.term.label.length ||
          a.start - b.start,
      );
    const others = occurrences.filter((occurrence) => occurrence.term.kind !== 'word');
    for (const occurrence of others) {
      const card = makeGapCard(material, chapterTerms, occurrence, options, seen);
      if (card !== null) cards.push(card);
    }
    for (const occurrence of words) {
      const card = makeGapCard(material, chapterTerms, occurrence, options, seen);
      if (card === null) continue;
      cards.push(card);
      break;
    }
  }
  return cards;
}

function makeGapCard(
  material: Material,
  chapterTerms: ChapterTerms,
  { term, chunk, start, end }: Occurrence,
  options: CardOptions,
  seen: Set<string>,
): Card | null {
  const id = cardId('gap', chunk.id, `${term.kind}:${term.key}`);
  if (seen.has(id)) return null;
  const text = material.wordsOf(chunk);
  const sentence = text.sentences[text.words[start]!.sentence]!;
  const sentenceWords = text.words.filter((word) => word.sentence === text.words[start]!.sentence);
  if (sentenceWords.length < options.minSentenceWords) return null;
  const label = labelOf(text, start, end);
  const blankStart = text.words[start]!.start;
  const stemText = (
    text.text.slice(sentence.start, blankStart) +
    BLANK +
    text.text.slice(blankStart + label.length, sentence.end)
  ).trim();
  const stem = readWords(stemText, material.index.tokenizer);
  // With its vendor prefix the name may have initials of its own: "Amazon Web Services" → "AWS".
  let vendorStart = start;
  while (vendorStart > 0 && material.vendorStems.has(text.words[vendorStart - 1]!.stem)) vendorStart--;
  const forms = formsOf(material, term);
  if (vendorStart < start) addName(forms, labelOf(text, vendorStart, end), material.index.tokenizer);
  if (hasForms(stem, forms)) return null;

  const [before, after] = neighboursOf(text, start, end, material.vendorStems);
  const here = `${chunk.id}\u0000${text.words[start]!.sentence}`;
  // A pair of words the chapter puts side by side in another sentence: there, the distractor is true.
  const isSaidElsewhere = (pair: string): boolean =>
    [...(chapterTerms.pairs.get(pair) ?? [])].some((place) => place !== here);
  const inChunk = new Set(text.matches.map((match) => match.term));
  const overlaps = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => [...a].some((x) => b.has(x));
  const isFalse = (other: Term): boolean =>
    other !== term &&
    other.key !== term.key &&
    !other.chunkIds.has(chunk.id) &&
    !overlaps(other.concepts, term.concepts) &&
    !overlaps(other.concepts, inChunk) &&
    !(other.service !== null && findForms(text, material.serviceForms.get(other.service)!).length > 0) &&
    !(other.kind === 'figure' && other.value === term.value) &&
    !writtenFormsOf(material, other).some(
      (stems) =>
        (before !== null && isSaidElsewhere(`${before}\u0000${stems[0]}`)) ||
        (after !== null && isSaidElsewhere(`${stems.at(-1)}\u0000${after}`)),
    );
  const ranked = chapterTerms.terms
    .filter((other) => isCompatible(term, other) && isFalse(other))
    .map((other) => ({ other, rank: distance(term, other), tie: hashText(`${id}\u0000${other.key}`) }))
    .sort((a, b) => a.rank - b.rank || a.tie - b.tie)
    .map(({ other }) => other);
  const distractors: Term[] = [];
  for (const other of ranked) {
    if (distractors.length === options.optionCount - 1) break;
    if (distractors.some((chosen) => overlaps(chosen.concepts, other.concepts))) continue;
    distractors.push(other);
  }
  if (distractors.length < options.minOptions - 1) return null;
  seen.add(id);
  const ordered = shuffleBy(id, [term, ...distractors], (option) => option.key);
  return {
    id,
    kind: 'gap',
    prompt: GAP_PROMPT,
    stem: stemText,
    options: ordered.map((option) => (option === term ? label : optionLabel(material, option))),
    answer: ordered.indexOf(term),
    chunkId: chunk.id,
    headings: chunk.headings,
  };
}

/** A distractor as an option: a service by its distinctive name, anything else as the chapter writes it. */
function optionLabel(material: Material, term: Term): string {
  return term.service === null ? term.label : material.serviceShortName.get(term.service)!;
}

/** The stems of every way the chapter writes a term: all names of a service, else the term itself. */
function writtenFormsOf(material: Material, term: Term): string[][] {
  return term.service === null
    ? [term.stems]
    : [term.stems, ...material.serviceForms.get(term.service)!.sequences];
}

/** Every form in which a stem could give the term away. */
function formsOf(material: Material, term: Term): Forms {
  const forms =
    term.kind === 'name' ? addName(emptyForms(), term.label, material.index.tokenizer) : emptyForms();
  forms.sequences.push(term.stems);
  for (const concept of term.concepts) forms.terms.add(concept);
  if (term.service !== null) {
    const service = material.serviceForms.get(term.service)!;
    forms.sequences.push(...service.sequences);
    for (const concept of service.terms) forms.terms.add(concept);
    for (const acronym of service.spelled) forms.spelled.add(acronym);
    for (const capitals of service.capitals) forms.capitals.add(capitals);
  }
  return forms;
}

const PRODUCT_FAMILIES = new Set(['service', 'product']);

function isCompatible(term: Term, other: Term): boolean {
  if (term.kind !== other.kind) return false;
  if (term.family === other.family) return true;
  return term.kind === 'name' && PRODUCT_FAMILIES.has(term.family) && PRODUCT_FAMILIES.has(other.family);
}

/** How far a distractor is from the answer: same family first, then close in size or rarity. */
function distance(term: Term, other: Term): number {
  const family = term.family === other.family ? 0 : 10;
  if (term.kind === 'figure') return family + Math.abs(Math.log10((other.value || 1) / (term.value || 1)));
  if (term.kind === 'word')
    return (
      family +
      Math.abs(other.chunkCount - term.chunkCount) +
      Math.abs(other.label.length - term.label.length) / 10
    );
  return family;
}
