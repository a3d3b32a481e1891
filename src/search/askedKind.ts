import { profileOf } from './aboutness.js';
import type { KnowledgeIndex } from './buildIndex.js';
import type { QuestionParts } from './readQuestion.js';
import type { Hit } from './searchChunks.js';
import type { Service } from './services.js';

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

/**
 * "Which <vendor> service … <named service> …?": are the services the question names context, not the
 * kind asked for? The answer to such a question is never the service it names. Only a qualified "Which
 * <qualifier> service…" counts ("What features of <service>…" has none: the service owns them), and only
 * when every service named is in the ask: a scenario naming one says what the question is about.
 *
 * @param named Services the question names.
 * @param askTerms Terms of the ask sentence.
 * @param kindTerms Terms of the asked kind (the vendor's name left out).
 */
export function isServiceContext(
  parts: Pick<QuestionParts, 'shape' | 'kind'>,
  named: readonly Service[],
  askTerms: readonly string[],
  kindTerms: readonly string[],
): boolean {
  return (
    parts.shape === 'whichService' &&
    parts.kind !== '' &&
    named.length > 0 &&
    named.every((service) => askTerms.some((term) => service.intentTerms.has(term))) &&
    !named.some((service) => kindTerms.some((term) => service.intentTerms.has(term)))
  );
}
