import { parseArgs } from 'node:util';
import type { ContentFile } from '../content/chapter.js';
import { ContentError } from '../content/contentError.js';
import { loadContentDir } from '../config.js';
import { listContent } from '../io/listContent.js';
import { readContentFile } from '../io/readContent.js';
import { validateContent, type Problem, type ValidationReport } from '../search/validateContent.js';
import { runProgram, withoutModulePrefix } from '../runProgram.js';
import { formatCount } from './formatCount.js';

runProgram(async () => {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
  const dir = loadContentDir(process.env);
  const files = {
    chapters: [] as ContentFile[],
    glossaries: [] as ContentFile[],
    asked: [] as ContentFile[],
  };
  const lists = { chapter: files.chapters, glossary: files.glossaries, asked: files.asked };
  const unreadable: Problem[] = [];
  const listing = await listContent(dir);
  for (const entry of listing.entries) {
    try {
      lists[entry.kind].push(await readContentFile(entry));
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      unreadable.push({ file: error.file, line: error.line, message: error.message });
    }
  }
  const report = validateContent(files, unreadable);
  report.warnings.unshift(
    ...listing.skipped.map(({ file, reason }) => ({ file, line: null, message: reason })),
  );
  process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : formatReport(dir, report));
  return report.errors.length > 0 ? 1 : 0;
});

function formatReport(dir: string, report: ValidationReport): string {
  const where = (problem: Problem): string =>
    `${problem.file}${problem.line === null ? '' : `:${problem.line}`}`;
  const { summary } = report;
  const lines = [
    ...report.errors.map(
      (problem) =>
        `error   ${where(problem)}  ${withoutModulePrefix(problem.message.replace(/ at \S+$/, ''))}`,
    ),
    ...report.warnings.map((problem) => `warning ${where(problem)}  ${problem.message}`),
    '',
    `${dir}: ${formatCount(summary.chapters, 'chapter')}, ${formatCount(summary.services, 'service')}, ` +
      `${formatCount(summary.features, 'feature')}, ${formatCount(summary.chunks, 'chunk')}, ` +
      formatCount(summary.glossaryEntries, 'glossary entry', 'glossary entries') +
      (summary.askedQuestions === 0 ? '' : `, ${formatCount(summary.askedQuestions, 'asked question')}`),
    report.errors.length === 0
      ? `ok (${formatCount(report.warnings.length, 'warning')})`
      : `${formatCount(report.errors.length, 'error')}, ${formatCount(report.warnings.length, 'warning')}`,
  ];
  return `${lines.join('\n')}\n`;
}
