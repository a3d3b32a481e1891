import { profileOf } from './aboutness.js';
import type { KnowledgeIndex } from './buildIndex.js';
import type { RankingOptions } from './rankingOptions.js';
import type { Hit } from './searchChunks.js';

/**
 * "Which wick type…": multiply the score of each hit whose headings hold at least half of the terms
 * naming the kind of thing asked for.
 */
export function boostAnswerType(
  index: KnowledgeIndex,
  hits: readonly Hit[],
  typeTerms: readonly string[],
  boost: number,
): void {
  if (typeTerms.length === 0) return;
  const needed = Math.ceil(typeTerms.length / 2);
  for (const hit of hits) {
    const { headingTerms } = profileOf(index, hit.chunk);
    if (typeTerms.filter((term) => headingTerms.has(term)).length >= needed) hit.score *= boost;
  }
}

/**
 * Multiply a hit's score for each pair of consecutive question terms it holds side by side, and again for
 * each such pair in its title. A chunk is read both with phrases contracted and word by word, so question
 * words that form no phrase find their pair inside a longer name ("multi value" in a title's "Multi-Value Answer …").
 *
 * @param question The question's terms in order.
 * @returns How many pairs each hit holds.
 */
export function rewardPhrases(
  index: KnowledgeIndex,
  hits: readonly Hit[],
  question: readonly string[],
  options: Pick<RankingOptions, 'phraseBoost' | 'titlePhraseBoost'>,
): Map<Hit, number> {
  const counts = new Map<Hit, number>();
  const pairs = new Set<string>();
  for (let i = 1; i < question.length; i++) pairs.add(`${question[i - 1]} ${question[i]}`);
  if (pairs.size === 0) return counts;
  // Only a question term can end a pair: most of a chunk's terms are skipped without building a string.
  const seconds = new Set(question.slice(1));
  for (const hit of hits) {
    const chunk = profileOf(index, hit.chunk);
    const found = new Set<string>();
    let inTitle = 0;
    const scan = (terms: readonly string[], titleLength: number): void => {
      for (let i = 1; i < terms.length; i++) {
        if (!seconds.has(terms[i]!)) continue;
        const pair = `${terms[i - 1]} ${terms[i]}`;
        if (!pairs.has(pair) || found.has(pair)) continue;
        // Products the chapters only list ("<product> buckets") say nothing by standing together.
        if (index.foreignTerms.has(terms[i - 1]!) || index.foreignTerms.has(terms[i]!)) continue;
        found.add(pair);
        if (i < titleLength) inTitle++;
      }
    };
    scan(chunk.sequence, chunk.titleLength);
    scan(chunk.words, chunk.titleWords);
    hit.score *= options.phraseBoost ** found.size * options.titlePhraseBoost ** inTitle;
    counts.set(hit, found.size);
  }
  return counts;
}
