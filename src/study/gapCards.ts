import type { Card, CardOptions } from './card.js';
import { cardId, shuffleBy } from './cardId.js';
import type { ChapterTerms, Occurrence, Term } from './chapterTerms.js';
import { addName, emptyForms, hasForms, type Forms } from './forms.js';
import { chooseDistractors, optionLabel } from './gapDistractors.js';
import { BLANK } from './maskText.js';
import type { Material } from './material.js';
import { labelOf, readWords } from './textWords.js';

/** The question a "fill the gap" card asks. */
const GAP_PROMPT = 'Fill the gap.';

/**
 * "Fill the gap" cards of one chapter: in each sentence, every figure and name, and the rarest word that
 * makes a card, blanked, with distractors of the same kind from the same chapter (`chooseDistractors`).
 * A blank is never made where the rest of the sentence shows the answer in another form.
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
  occurrence: Occurrence,
  options: CardOptions,
  seen: Set<string>,
): Card | null {
  const { term, chunk, start, end } = occurrence;
  const id = cardId('gap', chunk.id, `${term.kind}:${term.key}`);
  if (seen.has(id)) return null;
  const text = material.wordsOf(chunk);
  const sentenceIndex = text.words[start]!.sentence;
  if (text.words.filter((word) => word.sentence === sentenceIndex).length < options.minSentenceWords)
    return null;
  const distractors = chooseDistractors(material, chapterTerms, occurrence, id, options);
  if (distractors === null) return null;

  const sentence = text.sentences[sentenceIndex]!;
  const label = labelOf(text, start, end);
  const blankStart = text.words[start]!.start;
  const stemText = (
    text.text.slice(sentence.start, blankStart) +
    BLANK +
    text.text.slice(blankStart + label.length, sentence.end)
  ).trim();
  // With its vendor prefix the name may have initials of its own: "Acme Object Vault" → "AOV".
  let vendorStart = start;
  while (vendorStart > 0 && material.vendorStems.has(text.words[vendorStart - 1]!.stem)) vendorStart--;
  const forms = formsOf(material, term);
  if (vendorStart < start) addName(forms, labelOf(text, vendorStart, end), material.index.tokenizer);
  // Read the stem afresh: whatever the blank left behind, this sees as a student would.
  if (hasForms(readWords(stemText, material.index.tokenizer), forms)) return null;

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
