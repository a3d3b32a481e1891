import { profileOf } from './aboutness.js';
import type { KnowledgeIndex } from './buildIndex.js';
import type { Hit } from './searchChunks.js';

/**
 * Is the kind of thing a question asks for ("Which <kind>…", "Which <product> feature…") something the
 * chapters do not cover? It is when the kind names a product the chapters only list, or when none of the
 * best hits speaks of it more than in passing: a section that merely lists load balancers among examples
 * does not answer "which load balancer…".
 *
 * @param kindTerms The kind's terms (the vendor's name left out).
 * @param hits Ranked hits, best first; only the first `depth` are read.
 * @param products Terms the question itself writes as a vendor's product the chapters do not cover.
 */
export function isKindElsewhere(
  index: KnowledgeIndex,
  kindTerms: readonly string[],
  hits: readonly Hit[],
  depth: number,
  products: ReadonlySet<string>,
): boolean {
  if (kindTerms.length === 0) return false;
  if (kindTerms.some((term) => index.foreignTerms.has(term) || products.has(term))) return true;
  return !hits.slice(0, depth).some((hit) => {
    const { aboutness } = profileOf(index, hit.chunk);
    return kindTerms.some((term) => {
      const strength = aboutness.get(term);
      return strength !== undefined && strength !== 'passing';
    });
  });
}
