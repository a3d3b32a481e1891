import { startBotProcess, type BotProcess } from './botProcess.js';
import type { FakeDiscord } from './fakeDiscord.js';

/** An HTTP interactions endpoint started as `npm run start:http` starts it. */
export interface HttpInstance {
  process: BotProcess;
  /** `http://127.0.0.1:PORT` */
  base: string;
  /** `POST` target: `${base}/interactions` */
  endpoint: string;
}

/**
 * Start `dist/discord/startHttp.js` on a free port, signed for by the fake's key and editing replies
 * through the fake's REST API, and wait until it listens.
 *
 * @param env Extra environment (DATABASE_URL, cooldowns).
 */
export async function startHttpInstance(
  fake: FakeDiscord,
  env: Record<string, string> = {},
): Promise<HttpInstance> {
  const bot = startBotProcess(
    fake.apiUrl,
    { PORT: '0', DISCORD_PUBLIC_KEY: fake.publicKey, ...env },
    [],
    'discord/startHttp',
  );
  try {
    await bot.waitFor(/"event":"listening"/, 30_000);
  } catch (error) {
    // Never leave a half-started instance behind.
    await bot.stop();
    throw error;
  }
  const port = /"event":"listening","port":(\d+)/.exec(bot.output())![1];
  const base = `http://127.0.0.1:${port}`;
  return { process: bot, base, endpoint: `${base}/interactions` };
}
