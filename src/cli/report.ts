import { parseArgs } from 'node:util';
import { formatReportText } from './formatReportText.js';
import { loadConfig } from '../config.js';
import { loadKnowledge } from '../io/loadKnowledge.js';
import type { KnowledgeIndex } from '../search/buildIndex.js';
import { buildReport, parseWindow } from '../store/buildReport.js';
import { QuestionStore } from '../store/questionStore.js';
import { runProgram, UsageError } from '../runProgram.js';

const USAGE =
  'usage: npm run report -- [--since 7d (at most 3650d)] [--json] | --forget-user <discord user id>';

runProgram(async () => {
  const { values } = parseArgs({
    options: {
      since: { type: 'string', default: '7d' },
      json: { type: 'boolean', default: false },
      'forget-user': { type: 'string' },
    },
  });
  const config = loadConfig(process.env, 'cli');
  const store = new QuestionStore(config.databasePath);
  try {
    const forget = values['forget-user'];
    if (forget !== undefined) {
      if (!/^\d{17,20}$/.test(forget))
        throw new UsageError(`--forget-user takes a Discord user id (17–20 digits)\n${USAGE}`);
      const deleted = store.forgetUser(forget);
      process.stdout.write(`Deleted ${deleted} rows (questions and feedback) stored for that user.\n`);
      return 0;
    }
    const window = parseWindow(values.since);
    if (window === null) throw new UsageError(`--since takes a window such as 7d, 24h, 30m or 2w\n${USAGE}`);
    let index: KnowledgeIndex | null = null;
    try {
      index = await loadKnowledge(config.contentDir);
    } catch (error) {
      process.stderr.write(
        `note: chapters not loaded (${(error as Error).message}); features are not listed\n`,
      );
    }
    const now = Date.now();
    const report = buildReport(store.db, now - window, index, now);
    process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : formatReportText(report));
    return 0;
  } finally {
    store.close();
  }
});
