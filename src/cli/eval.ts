import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { answer } from '../answer/answer.js';
import { toAnswerJson } from '../answer/answerJson.js';
import { loadContentDir } from '../config.js';
import { parseEvalQuestions, scoreQuestions, type EvalReport } from '../eval/scoreQuestions.js';
import { loadKnowledge } from '../io/loadKnowledge.js';
import { runProgram, UsageError } from '../runProgram.js';

const USAGE = 'usage: npm run eval -- FILE.jsonl… [--min-top1 0.95] [--min-mrr 0.97] [--json] [--quiet]';

runProgram(async () => {
  const { values, positionals } = parseArgs({
    options: {
      'min-top1': { type: 'string' },
      'min-mrr': { type: 'string' },
      json: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  if (positionals.length === 0) throw new UsageError(USAGE);
  const minTop1 = readFraction(values['min-top1'], '--min-top1');
  const minMrr = readFraction(values['min-mrr'], '--min-mrr');
  const texts: string[] = [];
  for (const file of positionals) {
    try {
      texts.push(await readFile(file, 'utf8'));
    } catch {
      throw new UsageError(`cannot read ${file}\n${USAGE}`);
    }
  }
  const questionSets = positionals.map((file, i) => parseEvalQuestions(texts[i]!, file));
  const index = await loadKnowledge(loadContentDir(process.env));
  const failures: string[] = [];
  positionals.forEach((file, i) => {
    const questions = questionSets[i]!;
    const answers = questions.map((question) => toAnswerJson(answer(index, question.q)));
    const report = scoreQuestions(questions, answers);
    const heading = positionals.length > 1 && !values.json ? `== ${file}\n` : '';
    process.stdout.write(
      values.json ? `${JSON.stringify({ file, ...report })}\n` : heading + formatReport(report, values.quiet),
    );
    const prefix = positionals.length > 1 ? `${file}: ` : '';
    if (minTop1 !== null && report.top1 < minTop1)
      failures.push(`${prefix}top-1 ${percent(report.top1)} < ${percent(minTop1)}`);
    if (minMrr !== null && report.mrr < minMrr)
      failures.push(`${prefix}MRR@5 ${report.mrr.toFixed(3)} < ${minMrr}`);
  });
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

function formatReport(report: EvalReport, isQuiet: boolean): string {
  const lines = (isQuiet ? [] : report.misses).map(
    (miss) =>
      `miss (${miss.why}): "${miss.q}"\n  expected: ${miss.expect.join(' | ') || '(decline)'}\n` +
      `  got:      ${miss.got.join(' | ') || '(declined)'}`,
  );
  lines.push(
    ...(lines.length > 0 ? [''] : []),
    `questions:           ${report.questions} (${report.onTopic} on-topic, ${report.offTopic} off-topic)`,
    `top-1:               ${percent(report.top1)}   (in scope: ${percent(report.inScopeTop1)})`,
    `MRR@5:               ${report.mrr.toFixed(3)}   (in scope: ${report.inScopeMrr.toFixed(3)})`,
    `off-topic declined:  ${report.offTopicDeclined}/${report.offTopic}`,
    `on-topic declined:   ${report.onTopicDeclined}/${report.onTopic}`,
    `on-topic "closest":  ${report.onTopicClosest}/${report.onTopic} (counted as answered with their first section)`,
  );
  return `${lines.join('\n')}\n`;
}
