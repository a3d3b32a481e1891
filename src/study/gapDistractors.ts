import { splitWords, stem } from '../search/tokenizer.js';
import type { CardOptions } from './card.js';
import { hashText } from './cardId.js';
import type { ChapterTerms, Occurrence, Term } from './chapterTerms.js';
import { findForms } from './forms.js';
import type { Material } from './material.js';
import { labelOf, neighboursOf } from './textWords.js';

/**
 * Pick the distractors of a "fill the gap" card: terms of the same kind from the same chapter, closest
 * first. A distractor never stands in the source chunk, never means the same as the answer (a glossary
 * synonym, the same quantity in another unit), and never sits next to the blank's neighbours in another
 * sentence of the chapter: as far as the chapter says, it would make the sentence false.
 *
 * @param material What the index offers cards.
 * @param chapterTerms The chapter's terms.
 * @param occurrence The blanked term where it stands.
 * @param id The card's id; it orders terms that are equally close.
 * @param options Card options (how many options, and at least how many).
 * @returns null when too few distractors fit.
 */
export function chooseDistractors(
  material: Material,
  chapterTerms: ChapterTerms,
  { term, chunk, start, end }: Occurrence,
  id: string,
  options: CardOptions,
): Term[] | null {
  const text = material.wordsOf(chunk);
  const labels = new Set([labelKey(labelOf(text, start, end))]);
  const [before, after] = neighboursOf(text, start, end, material.vendorStems);
  const here = `${chunk.id}\u0000${text.words[start]!.sentence}`;
  // A pair of words the chapter puts side by side in another sentence: there, the distractor is true.
  const isSaidElsewhere = (pair: string): boolean => {
    for (const place of chapterTerms.pairs.get(pair) ?? []) if (place !== here) return true;
    return false;
  };
  const inChunk = new Set(text.matches.map((match) => match.term));
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
  const distractors: Term[] = [];
  // The costlier test of truth runs only on the candidates reached, and on at most MAX_EXAMINED of them:
  // a term most of whose neighbours are true in its place makes no card worth the time.
  let examined = 0;
  for (const other of closestFirst(term, chapterTerms.terms, id)) {
    if (distractors.length === options.optionCount - 1 || examined++ === MAX_EXAMINED) break;
    if (!isFalse(other)) continue;
    // Two names of one service ("OV", "Object Vault") would be one option twice.
    if (distractors.some((chosen) => overlaps(chosen.concepts, other.concepts))) continue;
    // Two terms may still read alike ("½" is two numbers to the tokenizer).
    const label = labelKey(optionLabel(material, other));
    if (labels.has(label)) continue;
    labels.add(label);
    distractors.push(other);
  }
  return distractors.length < options.minOptions - 1 ? null : distractors;
}

/** How many candidates a card's distractors are sought among, closest first (none of the shipped cards need more). */
const MAX_EXAMINED = 256;

/** How many of the closest candidates are ordered first; twice as many more each time those run out. */
const FIRST_CANDIDATES = 32;

/**
 * The terms compatible with `term`, closest first (ties in an order the card's id decides). Candidates are
 * ordered a batch at a time, the closest first, so a large chapter's cards do not each sort all of its
 * terms; the order is the same as sorting all of them.
 */
function* closestFirst(term: Term, terms: readonly Term[], id: string): Generator<Term> {
  const candidates = terms.filter((other) => isCompatible(term, other));
  const ranks = Float64Array.from(candidates, (other) => distance(term, other));
  const sortedRanks = ranks.slice().sort();
  let done = Number.NEGATIVE_INFINITY;
  for (let size = FIRST_CANDIDATES; done < sortedRanks.at(-1)!; size *= 2) {
    // Every candidate as close as the size-th closest, so ties at the cut are all in one batch.
    const cut = sortedRanks[Math.min(size, sortedRanks.length) - 1]!;
    const batch: { other: Term; rank: number; tie: number }[] = [];
    ranks.forEach((rank, i) => {
      if (rank > done && rank <= cut) {
        const other = candidates[i]!;
        batch.push({ other, rank, tie: hashText(`${id}\u0000${other.key}`) });
      }
    });
    batch.sort((a, b) => a.rank - b.rank || a.tie - b.tie);
    for (const { other } of batch) yield other;
    done = cut;
  }
}

/** A distractor as an option: a service by its distinctive name, anything else as the chapter writes it. */
export function optionLabel(material: Material, term: Term): string {
  return term.service === null ? term.label : material.serviceShortName.get(term.service)!;
}

/** An option as a student compares it: case, punctuation and plural endings aside. */
function labelKey(label: string): string {
  return splitWords(label).map(stem).join(' ') || label;
}

function overlaps(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const item of a) if (b.has(item)) return true;
  return false;
}

/** The stems of every way the chapter writes a term: all names of a service, else the term itself. */
function writtenFormsOf(material: Material, term: Term): string[][] {
  return term.service === null
    ? [term.stems]
    : [term.stems, ...material.serviceForms.get(term.service)!.sequences];
}

const PRODUCT_FAMILIES = new Set(['service', 'product']);

/** Terms of one kind and family fit one blank; services and vendors' products fit each other's. */
function isCompatible(term: Term, other: Term): boolean {
  if (term.kind !== other.kind) return false;
  if (term.family === other.family) return true;
  return term.kind === 'name' && PRODUCT_FAMILIES.has(term.family) && PRODUCT_FAMILIES.has(other.family);
}

/** How far a distractor is from the answer: same family first, then close in size or rarity. */
function distance(term: Term, other: Term): number {
  const family = term.family === other.family ? 0 : 10;
  if (term.kind === 'figure') return family + Math.abs(Math.log10((other.value || 1) / (term.value || 1)));
  if (term.kind === 'word') {
    return (
      family +
      Math.abs(other.chunkCount - term.chunkCount) +
      Math.abs(other.label.length - term.label.length) / 10
    );
  }
  return family;
}
