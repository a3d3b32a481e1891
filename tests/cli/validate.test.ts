import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const validate = (dir: string, args: string[] = []) =>
  spawnSync(process.execPath, [join(ROOT, 'dist/cli/validate.js'), ...args], {
    cwd: tmpdir(),
    encoding: 'utf8',
    env: { PATH: process.env.PATH, CONTENT_DIR: dir },
    // A walk that never ends must fail the test, not hang it.
    timeout: 15_000,
  });

describe('npm run validate', () => {
  it('passes the shipped content with a summary', () => {
    const run = validate(join(ROOT, 'content'));
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /: 1 chapter, 4 services, 24 features, 29 chunks, \d+ glossary entries\nok \(0 warnings\)\n$/,
    );
  });

  it('reports every broken file with file and line, and warns about weak content', () => {
    const dir = mkdtempSync(join(tmpdir(), 'validate-'));
    mkdirSync(join(dir, 'part'));
    writeFileSync(join(dir, 'good.md'), '## Service A\nAbout A.\n\n+ **Empty:**\n+ **Fine:** Text.\n');
    writeFileSync(join(dir, 'part/yaml.md'), '---\ntitle: [broken\n---\n## S\ntext\n');
    writeFileSync(join(dir, 'empty.md'), '\n');
    writeFileSync(join(dir, 'dup.md'), '## S\nx\n\n+ **Same:** one\n+ **Same:** two\n');
    writeFileSync(join(dir, 'latin1.md'), Buffer.from([0x23, 0x20, 0x61, 0x0a, 0xe9, 0x0a]));
    writeFileSync(join(dir, 'glossary.yml'), 'Kubernetes: [k8s]\nService A: [SA]\n');
    const run = validate(dir);
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(/^error {3}part\/yaml\.md:2 {2}invalid front matter YAML/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^error {3}empty\.md {2}empty chapter$/));
    expect(lines).toContainEqual(expect.stringMatching(/^error {3}dup\.md:5 {2}duplicate id "dup\/s\/same"/));
    expect(lines).toContainEqual(expect.stringMatching(/^error {3}latin1\.md:2 {2}file is not valid UTF-8/));
    expect(lines).toContain('warning good.md:4  feature "Empty" has no text');
    expect(lines).toContain(
      'warning glossary.yml:1  glossary term "Kubernetes" and its aliases match nothing in the chapters',
    );
    expect(run.stdout).toMatch(/4 errors, 2 warnings\n$/);
  });

  it('checks asked.yml: an unknown section id is an error naming its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'validate-asked-'));
    writeFileSync(join(dir, 'a.md'), '## Service A\nAbout A.\n\n+ **Fine:** Text.\n');
    writeFileSync(
      join(dir, 'asked.yml'),
      'a/service-a/fine:\n  - is it fine\na/service-a/gone:\n  - where\n',
    );
    const run = validate(dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^error {3}asked\.yml:3 {2}unknown section id "a\/service-a\/gone"/m);
    expect(run.stdout).toMatch(/0 glossary entries, 2 asked questions\n1 error, 0 warnings\n$/);
  });

  it('never runs code from a chapter: a ---js front matter fence is an error, not evaluated', () => {
    const dir = mkdtempSync(join(tmpdir(), 'validate-js-'));
    const marker = join(dir, 'PWNED');
    const payload = `{ title: (function(){ require("fs").writeFileSync(${JSON.stringify(marker)}, "x"); return "t" })() }`;
    writeFileSync(join(dir, 'w.md'), `---js\n${payload}\n---\n# H\n\n## S\n\n+ **F:** text\n`);
    writeFileSync(join(dir, 'ok.md'), '## S\n\n+ **F:** text\n');
    const run = validate(dir);
    expect(existsSync(marker)).toBe(false);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^error {3}w\.md:1 {2}front matter fenced as "js" is not allowed/m);
  });

  it('ends on link loops, names each and checks the chapter once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'validate-links-'));
    mkdirSync(join(dir, 'part'));
    writeFileSync(join(dir, 'part', 'chapter.md'), '## S\n\n+ **F:** text\n');
    symlinkSync('.', join(dir, 'self'));
    symlinkSync('..', join(dir, 'part', 'up'));
    const run = validate(dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        '^warning part/up  link to the content folder: a loop; not followed\n' +
          'warning self  link to the content folder: a loop; not followed\n\n' +
          `${dir}: 1 chapter, 1 service, 1 feature, 1 chunk, 0 glossary entries\nok \\(2 warnings\\)\n$`,
      ),
    );
  });

  it('counts one of a kind in the singular', () => {
    const dir = mkdtempSync(join(tmpdir(), 'validate-one-'));
    writeFileSync(join(dir, 'one.md'), '## S\n\n+ **F:** text\n+ **Empty:**\n');
    writeFileSync(join(dir, 'glossary.yml'), 'F: [eff]\n');
    writeFileSync(join(dir, 'broken.md'), '---\ntitle: [broken\n---\n## S\n');
    expect(validate(dir).stdout).toMatch(
      /: 1 chapter, 1 service, 2 features, 2 chunks, 1 glossary entry\n1 error, 1 warning\n$/,
    );
  });

  it('prints one JSON object with --json', () => {
    const report = JSON.parse(validate(join(ROOT, 'content'), ['--json']).stdout);
    expect(report.summary).toMatchObject({ chapters: 1, services: 4, features: 24 });
    expect(report.errors).toEqual([]);
  });
});
