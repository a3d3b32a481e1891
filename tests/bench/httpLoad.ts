// The HTTP interactions endpoint under load: signed /ask requests spread over the instances, on either store.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeDiscord } from '../discord/fakeDiscord.js';
import { startHttpInstance } from '../discord/httpInstance.js';
import { startPostgres } from '../store/postgresServer.js';
import { summarize } from './stats.js';

/** One store's figures: interactions sent, answered with a 200 and a message, and their latency. */
export interface HttpLoadResult {
  store: 'sqlite' | 'postgres';
  instances: number;
  sent: number;
  answered: number;
  concurrency: number;
  ms: { p50: number; p99: number };
}

const WARMUP = 50;

/**
 * Send `sent` signed `/ask` interactions (instances log at `info`: the `listening` line is waited for) (after a warm-up), `concurrency` at a time, each from a new
 * student, round-robin over the instances: one on a SQLite file, or two sharing a PostgreSQL server.
 *
 * @param store Which store the instances use.
 * @param questions The questions, cycled.
 */
export async function measureHttpLoad(
  store: 'sqlite' | 'postgres',
  questions: readonly string[],
  sent: number,
  concurrency: number,
): Promise<HttpLoadResult> {
  const fake = await FakeDiscord.start();
  const postgres = store === 'postgres' ? await startPostgres() : null;
  const env: Record<string, string> =
    postgres === null
      ? { DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'bench-')), 'a.db') }
      : { DATABASE_URL: await postgres.createDatabase() };
  const count = store === 'postgres' ? 2 : 1;
  const instances = await Promise.all(Array.from({ length: count }, () => startHttpInstance(fake, env)));
  try {
    const latencies: number[] = [];
    let answered = 0;
    let next = -WARMUP;
    const worker = async (): Promise<void> => {
      while (next < sent) {
        const i = next++;
        const endpoint = instances[(i + WARMUP) % count]!.endpoint;
        const value = questions[(i + WARMUP) % questions.length]!;
        const interaction = fake.slash('ask', [{ type: 3, name: 'question', value }]);
        const started = performance.now();
        const reply = await fake.post(endpoint, interaction);
        if (i < 0) continue;
        latencies.push(performance.now() - started);
        if (reply.status === 200 && reply.body.type === 4) answered++;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return { store, instances: count, sent, answered, concurrency, ms: summarize(latencies) };
  } finally {
    await Promise.all(instances.map((instance) => instance.process.stop()));
    await fake.close();
    await postgres?.stop();
  }
}
