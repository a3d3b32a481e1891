import type { Store } from '../store/store.js';
import type { Logger } from './logger.js';

/**
 * A per-user sliding-window limit counted in the store, so it holds across every process sharing it.
 * When the store fails, the in-memory limit of this process decides instead: a student is never refused
 * an answer because the database is down.
 */
export class StoredCooldown {
  readonly #store: Store;
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #options: { now: () => number; logger: Logger; fallback: { take(userId: string): number } };

  /**
   * @param store Where questions are counted.
   * @param limit Questions allowed per window.
   * @param windowMs Window length in milliseconds.
   * @param options The clock, the logger, and the limit used while the store fails.
   */
  constructor(
    store: Store,
    limit: number,
    windowMs: number,
    options: { now: () => number; logger: Logger; fallback: { take(userId: string): number } },
  ) {
    this.#store = store;
    this.#limit = limit;
    this.#windowMs = windowMs;
    this.#options = options;
  }

  /** Count a question: 0 when allowed, else the seconds until the user may ask again. */
  async take(userId: string): Promise<number> {
    try {
      return await this.#store.takeCooldown(userId, this.#limit, this.#windowMs, this.#options.now());
    } catch (error) {
      this.#options.logger.error('storage failed; cooldown counted in memory', { error });
      return this.#options.fallback.take(userId);
    }
  }
}
