// Runs a compiled entry point (dist/<name>.js), compiling first when src/ is newer than dist/.
// Keeps `npm run ask` on plain JavaScript (fast cold start) while never running stale code.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const [name, ...args] = process.argv.slice(2);
const stamp = join(root, 'dist', '.build-stamp');

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const sources = [join(root, 'src'), join(root, 'tsconfig.json'), join(root, 'tsconfig.build.json')];
const isStale =
  !existsSync(stamp) ||
  sources.some((path) => existsSync(path) && newestMtime(path) > statSync(stamp).mtimeMs);
if (isStale) {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
process.argv = [process.argv[0], join(root, 'dist', `${name}.js`), ...args];
await import(pathToFileURL(join(root, 'dist', `${name}.js`)).href);
