import { config as loadDotenv } from 'dotenv';
import { ContentError } from './content/contentError.js';
import { redactSecrets } from './redactSecrets.js';

/**
 * Run a program's entry point (every `npm run` script, of either shell), the one way configuration is
 * loaded: `.env` in the working folder is read into `process.env` first (variables already set win), so
 * `ask`, `validate` and the bot all see the same `CONTENT_DIR`. An error (bad content, bad arguments, bad
 * configuration) then prints one line and exits 1, without a stack trace; set DEBUG=1 to see stacks.
 *
 * @param main The program; resolves to an exit code.
 * @param secrets Strings never to print besides DISCORD_TOKEN (always redacted), replaced by "[redacted]".
 */
export function runProgram(
  main: () => Promise<number | void>,
  secrets: () => readonly (string | null)[] = () => [],
): void {
  loadDotenv({ quiet: true });
  // A closed pipe (`npm run ask -- … | head`) is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  main().then(
    (code) => {
      if (code !== undefined) process.exitCode = code;
    },
    (error: unknown) => {
      let text = `${errorLine(error)}\n`;
      if (process.env.DEBUG && error instanceof Error && error.stack) text += `${error.stack}\n`;
      process.stderr.write(redactSecrets(text, [process.env.DISCORD_TOKEN ?? null, ...secrets()]));
      // Exit now: a half-started bot may hold timers, sockets or file watchers open.
      process.exit(1);
    },
  );
}

/**
 * An error as one line for the person who ran the command: `file:line: error: what` for a fault in
 * content (the location first, as compilers print it, so an editor can jump to it), `error: what`
 * otherwise. The name of the function that threw, which exception messages start with (`chunkChapter: `),
 * is for developers and is left out.
 */
function errorLine(error: unknown): string {
  if (error instanceof ContentError) {
    const where = `${error.file}${error.line === null ? '' : `:${error.line}`}`;
    const what = error.message.endsWith(` at ${where}`)
      ? error.message.slice(0, -` at ${where}`.length)
      : error.message;
    return `${where}: error: ${withoutModulePrefix(what)}`;
  }
  return `error: ${withoutModulePrefix(error instanceof Error ? error.message : String(error))}`;
}

/** A message without the name of the function that threw it: `readContent: no chapters` → `no chapters`. */
export function withoutModulePrefix(message: string): string {
  return message.replace(/^[a-z][A-Za-z0-9]*: /, '');
}

/** A mistake in how a command was called; its message says the right usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}
