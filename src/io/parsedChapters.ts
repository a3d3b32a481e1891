import type { Chapter, ContentFile } from '../content/chapter.js';
import { chunkChapter } from '../content/chunkChapter.js';

/**
 * Chapters as last parsed, by file, so a reload parses only the chapters whose text changed. A chapter
 * is plain data that building an index never changes, so the same one serves every index built from it.
 */
export class ParsedChapters {
  #byFile = new Map<string, { text: string; chapter: Chapter }>();
  #parsed = 0;

  /** The chapter of a file: parsed again only when its text differs from the last parse. */
  parse(file: ContentFile): Chapter {
    const last = this.#byFile.get(file.file);
    if (last !== undefined && last.text === file.text) return last.chapter;
    const chapter = chunkChapter(file);
    this.#byFile.set(file.file, { text: file.text, chapter });
    this.#parsed++;
    return chapter;
  }

  /** Whether `parse` would give the chapter it holds for this file (its text is unchanged). */
  isCurrent(file: ContentFile): boolean {
    return this.#byFile.get(file.file)?.text === file.text;
  }

  /** Take a chapter parsed elsewhere (one read from a saved index) as the parse of `file`. */
  remember(file: ContentFile, chapter: Chapter): void {
    this.#byFile.set(file.file, { text: file.text, chapter });
  }

  /** Forget every chapter but those of `files`: removed chapters. */
  keepOnly(files: readonly ContentFile[]): void {
    const kept = new Set(files.map((file) => file.file));
    for (const file of this.#byFile.keys()) if (!kept.has(file)) this.#byFile.delete(file);
  }

  /** How many chapters were parsed since the last call. */
  takeParsedCount(): number {
    const parsed = this.#parsed;
    this.#parsed = 0;
    return parsed;
  }
}
