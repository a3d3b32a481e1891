import type { Logger } from './logger.js';

/** How long shutdown may take before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 5000;

/** What must be closed when the process stops. */
export interface Shutdown {
  /** Close this on shutdown; the last added is closed first (the bot before the store it writes to). */
  add(close: () => unknown): void;
}

/**
 * Stop the program cleanly on SIGINT or SIGTERM, and, in a shard of `start:sharded`, when its manager is
 * gone: a shard talks to its manager over IPC, and once that channel closes (the manager killed or
 * crashed) a shard left running would answer beside the next manager's shards, and discord.js would throw
 * "Channel closed" on every gateway event it reports. Also logs uncaught exceptions and rejections,
 * which must not stop a bot. Call it first, so a signal during start-up stops the program too.
 */
export function handleShutdown(logger: Logger): Shutdown {
  const closers: (() => unknown)[] = [];
  let isStopping = false;
  const stop = (signal: string): void => {
    if (isStopping) return;
    isStopping = true;
    logger.info('shutting down', { signal });
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
    void (async () => {
      for (const close of closers.reverse()) {
        try {
          await close();
        } catch (error) {
          logger.error('shutdown step failed', { error });
        }
      }
    })().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (process.send !== undefined) process.once('disconnect', () => stop('disconnect'));
  process.on('unhandledRejection', (error) => logger.error('unhandled rejection', { error }));
  process.on('uncaughtException', (error) => {
    if ((error as NodeJS.ErrnoException).code === 'ERR_IPC_CHANNEL_CLOSED') stop('disconnect');
    else logger.error('uncaught exception', { error });
  });
  return { add: (close) => void closers.push(close) };
}
