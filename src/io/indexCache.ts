import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import type { KnowledgeIndex } from '../search/buildIndex.js';
import { readSnapshot, writeSnapshot } from '../search/indexSnapshot.js';
import type { ContentFiles } from './readContent.js';

/** First line of a cache file; the digit is the format's version. */
const MAGIC = 'SGA-CACHE-1\n';
/** The magic, the key (64 hex digits and a line break), the snapshot's CRC-32 (8 hex digits and a line break). */
const PREFIX_LENGTH = MAGIC.length + 65 + 9;

/** Why a cache file was not used: it is missing, was made for other content or code, or is damaged. */
export type CacheMiss = { reason: 'missing' } | { reason: 'stale' } | { reason: 'corrupt'; detail: string };

/**
 * The key a saved index is filed under: a hash of every content file read (path, kind and bytes:
 * chapters, glossaries and `asked.yml`), and of the code that builds an index (the
 * `content/`, `search/` and `io/` modules as they run, and the package manifests). Any change to any of
 * them makes a new key, so a stale index is never loaded.
 *
 * @param files The content as read.
 */
export function contentKey(files: ContentFiles): string {
  const hash = createHash('sha256');
  const add = (label: string, text: string | Buffer): void => {
    const bytes = typeof text === 'string' ? Buffer.from(text) : text;
    hash.update(`${label}\u0000${bytes.length}\u0000`);
    hash.update(bytes);
  };
  add('code', codeVersion());
  for (const file of files.chapters) add(`chapter:${file.file}`, file.text);
  for (const file of files.glossaries) add(`glossary:${file.file}`, file.text);
  for (const file of files.asked) add(`asked:${file.file}`, file.text);
  return hash.digest('hex');
}

let code: string | null = null;

/** A hash of the code that builds an index, read once per process. */
function codeVersion(): string {
  if (code !== null) return code;
  const here = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  for (const folder of ['content', 'search', 'io']) {
    const path = join(here, '..', folder);
    for (const name of readdirSync(path).sort()) {
      if (!/\.(js|ts)$/.test(name)) continue;
      hash.update(`${folder}/${name}\u0000`);
      hash.update(readFileSync(join(path, name)));
    }
  }
  for (let dir = here; dirname(dir) !== dir; dir = dirname(dir)) {
    if (!existsSync(join(dir, 'package.json'))) continue;
    for (const manifest of ['package.json', 'package-lock.json']) {
      if (existsSync(join(dir, manifest))) hash.update(readFileSync(join(dir, manifest)));
    }
    break;
  }
  code = hash.digest('hex');
  return code;
}

/**
 * The index saved under `key`, or why there is none to use: a missing file, one saved for other content
 * or code (stale), or a truncated or damaged one (corrupt) is never loaded.
 */
export async function readIndexCache(path: string, key: string): Promise<KnowledgeIndex | CacheMiss> {
  let bytes: Buffer;
  try {
    // Read at once, not in the thread pool's slices: tens of megabytes at start, before any question.
    bytes = readFileSync(path);
  } catch {
    return { reason: 'missing' };
  }
  const prefix = bytes.subarray(0, PREFIX_LENGTH).toString('latin1');
  if (!prefix.startsWith(MAGIC)) return { reason: 'corrupt', detail: 'not an index cache of this version' };
  if (prefix.slice(MAGIC.length, MAGIC.length + 64) !== key) return { reason: 'stale' };
  const snapshot = bytes.subarray(PREFIX_LENGTH);
  const checksum = prefix.slice(MAGIC.length + 65, MAGIC.length + 73);
  if (crc32(snapshot).toString(16).padStart(8, '0') !== checksum) {
    return { reason: 'corrupt', detail: 'truncated or damaged (checksum differs)' };
  }
  try {
    return readSnapshot(snapshot);
  } catch (error) {
    return { reason: 'corrupt', detail: (error as Error).message };
  }
}

/**
 * Save an index under `key`, atomically: written to a temporary file beside `path`, then renamed over
 * it, so a reader sees the old file or the new one, never half of one. The folder is made if missing.
 *
 * @param snapshot The index, or its snapshot (`writeSnapshot`) when already made.
 */
export async function writeIndexCache(
  path: string,
  key: string,
  snapshot: KnowledgeIndex | Uint8Array,
): Promise<void> {
  const bytes = snapshot instanceof Uint8Array ? snapshot : writeSnapshot(snapshot);
  const checksum = crc32(bytes).toString(16).padStart(8, '0');
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await mkdir(dirname(path), { recursive: true });
  try {
    await writeFile(temp, Buffer.from(`${MAGIC}${key}\n${checksum}\n`, 'latin1'));
    await writeFile(temp, bytes, { flag: 'a' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
