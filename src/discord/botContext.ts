import type { Config } from '../config.js';
import type { KnowledgeIndex } from '../search/buildIndex.js';
import { createMemoryRoundStore } from '../store/memoryRoundStore.js';
import type { Store } from '../store/store.js';
import type { RoundStore } from '../store/studyStore.js';
import { Cooldown } from './cooldown.js';
import type { Logger } from './logger.js';
import { StoredCooldown } from './storedCooldown.js';

/** Counts a user's questions: 0 when allowed, else the seconds to wait. */
export interface QuestionLimit {
  take(userId: string): number | Promise<number>;
}

/** What every handler needs, whichever transport (gateway or HTTP) delivered the interaction. */
export interface BotContext {
  /**
   * The index to answer from; swapped whole when content reloads, so a question sees one version. May be
   * a promise (an index still loading), which is why replies are deferred when they take long.
   */
  index(): KnowledgeIndex | Promise<KnowledgeIndex>;
  config: Config;
  cooldown: QuestionLimit;
  logger: Logger;
  /** Where questions and feedback are stored; null when storage is off or failed to open. */
  store: Store | null;
  /** The clock stored times are read from. */
  now: () => number;
  /** Group quiz rounds: in the store, shared by every instance; in memory when there is no store. */
  rounds: RoundStore;
  /**
   * A server member's display name, fetched now (never stored): set by the gateway transport, which has a
   * token; absent over HTTP, where names come only from the interaction itself.
   */
  displayName?: (guildId: string, userId: string) => Promise<string | null>;
  /** Running totals for the periodic stats line. */
  stats: { answered: number; cooledDown: number; failed: number };
}

/**
 * The context both transports build: cooldowns are counted in the store when there is one, so every
 * instance and shard sharing it enforces one limit, and in memory otherwise.
 */
export function createBotContext(options: {
  config: Config;
  index: BotContext['index'];
  logger: Logger;
  store: Store | null;
  now?: () => number;
}): BotContext {
  const { config, store, logger } = options;
  const offset = config.clockOffsetMs;
  const now = options.now ?? (offset === 0 ? Date.now : () => Date.now() + offset);
  const windowMs = config.cooldownSeconds * 1000;
  const memory = new Cooldown(config.cooldownQuestions, windowMs, now);
  return {
    index: options.index,
    config,
    cooldown:
      store === null
        ? memory
        : new StoredCooldown(store, config.cooldownQuestions, windowMs, { now, logger, fallback: memory }),
    logger,
    store,
    now,
    rounds: store === null ? createMemoryRoundStore() : store.study.rounds,
    stats: { answered: 0, cooledDown: 0, failed: 0 },
  };
}
