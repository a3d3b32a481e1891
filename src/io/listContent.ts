import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';

/** A content file found in the folder, not yet read. */
export interface ContentEntry {
  /** Path relative to the content folder, with forward slashes. */
  file: string;
  /** Path on disk. */
  path: string;
  kind: 'chapter' | 'glossary' | 'asked';
}

/** A path under the content folder that was not listed, and why (a link loop, a folder linked twice). */
export interface SkippedPath {
  /** Path relative to the content folder, with forward slashes. */
  file: string;
  reason: string;
}

/** What a content folder holds. */
export interface ContentListing {
  /** Chapters and glossaries, ordered by `file`. */
  entries: ContentEntry[];
  /** Every folder listed, the content folder first, as real paths: what a watcher must watch. */
  folders: string[];
  skipped: SkippedPath[];
}

/** A problem with the content folder itself, with the fix in the message. */
export class ContentFolderError extends Error {
  override name = 'ContentFolderError';
}

const GLOSSARY_FILE = /(^|\.)glossary\.ya?ml$/i;
/** The questions students asked, per section (`npm run learn` writes it): at the top of the folder only. */
const ASKED_FILE = /^asked\.ya?ml$/i;

/** A folder or a link waiting to be visited: where it is on disk and under the content folder. */
interface Pending {
  path: string;
  file: string;
}

/**
 * List the chapters (`*.md`), glossaries (`glossary.yml`, `*.glossary.yml`) and the asked file (`asked.yml`)
 * under a folder,
 * recursively; dot files and node_modules are skipped. Links are followed once: the folders themselves
 * are walked first, then each link, and a link to a folder or file already listed (a loop such as
 * `self -> .` or `up -> ..`, or a second link to one folder) is skipped and reported, so the walk always
 * ends and no chapter is read twice.
 *
 * @throws ContentFolderError when the folder is missing or unreadable.
 */
export async function listContent(dir: string): Promise<ContentListing> {
  const root = await openFolder(dir);
  const listing: ContentListing = { entries: [], folders: [], skipped: [] };
  /** Real path → where it was listed, for folders and files alike. */
  const listed = new Map<string, string>([[root, '.']]);
  /** Links found, with the real path of the folder holding each. */
  const links: { link: Pending; within: string }[] = [];

  const addFile = (pending: Pending, real: string): void => {
    const kind = kindOf(pending.file);
    if (kind === null) return;
    const seenAs = listed.get(real);
    if (seenAs !== undefined) {
      listing.skipped.push({ file: pending.file, reason: `same file as ${seenAs}; not read twice` });
      return;
    }
    listed.set(real, pending.file);
    listing.entries.push({ ...pending, kind });
  };

  /** Walk a folder's own tree; links wait in `links` until every real folder has been listed. */
  const walk = async (start: Pending, startReal: string): Promise<void> => {
    const queue = [{ pending: start, real: startReal }];
    for (let folder = queue.shift(); folder !== undefined; folder = queue.shift()) {
      listing.folders.push(folder.real);
      let children: Dirent[];
      try {
        children = await readdir(folder.pending.path, { withFileTypes: true });
      } catch (error) {
        if (folder.real === root) throw folderError(dir, `cannot be read (${codeOf(error)})`);
        listing.skipped.push({
          file: folder.pending.file,
          reason: `cannot be read (${codeOf(error)}); skipped`,
        });
        continue;
      }
      for (const child of children.sort(byName)) {
        if (child.name.startsWith('.') || child.name === 'node_modules') continue;
        const pending = {
          path: join(folder.pending.path, child.name),
          file: folder.pending.file === '' ? child.name : `${folder.pending.file}/${child.name}`,
        };
        const real = join(folder.real, child.name);
        if (child.isSymbolicLink()) links.push({ link: pending, within: folder.real });
        else if (child.isFile()) addFile(pending, real);
        else if (child.isDirectory()) {
          const seenAs = listed.get(real);
          if (seenAs === undefined) {
            listed.set(real, pending.file);
            queue.push({ pending, real });
          } else {
            listing.skipped.push({
              file: pending.file,
              reason: `same folder as ${seenAs}; not listed twice`,
            });
          }
        }
      }
    }
  };

  await walk({ path: dir, file: '' }, root);
  for (let next = links.shift(); next !== undefined; next = links.shift()) {
    const { link, within } = next;
    let target: string;
    let isFolder: boolean;
    try {
      target = await realpath(link.path);
      isFolder = (await stat(target)).isDirectory();
    } catch (error) {
      const code = codeOf(error);
      const reason = code === 'ELOOP' ? 'link that loops back on itself' : `broken link (${code})`;
      listing.skipped.push({ file: link.file, reason: `${reason}; skipped` });
      continue;
    }
    if (!isFolder) {
      addFile(link, target);
      continue;
    }
    // A link to its own folder or to one above it would list that folder inside itself forever.
    if (within === target || within.startsWith(`${target}${sep}`) || root.startsWith(`${target}${sep}`)) {
      const to =
        target === root
          ? 'the content folder'
          : root.startsWith(`${target}${sep}`)
            ? 'a folder that holds the content folder'
            : `${listed.get(target) ?? target}, which holds the link`;
      listing.skipped.push({ file: link.file, reason: `link to ${to}: a loop; not followed` });
      continue;
    }
    const seenAs = listed.get(target);
    if (seenAs !== undefined) {
      listing.skipped.push({ file: link.file, reason: `link to ${seenAs}, already listed; not followed` });
      continue;
    }
    listed.set(target, link.file);
    await walk(link, target);
  }
  listing.entries.sort(byFile);
  listing.skipped.sort(byFile);
  return listing;
}

/** The real path of the content folder, or a ContentFolderError saying what is wrong with it. */
async function openFolder(dir: string): Promise<string> {
  let code: string;
  try {
    const root = await realpath(dir);
    if ((await stat(root)).isDirectory()) return root;
    code = 'ENOTDIR';
  } catch (error) {
    code = codeOf(error);
  }
  const problem =
    code === 'ENOENT'
      ? 'does not exist'
      : code === 'ENOTDIR'
        ? 'is not a folder'
        : `cannot be read (${code})`;
  throw folderError(dir, problem);
}

function folderError(dir: string, problem: string): ContentFolderError {
  return new ContentFolderError(
    `listContent: content folder ${dir} ${problem}; create it or set CONTENT_DIR to the folder that holds your chapters`,
  );
}

const byFile = (a: { file: string }, b: { file: string }): number =>
  a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function kindOf(file: string): ContentEntry['kind'] | null {
  const base = file.split('/').at(-1)!;
  if (ASKED_FILE.test(file)) return 'asked';
  return /\.md$/i.test(base) ? 'chapter' : GLOSSARY_FILE.test(base) ? 'glossary' : null;
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
