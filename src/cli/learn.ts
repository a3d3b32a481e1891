import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { mergeAsked } from '../content/mergeAsked.js';
import { askedPath, readAskedFile, writeAskedFile } from '../io/askedFile.js';
import { loadKnowledge } from '../io/loadKnowledge.js';
import { parseWindow } from '../store/buildReport.js';
import type { ProposedPair } from '../store/learningStore.js';
import { openStore } from '../store/openStore.js';
import { normalizeQuestion } from '../store/store.js';
import { runProgram, UsageError } from '../runProgram.js';
import { formatCount } from './formatCount.js';

const USAGE = 'usage: npm run learn -- [--accept] [--min-students 2] [--since 3650d]';

/**
 * `npm run learn`: the questions students confirmed for a section, by at least `--min-students` distinct
 * students (2 by default: nothing is learned from one student alone); with `--accept`, written into the
 * content folder's asked.yml (merged with what is there) and never proposed again.
 */
runProgram(async () => {
  const { values } = parseArgs({
    options: {
      accept: { type: 'boolean', default: false },
      'min-students': { type: 'string', default: '2' },
      since: { type: 'string', default: '3650d' },
    },
  });
  const minStudents = Number(values['min-students']);
  if (!Number.isInteger(minStudents) || minStudents < 1 || minStudents > 10_000) {
    throw new UsageError(`--min-students takes a whole number from 1\n${USAGE}`);
  }
  const window = parseWindow(values.since);
  if (window === null)
    throw new UsageError(`--since takes a window such as 30d or 2w (at most 3650d)\n${USAGE}`);
  const config = loadConfig(process.env, 'cli');
  // The chapters first: a pair is learned only for a section they still have.
  const index = await loadKnowledge(config.contentDir);
  const store = await openStore(config, values.accept ? 'write' : 'read');
  try {
    const now = Date.now();
    const pairs = await store.proposedPairs(now - window, now, minStudents);
    const known = pairs.filter((pair) => index.chunks.has(pair.id));
    const gone = pairs.length - known.length;
    const note =
      gone === 0 ? '' : ` (${formatCount(gone, 'pair')} for sections no longer in the chapters left out)`;
    if (!values.accept) {
      process.stdout.write(listPairs(known, (id) => index.chunks.get(id)!.headings.join(' › ')));
      process.stdout.write(
        `${formatCount(known.length, 'question')} confirmed by at least ${formatCount(minStudents, 'student')}${note}; ` +
          `\`npm run learn -- --accept\` writes them to ${askedPath(config.contentDir)}\n`,
      );
      return 0;
    }
    const merged = mergeAsked(
      await readAskedFile(config.contentDir),
      known.map((pair) => ({ id: pair.id, question: pair.question })),
      normalizeQuestion,
    );
    if (merged.added.length > 0) await writeAskedFile(config.contentDir, merged.text);
    await store.markLearned(known, now);
    const sections = new Set(merged.added.map((pair) => pair.id)).size;
    process.stdout.write(
      `Learned ${formatCount(merged.added.length, 'question')} for ${formatCount(sections, 'section')} ` +
        `into ${askedPath(config.contentDir)}; ${known.length - merged.added.length} already there${note}.\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
});

function listPairs(pairs: readonly ProposedPair[], label: (id: string) => string): string {
  const lines: string[] = [];
  let section: string | null = null;
  for (const pair of pairs) {
    if (pair.id !== section) lines.push(`${label(pair.id)}  [${pair.id}]`);
    section = pair.id;
    lines.push(`  ${String(pair.students).padStart(4)}  ${pair.question}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n\n`;
}
