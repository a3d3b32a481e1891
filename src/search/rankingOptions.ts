import type { Aboutness } from './aboutness.js';

/** The fields a chunk is indexed under. */
export type IndexedField = 'title' | 'aliases' | 'service' | 'headings' | 'text';

/**
 * Every setting of ranking and verdict, in one object: `answer()` accepts it (partially, merged over
 * `defaultRankingOptions`) and passes it down to the search. Each default was chosen by measuring top-1
 * and MRR@5 on every file in tests/fixtures/eval; its comment says what moving it did.
 */
export interface RankingOptions {
  /** BM25 boost per field. Title 4: lower lets a feature that mentions a word in passing beat the feature named by it. */
  fieldBoosts: Readonly<Record<IndexedField, number>>;
  /** Unknown words at least this long match indexed words within `fuzziness` (5: shorter ones match noise). */
  fuzzyMinLength: number;
  /** Edit distance allowed for such words, as a share of their length (0.2). */
  fuzziness: number;
  /** Unknown words at least this long also match as a prefix (4: a half-typed or clipped word finds the whole one). */
  prefixMinLength: number;
  /**
   * The last word of a question that does not end in punctuation is still being typed: when unknown and at
   * least this long it is completed to the chapters' most used word it begins ("lighthouse bea" → beacon).
   */
  typingPrefixMinLength: number;
  /** Multiplier for sections whose title holds the word completed while typing (2: the section a student is typing towards comes first). */
  typedTitleBoost: number;
  /** Above this many postings for a question, a cheap pass picks candidates before MiniSearch scores. */
  pruneAbovePostings: number;
  /** Candidates MiniSearch scores on a large index (300 keeps the 50k-chunk p99 under 10 ms). */
  candidatesMax: number;
  /** On a large index, a term in more than this share of chunks helps pick candidates but is not scored. */
  ubiquitousShare: number;
  /** Most distinct terms searched; a pasted essay adds noise, not meaning. */
  queryTermsMax: number;
  /**
   * Weight of a scenario term relative to an asked term in a long stem (0.4; 0.2–0.5 move the real
   * questions' top-1 by a point either way, 1 costs 6 points).
   */
  contextWeight: number;
  /** A contracted phrase of n words weighs n to this power (1; 0.5 costs a point on every file). */
  phraseSpanExponent: number;
  /** Score multiplier for chunks of a service the question names (3). */
  serviceBoost: number;
  /** Extra multiplier for a named service's overview when the question names nothing else (3). */
  overviewBoost: number;
  /**
   * Scores are multiplied by coverage to this power (3: a chunk answering the whole question beats one
   * shouting a single word of it; 1 costs 5 points on the development questions).
   */
  coverageExponent: number;
  /** Coverage credit of a term matched only after a forgiven typo or as a prefix (0.75). */
  fuzzyCredit: number;
  /** Coverage credit by how strongly a chunk is about the term (a passing example counts half). */
  aboutnessCredit: Readonly<Record<Aboutness, number>>;
  /** Multiplier per pair of consecutive question terms found side by side in a chunk (1.5). */
  phraseBoost: number;
  /** Further multiplier per such pair in the chunk's title (1.5: two question words that form a title find that section). */
  titlePhraseBoost: number;
  /** How many top hits the phrase bonus re-ranks; below them order barely matters. */
  phraseRerankDepth: number;
  /** "Which <kind of thing>…": multiplier for chunks whose headings hold the kind of thing asked for (2). */
  answerTypeBoost: number;
  /** "Which service…": how many of each service's best hits add up to its evidence (3). */
  serviceEvidenceDepth: number;
  /** How many hits survive ranking; answers show at most a handful. */
  topHitsKept: number;
  /**
   * Verdict: least coverage of the question by the best chunk to count as answered (0.5); below it the
   * answer is `closest` when the question's subject is in the chapters, else `notCovered`.
   */
  minCoverage: number;
  /** Verdict: least coverage of the ask sentence alone, for long stems wrapped in scenario (0.75). */
  minAskCoverage: number;
  /** Share of chunks above which a term ("cloud" in a cloud course) is too common to corroborate. */
  informativeShare: number;
  /**
   * Verdict: a question about a product the chapters only mention is not covered when at least this share
   * of it is words the chapters never use (0.15).
   */
  foreignUnknownShare: number;
  /**
   * Verdict: two question words side by side in the best chunk make it `closest` only while less than this
   * share of the question is words the chapters never use (0.5).
   */
  maxUnknownShareForPhrase: number;
  /** Hits scoring below this fraction of the best hit are dropped as noise. */
  minRelativeScore: number;
}

/** Defaults of `RankingOptions`, measured as each comment says. */
export const defaultRankingOptions: RankingOptions = {
  fieldBoosts: { title: 4, aliases: 2, service: 1.5, headings: 1, text: 1 },
  fuzzyMinLength: 5,
  fuzziness: 0.2,
  prefixMinLength: 4,
  typingPrefixMinLength: 2,
  typedTitleBoost: 2,
  pruneAbovePostings: 3000,
  candidatesMax: 300,
  ubiquitousShare: 0.1,
  queryTermsMax: 24,
  contextWeight: 0.4,
  phraseSpanExponent: 1,
  serviceBoost: 3,
  overviewBoost: 3,
  coverageExponent: 3,
  fuzzyCredit: 0.75,
  aboutnessCredit: { heading: 1, lead: 1, repeated: 1, mention: 0.85, passing: 0.5 },
  phraseBoost: 1.5,
  titlePhraseBoost: 1.5,
  phraseRerankDepth: 20,
  answerTypeBoost: 4,
  serviceEvidenceDepth: 3,
  topHitsKept: 50,
  minCoverage: 0.5,
  minAskCoverage: 0.75,
  informativeShare: 0.4,
  foreignUnknownShare: 0.15,
  maxUnknownShareForPhrase: 0.5,
  minRelativeScore: 0.005,
};
