import { createEmptyCard, fsrs, generatorParameters, Rating, type Card as FsrsCard } from 'ts-fsrs';

/** How answers are scheduled (FSRS, by ts-fsrs). */
export interface ScheduleOptions {
  /** The chance of still knowing a card when it comes due that intervals aim for (0.7–0.97). */
  requestRetention: number;
  /** Longest interval in days. */
  maximumIntervalDays: number;
}

/**
 * Defaults of `scheduleAnswer`. Steps of minutes (FSRS's short-term learning) are off: a missed card is due
 * again the next day and a known one a few days later, which suits a study group that revises daily.
 * @public Every `defaultX` is exported so callers can read what they override (STYLE.md).
 */
export const defaultScheduleOptions: ScheduleOptions = { requestRetention: 0.9, maximumIntervalDays: 365 };

/** A card's schedule after an answer: when it is due next, and the scheduler's state to store. */
export interface NextReview {
  due: number;
  /** ts-fsrs's card state as JSON, opaque to the store. */
  fsrs: string;
}

const schedulers = new Map<string, ReturnType<typeof fsrs>>();

function schedulerFor(options: ScheduleOptions): ReturnType<typeof fsrs> {
  const key = `${options.requestRetention}/${options.maximumIntervalDays}`;
  let scheduler = schedulers.get(key);
  if (scheduler === undefined) {
    scheduler = fsrs(
      generatorParameters({
        request_retention: options.requestRetention,
        maximum_interval: options.maximumIntervalDays,
        enable_short_term: false,
        enable_fuzz: false,
      }),
    );
    schedulers.set(key, scheduler);
  }
  return scheduler;
}

/** A stored state back as a ts-fsrs card; a new card when there is none or it cannot be read. */
function readState(state: string | null, now: Date): FsrsCard {
  if (state === null) return createEmptyCard(now);
  try {
    const parsed = JSON.parse(state) as Record<string, unknown>;
    const card = { ...createEmptyCard(now), ...parsed } as FsrsCard;
    card.due = new Date(String(parsed.due));
    card.last_review = parsed.last_review == null ? undefined : new Date(String(parsed.last_review));
    return Number.isNaN(card.due.getTime()) ? createEmptyCard(now) : card;
  } catch {
    return createEmptyCard(now);
  }
}

/**
 * Schedule a card after an answer with FSRS: a right answer rates it Good, a wrong one Again.
 *
 * @param previous The stored state (`NextReview.fsrs` of the last answer); null for a card never answered.
 * @param isCorrect Whether the answer was right.
 * @param now When it was answered (ms).
 * @param options Merged over `defaultScheduleOptions`.
 */
export function scheduleAnswer(
  previous: string | null,
  isCorrect: boolean,
  now: number,
  options: Partial<ScheduleOptions> = {},
): NextReview {
  const scheduler = schedulerFor({ ...defaultScheduleOptions, ...options });
  const at = new Date(now);
  const { card } = scheduler.next(readState(previous, at), at, isCorrect ? Rating.Good : Rating.Again);
  return { due: card.due.getTime(), fsrs: JSON.stringify(card) };
}
