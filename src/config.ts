import { resolve } from 'node:path';

/** The content folder: `CONTENT_DIR`, or `content` in the working directory. */
export function loadContentDir(env: NodeJS.ProcessEnv): string {
  const dir = env.CONTENT_DIR?.trim();
  return resolve(dir === undefined || dir === '' ? 'content' : dir);
}
