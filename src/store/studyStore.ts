/** A student's schedule for one card, as stored: the scheduler's state is opaque JSON to the store. */
export interface StoredReview {
  cardId: string;
  /** The chunk the card comes from, so a card is found again without generating every chapter's. */
  chunkId: string;
  /** When the card is next due (ms). */
  due: number;
  lastAnswered: number;
  /** Whether the last answer was right. */
  isCorrect: boolean;
  /** Wrong answers so far. */
  misses: number;
  /** Answers so far. */
  answers: number;
  /** The scheduler's state (ts-fsrs card) as JSON. */
  fsrs: string;
}

/** One answer to a card, with the schedule it leads to. */
export interface StudyAnswer {
  /** The interaction that carried the answer: a second delivery stores nothing. Null (CLI): always new. */
  sourceId: string | null;
  userId: string;
  cardId: string;
  chunkId: string;
  answeredAt: number;
  isCorrect: boolean;
  /** When the card is due next, and the scheduler's state as JSON. */
  next: { due: number; fsrs: string };
  /** The server it was answered in (leaderboards are per server); null in DMs and the CLI. */
  guildId: string | null;
  /** Leaderboard points it earns. */
  points: number;
}

/** A leaderboard row: a member who opted in, by Discord id (their name is fetched when shown). */
export interface LeaderboardRow {
  userId: string;
  points: number;
}

/** A group question under way. */
export interface Round {
  roundId: string;
  cardId: string;
  chunkId: string;
  startedAt: number;
  deadline: number;
  isClosed: boolean;
}

/** What became of a group answer: stored, or refused (answered already, too late, or no such round). */
export type RoundAnswerOutcome = 'saved' | 'answered already' | 'closed' | 'unknown round';

/** A closed round's results: answers per option, and who answered right first (their Discord id). */
export interface RoundResults {
  /** How many students chose each option index. */
  choices: number[];
  winnerId: string | null;
}

/**
 * Group questions: rounds and their answers, shared by every instance through the store (or kept in
 * memory when there is no store). Each student answers a round once, before its deadline; the first right
 * answer wins it.
 */
export interface RoundStore {
  openRound(round: Omit<Round, 'isClosed'>): Promise<void>;
  round(roundId: string): Promise<Round | null>;
  /** Store one student's choice while the round is open and before its deadline. */
  answerRound(roundId: string, userId: string, choice: number, now: number): Promise<RoundAnswerOutcome>;
  /** Claim the round for a right answer: true only for the first claim, while the round is open. */
  claimWin(roundId: string, userId: string): Promise<boolean>;
  /**
   * Close the round and return its results, once: null when it was closed already (someone else posts
   * them). The winner's id is forgotten as it is returned.
   */
  closeRound(roundId: string, optionCount: number): Promise<RoundResults | null>;
}

/** How a section's quiz cards were answered over a period, by every student. */
export interface ChunkAnswers {
  chunkId: string;
  answered: number;
  correct: number;
}

/**
 * Study mode's storage: schedules, answers, leaderboards and group rounds, by salted user hash. Both
 * backends implement it with the same SQL (`studyQueries.ts`).
 */
export interface StudyStore {
  /** The student's stored schedule for a card; null before their first answer. */
  review(userId: string, cardId: string): Promise<StoredReview | null>;
  /** Store an answer and the card's next schedule; false (nothing stored) when `sourceId` was seen. */
  recordAnswer(answer: StudyAnswer): Promise<boolean>;
  /** Every student's answers in `[since, until)`, counted per section (for the digest's weakest topics). */
  answersByChunk(since: number, until: number): Promise<ChunkAnswers[]>;
  /** The student's cards due at `now`, most overdue first. */
  dueCards(userId: string, now: number, limit: number): Promise<StoredReview[]>;
  /** Every card the student has answered. */
  reviews(userId: string): Promise<StoredReview[]>;
  /** The days (since 1970, UTC) on which the student answered, newest first. */
  answerDays(userId: string): Promise<number[]>;
  /** Opt a student in to (or out of) a server's leaderboard. */
  setLeaderboard(guildId: string, userId: string, isMember: boolean, now: number): Promise<void>;
  isOnLeaderboard(guildId: string, userId: string): Promise<boolean>;
  /** Opted-in members of a server with points since `since`, best first (members without points left out). */
  leaderboard(guildId: string, since: number, limit: number): Promise<LeaderboardRow[]>;
  rounds: RoundStore;
}
