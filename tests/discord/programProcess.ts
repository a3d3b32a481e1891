import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

/** A program started from dist/, with its output collected. */
export interface ProgramProcess {
  child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Where the output ends now: pass it to `waitFor` to wait for a line printed after this point. */
  mark(): number;
  /** Wait until the output after `since` (default: all of it) matches. */
  waitFor(pattern: RegExp, timeoutMs?: number, since?: number): Promise<void>;
  /** Resolves with the exit code (null when a signal ended it) once the process has exited. */
  exited: Promise<number | null>;
  /** SIGTERM, then wait for the exit. */
  stop(): Promise<number | null>;
}

/**
 * Start a compiled entry point (`dist/<script>`) with only PATH and `env` in its environment.
 *
 * @param script Path under dist/, such as `discord/startSharded.js`.
 */
export function startProgram(
  script: string,
  options: { cwd: string; env?: Record<string, string>; args?: string[]; nodeArgs?: string[] },
): ProgramProcess {
  const { cwd, env = {}, args = [], nodeArgs = [] } = options;
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist', script), ...args], {
    cwd,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
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
          reject(new Error(`process never printed ${pattern}; output so far:\n${output.slice(since)}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    exited,
    stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
