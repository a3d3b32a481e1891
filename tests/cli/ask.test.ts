import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_DIR, ROOT } from '../helpers.js';

// Run outside the project folder, so a developer's .env cannot change what the tests see.
const ask = (args: string[], options: { input?: string; env?: Record<string, string> } = {}) =>
  spawnSync(process.execPath, [join(ROOT, 'dist/cli/ask.js'), ...args], {
    cwd: tmpdir(),
    encoding: 'utf8',
    input: options.input,
    env: { PATH: process.env.PATH, CONTENT_DIR, ...options.env },
    // A content walk that never ends must fail the test, not hang it.
    timeout: 15_000,
  });

const tempContent = (files: Record<string, string>): string => {
  const dir = mkdtempSync(join(tmpdir(), 'content-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};

describe('npm run ask -- --json', () => {
  it('prints exactly one JSON object in the documented shape', () => {
    const run = ask(['--json', 'what is Direct Connect bandwidth']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0]!);
    expect(Object.keys(json)).toEqual(['query', 'verdict', 'results', 'suggestions']);
    expect(json.query).toBe('what is Direct Connect bandwidth');
    expect(Object.keys(json.results[0])).toEqual([
      'id',
      'chapter',
      'service',
      'feature',
      'headings',
      'text',
      'score',
      'source',
    ]);
    expect(json.results[0]).toMatchObject({
      id: 'networking-service/aws-direct-connect/flexible-bandwidth-options',
      chapter: 'Networking Service',
      service: 'AWS Direct Connect',
      feature: 'Flexible Bandwidth Options',
      source: { file: 'networking-service.md', line: 59 },
    });
  });

  it('gives empty results and suggestions for a declined question', () => {
    const json = JSON.parse(ask(['--json', 'how do I make pancakes']).stdout);
    expect(json.results).toEqual([]);
    expect(json.suggestions.length).toBeGreaterThan(0);
  });

  it('answers one question per stdin line, in order', () => {
    const run = ask(['--json', '--stdin'], {
      input: 'tell me about route 53\ncapital of France\nvpc peering\n',
    });
    const answers = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(answers.map((a) => a.query)).toEqual([
      'tell me about route 53',
      'capital of France',
      'vpc peering',
    ]);
    expect(answers.map((a) => a.results[0]?.feature ?? a.results[0]?.service ?? null)).toEqual([
      'Amazon Route 53',
      null,
      'Connectivity Options',
    ]);
  });

  it.each([
    ['zero-width spaces', 'v\u200bp\u200bc peering'],
    ['a mention and @everyone', '<@123456789012345678> @everyone vpc peering'],
  ])('searches the question without %s, as the bot does', (_, question) => {
    const json = JSON.parse(ask(['--json', question]).stdout);
    expect(json.query).toBe('vpc peering');
    expect(json.results[0].feature).toBe('Connectivity Options');
  });

  it('honours --limit', () => {
    expect(JSON.parse(ask(['--json', '--limit', '2', 'aws integration']).stdout).results).toHaveLength(2);
  });
});

describe('npm run ask (text)', () => {
  it('prints the heading trail and the wrapped explanation of the top 3', () => {
    const run = ask(['what is Direct Connect bandwidth']);
    expect(run.stdout).toMatch(/^1\. Networking Service › AWS Direct Connect › Flexible Bandwidth Options\n/);
    expect(run.stdout).toMatch(/\n3\. /);
    expect(run.stdout).not.toMatch(/\n4\. /);
    for (const line of run.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('says "not covered" with suggestions', () => {
    expect(ask(['capital of France']).stdout).toMatch(
      /^Not covered.*\n\nDid you mean one of these\?\n {2}• /,
    );
  });
});

describe('npm run ask errors', () => {
  it.each([
    ['an empty question', [''], {}, /^error: ask a question/],
    ['a bad --limit', ['--limit', 'x', 'vpc'], {}, /^error: --limit must be a whole number/],
    [
      'a missing content folder',
      ['vpc'],
      { CONTENT_DIR: '/nonexistent/content' },
      /^error: content folder \/nonexistent\/content does not exist; create it or set CONTENT_DIR/,
    ],
  ])('reports %s in one line without a stack trace', (_, args, env, message) => {
    const run = ask(args, { env });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('says what is wrong without the name of the function that found it', () => {
    const run = ask(['vpc'], { env: { CONTENT_DIR: tempContent({ 'notes.txt': 'no chapter here\n' }) } });
    expect(run.stderr).toMatch(/^error: no chapters \(\*\.md\) in \/.*; add a markdown chapter there\n$/);
  });

  it('names file and line of malformed front matter', () => {
    const dir = tempContent({ 'broken.md': '---\ntitle: "unterminated\nweight: 1\n---\n# Hi\n' });
    const run = ask(['vpc'], { env: { CONTENT_DIR: dir } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^broken\.md:3: error: invalid front matter YAML \(.*\)\n$/);
  });

  it('names file and line of a file that is not UTF-8', () => {
    const dir = tempContent({ 'latin1.md': '# Caf\u00e9\n' });
    writeFileSync(
      join(dir, 'latin1.md'),
      Buffer.from([0x23, 0x20, 0x61, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x0a]),
    );
    const run = ask(['vpc'], { env: { CONTENT_DIR: dir } });
    expect(run.stderr).toBe('latin1.md:2: error: file is not valid UTF-8 (save it as UTF-8)\n');
  });

  it('refuses a chapter over the size limit by name, without reading it', () => {
    const feature = '+ **Feature:** A sentence of explanation, repeated to make a very large chapter.\n';
    const dir = tempContent({
      'huge.md': `## Service\n\n${feature.repeat(Math.ceil((20 * 2 ** 20) / feature.length))}`,
    });
    const run = ask(['vpc'], { env: { CONTENT_DIR: dir } });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'huge.md: error: chapter is 20 MB, over the 2 MB limit; split it into smaller files\n',
    );
  });
});

describe('npm run ask with links under content/', () => {
  it('answers from a folder with link loops, warning once per loop', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ask-links-'));
    cpSync(CONTENT_DIR, dir, { recursive: true });
    symlinkSync('.', join(dir, 'self'));
    symlinkSync(dir, join(dir, 'again'));
    const run = ask(['--json', 'vpc peering'], { env: { CONTENT_DIR: dir } });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      'warning: again: link to the content folder: a loop; not followed\n' +
        'warning: self: link to the content folder: a loop; not followed\n',
    );
    expect(JSON.parse(run.stdout).results[0].source.file).toBe('networking-service.md');
  });
});

describe('npm run ask with a saved index', () => {
  it('saves the index, answers the same from it, and warns about a damaged one', () => {
    const cache = join(mkdtempSync(join(tmpdir(), 'ask-cache-')), 'index.bin');
    const env = { INDEX_CACHE: cache };
    const built = ask(['--json', 'what is Direct Connect bandwidth'], { env });
    expect(existsSync(cache)).toBe(true);
    const loaded = ask(['--json', 'what is Direct Connect bandwidth'], { env });
    expect(loaded.stdout).toBe(built.stdout);
    truncateSync(cache, 1000);
    const damaged = ask(['--json', 'what is Direct Connect bandwidth'], { env });
    expect(damaged.stderr).toMatch(/^warning: .*index\.bin: saved index ignored \(truncated or damaged/);
    expect(damaged.stdout).toBe(built.stdout);
  });
});
