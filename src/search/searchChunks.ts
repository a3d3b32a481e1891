import type { Chunk } from '../content/chapter.js';
import { profileOf } from './aboutness.js';
import { isKindElsewhere, isServiceContext } from './askedKind.js';
import type { KnowledgeIndex } from './buildIndex.js';
import {
  evidenceCoverage,
  holdFigures,
  holdingCoverage,
  isCorroborated,
  namedProducts,
  weighEvidence,
  type QuestionTerms,
  type ChunkHolding,
  type TermEvidence,
} from './evidence.js';
import { matchLearned, withLearned } from './learnedMatch.js';
import { defaultRankingOptions, type RankingOptions } from './rankingOptions.js';
import { readQuestion, type QuestionShape } from './readQuestion.js';
import { rarity } from './rarity.js';
import { retrieve } from './retrieve.js';
import { splitWords, stem } from './tokenizer.js';
import { askedQuantities, meetsQuantities } from './quantities.js';
import { boostAnswerType, boostQuantities, rewardPhrases } from './rerank.js';
import { interleaveSides, preferService } from './shapeHits.js';
import type { Service } from './services.js';

/** A chunk that matches a question, with its relevance score (higher is better). */
export interface Hit {
  chunk: Chunk;
  score: number;
  /**
   * Share of the question this chunk holds (0–1), each term weighted by how informative it is and whether
   * it is asked or scenario, credited by how strongly the chunk is about it.
   */
  coverage: number;
}

/** What a search found. */
export interface SearchResult {
  /** The question's terms after filler removal, spelling correction, stemming and phrase contraction. */
  terms: string[];
  /** Matching chunks, best first. */
  hits: Hit[];
  /** How much of the question the answering chunks hold (the best hit, or a service's best hits). */
  coverage: number;
  /** The same over the ask sentence alone: a long stem's scenario may lie outside the chapters. */
  askCoverage: number;
  /** See `isCorroborated`: the question is on topic even if wrapped in words the chapters never use. */
  isCorroborated: boolean;
  /** Services the question names. */
  services: Service[];
  /** The best hit holds two consecutive question words side by side: it speaks of the same thing. */
  hasPhrase: boolean;
  shape: QuestionShape;
  /** Each question term against the answering chunks. */
  evidence: TermEvidence[];
  /** See `isKindElsewhere`: the question asks for a kind of thing the chapters do not cover. */
  isKindElsewhere: boolean;
  /**
   * "Which <vendor> service … <named service> …?": the services named are context, not the kind asked for
   * (the answer to such a question is never the service it names).
   */
  isServiceContext: boolean;
}

/**
 * Rank chunks for a question.
 *
 * @param index The knowledge index.
 * @param question The student's question as typed.
 * @param options Merged over `defaultRankingOptions`.
 */
export function searchChunks(
  index: KnowledgeIndex,
  question: string,
  options: Partial<RankingOptions> = {},
): SearchResult {
  const settings = { ...defaultRankingOptions, ...options };
  const parts = readQuestion(question);
  // The last word of a one-sentence question without end punctuation may still be being typed.
  const isTyping = parts.context === '' && /[\p{L}\p{N}]$/u.test(question);
  const asked = index.tokenizer.queryTerms(parts.ask, {
    completeLast: isTyping ? settings.typingPrefixMinLength : null,
  });
  const scenario = index.tokenizer.queryTerms(parts.context);
  // "Less than 1 Gbps" asks for another figure than 1: a section repeating "1" is no closer for it.
  const figures = askedQuantities(question);
  const comparing = new Set(
    figures
      .filter((figure) => figure.comparison !== 'equal')
      .flatMap((figure) => splitWords(`${figure.number} ${figure.comparing}`).map(stem)),
  );
  // The vendor's name ("<vendor> offers…") says nothing about which section answers.
  const isTopical = (term: string): boolean => !index.vendorTerms.has(term) && !comparing.has(term);
  const askTerms = asked.terms.filter(isTopical);
  const scenarioTerms = scenario.terms.filter(isTopical);
  // A phrase stands for several of the question's words, and counts for more than one of them.
  const wordsOf = (term: string): number =>
    Math.max(asked.spans.get(term) ?? 1, scenario.spans.get(term) ?? 1);
  const span = (term: string): number => wordsOf(term) ** settings.phraseSpanExponent;
  const roles = new Map<string, number>();
  for (const term of askTerms) roles.set(term, span(term));
  const contextWeight = askTerms.length === 0 ? 1 : settings.contextWeight;
  for (const term of scenarioTerms) if (!roles.has(term)) roles.set(term, contextWeight * span(term));
  const terms = [...roles.keys()].slice(0, settings.queryTermsMax);
  const corrected = new Set([...asked.corrected, ...scenario.corrected]);
  if (terms.length === 0) {
    return {
      terms,
      hits: [],
      coverage: 0,
      askCoverage: 0,
      isCorroborated: false,
      services: [],
      hasPhrase: false,
      shape: parts.shape,
      evidence: [],
      isKindElsewhere: false,
      isServiceContext: false,
    };
  }

  const named = [...new Set(terms.flatMap((term) => index.servicesByIntent.get(term) ?? []))];
  // Students' questions are searched only when one closely matches this one (see `matchLearned`).
  const learned = matchLearned(index, question, settings.learnedMatchMin);
  const { top, ubiquitous } = retrieve(index, terms, roles, named, parts.shape, settings, learned);
  const hits = top.sorted();
  // Coverage weighs each term by how much it says: a word in most chunks (the vendor's name) says little, a word
  // the chapters never use says the most.
  const weights = new Map(
    terms.map((term) => [
      term,
      rarity(index.chunks.size, index.documentFrequency.get(term) ?? 0) * (roles.get(term) ?? 1),
    ]),
  );
  const products = namedProducts(index, question);
  const questionTerms: QuestionTerms = {
    weights,
    asked: new Set(askTerms),
    corrected,
    products,
    named: new Set(
      terms.filter(
        (term) => index.servicesByIntent.has(term) || (index.namedTerms.has(term) && wordsOf(term) >= 2),
      ),
    ),
  };
  const compared = figures.filter((figure) => figure.comparison !== 'equal');
  const unitTerms = new Set(compared.flatMap((figure) => index.tokenizer.queryTerms(figure.unit).terms));
  // The terms a hit matched, as a set built once per list of them: a hit's holding is weighed up to three
  // times, and hits that matched the same terms may share their list (see `ExactResult.queryTerms`).
  const matchedSets = new Map<readonly string[], ReadonlySet<string>>();
  const matchedOf = (hit: Hit): ReadonlySet<string> => {
    const { queryTerms } = top.match(hit)!;
    let matched = matchedSets.get(queryTerms);
    if (matched === undefined) {
      const set = new Set(queryTerms);
      for (const term of ubiquitous) set.add(term);
      matchedSets.set(queryTerms, (matched = set));
    }
    return matched;
  };
  const holdingOf = (hit: Hit, isProfiled = true): ChunkHolding =>
    withLearned(
      holdFigures(
        {
          matched: matchedOf(hit),
          aboutness: isProfiled ? profileOf(index, hit.chunk).aboutness : null,
        },
        unitTerms.size > 0 && meetsQuantities(hit.chunk, compared),
        unitTerms,
      ),
      learned.get(hit.chunk.id),
    );
  // A question that names a service and a product the chapters only list asks how the two meet: the
  // chunk listing that product under the service answers it, so the mention counts in full for ranking.
  const rankCredit =
    named.length > 0
      ? { ...settings, aboutnessCredit: { ...settings.aboutnessCredit, passing: 1 } }
      : settings;
  // A chunk that answers all of the question beats one that answers a loud part of it. Coverage first
  // from what each hit matched, then, for the hits that can still come first, from how strongly each is
  // about those terms (profiling a chunk costs more than matching it).
  const matchScores = new Map<Hit, number>();
  for (const hit of hits) matchScores.set(hit, hit.score);
  const weigh = (hit: Hit, isProfiled: boolean): void => {
    hit.coverage = holdingCoverage(index, holdingOf(hit, isProfiled), questionTerms, rankCredit);
    hit.score = matchScores.get(hit)! * hit.coverage ** settings.coverageExponent;
  };
  for (const hit of hits) weigh(hit, false);
  hits.sort(byScore(index));
  for (const hit of hits.slice(0, settings.phraseRerankDepth)) weigh(hit, true);
  boostAnswerType(
    index,
    hits,
    index.tokenizer.queryTerms(parts.answerType).terms.filter(isTopical),
    settings.answerTypeBoost,
  );
  boostQuantities(hits, figures, settings.quantityBoost);
  // A word being typed most likely begins a section's title: autocomplete offers titles.
  const typed = isTyping ? asked.terms.at(-1) : undefined;
  if (typed !== undefined && asked.corrected.has(typed)) {
    for (const hit of hits) {
      const { words, titleWords } = profileOf(index, hit.chunk);
      if (words.slice(0, titleWords).includes(typed)) hit.score *= settings.typedTitleBoost;
    }
  }
  hits.sort(byScore(index));
  const pairs = rewardPhrases(
    index,
    hits.slice(0, settings.phraseRerankDepth),
    [...askTerms, ...scenarioTerms],
    settings,
  );
  hits.sort(byScore(index));
  // A question that names a service is answered from a chunk of it, or one that speaks of it.
  if (named.length > 0) {
    const speaksOf = (hit: Hit): boolean =>
      named.some((service) => index.serviceOf.get(hit.chunk.id) === service) ||
      named.some((service) => [...service.intentTerms].some((term) => top.match(hit)!.terms.includes(term)));
    const first = hits.findIndex(speaksOf);
    if (first > 0) {
      const [hit] = hits.splice(first, 1);
      hit!.score = hits[0]!.score;
      hits.unshift(hit!);
    }
  }

  let ranked = hits;
  let answering = hits.slice(0, 1);
  if (parts.shape === 'whichService' && named.length === 0) {
    ranked = preferService(index, hits, settings.serviceEvidenceDepth);
    const winner = ranked[0] === undefined ? undefined : index.serviceOf.get(ranked[0].chunk.id);
    answering = hits
      .filter((hit) => index.serviceOf.get(hit.chunk.id) === winner)
      .slice(0, settings.serviceEvidenceDepth);
  } else if (parts.sides !== null) {
    const sides = parts.sides.map((side) => searchChunks(index, side, options).hits[0]);
    ranked = interleaveSides(hits, sides);
  }
  const evidence = weighEvidence(
    index,
    answering.map((hit) => holdingOf(hit)),
    questionTerms,
  );
  const kindTerms = index.tokenizer.queryTerms(parts.kind).terms.filter(isTopical);
  return {
    terms,
    hits: ranked,
    coverage: evidenceCoverage(evidence, settings),
    askCoverage: evidenceCoverage(evidence, settings, true),
    // Two strong terms must meet in one chunk; across a service's chunks they prove little.
    isCorroborated: isCorroborated(
      index,
      answering.length === 1
        ? evidence
        : weighEvidence(
            index,
            answering.slice(0, 1).map((hit) => holdingOf(hit)),
            questionTerms,
          ),
      settings,
    ),
    services: named,
    hasPhrase: (pairs.get(hits[0]!) ?? 0) > 0,
    shape: parts.shape,
    evidence,
    isKindElsewhere: isKindElsewhere(index, kindTerms, hits, settings.phraseRerankDepth, products),
    isServiceContext: isServiceContext(parts, named, askTerms, kindTerms),
  };
}

function byScore(index: KnowledgeIndex): (a: Hit, b: Hit) => number {
  // As `b.score - a.score || …` orders them (unequal scores never differ by 0), but an integer for the
  // sort: V8 boxes a fractional difference returned from each comparison.
  return (a, b) =>
    b.score > a.score
      ? 1
      : b.score < a.score
        ? -1
        : index.order.get(a.chunk.id)! - index.order.get(b.chunk.id)!;
}
