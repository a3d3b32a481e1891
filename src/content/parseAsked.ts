import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { ContentError } from './contentError.js';

/** The questions students asked that one section answered, as `content/asked.yml` lists them. */
export interface AskedEntry {
  /** The section's chunk id. */
  id: string;
  questions: string[];
  /** Where the entry's key is, for the validator's "unknown section" error. */
  source: { file: string; line: number };
}

/** The file `npm run learn` writes and the index reads: `asked.yml` at the top of the content folder. */
export const ASKED_FILE = 'asked.yml';

/**
 * Parse an asked file: a YAML mapping of section id → list of questions. YAML's core schema only (plain
 * strings, numbers, lists, maps): any tag (`!!js/function`, `!foo`) is an error, so the file is data and
 * never code.
 *
 * @param text The file's text.
 * @param file Path relative to the content folder, for error messages.
 * @throws ContentError naming the line of invalid YAML, a tag, or an entry that is not an id with questions.
 */
export function parseAsked(text: string, file: string): AskedEntry[] {
  const document = parseDocument(text, { schema: 'core' });
  const lineOf = (offset: number | undefined): number =>
    offset === undefined ? 1 : text.slice(0, offset).split('\n').length;
  const problem = document.errors[0] ?? document.warnings[0];
  if (problem !== undefined) {
    const line = problem.linePos?.[0].line ?? 1;
    throw new ContentError(`parseAsked: invalid YAML (${problem.message.split('\n')[0]})`, file, line);
  }
  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null)) return [];
  if (!isMap(root))
    throw new ContentError('parseAsked: expected a mapping of section id: [questions]', file, 1);
  const entries: AskedEntry[] = [];
  for (const pair of root.items) {
    const key = pair.key as Node | null;
    const line = lineOf(key?.range?.[0]);
    if (!isScalar(key) || typeof key.value !== 'string' || key.value.trim() === '') {
      throw new ContentError('parseAsked: a section id must be text', file, line);
    }
    const value = pair.value as Node | null;
    const items =
      value === null || (isScalar(value) && value.value === null) ? [] : isSeq(value) ? value.items : null;
    if (items === null) {
      throw new ContentError(`parseAsked: the questions of "${key.value}" must be a list`, file, line);
    }
    const questions: string[] = [];
    for (const item of items as (Node | null)[]) {
      if (!isScalar(item) || (typeof item.value !== 'string' && typeof item.value !== 'number')) {
        throw new ContentError(
          `parseAsked: each question of "${key.value}" must be text`,
          file,
          lineOf(item?.range?.[0] ?? key.range?.[0]),
        );
      }
      if (String(item.value).trim() !== '') questions.push(String(item.value).trim());
    }
    entries.push({ id: key.value.trim(), questions, source: { file, line } });
  }
  return entries;
}
