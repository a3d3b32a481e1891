import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ASKED_FILE } from '../content/parseAsked.js';
import { decodeUtf8 } from './readContent.js';

/** Where a content folder's asked file is. */
export function askedPath(dir: string): string {
  return join(dir, ASKED_FILE);
}

/** The content folder's asked.yml as text; '' when there is none yet. */
export async function readAskedFile(dir: string): Promise<string> {
  try {
    return decodeUtf8(await readFile(askedPath(dir)), ASKED_FILE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

/**
 * Replace the content folder's asked.yml: written beside it and renamed over it, so the bot's hot reload
 * never reads half a file.
 */
export async function writeAskedFile(dir: string, text: string): Promise<void> {
  const temporary = join(dir, `.${ASKED_FILE}.${process.pid}.tmp`);
  await writeFile(temporary, text, 'utf8');
  await rename(temporary, askedPath(dir));
}
