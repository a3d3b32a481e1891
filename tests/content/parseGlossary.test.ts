import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../src/content/parseGlossary.js';
import { contentFile } from '../helpers.js';

describe('parseGlossary', () => {
  it('reads the shipped glossary as terms with aliases and lines', () => {
    const { file, text } = contentFile('glossary.yml');
    const entries = parseGlossary(text, file);
    expect(entries.find((entry) => entry.term === 'Direct Connect')).toMatchObject({
      aliases: ['DX'],
      source: { file: 'glossary.yml' },
    });
    expect(entries.every((entry) => entry.source.line > 1)).toBe(true);
  });

  it('accepts a single alias without a list', () => {
    expect(parseGlossary('Route 53: R53\n', 'g.yml')).toEqual([
      { term: 'Route 53', aliases: ['R53'], source: { file: 'g.yml', line: 1 } },
    ]);
  });

  it('names the line of invalid YAML or a non-mapping', () => {
    expect(() => parseGlossary('a: [b\nc: d\n', 'g.yml')).toThrow(/invalid YAML .* at g\.yml:2$/);
    expect(() => parseGlossary('- a\n- b\n', 'g.yml')).toThrow(/expected a mapping .* at g\.yml:1$/);
    expect(() => parseGlossary('ok: [a]\nbad: [{x: 1}]\n', 'g.yml')).toThrow(
      /aliases of "bad" .* at g\.yml:2$/,
    );
  });
});
