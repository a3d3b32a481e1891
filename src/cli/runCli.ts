import { ContentError } from '../content/contentError.js';

/**
 * Run a CLI entry point: a user error (bad content, bad arguments) prints one line and exits 1, without a
 * stack trace; set DEBUG=1 to see stacks.
 */
export function runCli(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${error instanceof ContentError ? 'content error: ' : 'error: '}${message}\n`);
      if (process.env.DEBUG && error instanceof Error && error.stack)
        process.stderr.write(`${error.stack}\n`);
      process.exitCode = 1;
    },
  );
}

/** A mistake in how a command was called; its message says the right usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}
