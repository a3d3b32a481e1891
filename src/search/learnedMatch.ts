import type { Aboutness } from './aboutness.js';
import type { KnowledgeIndex } from './buildIndex.js';
import type { ChunkHolding } from './evidence.js';

/** A learned question's terms, with the section it was confirmed for. */
interface LearnedQuestion {
  id: string;
  terms: ReadonlySet<string>;
}

const learnedByIndex = new WeakMap<KnowledgeIndex, LearnedQuestion[]>();

/** A question's terms for comparing it with learned ones: as search reads them, without vendor words. */
function termsOf(index: KnowledgeIndex, question: string): Set<string> {
  return new Set(index.tokenizer.queryTerms(question).terms.filter((term) => !index.vendorTerms.has(term)));
}

/**
 * The sections whose learned questions (`asked.yml`) the question closely matches, each with those
 * questions' terms. Close means that the terms the two share are at least `minSimilarity` of all the terms
 * either has (Jaccard): the same question again, or the same words reordered or with filler changed, not
 * one that merely shares a word, so a learned question never pulls unrelated questions to its section.
 *
 * @param index The knowledge index (its `asked` questions).
 * @param question The question as typed.
 * @param minSimilarity `RankingOptions.learnedMatchMin`.
 */
export function matchLearned(
  index: KnowledgeIndex,
  question: string,
  minSimilarity: number,
): Map<string, ReadonlySet<string>> {
  const matches = new Map<string, Set<string>>();
  if (index.asked.size === 0) return matches;
  let learned = learnedByIndex.get(index);
  if (learned === undefined) {
    learned = [...index.asked].flatMap(([id, questions]) =>
      questions.map((text) => ({ id, terms: termsOf(index, text) })),
    );
    learnedByIndex.set(index, learned);
  }
  const asked = termsOf(index, question);
  if (asked.size === 0) return matches;
  for (const { id, terms } of learned) {
    const shared = [...asked].filter((term) => terms.has(term)).length;
    if (shared / (asked.size + terms.size - shared) < minSimilarity) continue;
    matches.set(id, new Set([...(matches.get(id) ?? []), ...terms]));
  }
  return matches;
}

/**
 * What a chunk holds of the question once a learned question of it matches: that question's terms, each
 * at least as a mention (students confirmed the section answers them).
 */
export function withLearned(holding: ChunkHolding, learned: ReadonlySet<string> | undefined): ChunkHolding {
  if (learned === undefined) return holding;
  const aboutness = holding.aboutness === null ? null : new Map<string, Aboutness>(holding.aboutness);
  for (const term of learned) {
    const held = aboutness?.get(term);
    if (aboutness !== null && (held === undefined || held === 'passing')) aboutness.set(term, 'mention');
  }
  return { matched: new Set([...holding.matched, ...learned]), aboutness };
}
