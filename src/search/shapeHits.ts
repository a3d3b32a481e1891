import type { KnowledgeIndex } from './buildIndex.js';
import type { Hit } from './searchChunks.js';
import type { Service } from './services.js';

/**
 * For "which service…" questions: the service whose chunks hold the most evidence in all, summed over its
 * best `depth` hits, answered by its overview first and then its best feature, ahead of the other hits.
 *
 * @param index The knowledge index.
 * @param hits Ranked hits, best first.
 * @param depth How many of a service's hits count towards its evidence.
 */
export function preferService(index: KnowledgeIndex, hits: readonly Hit[], depth: number): Hit[] {
  const totals = new Map<Service, { sum: number; counted: number }>();
  for (const hit of hits) {
    const service = index.serviceOf.get(hit.chunk.id);
    if (service === undefined) continue;
    const total = totals.get(service) ?? { sum: 0, counted: 0 };
    if (total.counted < depth) {
      total.sum += hit.score;
      total.counted++;
    }
    totals.set(service, total);
  }
  let winner: Service | null = null;
  let best = 0;
  for (const [service, total] of totals) {
    if (total.sum > best) [winner, best] = [service, total.sum];
  }
  if (winner === null) return [...hits];
  const own = hits.filter((hit) => index.serviceOf.get(hit.chunk.id) === winner);
  const overviewId = winner.overviewId;
  const overview =
    overviewId === null
      ? undefined
      : (own.find((hit) => hit.chunk.id === overviewId) ?? {
          chunk: index.chunks.get(overviewId)!,
          score: own[0]!.score,
          coverage: own[0]!.coverage,
        });
  const feature = own.find((hit) => hit !== overview);
  const first = [overview, feature].filter((hit) => hit !== undefined);
  // The winner's overview and best feature lead, level with the best hit; the rest keep their order.
  const top = hits[0]!.score;
  return [
    ...first.map((hit) => ({ ...hit, score: top })),
    ...hits.filter((hit) => !first.some((kept) => kept.chunk.id === hit.chunk.id)),
  ];
}

/**
 * For "A vs B" questions: the joint best hit first, then the best hit of each side when they are not
 * already among the first three, then the rest.
 *
 * @param hits The joint question's hits, best first.
 * @param sides The best hits of each side searched alone.
 */
export function interleaveSides(hits: readonly Hit[], sides: readonly (Hit | undefined)[]): Hit[] {
  const result = hits.slice(0, 1);
  const has = (hit: Hit): boolean => result.some((kept) => kept.chunk.id === hit.chunk.id);
  for (const side of sides) {
    if (side === undefined || has(side)) continue;
    const joint = hits.find((hit) => hit.chunk.id === side.chunk.id);
    result.push(joint ?? { ...side, score: result.at(-1)?.score ?? side.score });
  }
  for (const hit of hits) if (!has(hit)) result.push(hit);
  return monotone(result);
}

/** Scores never rise down the list: a moved hit takes the score of the one before it. */
function monotone(hits: Hit[]): Hit[] {
  let ceiling = Number.POSITIVE_INFINITY;
  return hits.map((hit) => {
    const score = Math.min(hit.score, ceiling);
    ceiling = score;
    return score === hit.score ? hit : { ...hit, score };
  });
}
