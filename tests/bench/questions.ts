import { readFileSync } from 'node:fs';
import { parseEvalQuestions, type EvalQuestion } from '../../src/eval/scoreQuestions.js';
import { ROOT } from '../helpers.js';

/** The development questions shipped under tests/fixtures/eval. */
export function devQuestions(): EvalQuestion[] {
  const file = `${ROOT}tests/fixtures/eval/questions.jsonl`;
  return parseEvalQuestions(readFileSync(file, 'utf8'), file);
}
