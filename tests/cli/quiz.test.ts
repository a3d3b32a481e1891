import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/openStore.js';
import { CONTENT_DIR, ROOT } from '../helpers.js';

const DAY_MS = 86_400_000;
const databasePath = join(mkdtempSync(join(tmpdir(), 'quiz-cli-')), 'assistant.db');

// Run outside the project folder, so a developer's .env cannot change what the tests see.
const quiz = (args: string[], input = '', env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(ROOT, 'dist/cli/quiz.js'), ...args], {
    cwd: tmpdir(),
    encoding: 'utf8',
    input,
    env: { PATH: process.env.PATH, CONTENT_DIR, DATABASE_PATH: databasePath, ...env },
    timeout: 20_000,
  });

describe('npm run quiz', () => {
  let misses = 0;

  it('asks the questions one at a time, judges each answer and shows where to read up', () => {
    const run = quiz(['--count', '4', '--user', 'tester'], 'A\nzz\nB\nA\nA\n');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Question 1 of 4 · ');
    expect(run.stdout).toContain('Question 4 of 4 · ');
    expect(run.stdout).toContain('Type one of the letters.');
    // Piped input is not echoed, so each verdict follows its prompt on the same line.
    const verdicts = run.stdout.match(/[✓✗] (Right|Not quite)/g) ?? [];
    expect(verdicts).toHaveLength(4);
    misses = verdicts.filter((v) => v.startsWith('✗')).length;
    expect(run.stdout).toContain(`${4 - misses} of 4 right.`);
    expect(run.stdout).toMatch(/\n {3}Networking Service › .+ \(networking-service\.md:\d+\)\n/);
  });

  it('keeps the schedule in the database under a hash of the local user, like a Discord user', async () => {
    const store = await openStore({ databaseUrl: null, databasePath }, 'read');
    const reviews = await store.study.reviews('cli:tester');
    await store.close();
    expect(reviews).toHaveLength(4);
    expect(reviews.filter((review) => review.misses > 0)).toHaveLength(misses);
  });

  it('serves the missed cards in --review once they are due, and nothing before', () => {
    expect(quiz(['--review', '--user', 'tester']).stdout).toContain('Nothing is due for review now.');
    const later = quiz(['--review', '--user', 'tester'], 'A\n'.repeat(10), {
      TEST_CLOCK_OFFSET_MS: String(DAY_MS + 3_600_000),
    });
    expect(later.status).toBe(0);
    const served = later.stdout.match(/^Review \d+ of (\d+) · /m)?.[1];
    expect(served === undefined ? 0 : Number(served)).toBe(misses);
  });

  it("forgets the local user's schedule and answers with --forget, and no one else's", async () => {
    expect(quiz(['--count', '1', '--user', 'other'], 'A\n').status).toBe(0);
    const run = quiz(['--forget', '--user', 'tester']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Deleted \d+ rows stored for cli:tester\.\n$/);
    const store = await openStore({ databaseUrl: null, databasePath }, 'read');
    const [forgotten, kept] = [
      await store.study.reviews('cli:tester'),
      await store.study.reviews('cli:other'),
    ];
    await store.close();
    expect(forgotten).toEqual([]);
    expect(kept).toHaveLength(1);
  });

  it('quizzes one topic: a service typed in any case', () => {
    const run = quiz(['--topic', 'aws direct connect', '--count', '2', '--user', 'tester'], 'A\nA\n');
    expect(run.status).toBe(0);
    expect(run.stdout.match(/\(networking-service\.md:(\d+)\)/g)).toHaveLength(2);
    for (const line of run.stdout.match(/^ {3}Networking Service › .+$/gm)!) {
      expect(line).toContain('Networking Service › AWS Direct Connect');
    }
  });

  it('lists the topics, and refuses an unknown one in one line', () => {
    expect(quiz(['--topics']).stdout.split('\n')).toContain('Networking Service › Amazon CloudFront');
    const run = quiz(['--topic', 'bread baking']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'error: no chapter or service matches "bread baking" (npm run quiz -- --topics lists them)\n',
    );
  });

  it('stops cleanly when the input ends (q, or end of input)', () => {
    const run = quiz(['--count', '3', '--user', 'quitter'], 'q\n');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('0 of 0 right.');
  });
});
