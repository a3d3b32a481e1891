import type { Config } from '../config.js';
import type { KnowledgeIndex } from '../search/buildIndex.js';
import type { QuestionStore } from '../store/questionStore.js';
import type { Cooldown } from './cooldown.js';
import type { Logger } from './logger.js';

/** What every handler needs: the current index, the config, the cooldown and the logger. */
export interface BotContext {
  /**
   * The index to answer from; swapped whole when content reloads, so a question sees one version. May be
   * a promise (an index still loading), which is why replies are deferred when they take long.
   */
  index(): KnowledgeIndex | Promise<KnowledgeIndex>;
  config: Config;
  cooldown: Cooldown;
  logger: Logger;
  /** Where questions and feedback are stored; null when storage is off or failed to open. */
  store: QuestionStore | null;
  /** Running totals for the periodic stats line. */
  stats: { answered: number; cooledDown: number; failed: number };
}
