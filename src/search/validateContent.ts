import type { Chapter, ContentFile } from '../content/chapter.js';
import { chunkChapter } from '../content/chunkChapter.js';
import { ContentError } from '../content/contentError.js';
import { parseAsked, type AskedEntry } from '../content/parseAsked.js';
import { chapterGlossary, parseGlossary, type GlossaryEntry } from '../content/parseGlossary.js';
import { buildIndex } from './buildIndex.js';
import { phraseTerm } from './tokenizer.js';

/** One finding, located by file and line where it applies. */
export interface Problem {
  file: string;
  line: number | null;
  message: string;
}

/** What `npm run validate` reports: errors stop the bot from loading; warnings are worth a look. */
export interface ValidationReport {
  errors: Problem[];
  warnings: Problem[];
  summary: {
    chapters: number;
    services: number;
    features: number;
    chunks: number;
    glossaryEntries: number;
    /** Questions students asked, learned into `asked.yml`. */
    askedQuestions: number;
  };
}

/**
 * Check content the way the bot will load it, collecting every problem instead of stopping at the first.
 *
 * @param files Chapters, glossaries and asked files as read; files that could not be read arrive as `errors`.
 * @param errors Problems found while reading (a file that is not UTF-8).
 */
export function validateContent(
  files: { chapters: ContentFile[]; glossaries: ContentFile[]; asked?: ContentFile[] },
  errors: Problem[] = [],
): ValidationReport {
  const found: Problem[] = [...errors];
  const warnings: Problem[] = [];
  const fail = (error: unknown, file: string): void => {
    if (error instanceof ContentError)
      found.push({ file: error.file, line: error.line, message: error.message });
    else found.push({ file, line: null, message: error instanceof Error ? error.message : String(error) });
  };
  const chapters: Chapter[] = [];
  for (const file of files.chapters) {
    try {
      chapters.push(chunkChapter(file));
    } catch (error) {
      fail(error, file.file);
    }
  }
  const glossary: GlossaryEntry[] = [];
  for (const file of files.glossaries) {
    try {
      glossary.push(...parseGlossary(file.text, file.file));
    } catch (error) {
      fail(error, file.file);
    }
  }
  glossary.push(...chapterGlossary(chapters));
  const asked: AskedEntry[] = [];
  for (const file of files.asked ?? []) {
    try {
      asked.push(...parseAsked(file.text, file.file));
    } catch (error) {
      fail(error, file.file);
    }
  }
  for (const chapter of chapters) {
    for (const chunk of chapter.chunks) {
      if (chunk.kind === 'feature' && chunk.text.trim() === '') {
        warnings.push({ ...chunk.source, message: `feature "${chunk.feature}" has no text` });
      }
    }
    const services = new Map<string, number>();
    for (const chunk of chapter.chunks.filter((c) => c.kind === 'overview')) {
      const first = services.get(chunk.service!);
      if (first !== undefined) {
        warnings.push({
          ...chunk.source,
          message: `service "${chunk.service}" appears twice (first at line ${first})`,
        });
      } else {
        services.set(chunk.service!, chunk.source.line);
      }
    }
  }
  const titles = new Map<string, string>();
  for (const chapter of chapters) {
    const other = titles.get(chapter.title);
    if (other !== undefined) {
      warnings.push({
        file: chapter.file,
        line: 1,
        message: `chapter title "${chapter.title}" is also used by ${other}`,
      });
    }
    titles.set(chapter.title, chapter.file);
  }
  let services = 0;
  if (chapters.length === 0 && found.length === 0) {
    found.push({ file: '.', line: null, message: 'no chapters (*.md) in the content folder' });
  }
  if (chapters.length > 0) {
    try {
      const index = buildIndex(chapters, glossary);
      services = index.services.length;
      for (const entry of asked.filter((entry) => !index.chunks.has(entry.id))) {
        found.push({ ...entry.source, message: `unknown section id "${entry.id}" (no chunk has it)` });
      }
      for (const entry of glossary) {
        if (!index.documentFrequency.has(phraseTerm(entry.term))) {
          warnings.push({
            ...entry.source,
            message: `glossary term "${entry.term}" and its aliases match nothing in the chapters`,
          });
        }
      }
    } catch (error) {
      fail(error, chapters[0]!.file);
    }
  }
  const chunks = chapters.flatMap((chapter) => chapter.chunks);
  return {
    errors: found,
    warnings,
    summary: {
      chapters: chapters.length,
      services,
      features: chunks.filter((chunk) => chunk.kind === 'feature').length,
      chunks: chunks.length,
      glossaryEntries: glossary.length,
      askedQuestions: asked.reduce((sum, entry) => sum + entry.questions.length, 0),
    },
  };
}
