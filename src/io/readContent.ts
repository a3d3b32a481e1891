import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ContentFile } from '../content/chapter.js';
import { ContentError } from '../content/contentError.js';

/** The raw files of a content folder: chapters (`*.md`) and glossaries (`glossary.yml`, `*.glossary.yml`). */
export interface ContentFiles {
  chapters: ContentFile[];
  glossaries: ContentFile[];
}

/** A problem with the content folder itself, with the fix in the message. */
class ContentFolderError extends Error {
  override name = 'ContentFolderError';
}

const GLOSSARY_FILE = /(^|\.)glossary\.ya?ml$/i;

/**
 * Read every chapter and glossary under a folder, recursively, in a stable order.
 *
 * @param dir The content folder.
 * @throws ContentFolderError when the folder is missing or holds no chapter; ContentError for a file that
 *   is not UTF-8.
 */
export async function readContent(dir: string): Promise<ContentFiles> {
  const files: ContentFiles = { chapters: [], glossaries: [] };
  for (const { file, path, kind } of await listContent(dir)) {
    const text = decodeUtf8(await readFile(path), file);
    (kind === 'chapter' ? files.chapters : files.glossaries).push({ file, text });
  }
  if (files.chapters.length === 0) {
    throw new ContentFolderError(`readContent: no chapters (*.md) in ${dir}; add a markdown chapter there`);
  }
  return files;
}

/** A content file found in the folder, not yet read. */
export interface ContentEntry {
  /** Path relative to the content folder, with forward slashes. */
  file: string;
  /** Path on disk. */
  path: string;
  kind: 'chapter' | 'glossary';
}

/**
 * List the chapters and glossaries under a folder, recursively, in a stable order; dot files and
 * node_modules are skipped.
 *
 * @throws ContentFolderError when the folder is missing or unreadable.
 */
export async function listContent(dir: string): Promise<ContentEntry[]> {
  let names: string[];
  try {
    names = (await readdir(dir, { recursive: true })).map(String).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ContentFolderError(
      `readContent: content folder ${dir} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`}; ` +
        'create it or set CONTENT_DIR to the folder that holds your chapters',
    );
  }
  const entries: ContentEntry[] = [];
  for (const name of names) {
    const file = relative(dir, join(dir, name)).split(sep).join('/');
    const parts = file.split('/');
    const base = parts.at(-1)!;
    if (parts.some((part) => part.startsWith('.') || part === 'node_modules')) continue;
    const kind = /\.md$/i.test(base) ? 'chapter' : GLOSSARY_FILE.test(base) ? 'glossary' : null;
    if (kind !== null) entries.push({ file, path: join(dir, name), kind });
  }
  return entries;
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
