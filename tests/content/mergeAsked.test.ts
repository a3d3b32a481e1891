import { describe, expect, it } from 'vitest';
import { mergeAsked } from '../../src/content/mergeAsked.js';
import { parseAsked } from '../../src/content/parseAsked.js';
import { normalizeQuestion } from '../../src/store/store.js';

const merge = (text: string, additions: { id: string; question: string }[]) =>
  mergeAsked(text, additions, normalizeQuestion);

describe('mergeAsked', () => {
  it('starts a new file with a header, sections sorted by id and questions alphabetically', () => {
    const { text, added } = merge('', [
      { id: 'b/x', question: 'why: is it?' },
      { id: 'a/y', question: 'zeta' },
      { id: 'a/y', question: 'Alpha' },
    ]);
    expect(added).toHaveLength(3);
    expect(text).toMatch(/^# Questions students asked/);
    expect(text.slice(text.indexOf('\na/y'))).toBe('\na/y:\n  - Alpha\n  - zeta\nb/x:\n  - "why: is it?"\n');
    expect(parseAsked(text, 'asked.yml').map((entry) => entry.questions)).toEqual([
      ['Alpha', 'zeta'],
      ['why: is it?'],
    ]);
  });

  it("keeps an organiser's lines and comments, and adds nothing a section already has in another wording", () => {
    const own = '# ours\nb/x: # reviewed\n  - What is it, really?\n  - mine\n';
    const { text, added } = merge(own, [
      { id: 'b/x', question: 'what is it really' },
      { id: 'a/y', question: 'new one' },
    ]);
    expect(added).toEqual([{ id: 'a/y', question: 'new one' }]);
    expect(text).toBe('# ours\n\na/y:\n  - new one\nb/x:\n  # reviewed\n  - mine\n  - What is it, really?\n');
  });

  it('is stable: merging the same questions again changes nothing', () => {
    const once = merge('', [{ id: 'a', question: 'q one' }]).text;
    expect(merge(once, [{ id: 'a', question: 'Q one?' }])).toEqual({ text: once, added: [] });
  });

  it('refuses a file that is not a valid asked file, naming the line', () => {
    expect(() => merge('a: [x\n', [])).toThrow(/invalid YAML .* at asked\.yml:2$/);
  });
});
