import type { Logger } from './logger.js';

/** How often to try Discord before giving up. */
export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts: number;
  /** Wait after the first failure; each later wait doubles it (1, 2, 4, 8 s: 15 s in all). */
  firstDelayMs: number;
}

const defaultRetryOptions: RetryOptions = { attempts: 5, firstDelayMs: 1000 };

/** Error codes of a request that never reached Discord: no DNS answer, no route, refused, reset, timed out. */
const UNREACHABLE = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/**
 * Make a first contact with Discord (log in, ask for the gateway), retrying with doubling waits while
 * Discord cannot be reached or answers 5xx; each retry logs `discord unreachable`. Any other error (a
 * rejected token) is thrown at once.
 *
 * @param connect The request.
 * @param apiUrl DISCORD_API_URL, named in the final error: it is the setting to check.
 * @throws Error naming DISCORD_API_URL and the last failure, once every attempt has failed.
 */
export async function reachDiscord<T>(
  connect: () => Promise<T>,
  apiUrl: string,
  logger: Logger,
  options: Partial<RetryOptions> = {},
): Promise<T> {
  const { attempts, firstDelayMs } = { ...defaultRetryOptions, ...options };
  for (let attempt = 1; ; attempt++) {
    try {
      return await connect();
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      if (attempt >= attempts) {
        throw new Error(
          `cannot reach Discord at DISCORD_API_URL=${apiUrl} (${reason}; ${attempts} attempts); ` +
            'check the network, or DISCORD_API_URL in .env',
        );
      }
      const retryInMs = firstDelayMs * 2 ** (attempt - 1);
      logger.warn('discord unreachable', { attempt, of: attempts, retry_in_ms: retryInMs, error: reason });
      await new Promise((resolve) => setTimeout(resolve, retryInMs));
    }
  }
}

function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, cause, status } = error as Error & { code?: unknown; cause?: unknown; status?: unknown };
  if (typeof code === 'string' && UNREACHABLE.has(code)) return true;
  if (typeof status === 'number' && status >= 500) return true;
  // A timeout of @discordjs/rest, or fetch's "fetch failed" around the network error.
  return error.name === 'AbortError' || (cause !== undefined && isUnreachable(cause));
}
