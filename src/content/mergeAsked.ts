import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { parseAsked } from './parseAsked.js';

/** What a new asked.yml starts with: what the file is and how to review it. */
const HEADER = [
  ' Questions students asked, under the section that answered them (section id: [questions]).',
  ' `npm run learn -- --accept` adds the ones students confirmed; review this file like any content:',
  ' edit or delete lines freely (a deleted question is not proposed again). `npm run validate` checks it.',
].join('\n');

/** A question to learn for a section. */
export interface AskedAddition {
  id: string;
  question: string;
}

/**
 * Merge questions into an asked file's text, keeping what is there (an organiser's edits, deletions and
 * comments): a question is added unless its section already lists one of the same normalized form; then
 * sections are sorted by id and each section's questions alphabetically, so the file reads the same
 * whatever order the questions came in.
 *
 * @param text The file's text ('' for a new file).
 * @param additions Questions to add, for sections that exist.
 * @param normalize The form two questions are the same in (the store's `normalizeQuestion`).
 * @param file The file's name, for errors.
 * @throws ContentError when the existing text is not a valid asked file.
 */
export function mergeAsked(
  text: string,
  additions: readonly AskedAddition[],
  normalize: (question: string) => string,
  file = 'asked.yml',
): { text: string; added: AskedAddition[] } {
  parseAsked(text, file);
  const document: Document = parseDocument(text, { schema: 'core' });
  if (!isMap(document.contents)) {
    document.contents = document.createNode({}) as YAMLMap;
    if (text.trim() === '') document.commentBefore = HEADER;
  }
  const root = document.contents as YAMLMap<unknown, YAMLSeq | null>;
  const added: AskedAddition[] = [];
  for (const addition of additions) {
    let list = root.get(addition.id, true) as YAMLSeq | null | undefined;
    if (!isSeq(list)) {
      list = document.createNode([]) as YAMLSeq;
      root.set(addition.id, list);
    }
    const seen = list.items.map((item) => normalize(String(isScalar(item) ? item.value : item)));
    if (seen.includes(normalize(addition.question))) continue;
    list.add(document.createNode(addition.question));
    added.push(addition);
  }
  // A comment at the top of the file belongs to the file, not to whichever section sorts first.
  const first = root.items[0]?.key;
  if (isScalar(first) && first.commentBefore && !document.commentBefore) {
    document.commentBefore = first.commentBefore;
    first.commentBefore = undefined;
  }
  const keyOf = (item: unknown): string => String(isScalar(item) ? item.value : item);
  root.items.sort((a, b) => compare(keyOf(a.key), keyOf(b.key)));
  for (const pair of root.items) {
    if (isSeq(pair.value)) pair.value.items.sort((a, b) => compare(keyOf(a), keyOf(b)));
  }
  return { text: document.toString({ lineWidth: 0 }), added };
}

/** Case-insensitive order, then by exact text, so the order is total and stable. */
function compare(a: string, b: string): number {
  const folded = a.toLowerCase().localeCompare(b.toLowerCase(), 'en');
  return folded !== 0 ? folded : a < b ? -1 : a > b ? 1 : 0;
}
