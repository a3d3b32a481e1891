/** A per-user sliding-window limit: at most `limit` questions per `windowMs`. */
export class Cooldown {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #asked = new Map<string, number[]>();
  #calls = 0;

  /**
   * @param limit Questions allowed per window.
   * @param windowMs Window length in milliseconds.
   * @param now Clock, injectable for tests; default `Date.now`.
   */
  constructor(limit: number, windowMs: number, now: () => number = Date.now) {
    this.#limit = limit;
    this.#windowMs = windowMs;
    this.#now = now;
  }

  /**
   * Count a question by a user.
   *
   * @returns 0 when allowed, else the seconds until the user may ask again.
   */
  take(userId: string): number {
    const now = this.#now();
    if (++this.#calls % 1000 === 0) this.#sweep(now);
    const recent = (this.#asked.get(userId) ?? []).filter((time) => now - time < this.#windowMs);
    if (recent.length >= this.#limit) {
      this.#asked.set(userId, recent);
      return Math.max(1, Math.ceil((recent[0]! + this.#windowMs - now) / 1000));
    }
    recent.push(now);
    this.#asked.set(userId, recent);
    return 0;
  }

  /** Forget users whose questions have all left the window, so memory stays flat. */
  #sweep(now: number): void {
    for (const [userId, times] of this.#asked) {
      if (times.every((time) => now - time >= this.#windowMs)) this.#asked.delete(userId);
    }
  }
}
