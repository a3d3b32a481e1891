import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/** A project of one program, launched by a copy of src/run.mjs and compiled by the real TypeScript. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'launcher-'));
  mkdirSync(join(dir, 'src'));
  mkdirSync(join(dir, 'node_modules'));
  copyFileSync(join(ROOT, 'src/run.mjs'), join(dir, 'src/run.mjs'));
  symlinkSync(join(ROOT, 'node_modules/typescript'), join(dir, 'node_modules/typescript'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  const compilerOptions = { target: 'ES2022', module: 'NodeNext', rootDir: 'src', outDir: 'dist', types: [] };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['src'] }));
  writeFileSync(join(dir, 'tsconfig.build.json'), '{ "extends": "./tsconfig.json" }\n');
  return dir;
}

const writeProgram = (dir: string, says: string): void =>
  writeFileSync(
    join(dir, 'src/hello.ts'),
    `declare const console: { log(text: string): void };\nconsole.log(${JSON.stringify(says)});\n`,
  );

/** Run the launcher; what it prints tells whether it compiled: a fresh build prints what src/ says. */
function launch(dir: string): string {
  const run = spawnSync(process.execPath, [join(dir, 'src/run.mjs'), 'hello'], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return run.stdout.trim();
}

/** Mark the compiled program, so a run that did not compile prints the mark. */
const markBuild = (dir: string): void =>
  writeFileSync(join(dir, 'dist/hello.js'), 'console.log("not rebuilt");\n');

describe('src/run.mjs', () => {
  it('compiles once after an edit, then runs the compiled program as it is', () => {
    const dir = project();
    writeProgram(dir, 'first');
    expect(launch(dir)).toBe('first');
    markBuild(dir);
    expect(launch(dir)).toBe('not rebuilt');

    writeProgram(dir, 'edited');
    expect(launch(dir)).toBe('edited');
    markBuild(dir);
    expect(launch(dir)).toBe('not rebuilt');
  });
});
