import { readFile } from 'node:fs/promises';
import type { ContentFile } from '../content/chapter.js';
import { ContentError } from '../content/contentError.js';
import { ContentFolderError, listContent, type SkippedPath } from './listContent.js';

/**
 * The raw files of a content folder: chapters (`*.md`), glossaries (`glossary.yml`, `*.glossary.yml`) and
 * the questions students asked per section (`asked.yml`).
 */
export interface ContentFiles {
  chapters: ContentFile[];
  glossaries: ContentFile[];
  asked: ContentFile[];
  /** Paths not read: link loops, a folder or file linked twice (see `listContent`). */
  skipped: SkippedPath[];
}

/**
 * Read every chapter and glossary under a folder, recursively, in a stable order.
 *
 * @param dir The content folder.
 * @throws ContentFolderError when the folder is missing or holds no chapter; ContentError for a file that
 *   is not UTF-8.
 */
export async function readContent(dir: string): Promise<ContentFiles> {
  const { entries, skipped } = await listContent(dir);
  const files: ContentFiles = { chapters: [], glossaries: [], asked: [], skipped };
  const lists = { chapter: files.chapters, glossary: files.glossaries, asked: files.asked };
  for (const { file, path, kind } of entries)
    lists[kind].push({ file, text: decodeUtf8(await readFile(path), file) });
  if (files.chapters.length === 0) {
    throw new ContentFolderError(`readContent: no chapters (*.md) in ${dir}; add a markdown chapter there`);
  }
  return files;
}

/** Decode UTF-8 strictly, naming the line of the first invalid byte; a leading BOM is dropped. */
export function decodeUtf8(buffer: Buffer, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    const offset = firstInvalidByte(buffer);
    const line = buffer.subarray(0, offset).filter((byte) => byte === 0x0a).length + 1;
    throw new ContentError('readContent: file is not valid UTF-8 (save it as UTF-8)', file, line);
  }
}

function firstInvalidByte(buffer: Buffer): number {
  let i = 0;
  while (i < buffer.length) {
    const byte = buffer[i]!;
    const length =
      byte < 0x80 ? 1 : byte >> 5 === 0x6 ? 2 : byte >> 4 === 0xe ? 3 : byte >> 3 === 0x1e ? 4 : 0;
    if (length === 0 || i + length > buffer.length) return i;
    for (let k = 1; k < length; k++) if (buffer[i + k]! >> 6 !== 0x2) return i;
    i += length;
  }
  return buffer.length;
}
