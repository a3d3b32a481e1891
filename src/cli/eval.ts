import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { answer } from '../answer/answer.js';
import { toAnswerJson } from '../answer/answerJson.js';
import { loadContentDir } from '../config.js';
import { parseEvalQuestions, scoreQuestions, type EvalReport } from '../eval/scoreQuestions.js';
import { loadKnowledge } from '../io/loadKnowledge.js';
import { runProgram, UsageError } from '../runProgram.js';

const USAGE = 'usage: npm run eval -- FILE.jsonl [--min-top1 0.95] [--min-mrr 0.97] [--json]';

runProgram(async () => {
  const { values, positionals } = parseArgs({
    options: {
      'min-top1': { type: 'string' },
      'min-mrr': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (file === undefined) throw new UsageError(USAGE);
  const minTop1 = readFraction(values['min-top1'], '--min-top1');
  const minMrr = readFraction(values['min-mrr'], '--min-mrr');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${file}\n${USAGE}`);
  }
  const questions = parseEvalQuestions(text, file);
  const index = await loadKnowledge(loadContentDir(process.env));
  const answers = questions.map((question) => toAnswerJson(answer(index, question.q)));
  const report = scoreQuestions(questions, answers);
  process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : formatReport(report));
  const failures = [
    minTop1 !== null && report.top1 < minTop1 ? `top-1 ${percent(report.top1)} < ${percent(minTop1)}` : null,
    minMrr !== null && report.mrr < minMrr ? `MRR@5 ${report.mrr.toFixed(3)} < ${minMrr}` : null,
  ].filter((failure) => failure !== null);
  if (failures.length > 0) {
    process.stderr.write(`eval below threshold: ${failures.join(', ')}\n`);
    return 1;
  }
  return 0;
});

function readFraction(value: string | undefined, flag: string): number | null {
  if (value === undefined) return null;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || number > 1) {
    throw new UsageError(`${flag} takes a fraction from 0 to 1, got "${value}"`);
  }
  return number;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function formatReport(report: EvalReport): string {
  const lines = report.misses.map(
    (miss) =>
      `miss (${miss.why}): "${miss.q}"\n  expected: ${miss.expect.join(' | ') || '(decline)'}\n` +
      `  got:      ${miss.got.join(' | ') || '(declined)'}`,
  );
  lines.push(
    '',
    `questions:           ${report.questions} (${report.onTopic} on-topic, ${report.offTopic} off-topic)`,
    `top-1:               ${percent(report.top1)}`,
    `MRR@5:               ${report.mrr.toFixed(3)}`,
    `off-topic declined:  ${report.offTopicDeclined}/${report.offTopic}`,
    `on-topic declined:   ${report.onTopicDeclined}/${report.onTopic}`,
  );
  return `${lines.join('\n')}\n`;
}
