/**
 * How a student confirmed a section for their question: `helpful` (they marked the answer Helpful), or, after
 * a miss, the section they picked: a "did you mean" button (`suggestion`), an autocomplete choice, a
 * More results page (`more`), the topics menu (`topics`) or a browse button (`browse`).
 */
export type ConfirmedHow = 'helpful' | 'suggestion' | 'autocomplete' | 'more' | 'topics' | 'browse';

/** One confirmation: a student's stored question and the section that answered it. */
export interface ConfirmationRecord {
  confirmedAt: number;
  /** The student's Discord user id; stored only as the salted hash. */
  userId: string;
  chunkId: string;
  how: ConfirmedHow;
  /**
   * The stored question confirmed; for a pick, null means the student's latest miss within `windowMs`
   * (an autocomplete pick or a topics choice carries no question).
   */
  questionId: number | null;
  /**
   * Picks only: how long after a miss a pick still confirms it. A miss is a question declined or answered
   * `closest`, or an answer the student marked Not helpful (the window then runs from that click).
   */
  windowMs: number;
}

/**
 * What became of a confirmation: stored, or not because the question is not the student's (Helpful), or
 * no miss of theirs is recent enough (a pick).
 */
export type ConfirmationOutcome = 'saved' | 'not the asker' | 'no recent miss';

/** A question and a section that students confirmed, not yet learned (written to asked.yml) or refused. */
export interface ProposedPair {
  /** The section's chunk id. */
  id: string;
  /** The question's normalized form: pairs are grouped by it. */
  normalized: string;
  /** The latest wording of the question. */
  question: string;
  /** Distinct students who confirmed it. */
  students: number;
}

/**
 * The learning loop's storage: confirmed questions, the pairs learned from them, and the digest's claim on
 * each period. Implemented by both stores next to `Store`, over the tables of migration 4.
 */
export interface LearningStore {
  /** Store a confirmation; a student's later pick for the same question replaces their earlier one. */
  recordConfirmation(record: ConfirmationRecord): Promise<ConfirmationOutcome>;
  /** Withdraw a Helpful confirmation (the student changed their vote to Not helpful). */
  withdrawConfirmation(userId: string, questionId: number, chunkId: string): Promise<void>;
  /**
   * Pairs confirmed in `[since, until]` by at least `minStudents` distinct students and not learned yet,
   * by section id, then most students first.
   */
  proposedPairs(since: number, until: number, minStudents: number): Promise<ProposedPair[]>;
  /** Record pairs as learned, so they are never proposed again (an organiser may since have deleted them). */
  markLearned(pairs: readonly { id: string; normalized: string }[], learnedAt: number): Promise<void>;
  /**
   * Claim a digest period (its key, such as the scheduled time in ISO form): true for the first claim by
   * any process sharing the store, false ever after.
   */
  claimDigest(period: string, claimedAt: number): Promise<boolean>;
  /** Give a claimed period back (the post failed), so another instance or a restart may post it. */
  releaseDigest(period: string): Promise<void>;
}
