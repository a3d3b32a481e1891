import type { ContentFile } from '../content/chapter.js';
import { chunkChapter } from '../content/chunkChapter.js';
import { chapterGlossary, parseGlossary, type GlossaryEntry } from '../content/parseGlossary.js';
import { buildIndex, type KnowledgeIndex } from './buildIndex.js';

/**
 * Build the knowledge index from raw content files: chapters, glossary files, and glossary entries that
 * chapters declare in their front matter.
 *
 * @param files Chapters (`*.md`) and glossaries (YAML), paths relative to the content folder.
 * @throws ContentError naming the file and line of the first fault.
 */
export function indexContent(files: { chapters: ContentFile[]; glossaries: ContentFile[] }): KnowledgeIndex {
  const chapters = files.chapters.map(chunkChapter);
  const glossary: GlossaryEntry[] = [
    ...files.glossaries.flatMap((file) => parseGlossary(file.text, file.file)),
    ...chapterGlossary(chapters),
  ];
  return buildIndex(chapters, glossary);
}
