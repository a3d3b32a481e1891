import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ContentFile } from '../content/chapter.js';
import { ContentError } from '../content/contentError.js';
import { ContentFolderError, listContent, type ContentEntry, type SkippedPath } from './listContent.js';

/**
 * Largest chapter or glossary read, in bytes (2 MiB, about 8,000 chunks): a larger file is refused with
 * an error naming it, before it is read. Split a larger chapter into several.
 */
const MAX_CONTENT_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Characters read before other work (a question) gets a turn: a few milliseconds of reading. Files are
 * read directly, not through libuv's thread pool, whose round trip per call costs more than reading a
 * chapter: 1,500 chapters (20 MB) took 190 ms one by one and 130 ms in parallel that way, 35 ms directly.
 */
const READ_TURN_CHARS = 4 * 1024 * 1024;

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
 *   is not UTF-8 or is larger than `MAX_CONTENT_FILE_BYTES`.
 */
export async function readContent(dir: string): Promise<ContentFiles> {
  const { entries, skipped } = await listContent(dir);
  const files: ContentFiles = { chapters: [], glossaries: [], asked: [], skipped };
  const lists = { chapter: files.chapters, glossary: files.glossaries, asked: files.asked };
  let sinceTurn = 0;
  for (const entry of entries) {
    const file = readContentFileNow(entry);
    lists[entry.kind].push(file);
    sinceTurn += file.text.length;
    if (sinceTurn >= READ_TURN_CHARS) {
      sinceTurn = 0;
      await nextTurn();
    }
  }
  if (files.chapters.length === 0) {
    throw new ContentFolderError(`readContent: no chapters (*.md) in ${dir}; add a markdown chapter there`);
  }
  return files;
}

/**
 * Read one content file as text.
 *
 * @throws ContentError for a file larger than `MAX_CONTENT_FILE_BYTES` (not read at all) or not UTF-8.
 */
export async function readContentFile(entry: ContentEntry): Promise<ContentFile> {
  return readContentFileNow(entry);
}

/** `readContentFile`, read on this thread. */
function readContentFileNow(entry: ContentEntry): ContentFile {
  const descriptor = openSync(entry.path, 'r');
  try {
    const { size } = fstatSync(descriptor);
    if (size > MAX_CONTENT_FILE_BYTES) {
      const megabytes = (bytes: number): string => `${Math.round((bytes / 2 ** 20) * 10) / 10} MB`;
      throw new ContentError(
        `readContent: ${entry.kind} is ${megabytes(size)}, over the ${megabytes(MAX_CONTENT_FILE_BYTES)} limit; split it into smaller files`,
        entry.file,
        null,
      );
    }
    return { file: entry.file, text: decodeUtf8(readFileSync(descriptor), entry.file) };
  } finally {
    closeSync(descriptor);
  }
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
