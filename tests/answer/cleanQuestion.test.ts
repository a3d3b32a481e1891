import { describe, expect, it } from 'vitest';
import { cleanQuestion } from '../../src/answer/cleanQuestion.js';

describe('cleanQuestion', () => {
  it('strips Discord mentions and emoji from the question, keeping its words', () => {
    expect(
      cleanQuestion(
        '<@123456789012345678> what is <:aws:123456789012345678> @everyone vpc <#123456789012345678>',
      ),
    ).toBe('what is vpc');
  });

  it.each([
    ['zero-width spaces', 'v\u200bp\u200bc peering', 'vpc peering'],
    ['joiners and a word joiner', 'v\u200dp\u2060c\u200c peering', 'vpc peering'],
    ['a soft hyphen and a byte-order mark', '\ufeffpeer\u00ading', 'peering'],
    ['direction marks', '\u200evpc\u200f peering', 'vpc peering'],
    ['tabs, line breaks and control characters', 'vpc\t\r\n\u0007peering', 'vpc peering'],
  ])('removes %s', (_, raw, clean) => {
    expect(cleanQuestion(raw)).toBe(clean);
  });
});
