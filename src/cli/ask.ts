import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { answer } from '../answer/answer.js';
import { cleanQuestion } from '../answer/cleanQuestion.js';
import { toAnswerJson } from '../answer/answerJson.js';
import { loadContentDir, loadIndexCache } from '../config.js';
import { loadKnowledge } from '../io/loadKnowledge.js';
import { formatTerminal } from './formatTerminal.js';
import { runProgram, UsageError } from '../runProgram.js';

const USAGE = `usage: npm run ask -- [--json] [--limit N] "question"
       npm run ask -- --json --stdin < questions.txt   (one question per line)`;

runProgram(async () => {
  const { values, positionals } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      stdin: { type: 'boolean', default: false },
      limit: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const limit = values.limit === undefined ? (values.json ? 5 : 3) : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) {
    throw new UsageError(`--limit must be a whole number from 1 to 50, got "${values.limit}"`);
  }
  const question = cleanQuestion(positionals.join(' '));
  if (!values.stdin && question === '') {
    throw new UsageError(`ask a question\n${USAGE}`);
  }
  const index = await loadKnowledge(loadContentDir(process.env), {
    onSkipped: ({ file, reason }) => process.stderr.write(`warning: ${file}: ${reason}\n`),
    cache: loadIndexCache(process.env),
    onCache: (event) => {
      if (event.kind === 'built' && event.miss.reason === 'corrupt') {
        process.stderr.write(`warning: ${event.path}: saved index ignored (${event.miss.detail}); rebuilt\n`);
      } else if (event.kind === 'saveFailed') {
        process.stderr.write(`warning: ${event.path}: index not saved (${event.message})\n`);
      }
    },
  });

  if (values.stdin) {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      const reply = answer(index, cleanQuestion(line), { limit });
      process.stdout.write(
        values.json ? `${JSON.stringify(toAnswerJson(reply))}\n` : `${formatTerminal(reply)}\n`,
      );
    }
    return 0;
  }
  const reply = answer(index, question, { limit });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(toAnswerJson(reply))}\n`);
  } else {
    const width = Math.min(process.stdout.columns ?? 80, 100);
    process.stdout.write(formatTerminal(reply, { width, isColor: process.stdout.isTTY === true }));
  }
  return 0;
});
