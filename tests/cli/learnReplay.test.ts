import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answer, answerChunk } from '../../src/answer/answer.js';
import { toAnswerJson, type AnswerJson } from '../../src/answer/answerJson.js';
import {
  matchesExpectation,
  parseEvalQuestions,
  scoreQuestions,
  type EvalQuestion,
  type EvalReport,
} from '../../src/eval/scoreQuestions.js';
import { loadKnowledge } from '../../src/io/loadKnowledge.js';
import type { KnowledgeIndex } from '../../src/search/buildIndex.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { CONTENT_DIR, ROOT } from '../helpers.js';

const EVAL_FILES = [
  'questions.jsonl',
  'extra-questions.jsonl',
  'more-questions.jsonl',
  'probe-questions.jsonl',
  'real-questions.jsonl',
];
const load = (file: string): EvalQuestion[] =>
  parseEvalQuestions(readFileSync(join(ROOT, 'tests/fixtures/eval', file), 'utf8'), file);
const isRight = (reply: AnswerJson, question: EvalQuestion): boolean =>
  reply.results[0] !== undefined && question.expect.some((e) => matchesExpectation(reply.results[0]!, e));
const score = (index: KnowledgeIndex, questions: EvalQuestion[]): EvalReport =>
  scoreQuestions(
    questions,
    questions.map((q) => toAnswerJson(answer(index, q.q))),
  );

let before: KnowledgeIndex;
let after: KnowledgeIndex;
/** The real questions the shipped chapters missed, each with the section its student picked. */
const replayed: { question: string; chunkId: string }[] = [];

/**
 * Each real question is asked by its own student; after a miss (declined or `closest`, or a wrong first
 * answer they mark Not helpful) the student picks the expected section within a minute. Then
 * `npm run learn -- --accept --min-students 1` writes asked.yml and the index is loaded again.
 */
beforeAll(async () => {
  const folder = mkdtempSync(join(tmpdir(), 'replay-'));
  const content = join(folder, 'content');
  cpSync(CONTENT_DIR, content, { recursive: true });
  const databasePath = join(folder, 'a.db');
  before = await loadKnowledge(content);
  const store = new SqliteStore(databasePath);
  const sections = [...before.chunks.keys()];
  let at = Date.now() - 3_600_000;
  for (const [i, question] of load('real-questions.jsonl').entries()) {
    if (question.expect.length === 0) continue;
    const reply = toAnswerJson(answer(before, question.q));
    if (isRight(reply, question)) continue;
    const chunkId = sections.find((id) =>
      question.expect.some((e) => matchesExpectation(toAnswerJson(answerChunk(before, id)!).results[0]!, e)),
    )!;
    const userId = String(100000000000000000n + BigInt(i));
    at += 10_000;
    const questionId = await store.recordQuestion({
      askedAt: at,
      place: 'guild',
      userId,
      question: question.q,
      verdict: { answered: 'hits', closest: 'closest', notCovered: 'noMatch' }[reply.verdict] as 'hits',
      topIds: reply.results.map((r) => r.id),
      latencyMs: 1,
    });
    if (reply.verdict === 'answered') {
      await store.recordFeedback({
        givenAt: at + 1000,
        userId,
        questionId,
        chunkId: reply.results[0]!.id,
        helpful: false,
      });
    }
    const how = reply.verdict === 'answered' ? 'more' : 'suggestion';
    const outcome = await store.recordConfirmation({
      confirmedAt: at + 2000,
      userId,
      chunkId,
      how,
      questionId: how === 'more' ? questionId : null,
      windowMs: 300_000,
    });
    expect(outcome).toBe('saved');
    replayed.push({ question: question.q, chunkId });
  }
  await store.close();
  const learn = spawnSync(
    process.execPath,
    [join(ROOT, 'dist/cli/learn.js'), '--accept', '--min-students', '1', '--since', '1d'],
    {
      encoding: 'utf8',
      cwd: tmpdir(),
      env: { PATH: process.env.PATH, DATABASE_PATH: databasePath, CONTENT_DIR: content },
    },
  );
  expect(learn.stderr).toBe('');
  expect(learn.status).toBe(0);
  after = await loadKnowledge(content);
}, 120_000);

describe('replaying the real questions through the learning loop', () => {
  it('learns every question the chapters missed', () => {
    expect(replayed.length).toBeGreaterThan(0);
    const learned = [...after.asked.values()].flat();
    expect(learned).toHaveLength(replayed.length);
  });

  it('then answers each of them with the picked section first', () => {
    const firsts = replayed.map(({ question }) => toAnswerJson(answer(after, question)).results[0]?.id);
    expect(firsts).toEqual(replayed.map(({ chunkId }) => chunkId));
  });

  it.each(EVAL_FILES)('loses nothing on %s', (file) => {
    const questions = load(file);
    const [without, withLearned] = [score(before, questions), score(after, questions)];
    expect(withLearned.top1).toBeGreaterThanOrEqual(without.top1);
    expect(withLearned.inScopeMrr).toBeGreaterThanOrEqual(without.inScopeMrr);
    expect(withLearned.offTopicDeclined).toBeGreaterThanOrEqual(without.offTopicDeclined);
    expect(withLearned.onTopicDeclined).toBeLessThanOrEqual(without.onTopicDeclined);
  });
});
