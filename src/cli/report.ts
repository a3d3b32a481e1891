import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { reportChartSpec } from '../chart/reportChart.js';
import { renderChartPng } from '../chart/renderChart.js';
import { formatReportText } from './formatReportText.js';
import { loadConfig } from '../config.js';
import { loadKnowledge } from '../io/loadKnowledge.js';
import type { KnowledgeIndex } from '../search/buildIndex.js';
import { buildReport, parseWindow } from '../store/buildReport.js';
import { openStore } from '../store/openStore.js';
import { runProgram, UsageError } from '../runProgram.js';

const USAGE =
  'usage: npm run report -- [--since 7d (at most 3650d)] [--json] [--png FILE] | --forget-user <discord user id>';

runProgram(async () => {
  const { values } = parseArgs({
    options: {
      since: { type: 'string', default: '7d' },
      json: { type: 'boolean', default: false },
      png: { type: 'string' },
      'forget-user': { type: 'string' },
    },
  });
  const config = loadConfig(process.env, 'cli');
  const forget = values['forget-user'];
  if (forget !== undefined && !/^\d{17,20}$/.test(forget))
    throw new UsageError(`--forget-user takes a Discord user id (17–20 digits)\n${USAGE}`);
  const window = parseWindow(values.since);
  if (window === null) throw new UsageError(`--since takes a window such as 7d, 24h, 30m or 2w\n${USAGE}`);
  // Reading never creates or migrates a database; forgetting writes, but only to one that exists.
  const store = await openStore(config, forget === undefined ? 'read' : 'write');
  try {
    if (forget !== undefined) {
      const deleted = await store.forgetUser(forget);
      process.stdout.write(
        `Deleted ${deleted} rows (questions, feedback and confirmations) stored for that user.\n`,
      );
      return 0;
    }
    let index: KnowledgeIndex | null = null;
    try {
      index = await loadKnowledge(config.contentDir);
    } catch (error) {
      process.stderr.write(
        `note: chapters not loaded (${(error as Error).message}); features are not listed\n`,
      );
    }
    const now = Date.now();
    const report = await buildReport(store, now - window, index, now);
    if (values.png !== undefined) {
      const image = await renderChartPng(reportChartSpec(report));
      writeFileSync(values.png, image.png);
      process.stderr.write(`chart written to ${values.png} (${image.width}×${image.height} PNG)\n`);
    }
    process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : formatReportText(report));
    return 0;
  } finally {
    await store.close();
  }
});
