import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answer, answerChunk } from '../../../src/answer/answer.js';
import {
  compactQuestion,
  decodeCustomId,
  encodeCustomId,
  chunkRef,
  resolveChunkRef,
} from '../../../src/discord/render/customId.js';
import {
  DISCORD_LIMITS,
  embedLength,
  escapeMarkdown,
  truncate,
} from '../../../src/discord/render/discordText.js';
import { formatHelp } from '../../../src/discord/render/formatHelp.js';
import { formatTopics } from '../../../src/discord/render/formatTopics.js';
import { formatChoices } from '../../../src/discord/render/formatChoices.js';
import { chunkUrl, formatAnswer } from '../../../src/discord/render/formatAnswer.js';
import type { MessagePayload } from '../../../src/discord/render/messagePayload.js';
import { validateRequest } from '../discordSchema.js';
import { shippedIndex } from '../../helpers.js';

const index = shippedIndex();
const ASKER = '123456789012345678';

/** A payload must pass Discord's schema as a reply, a webhook edit and a channel message, and the 6000 rule. */
function expectSendable(payload: MessagePayload): void {
  expect(validateRequest('interactionCallback', { type: 4, data: payload })).toEqual([]);
  const { flags: _flags, ...message } = payload;
  expect(validateRequest('webhookEdit', message)).toEqual([]);
  expect(validateRequest('channelMessage', message)).toEqual([]);
  expect(payload.embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(
    DISCORD_LIMITS.embedTotal,
  );
}

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
});

describe('customId', () => {
  it.each([
    { kind: 'more', page: 3, askerId: ASKER, questionId: 42, question: 'what is dx bandwidth' },
    { kind: 'feedback', isHelpful: false, questionId: 7, ref: 'networking-service/amazon-route-53' },
    { kind: 'pick', askerId: ASKER, ref: 'networking-service/amazon-route-53' },
    { kind: 'topic' },
    { kind: 'topics', page: 2 },
  ] as const)('round-trips %o', (action) => {
    const id = encodeCustomId(action);
    expect(id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
    expect(decodeCustomId(id)).toEqual(action);
  });

  it('fits a long question into 100 characters without changing its search terms', () => {
    const question =
      'so what exactly is the maximum bandwidth that I can get with a dedicated direct connect link today';
    const id = encodeCustomId({ kind: 'more', page: 1, askerId: ASKER, questionId: 123456, question });
    expect(id.length).toBeLessThanOrEqual(100);
    const decoded = decodeCustomId(id);
    const original = answer(index, question);
    const paged = answer(index, decoded?.kind === 'more' ? decoded.question : '');
    expect(paged.kind === 'hits' && paged.hits.map((h) => h.chunk.id)).toEqual(
      original.kind === 'hits' && original.hits.map((h) => h.chunk.id),
    );
  });

  it('rejects ids it did not make', () => {
    for (const id of ['', 'more', 'more:x:1:q', 'topics:-1', 'feedback:1', 'pick'])
      expect(decodeCustomId(id)).toBeNull();
  });

  it('hashes long chunk ids into refs that resolve back', () => {
    const long = `chapter/${'very-long-section-name-'.repeat(5)}`;
    expect(chunkRef(long)).toMatch(/^#[0-9a-z]+$/);
    expect(resolveChunkRef(chunkRef(long), ['other', long])).toBe(long);
    expect(resolveChunkRef('#nothing', ['other'])).toBeNull();
  });

  it('compacts questions by dropping punctuation, then filler', () => {
    expect(compactQuestion('What is DX?!', 100)).toBe('what is dx');
    expect(compactQuestion('what is the bandwidth of the dx', 20)).toBe('bandwidth dx');
  });
});

describe('formatAnswer', () => {
  const hits = answer(index, 'what is Direct Connect bandwidth');

  it('shows the top hit with its heading trail, source and the next hits compactly', () => {
    const payload = formatAnswer(hits, { askerId: ASKER });
    const embed = payload.embeds[0]!;
    expect(embed.author?.name).toBe('Networking Service › AWS Direct Connect');
    expect(embed.title).toBe('Flexible Bandwidth Options');
    expect(embed.description).toMatch(/^AWS Direct Connect offers flexible bandwidth options/);
    expect(embed.fields?.[0]?.value).toMatch(/^\*\*2\.\*\* Dedicated Connections — AWS Direct Connect/);
    expect(payload.components[0]?.components[0]).toMatchObject({ label: 'More results' });
    expectSendable(payload);
  });

  it.each([
    [{}, { parse: [] }, undefined],
    [{ isPrivate: true }, { parse: [] }, 64],
    [{ forUserId: '223456789012345678' }, { parse: [], users: ['223456789012345678'] }, undefined],
  ])('options %o → allowed mentions %o, flags %s', (options, mentions, flags) => {
    const payload = formatAnswer(hits, options);
    expect(payload.allowed_mentions).toEqual(mentions);
    expect(payload.flags).toBe(flags);
  });

  it('links to the section when SITE_URL is set', () => {
    const payload = formatAnswer(hits, { siteUrl: 'https://course.example/aws/' });
    expect(payload.embeds[0]?.url).toBe('https://course.example/aws/networking-service/#aws-direct-connect');
    expect(chunkUrl(index.chunks.values().next().value!, 'ftp://nope')).toBeNull();
  });

  it('has no More results button on the last page or without an asker', () => {
    const last = hits.kind === 'hits' ? hits.hits.length - 1 : 0;
    expect(formatAnswer(hits, { askerId: ASKER, page: last }).components).toEqual([]);
    expect(formatAnswer(hits, { askerId: null }).components).toEqual([]);
  });

  it('offers did-you-mean buttons when not covered', () => {
    const payload = formatAnswer(answer(index, 'capital of France'), { askerId: ASKER });
    expect(payload.embeds[0]?.title).toBe('Not covered in the chapters');
    const labels = payload.components.flatMap((row) =>
      row.components.map((c) => ('label' in c ? c.label : '')),
    );
    expect(labels).toContain('AWS Direct Connect');
    expectSendable(payload);
  });

  it('stays within every Discord limit for any question and page', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 6000 }), fc.nat(12), (question, page) => {
        const payload = formatAnswer(answer(index, question), {
          askerId: ASKER,
          page,
          isPrivate: page % 2 === 0,
        });
        expectSendable(payload);
        expect(payload.content ?? '').not.toMatch(/@everyone|@here|<@/);
      }),
      { numRuns: 150 },
    );
  });

  it('fits an absurdly long chunk', () => {
    const chunk = { ...answerChunk(index, 'networking-service')!, query: 'x' };
    if (chunk.kind !== 'hits') throw new Error('expected hits');
    const long = {
      ...chunk.hits[0]!.chunk,
      text: 'word '.repeat(5000),
      headings: ['T'.repeat(300), 'U'.repeat(300)],
    };
    const payload = formatAnswer({ ...chunk, hits: [{ chunk: long, score: 1, coverage: 1 }] });
    expectSendable(payload);
    expect(payload.embeds[0]?.description).toMatch(/word…$/);
  });
});

describe('formatChoices', () => {
  it('puts the typed text first, then heading trails, at most 25', () => {
    const choices = formatChoices('route 53', answer(index, 'route 53', { limit: 30 }));
    expect(choices[0]).toEqual({ name: 'route 53', value: 'route 53' });
    expect(choices[1]?.name).toBe('Amazon Route 53');
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(validateRequest('interactionCallback', { type: 8, data: { choices } })).toEqual([]);
  });

  it('offers what the chapters cover for blank input', () => {
    const choices = formatChoices('', answer(index, ''));
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.every((choice) => choice.value.startsWith('chunk:'))).toBe(true);
  });

  it('keeps names and values within 1–100 characters', () => {
    const long = 'what is '.repeat(40);
    for (const choice of formatChoices(long, answer(index, long))) {
      expect(choice.name.length).toBeGreaterThan(0);
      expect([...choice.name].length).toBeLessThanOrEqual(100);
      expect([...choice.value].length).toBeLessThanOrEqual(100);
    }
  });
});

describe('formatTopics and formatHelp', () => {
  it('lists services with a select menu each, valid for Discord', () => {
    const payload = formatTopics(index);
    expect(payload.embeds[0]?.fields).toHaveLength(4);
    expect(payload.components).toHaveLength(4);
    expectSendable(payload);
  });

  it('writes help with examples from the chapters', () => {
    const payload = formatHelp(index);
    expect(payload.embeds[0]?.description).toContain('`/ask isolation amazon virtual private cloud (vpc)`');
    expectSendable(payload);
  });
});
