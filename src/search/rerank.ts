import { profileOf } from './aboutness.js';
import type { KnowledgeIndex } from './buildIndex.js';
import { meetsQuantities, type AskedQuantity } from './quantities.js';
import type { RankingOptions } from './rankingOptions.js';
import type { Hit } from './searchChunks.js';
import { stem } from './tokenizer.js';

/** A word, then the phrase that introduces examples of it: "resources such as", "gateways (e.g.". */
const INTRODUCED = /([\p{L}][\p{L}\d-]*)[\s,(]+(?:such\s+as|including|e\.g\.|for\s+example|like)\s/giu;

/** Stems of the words a text gives examples of ("resources such as A, B" → "resourc"), read once per chunk. */
const introducedByChunk = new WeakMap<object, ReadonlySet<string>>();

function introduced(chunk: { text: string }): ReadonlySet<string> {
  let found = introducedByChunk.get(chunk);
  if (found === undefined) {
    found = new Set([...chunk.text.matchAll(INTRODUCED)].map((match) => stem(match[1]!.toLowerCase())));
    introducedByChunk.set(chunk, found);
  }
  return found;
}

/** The positions of a term a chunk does not hold. */
const NOWHERE: readonly number[] = [];

/** Where each term stands in a chunk's terms (ascending), found once per profile's term list. */
const positionsByTerms = new WeakMap<readonly string[], ReadonlyMap<string, readonly number[]>>();

function positionsOf(terms: readonly string[]): ReadonlyMap<string, readonly number[]> {
  let positions = positionsByTerms.get(terms);
  if (positions === undefined) {
    const found = new Map<string, number[]>();
    terms.forEach((term, i) => {
      const at = found.get(term);
      if (at === undefined) found.set(term, [i]);
      else at.push(i);
    });
    positionsByTerms.set(terms, (positions = found));
  }
  return positions;
}

/**
 * "Which wick type…", "…to which resource?": multiply the score of each hit whose headings hold at least
 * half of the terms naming the kind of thing asked for, or that gives examples of that kind ("resources
 * such as A, B and C" lists the instances the question asks among).
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
    const examples = introduced(hit.chunk);
    const isNamed = typeTerms.filter((term) => headingTerms.has(term)).length >= needed;
    if (isNamed || typeTerms.some((term) => examples.has(term))) hit.score *= boost;
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
  // Each question term that ends a pair, with the terms before it: only these are looked up in a chunk,
  // and a pair's string is built only once both words match.
  const before = new Map<string, Set<string>>();
  for (let i = 1; i < question.length; i++) {
    let firsts = before.get(question[i]!);
    if (firsts === undefined) before.set(question[i]!, (firsts = new Set()));
    firsts.add(question[i - 1]!);
  }
  if (before.size === 0) return counts;
  for (const hit of hits) {
    const chunk = profileOf(index, hit.chunk);
    const found = new Set<string>();
    let inTitle = 0;
    const scan = (terms: readonly string[], titleLength: number): void => {
      const positions = positionsOf(terms);
      for (const [second, firsts] of before) {
        for (const i of positions.get(second) ?? NOWHERE) {
          const first = terms[i - 1];
          if (first === undefined || !firsts.has(first)) continue;
          const pair = `${first} ${second}`;
          if (found.has(pair)) continue;
          // Products the chapters only list ("<product> buckets") say nothing by standing together.
          if (index.foreignTerms.has(first) || index.foreignTerms.has(second)) continue;
          found.add(pair);
          if (i < titleLength) inTitle++;
        }
      }
    };
    scan(chunk.sequence, chunk.titleLength);
    scan(chunk.words, chunk.titleWords);
    hit.score *= options.phraseBoost ** found.size * options.titlePhraseBoost ** inTitle;
    counts.set(hit, found.size);
  }
  return counts;
}

/**
 * "Less than 1 Gbps", "faster than 10 Gbps", "5 TB": multiply the score of each hit that states a figure
 * meeting every figure the question asks about (on the asked side of it, or a range holding it). A chunk
 * that only repeats the question's figure does not meet "less than" it.
 *
 * @param asked The question's figures; nothing happens without one.
 */
export function boostQuantities(hits: readonly Hit[], asked: readonly AskedQuantity[], boost: number): void {
  if (asked.length === 0) return;
  for (const hit of hits) if (meetsQuantities(hit.chunk, asked)) hit.score *= boost;
}
