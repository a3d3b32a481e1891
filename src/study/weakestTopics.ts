import type { KnowledgeIndex } from '../search/buildIndex.js';

/** How a topic's quiz answers went over a period. */
export interface TopicScore {
  /** The topic as quizzes name it: "Chapter › Service", or the chapter alone. */
  topic: string;
  correct: number;
  answered: number;
}

/** Options of `weakestTopics`. */
export interface WeakestOptions {
  /** How many topics to name. */
  top: number;
  /** Fewest answers a topic needs to be judged (one unlucky answer says little). */
  minAnswers: number;
}

/** Defaults of `weakestTopics`. */
const defaultWeakestOptions: WeakestOptions = { top: 5, minAnswers: 3 };

/**
 * The quiz topics a group found hardest: answers per section summed per service (or chapter, for a section
 * outside any service), least often right first, the most answered first among equals. Sections the
 * chapters no longer have are left out.
 *
 * @param index The knowledge index, for each section's chapter and service.
 * @param answers Answers per section over the period.
 * @param options Merged over `defaultWeakestOptions`.
 */
export function weakestTopics(
  index: KnowledgeIndex,
  answers: readonly { chunkId: string; answered: number; correct: number }[],
  options: Partial<WeakestOptions> = {},
): TopicScore[] {
  const { top, minAnswers } = { ...defaultWeakestOptions, ...options };
  const byTopic = new Map<string, TopicScore>();
  for (const { chunkId, answered, correct } of answers) {
    const chunk = index.chunks.get(chunkId);
    if (chunk === undefined) continue;
    const topic = chunk.service === null ? chunk.chapter : `${chunk.chapter} › ${chunk.service}`;
    const score = byTopic.get(topic) ?? { topic, correct: 0, answered: 0 };
    byTopic.set(topic, { topic, correct: score.correct + correct, answered: score.answered + answered });
  }
  return [...byTopic.values()]
    .filter((score) => score.answered >= minAnswers)
    .sort(
      (a, b) =>
        a.correct / a.answered - b.correct / b.answered ||
        b.answered - a.answered ||
        a.topic.localeCompare(b.topic),
    )
    .slice(0, top);
}
