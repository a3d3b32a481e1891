import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseAsked } from '../../src/content/parseAsked.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { CONTENT_DIR, ROOT } from '../helpers.js';

const DX = 'networking-service/aws-direct-connect/flexible-bandwidth-options';
const VPC = 'networking-service/amazon-virtual-private-cloud-vpc/isolation';
const STUDENTS = ['100000000000000001', '100000000000000002'];

let content: string;
let databasePath: string;

/** Each student asks, is declined, and picks a section a minute later. */
async function confirm(store: SqliteStore, userId: string, question: string, chunkId: string): Promise<void> {
  const now = Date.now() - 60_000;
  await store.recordQuestion({
    askedAt: now,
    place: 'guild',
    userId,
    question,
    verdict: 'noMatch',
    topIds: [],
    latencyMs: 1,
  });
  await store.recordConfirmation({
    confirmedAt: now + 1000,
    userId,
    chunkId,
    how: 'suggestion',
    questionId: null,
    windowMs: 300_000,
  });
}

beforeEach(async () => {
  const folder = mkdtempSync(join(tmpdir(), 'learn-'));
  content = join(folder, 'content');
  cpSync(CONTENT_DIR, content, { recursive: true });
  databasePath = join(folder, 'a.db');
  const store = new SqliteStore(databasePath);
  await confirm(store, STUDENTS[0]!, 'how quick can a dedicated line go?', DX);
  await confirm(store, STUDENTS[1]!, 'How quick can a dedicated line go', DX);
  await confirm(store, STUDENTS[0]!, 'keep my servers apart from everyone', VPC);
  await store.close();
});

const learn = (args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'dist/cli/learn.js'), ...args], {
    encoding: 'utf8',
    cwd: tmpdir(),
    env: { PATH: process.env.PATH, DATABASE_PATH: databasePath, CONTENT_DIR: content },
  });
const asked = (): Map<string, string[]> =>
  new Map(
    parseAsked(readFileSync(join(content, 'asked.yml'), 'utf8'), 'asked.yml').map((e) => [e.id, e.questions]),
  );

describe('npm run learn', () => {
  it('lists what two students confirmed and writes nothing without --accept', () => {
    const run = learn([]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`[${DX}]\n     2  How quick can a dedicated line go\n`);
    expect(run.stdout).not.toContain(VPC);
    expect(run.stdout).toMatch(
      /1 question confirmed by at least 2 students; `npm run learn -- --accept` writes/,
    );
    expect(existsSync(join(content, 'asked.yml'))).toBe(false);
  });

  it('with --accept writes them to asked.yml, which then validates, and learns each pair once', () => {
    expect(learn(['--accept']).stdout).toMatch(
      /^Learned 1 question for 1 section into .*asked\.yml; 0 already there\.\n$/,
    );
    expect(asked()).toEqual(new Map([[DX, ['How quick can a dedicated line go']]]));
    expect(learn(['--accept']).stdout).toMatch(/^Learned 0 questions for 0 sections/);
    const validate = spawnSync(process.execPath, [join(ROOT, 'dist/cli/validate.js')], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, CONTENT_DIR: content },
    });
    expect(validate.stdout).toMatch(/1 asked question\nok \(0 warnings\)\n$/);
  });

  it("learns from one student with --min-students 1, keeping an organiser's deletion", () => {
    learn(['--accept']);
    writeFileSync(join(content, 'asked.yml'), '# reviewed: nothing yet\n');
    expect(learn(['--accept', '--min-students', '1']).stdout).toMatch(/^Learned 1 question for 1 section/);
    expect(asked()).toEqual(new Map([[VPC, ['keep my servers apart from everyone']]]));
    expect(readFileSync(join(content, 'asked.yml'), 'utf8')).toMatch(/^# reviewed: nothing yet\n/);
  });

  it('refuses a bad --min-students in one line', () => {
    const run = learn(['--min-students', '0']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: --min-students takes a whole number from 1\nusage: npm run learn/);
  });
});
