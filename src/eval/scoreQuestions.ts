import type { AnswerJson, ResultJson } from '../answer/answerJson.js';

/** One question of an eval file: `{"q": "...", "expect": ["Service > Feature", "Service"]}`; [] = off-topic. */
export interface EvalQuestion {
  q: string;
  expect: string[];
}

/** A question the engine got wrong, with what it answered instead. */
export interface EvalMiss {
  q: string;
  expect: string[];
  got: string[];
  why: 'wrong first result' | 'declined on-topic question' | 'answered off-topic question';
}

/** Quality figures over a question file. */
export interface EvalReport {
  questions: number;
  onTopic: number;
  offTopic: number;
  /** Share of questions whose first result is acceptable (off-topic: declined). */
  top1: number;
  /** Mean reciprocal rank of the first acceptable result within the top 5 (off-topic: 1 when declined). */
  mrr: number;
  /** Top-1 over the on-topic questions only. */
  inScopeTop1: number;
  /** MRR@5 over the on-topic questions only. */
  inScopeMrr: number;
  offTopicDeclined: number;
  onTopicDeclined: number;
  /** On-topic questions answered as "closest" (subject covered, detail not); they count as answered. */
  onTopicClosest: number;
  misses: EvalMiss[];
}

/** Top results considered for MRR. */
const MRR_DEPTH = 5;

/**
 * Parse an eval file: one JSON object per line; blank lines are skipped, fields other than `q` and
 * `expect` (such as `source`) are ignored.
 *
 * @throws Error naming the line of a malformed entry.
 */
export function parseEvalQuestions(text: string, file = 'questions'): EvalQuestion[] {
  const questions: EvalQuestion[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      throw new Error(`parseEvalQuestions: invalid JSON at ${file}:${index + 1}`);
    }
    const { q, expect } = (entry ?? {}) as Partial<EvalQuestion>;
    if (typeof q !== 'string' || !Array.isArray(expect) || !expect.every((e) => typeof e === 'string')) {
      throw new Error(
        `parseEvalQuestions: expected {"q": string, "expect": string[]} at ${file}:${index + 1}`,
      );
    }
    questions.push({ q, expect });
  });
  return questions;
}

/** The label of a result in the eval's notation: "Service heading > Feature title". */
function resultLabel(result: ResultJson): string {
  return [result.service ?? result.chapter, result.feature].filter((part) => part !== null).join(' > ');
}

/**
 * Does a result satisfy one expectation? "Service > Feature" matches the feature under a service heading
 * that contains "Service" (case-insensitive); a bare "Service" matches that service's overview.
 */
export function matchesExpectation(result: ResultJson, expectation: string): boolean {
  const [service = '', feature] = expectation.split('>').map((part) => part.trim().toLowerCase());
  if (result.service === null || !result.service.toLowerCase().includes(service)) return false;
  return feature === undefined ? result.feature === null : result.feature?.toLowerCase() === feature;
}

/**
 * Score answers against expectations. A question is declined when its answer has no results (verdict
 * `notCovered`); a `closest` answer counts as answered with its first result.
 *
 * @param questions The eval questions.
 * @param answers The JSON answer to each question, in the same order.
 */
export function scoreQuestions(
  questions: readonly EvalQuestion[],
  answers: readonly AnswerJson[],
): EvalReport {
  let top1 = 0;
  let reciprocal = 0;
  let offTopicDeclined = 0;
  let onTopicDeclined = 0;
  let onTopicClosest = 0;
  const misses: EvalMiss[] = [];
  questions.forEach((question, index) => {
    const answer = answers[index];
    const results = answer?.results ?? [];
    const got = results.slice(0, MRR_DEPTH).map(resultLabel);
    if (question.expect.length === 0) {
      if (results.length === 0) offTopicDeclined++;
      else misses.push({ ...question, got, why: 'answered off-topic question' });
      return;
    }
    if (results.length === 0) {
      onTopicDeclined++;
      misses.push({ ...question, got, why: 'declined on-topic question' });
      return;
    }
    if (answer?.verdict === 'closest') onTopicClosest++;
    const rank = results
      .slice(0, MRR_DEPTH)
      .findIndex((result) => question.expect.some((expectation) => matchesExpectation(result, expectation)));
    if (rank === 0) top1++;
    else misses.push({ ...question, got, why: 'wrong first result' });
    if (rank >= 0) reciprocal += 1 / (rank + 1);
  });
  const count = questions.length;
  const offTopic = questions.filter((question) => question.expect.length === 0).length;
  const onTopic = count - offTopic;
  const share = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);
  return {
    questions: count,
    onTopic,
    offTopic,
    top1: share(top1 + offTopicDeclined, count),
    mrr: share(reciprocal + offTopicDeclined, count),
    inScopeTop1: share(top1, onTopic),
    inScopeMrr: share(reciprocal, onTopic),
    offTopicDeclined,
    onTopicDeclined,
    onTopicClosest,
    misses,
  };
}
