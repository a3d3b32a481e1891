import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Compile once so the tests that spawn the CLI and the bot run the same JavaScript users run. */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
}
