import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAsked } from '../../src/content/parseAsked.js';

describe('parseAsked', () => {
  it('reads section ids with their questions and the line of each id', () => {
    const text = '# learned\na/b:\n  - how fast is it?\n  - 42\nc:\n';
    expect(parseAsked(text, 'asked.yml')).toEqual([
      { id: 'a/b', questions: ['how fast is it?', '42'], source: { file: 'asked.yml', line: 2 } },
      { id: 'c', questions: [], source: { file: 'asked.yml', line: 5 } },
    ]);
  });

  it('reads an empty file as no entries', () => {
    expect(parseAsked('# nothing yet\n', 'asked.yml')).toEqual([]);
  });

  it.each([
    ['a: [x\nb: [y]\n', /invalid YAML .* at asked\.yml:2$/],
    ['- a\n', /expected a mapping .* at asked\.yml:1$/],
    ['a: question\n', /questions of "a" must be a list at asked\.yml:1$/],
    ['a:\n  - ok\n  - {x: 1}\n', /each question of "a" must be text at asked\.yml:3$/],
  ])('names the line of a fault: %j', (text, message) => {
    expect(() => parseAsked(text, 'asked.yml')).toThrow(message);
  });

  it('never runs code: a tag such as !!js/function is an error, not evaluated', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asked-'));
    const marker = join(dir, 'PWNED');
    const text = `a:\n  - !!js/function "function () { require('fs').writeFileSync('${marker}', 'x') }"\n`;
    expect(() => parseAsked(text, 'asked.yml')).toThrow(/invalid YAML \(Unresolved tag.* at asked\.yml:2$/);
    expect(existsSync(marker)).toBe(false);
  });
});
