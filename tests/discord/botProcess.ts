import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';
import { startProgram, type ProgramProcess } from './programProcess.js';

/** A bot started exactly as `npm start` starts it, with its output collected. */
export type BotProcess = ProgramProcess;

/** A token-shaped string that is not a real token, so tests can scan output for it. */
export const TEST_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.TestOnly.fake-token-for-tests-0123456789';

/**
 * Start `dist/discord/start.js` (what `npm start` runs) against a fake Discord.
 *
 * @param apiUrl The fake's REST base URL, passed as DISCORD_API_URL.
 * @param env Extra environment variables.
 * @param nodeArgs Extra Node.js flags (the soak passes --expose-gc).
 * @param program The compiled program: `discord/start` (the gateway bot, the default) or `discord/startHttp`
 *   (what `npm run start:http` runs).
 */
export function startBotProcess(
  apiUrl: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
  program = 'discord/start',
): BotProcess {
  return startProgram(`${program}.js`, {
    // Not the project folder, so a developer's .env cannot leak into the test.
    cwd: tmpdir(),
    env: {
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_API_URL: apiUrl,
      CONTENT_DIR: join(ROOT, 'content'),
      DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'bot-db-')), 'assistant.db'),
      LOG_LEVEL: 'info',
      ...env,
    },
    nodeArgs,
  });
}
