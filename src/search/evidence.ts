import type { Aboutness } from './aboutness.js';
import type { KnowledgeIndex } from './buildIndex.js';
import type { RankingOptions } from './rankingOptions.js';

/** How the answering chunks hold a question term: their aboutness, or absent, or unknown to the chapters. */
export type Holding = Aboutness | 'absent' | 'unknown';

/** One question term as evidence for the verdict. */
export interface TermEvidence {
  term: string;
  /** Share of the question's weight this term carries (all terms sum to 1). */
  weight: number;
  held: Holding;
  /** From the ask sentence, not the scenario. */
  isAsked: boolean;
  /** Matched only after a typo was forgiven or a word completed. */
  isCorrected: boolean;
  /** Names a product the chapters only mention. */
  isForeign: boolean;
  /** Names a concept: a service or a phrase of several words. */
  isNamed: boolean;
}

/** What one chunk holds of the question: its terms as matched, and how strongly it is about each. */
export interface ChunkHolding {
  /** Question terms the chunk matched, exactly or through a typo or prefix. */
  matched: ReadonlySet<string>;
  /** How strongly the chunk is about its terms; null when not profiled (every matched term a mention). */
  aboutness: ReadonlyMap<string, Aboutness> | null;
}

const STRENGTH: readonly Holding[] = [
  'unknown',
  'absent',
  'passing',
  'mention',
  'repeated',
  'lead',
  'heading',
];

/** The question's terms as the evidence reads them. */
export interface QuestionTerms {
  /** Each term's weight (rarity times its role in the question). */
  weights: ReadonlyMap<string, number>;
  /** Terms of the ask sentence. */
  asked: ReadonlySet<string>;
  /** Terms that came from correcting or completing a word. */
  corrected: ReadonlySet<string>;
  /** Terms the question itself writes as a vendor's product the chapters do not cover. */
  products: ReadonlySet<string>;
  /**
   * Terms by which the question names a concept: a service, or a phrase of several words it wrote as
   * such ("geographic location", not the one word that is one of its aliases).
   */
  named: ReadonlySet<string>;
}

/**
 * Weigh each question term against the answering chunks (the best hit, or a service's best hits): the
 * strongest way any of them holds it.
 */
export function weighEvidence(
  index: KnowledgeIndex,
  chunks: readonly ChunkHolding[],
  { weights, asked, corrected, products, named }: QuestionTerms,
): TermEvidence[] {
  const total = [...weights.values()].reduce((sum, weight) => sum + weight, 0) || 1;
  return [...weights].map(([term, weight]) => {
    let held: Holding = index.documentFrequency.has(term) ? 'absent' : 'unknown';
    for (const chunk of chunks) {
      if (!chunk.matched.has(term)) continue;
      // Held only inside a longer phrase ("gate" inside "harbor gate list", where "harbor gate" is a phrase): in passing.
      const strength: Holding =
        chunk.aboutness === null
          ? 'mention'
          : (chunk.aboutness.get(term) ?? (held === 'unknown' ? 'mention' : 'passing'));
      if (STRENGTH.indexOf(strength) > STRENGTH.indexOf(held)) held = strength;
    }
    return {
      term,
      weight: weight / total,
      held,
      isAsked: asked.has(term),
      isCorrected: corrected.has(term),
      isForeign: index.foreignTerms.has(term) || products.has(term),
      isNamed: named.has(term),
    };
  });
}

/**
 * Share of the question (or of its ask, with `askedOnly`) that the evidence holds, each term credited by
 * how strongly it is held.
 */
export function evidenceCoverage(
  evidence: readonly TermEvidence[],
  options: Pick<RankingOptions, 'aboutnessCredit' | 'fuzzyCredit'>,
  askedOnly = false,
): number {
  let held = 0;
  let total = 0;
  for (const item of evidence) {
    if (askedOnly && !item.isAsked) continue;
    total += item.weight;
    if (item.held === 'absent' || item.held === 'unknown') continue;
    held += item.weight * options.aboutnessCredit[item.held] * (item.isCorrected ? options.fuzzyCredit : 1);
  }
  return total === 0 ? 0 : Math.min(1, held / total);
}

/**
 * `evidenceCoverage` of one chunk's `weighEvidence`, without building the evidence: ranking weighs every
 * hit this way. The same sums in the same order, so the same number to the last bit.
 */
export function holdingCoverage(
  index: KnowledgeIndex,
  chunk: ChunkHolding,
  { weights, corrected }: QuestionTerms,
  options: Pick<RankingOptions, 'aboutnessCredit' | 'fuzzyCredit'>,
): number {
  let sum = 0;
  for (const weight of weights.values()) sum += weight;
  const share = sum || 1;
  let held = 0;
  let total = 0;
  // By key, not by entry: ranking weighs every hit, and an entry is an array made per term.
  for (const term of weights.keys()) {
    const part = weights.get(term)! / share;
    total += part;
    if (!chunk.matched.has(term)) continue;
    // One chunk holds a term it matched at least in passing, as `weighEvidence` finds.
    const strength: Aboutness =
      chunk.aboutness === null
        ? 'mention'
        : (chunk.aboutness.get(term) ?? (index.documentFrequency.has(term) ? 'passing' : 'mention'));
    held += part * options.aboutnessCredit[strength] * (corrected.has(term) ? options.fuzzyCredit : 1);
  }
  return total === 0 ? 0 : Math.min(1, held / total);
}

/**
 * At least two informative asked terms besides a service's name, held strongly (heading, lead or
 * repeated) and spelt as asked: the question is on topic even when wrapped in words the chapters never use.
 */
export function isCorroborated(
  index: KnowledgeIndex,
  evidence: readonly TermEvidence[],
  options: Pick<RankingOptions, 'informativeShare'>,
): boolean {
  const informative = evidence.filter((item) => {
    const frequency = index.documentFrequency.get(item.term);
    return (
      item.isAsked &&
      !item.isCorrected &&
      !item.isForeign &&
      // A service's name says where to look, not what is asked about it.
      !index.servicesByIntent.has(item.term) &&
      (item.held === 'heading' || item.held === 'lead' || item.held === 'repeated') &&
      frequency !== undefined &&
      frequency <= index.chunks.size * options.informativeShare
    );
  });
  return informative.length >= 2;
}

/** "<vendor> Xyz" for each index's vendor words, compiled once (`matchAll` copies it, so it is never shared mid-match). */
const mentions = new WeakMap<readonly string[], RegExp>();

/**
 * Terms of the products a question names with a vendor's word ("<vendor> Xyz") that are none of the
 * chapters' services and that the chapters never use, or only list: a question about them is about
 * something the chapters do not cover.
 */
export function namedProducts(index: KnowledgeIndex, question: string): Set<string> {
  const products = new Set<string>();
  if (index.vendorWords.length === 0) return products;
  let mention = mentions.get(index.vendorWords);
  if (mention === undefined) {
    const vendors = index.vendorWords.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    mention = new RegExp(`\\b(?:${vendors})\\s+([A-Z0-9][\\w-]*(?:\\s+[A-Z0-9][\\w-]*)*)`, 'g');
    mentions.set(index.vendorWords, mention);
  }
  for (const [, name] of question.matchAll(mention)) {
    for (const term of index.tokenizer.queryTerms(name!).terms) {
      if (index.servicesByIntent.has(term)) continue;
      if (index.foreignTerms.has(term) || !index.documentFrequency.has(term)) products.add(term);
    }
  }
  return products;
}

/**
 * A chunk's holding of a question's compared figures ("less than 1 Gbps"): a chunk stating a figure that
 * meets them holds their unit strongly; one that only states other figures in that unit does not hold it.
 *
 * @param meets The chunk states figures meeting the comparison.
 * @param unitTerms Terms of the compared figures' units; none leaves the holding as it is.
 */
export function holdFigures(
  holding: ChunkHolding,
  meets: boolean,
  unitTerms: ReadonlySet<string>,
): ChunkHolding {
  if (unitTerms.size === 0) return holding;
  const matched = new Set(holding.matched);
  const aboutness = holding.aboutness === null ? null : new Map(holding.aboutness);
  for (const term of unitTerms) {
    if (!meets) {
      matched.delete(term);
      continue;
    }
    matched.add(term);
    aboutness?.set(term, 'lead');
  }
  return { matched, aboutness };
}
