import { describe, expect, it } from 'vitest';
import { questionText } from '../../src/discord/questionText.js';

describe('questionText', () => {
  it('strips Discord mentions and emoji from the question, keeping its words', () => {
    expect(
      questionText(
        '<@123456789012345678> what is <:aws:123456789012345678> @everyone vpc <#123456789012345678>',
      ),
    ).toBe('what is vpc');
  });
});
