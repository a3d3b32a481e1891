import { redactSecrets } from '../redactSecrets.js';

/** Log levels, quietest last. */
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

/** Structured logging: one JSON line per event, secrets scrubbed from every line. */
export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

/**
 * Create a logger that writes JSON lines (`{"time","level","event",...fields}`).
 *
 * @param level Least severe level written.
 * @param write Where lines go; default stdout.
 * @param secrets Strings (the bot token) replaced by "[redacted]" wherever they would appear.
 */
export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stdout.write(line),
  secrets: readonly (string | null)[] = [],
): Logger {
  const log =
    (at: Exclude<LogLevel, 'silent'>) =>
    (event: string, fields: Record<string, unknown> = {}): void => {
      if (LEVELS[at] < LEVELS[level]) return;
      const line = JSON.stringify({ time: new Date().toISOString(), level: at, event, ...serialize(fields) });
      write(`${redactSecrets(line, secrets)}\n`);
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

function serialize(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] =
      value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
  }
  return out;
}
