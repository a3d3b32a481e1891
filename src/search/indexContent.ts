import type { Chapter, ContentFile } from '../content/chapter.js';
import { chunkChapter } from '../content/chunkChapter.js';
import { parseAsked } from '../content/parseAsked.js';
import { chapterGlossary, parseGlossary, type GlossaryEntry } from '../content/parseGlossary.js';
import { buildIndex, type KnowledgeIndex } from './buildIndex.js';

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
  files: { chapters: ContentFile[]; glossaries: ContentFile[]; asked?: ContentFile[] },
  parse: (file: ContentFile) => Chapter = chunkChapter,
): KnowledgeIndex {
  const chapters = files.chapters.map((file) => parse(file));
  const glossary: GlossaryEntry[] = [
    ...files.glossaries.flatMap((file) => parseGlossary(file.text, file.file)),
    ...chapterGlossary(chapters),
  ];
  const asked = (files.asked ?? []).flatMap((file) => parseAsked(file.text, file.file));
  return buildIndex(chapters, glossary, asked);
}
