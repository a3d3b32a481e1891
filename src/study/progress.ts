import type { KnowledgeIndex } from '../search/buildIndex.js';
import { topicCards } from './cardDeck.js';

/** What progress needs of a stored schedule. */
export interface ReviewSummary {
  cardId: string;
  chunkId: string;
  due: number;
  isCorrect: boolean;
  misses: number;
}

/** How well a student knows one service: cards whose last answer was right, of all its cards. */
export interface ServiceMastery {
  /** The service heading (with its chapter when several chapters are loaded). */
  label: string;
  known: number;
  answered: number;
  total: number;
}

/** A student's progress. */
export interface Progress {
  /** Services with at least one card, in reading order. */
  services: ServiceMastery[];
  /** Consecutive days with an answer, up to today (or yesterday, while today has none yet). */
  streak: number;
  answered: number;
  /** Cards due now. */
  due: number;
  /** Cards answered wrong at least once. */
  missed: number;
}

/** One day in milliseconds. */
const DAY_MS = 86_400_000;

/**
 * Sum up a student's schedules: mastery per service (cards known out of the service's cards), the streak of
 * days with answers, and what is due.
 *
 * @param index The knowledge index; every chapter's cards are generated (once per index) for the totals.
 * @param reviews The student's stored schedules.
 * @param days The days (since 1970, UTC) with an answer, any order.
 * @param now The time now (ms).
 */
export function summariseProgress(
  index: KnowledgeIndex,
  reviews: readonly ReviewSummary[],
  days: readonly number[],
  now: number,
): Progress {
  const byCard = new Map(reviews.map((review) => [review.cardId, review]));
  const services = new Map<string, ServiceMastery>();
  const isSeveral = index.chapters.length > 1;
  for (const card of topicCards(index, null)) {
    const chunk = index.chunks.get(card.chunkId);
    if (chunk?.service == null) continue;
    const key = `${chunk.chapter}\u0000${chunk.service}`;
    let mastery = services.get(key);
    if (mastery === undefined) {
      const label = isSeveral ? `${chunk.chapter} › ${chunk.service}` : chunk.service;
      services.set(key, (mastery = { label, known: 0, answered: 0, total: 0 }));
    }
    mastery.total++;
    const review = byCard.get(card.id);
    if (review !== undefined) {
      mastery.answered++;
      if (review.isCorrect) mastery.known++;
    }
  }
  return {
    services: [...services.values()],
    streak: streak(days, Math.floor(now / DAY_MS)),
    answered: reviews.length,
    due: reviews.filter((review) => review.due <= now).length,
    missed: reviews.filter((review) => review.misses > 0).length,
  };
}

/** Consecutive days with answers ending today, or yesterday when today has none yet. */
function streak(days: readonly number[], today: number): number {
  const set = new Set(days);
  let day = set.has(today) ? today : today - 1;
  let count = 0;
  while (set.has(day)) {
    count++;
    day--;
  }
  return count;
}
