import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

/** A bot started exactly as `npm start` starts it, with its output collected. */
export interface BotProcess {
  child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Where the output ends now: pass it to `waitFor` to wait for a line printed after this point. */
  mark(): number;
  /** Wait until the output after `since` (default: all of it) matches. */
  waitFor(pattern: RegExp, timeoutMs?: number, since?: number): Promise<void>;
  stop(): Promise<number | null>;
}

/** A token-shaped string that is not a real token, so tests can scan output for it. */
export const TEST_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.TestOnly.fake-token-for-tests-0123456789';

/**
 * Start `dist/discord/start.js` (what `npm start` runs) against a fake Discord.
 *
 * @param apiUrl The fake's REST base URL, passed as DISCORD_API_URL.
 * @param env Extra environment variables.
 * @param nodeArgs Extra Node.js flags (the soak passes --expose-gc).
 */
export function startBotProcess(
  apiUrl: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): BotProcess {
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist/discord/start.js')], {
    // Not the project folder, so a developer's .env cannot leak into the test.
    cwd: tmpdir(),
    env: {
      PATH: process.env.PATH,
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_API_URL: apiUrl,
      CONTENT_DIR: join(ROOT, 'content'),
      DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'bot-db-')), 'assistant.db'),
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (data: Buffer): void => {
    output += data.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  return {
    child,
    output: () => output,
    mark: () => output.length,
    waitFor(pattern, timeoutMs = 10_000, since = 0) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (pattern.test(output.slice(since))) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`bot never printed ${pattern}; output so far:\n${output.slice(since)}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    stop() {
      if (child.exitCode !== null) return Promise.resolve(child.exitCode);
      return new Promise((resolve) => {
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      });
    },
  };
}
