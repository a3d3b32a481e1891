import type { Chapter, ContentFile } from '../content/chapter.js';
import { chunkChapter } from '../content/chunkChapter.js';
import { parseAsked, type AskedEntry } from '../content/parseAsked.js';
import { chapterGlossary, parseGlossary, type GlossaryEntry } from '../content/parseGlossary.js';
import { buildIndex, type KnowledgeIndex } from './buildIndex.js';
import { updateInPlace } from './updateIndex.js';

/**
 * Build the knowledge index from raw content files: chapters, glossary files, glossary entries that
 * chapters declare in their front matter, and the questions students asked per section.
 *
 * @param files Chapters (`*.md`), glossaries (YAML) and asked files (`asked.yml`, optional), paths relative
 *   to the content folder.
 * @param parse How a chapter file becomes a chapter (`chunkChapter` by default; a reload passes one that
 *   reuses the chapters it parsed before).
 * @throws ContentError naming the file and line of the first fault.
 */
export function indexContent(
  files: ContentFiles,
  parse: (file: ContentFile) => Chapter = chunkChapter,
): KnowledgeIndex {
  const { chapters, glossary, asked } = readFiles(files, parse);
  return buildIndex(chapters, glossary, asked);
}

/**
 * Update an index built from earlier content to the content of these files in place (`updateInPlace`):
 * only the chapters that changed are re-indexed. Or why it cannot be (then `indexContent` builds it).
 *
 * @param previous The index of the earlier content; taken over when updated in place (`updateInPlace`).
 * @param parse How a chapter file becomes a chapter: it must give the very chapter `previous` holds for
 *   a file whose text is unchanged (as `ParsedChapters.parse` does).
 * @throws ContentError naming the file and line of the first fault.
 */
export function reindexContent(
  previous: KnowledgeIndex,
  files: ContentFiles,
  parse: (file: ContentFile) => Chapter,
): KnowledgeIndex | { reason: string } {
  const { chapters, glossary, asked } = readFiles(files, parse);
  return updateInPlace(previous, chapters, glossary, asked);
}

/** The content files a chapter set, glossary and learned questions are read from. */
type ContentFiles = { chapters: ContentFile[]; glossaries: ContentFile[]; asked?: ContentFile[] };

function readFiles(
  files: ContentFiles,
  parse: (file: ContentFile) => Chapter,
): { chapters: Chapter[]; glossary: GlossaryEntry[]; asked: AskedEntry[] } {
  const chapters = files.chapters.map((file) => parse(file));
  const glossary: GlossaryEntry[] = [
    ...files.glossaries.flatMap((file) => readGlossary(file)),
    ...chapterGlossary(chapters),
  ];
  const asked = (files.asked ?? []).flatMap((file) => parseAsked(file.text, file.file));
  return { chapters, glossary, asked };
}

/** The last parse of each glossary file, by its path: a reload mostly finds the glossary unchanged. */
const glossaries = new Map<string, { text: string; entries: readonly GlossaryEntry[] }>();

/** A glossary file's entries, parsed again only when its text changed. */
function readGlossary(file: ContentFile): readonly GlossaryEntry[] {
  const last = glossaries.get(file.file);
  if (last?.text === file.text) return last.entries;
  const entries = parseGlossary(file.text, file.file);
  glossaries.set(file.file, { text: file.text, entries });
  return entries;
}
