import { parseDocument } from 'yaml';
import type { Chapter } from './chapter.js';
import { ContentError } from './contentError.js';

/** One glossary entry: a term as the chapters write it and the words students use for it. */
export interface GlossaryEntry {
  term: string;
  aliases: string[];
  /** Where the entry was declared, for the validator. */
  source: { file: string; line: number };
}

/**
 * Parse a glossary file: a YAML mapping of term → alias or list of aliases.
 *
 * @param text The file's text.
 * @param file Path relative to the content folder, for error messages.
 * @throws ContentError naming the line of invalid YAML or of an entry that is not a term with aliases.
 */
export function parseGlossary(text: string, file: string): GlossaryEntry[] {
  const document = parseDocument(text, { keepSourceTokens: false });
  const error = document.errors[0];
  if (error !== undefined) {
    const line = error.linePos?.[0].line ?? 1;
    throw new ContentError(`parseGlossary: invalid YAML (${error.message.split('\n')[0]})`, file, line);
  }
  const root = document.contents;
  if (root === null) return [];
  if (!('items' in root) || root.constructor.name !== 'YAMLMap') {
    throw new ContentError('parseGlossary: expected a mapping of term: [aliases]', file, 1);
  }
  const lineOf = (offset: number | undefined): number =>
    offset === undefined ? 1 : text.slice(0, offset).split('\n').length;
  const entries: GlossaryEntry[] = [];
  for (const pair of root.items as { key: unknown; value: unknown }[]) {
    const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
    const line = lineOf(key?.range?.[0]);
    const term = key?.value;
    const value = (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null;
    const aliases = Array.isArray(value) ? value : value === null ? [] : [value];
    if (typeof term !== 'string' && typeof term !== 'number') {
      throw new ContentError('parseGlossary: a term must be text', file, line);
    }
    if (!aliases.every((alias) => typeof alias === 'string' || typeof alias === 'number')) {
      throw new ContentError(`parseGlossary: aliases of "${term}" must be text`, file, line);
    }
    entries.push({ term: String(term), aliases: aliases.map(String), source: { file, line } });
  }
  return entries;
}

/**
 * The glossary entries chapters declare in their front matter, each located at its chapter's first line,
 * in chapter order: what joins the glossary files' entries to make the whole glossary.
 */
export function chapterGlossary(chapters: readonly Chapter[]): GlossaryEntry[] {
  return chapters.flatMap((chapter) =>
    chapter.glossary.map((entry) => ({ ...entry, source: { file: chapter.file, line: 1 } })),
  );
}
