import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { toAnswerJson } from '../../src/answer/answerJson.js';
import { matchesExpectation, parseEvalQuestions, scoreQuestions } from '../../src/eval/scoreQuestions.js';
import { ROOT, shippedIndex } from '../helpers.js';

const index = shippedIndex();
const evaluate = (file: string) => {
  const questions = parseEvalQuestions(readFileSync(`${ROOT}tests/fixtures/eval/${file}`, 'utf8'), file);
  return scoreQuestions(
    questions,
    questions.map((question) => toAnswerJson(answer(index, question.q))),
  );
};

describe('answer quality on the development questions', () => {
  const report = evaluate('questions.jsonl');

  it('puts an acceptable answer first for at least 95 % of questions', () => {
    expect(report.top1).toBeGreaterThanOrEqual(0.95);
  });

  it('reaches MRR@5 of at least 0.97', () => {
    expect(report.mrr).toBeGreaterThanOrEqual(0.97);
  });

  it('declines every off-topic question and no on-topic one', () => {
    expect(report.offTopicDeclined).toBe(report.offTopic);
    expect(report.onTopicDeclined).toBe(0);
  });
});

describe("answer quality on the project's own extra questions", () => {
  it('stays at 100 % top-1 with every off-topic question declined', () => {
    const report = evaluate('extra-questions.jsonl');
    expect(report.top1).toBe(1);
    expect(report.offTopicDeclined).toBe(report.offTopic);
  });

  it('stays at 98 % top-1 on 153 messier questions, declining no on-topic question', () => {
    const report = evaluate('more-questions.jsonl');
    expect(report.top1).toBeGreaterThanOrEqual(0.98);
    expect(report.onTopicDeclined).toBe(0);
    expect(report.offTopicDeclined).toBeGreaterThanOrEqual(report.offTopic - 1);
  });

  it('answers the probe questions (exam shapes, typos, half-typed words, look-alike off-topic) at 90 %', () => {
    const report = evaluate('probe-questions.jsonl');
    expect(report.top1).toBeGreaterThanOrEqual(0.9);
    expect(report.offTopicDeclined).toBeGreaterThanOrEqual(report.offTopic - 1);
  });
});

describe('answer quality on real questions written outside the project', () => {
  const report = evaluate('real-questions.jsonl');

  it('puts an acceptable section first for at least 85 % of the in-scope questions', () => {
    expect(report.inScopeTop1).toBeGreaterThanOrEqual(0.85);
  });

  it('reaches an in-scope MRR@5 of at least 0.90', () => {
    expect(report.inScopeMrr).toBeGreaterThanOrEqual(0.9);
  });

  it('declines at least 14 of the 16 off-topic questions', () => {
    expect(report.offTopicDeclined).toBeGreaterThanOrEqual(14);
  });

  it('declines at most 2 answerable questions (closest counts as answered)', () => {
    expect(report.onTopicDeclined).toBeLessThanOrEqual(2);
  });
});

describe('answer quality on exam-bank questions and probes by failure class', () => {
  const bank = evaluate('exam-bank-questions.jsonl');
  const probes = evaluate('class-probe-questions.jsonl');

  it('puts an acceptable section first for at least 87 % of the in-scope exam-bank questions', () => {
    expect(bank.inScopeTop1).toBeGreaterThanOrEqual(0.87);
  });

  it('reaches an in-scope MRR@5 of at least 0.90 on the exam-bank questions', () => {
    expect(bank.inScopeMrr).toBeGreaterThanOrEqual(0.9);
  });

  it('declines at least 18 of the 20 off-topic exam-bank questions and at most 2 answerable ones', () => {
    expect(bank.offTopicDeclined).toBeGreaterThanOrEqual(18);
    expect(bank.onTopicDeclined).toBeLessThanOrEqual(2);
  });

  it('holds the class probes at 85 % in-scope top-1, declining 34 of 37 off-topic and at most 2 answerable', () => {
    expect(probes.inScopeTop1).toBeGreaterThanOrEqual(0.85);
    expect(probes.offTopicDeclined).toBeGreaterThanOrEqual(34);
    expect(probes.onTopicDeclined).toBeLessThanOrEqual(2);
  });
});

describe('scoreQuestions', () => {
  const result = (service: string, feature: string | null) => ({
    id: 'x',
    chapter: 'C',
    service,
    feature,
    headings: [],
    text: '',
    score: 1,
    source: { file: 'c.md', line: 1 },
  });

  it('matches services by case-insensitive containment and bare services to overviews', () => {
    expect(
      matchesExpectation(result('AWS Direct Connect', 'Global Reach'), 'Direct Connect > Global Reach'),
    ).toBe(true);
    expect(matchesExpectation(result('AWS Direct Connect', null), 'direct connect')).toBe(true);
    expect(matchesExpectation(result('AWS Direct Connect', 'Global Reach'), 'Direct Connect')).toBe(false);
  });

  it('scores top-1, MRR and declines', () => {
    const report = scoreQuestions(
      [
        { q: 'a', expect: ['S > F'] },
        { q: 'b', expect: ['S > F'] },
        { q: 'c', expect: [] },
      ],
      [
        { query: 'a', verdict: 'answered', results: [result('S', 'F')], suggestions: [] },
        { query: 'b', verdict: 'closest', results: [result('S', 'G'), result('S', 'F')], suggestions: [] },
        { query: 'c', verdict: 'notCovered', results: [], suggestions: [] },
      ],
    );
    expect(report).toMatchObject({
      top1: 2 / 3,
      mrr: (1 + 0.5 + 1) / 3,
      inScopeTop1: 1 / 2,
      inScopeMrr: (1 + 0.5) / 2,
      offTopicDeclined: 1,
      onTopicClosest: 1,
    });
    expect(report.misses.map((miss) => miss.q)).toEqual(['b']);
  });
});
