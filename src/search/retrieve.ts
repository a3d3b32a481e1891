import type { KnowledgeIndex } from './buildIndex.js';
import { exportMiniSearch } from './miniSearchIndex.js';
import { queryIndex } from './queryIndex.js';
import type { RankingOptions } from './rankingOptions.js';
import type { QuestionShape } from './readQuestion.js';
import type { Hit } from './searchChunks.js';
import type { Service } from './services.js';
import { TopHits } from './topHits.js';

/**
 * MiniSearch's hits for the terms, with services the question names boosted, and overviews when it names
 * only a service or asks what one thing is.
 *
 * @param roles How much each term counts (asked or scenario, phrase span).
 * @param named Services the question names.
 * @param learned Sections with a learned question the question closely matches (`matchLearned`): boosted,
 *   and only then is the `asked` field searched.
 * @returns The best hits with what each matched, and the terms taken as held instead of scored.
 */
export function retrieve(
  index: KnowledgeIndex,
  terms: readonly string[],
  roles: ReadonlyMap<string, number>,
  named: readonly Service[],
  shape: QuestionShape,
  settings: RankingOptions,
  learned: ReadonlyMap<string, unknown> = new Map(),
): { top: TopHits<Hit>; ubiquitous: readonly string[] } {
  // A question that names a service and nothing else ("what about <service>?") asks for the service itself.
  const topicTerms = terms.filter(
    (term) => !named.some((service) => service.intentTerms.has(term) || service.nameStems.has(term)),
  );
  const overviewIds = new Set(
    topicTerms.length === 0 ? named.map((service) => service.overviewId).filter((id) => id !== null) : [],
  );
  // "what is <term>": a definition of one thing is what overviews give.
  if (named.length === 0 && topicTerms.length === 1 && shape === 'definition') {
    for (const service of index.services)
      if (service.overviewId !== null) overviewIds.add(service.overviewId);
  }
  const boosts = new Map<string, number>();
  const { documentIds } = exportMiniSearch(index.miniSearch);
  for (const service of named) {
    for (const id of service.chunkIds) boosts.set(id, settings.serviceBoost);
    // A chunk of another service that speaks of the named one ("… using <service> or …") is about it too.
    for (const term of service.intentTerms) {
      for (const shortId of index.postings.get(term)?.shortIds ?? [])
        boosts.set(documentIds.get(shortId)!, settings.serviceBoost);
    }
  }
  for (const id of overviewIds) boosts.set(id, (boosts.get(id) ?? 1) * settings.overviewBoost);
  for (const id of learned.keys()) boosts.set(id, (boosts.get(id) ?? 1) * settings.learnedBoost);
  const searched =
    learned.size > 0 ? settings : { ...settings, fieldBoosts: { ...settings.fieldBoosts, asked: 0 } };
  const top = new TopHits<Hit>(settings.topHitsKept, index.order);
  const { results, ubiquitous } = queryIndex(index, terms, boosts, roles, searched);
  // MiniSearch gives its results best first: once one cannot be kept, none after it can.
  for (const result of results) {
    if (!top.admits(result.score)) break;
    const chunk = index.chunks.get(String(result.id));
    if (chunk !== undefined) top.offer({ chunk, score: result.score, coverage: 0 }, result);
  }
  return { top, ubiquitous };
}
