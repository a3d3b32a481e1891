import { readdirSync, readFileSync } from 'node:fs';
import { parseEvalQuestions, type EvalQuestion } from '../../src/eval/scoreQuestions.js';
import { ROOT } from '../helpers.js';

/** The development questions shipped under tests/fixtures/eval. */
export function devQuestions(): EvalQuestion[] {
  const file = `${ROOT}tests/fixtures/eval/questions.jsonl`;
  return parseEvalQuestions(readFileSync(file, 'utf8'), file);
}

/** Every question file under tests/fixtures/eval, by file name. */
export function questionFiles(): { file: string; questions: EvalQuestion[] }[] {
  const dir = `${ROOT}tests/fixtures/eval`;
  return readdirSync(dir)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .map((file) => ({ file, questions: parseEvalQuestions(readFileSync(`${dir}/${file}`, 'utf8'), file) }));
}
