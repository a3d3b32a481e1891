// Runs a compiled entry point (dist/<name>.js), compiling first when src/ is newer than dist/.
// Keeps `npm run ask` on plain JavaScript (fast cold start) while never running stale code.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
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
const newest = Math.max(...sources.filter((path) => existsSync(path)).map(newestMtime));
if (!existsSync(stamp) || newest > statSync(stamp).mtimeMs) {
  // The stamp gets the time the build began (or a source's time, if one lies in the future): a file saved
  // while tsc runs is newer, so the next run builds again; anything older is in this build.
  const began = new Date(Math.max(Date.now(), newest));
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(stamp, '');
  utimesSync(stamp, began, began);
}
process.argv = [process.argv[0], join(root, 'dist', `${name}.js`), ...args];
await import(pathToFileURL(join(root, 'dist', `${name}.js`)).href);
