import { describe, expect, it } from 'vitest';
import { escapeMarkdown, truncate } from '../../../src/discord/render/discordText.js';

describe('truncate', () => {
  it.each([
    ['short', 10, 'short'],
    ['exactly ten', 11, 'exactly ten'],
    ['cut at a word boundary please', 20, 'cut at a word…'],
    ['averyveryverylongwordwithoutspaces', 10, 'averyvery…'],
    ['ends with punctuation, then more', 24, 'ends with punctuation…'],
    ['emoji 😀😀😀😀😀', 8, 'emoji…'],
  ])('truncate(%j, %i) → %j', (text, max, expected) => {
    expect(truncate(text, max)).toBe(expected);
    expect([...truncate(text, max)].length).toBeLessThanOrEqual(max);
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['@everyone look', '@\u200beveryone look'],
    ['@here', '@\u200bhere'],
    ['<@123456789012345678>', '<\u200b@123456789012345678\\>'],
    ['<@&123456789012345678>', '<\u200b@&123456789012345678\\>'],
    [
      '**bold** _it_ `code` ~~s~~ ||spoiler||',
      '\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~ \\|\\|spoiler\\|\\|',
    ],
    ['# heading\n> quote', '\\# heading \\> quote'],
    ['[link](https://evil.example)', '\\[link\\]\\(https:\u200b//evil.example\\)'],
  ])('escapeMarkdown(%j)', (text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });

  it('keeps line breaks when asked (chapter text), and escapes each line the same', () => {
    expect(escapeMarkdown('- a_b\n- c', { keepLineBreaks: true })).toBe('\\- a\\_b\n\\- c');
  });
});
