import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { answer } from '../../../src/answer/answer.js';
import { toAnswerJson } from '../../../src/answer/answerJson.js';
import { DISCORD_LIMITS, embedLength } from '../../../src/discord/render/discordText.js';
import { formatChoices } from '../../../src/discord/render/formatChoices.js';
import { formatAnswer } from '../../../src/discord/render/formatAnswer.js';
import type { MessagePayload } from '../../../src/discord/render/messagePayload.js';
import { questionText } from '../../../src/discord/questionText.js';
import { validateRequest } from '../discordSchema.js';
import { shippedIndex } from '../../helpers.js';

const index = shippedIndex();
const RUNS = 200;
let cases = 0;

const zeroWidth = fc.constantFrom('\u200b', '\u200c', '\u200d', '\u2060', '\ufeff');
const rightToLeft = fc.constantFrom('\u202e', '\u202b', '\u200f', 'שלום', 'مرحبا', 'ܫܠܡܐ');
const injection = fc.constantFrom(
  '@everyone',
  '@here',
  '<@&123456789012345678>',
  '<@123456789012345678>',
  '<@!123456789012345678>',
  '<#123456789012345678>',
  'https://evil.example/x',
  '[click](https://evil.example)',
  '```js\nalert(1)\n```',
  '||spoiler||',
  '# heading',
  '> quote',
  '**bold**',
  '\n\n\n',
);
const words = fc.constantFrom(
  'vpc',
  'direct connect',
  'bandwidth',
  'route 53',
  'what is',
  'cloudfront',
  'DX',
);
const hostile = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(fc.oneof(zeroWidth, rightToLeft, injection, words), { maxLength: 30 })
    .map((parts) => parts.join(' ')),
  fc.array(fc.oneof(zeroWidth, words), { maxLength: 20 }).map((parts) => parts.join('')),
  fc.string({ unit: fc.constantFrom(...'!?.,;:-_*~`|<>@#&()[]{}/\\\'"'), maxLength: 300 }),
  fc
    .tuple(words, fc.integer({ min: 1000, max: 6000 }))
    .map(([word, length]) => `${word} `.repeat(length).slice(0, length)),
);

/** Sendable: Discord's schema accepts it, the embeds fit 6000 characters, and nothing can ping. */
function expectSafe(payload: MessagePayload): void {
  expect(validateRequest('interactionCallback', { type: 4, data: payload })).toEqual([]);
  expect(payload.embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(
    DISCORD_LIMITS.embedTotal,
  );
  expect(payload.allowed_mentions.parse).toEqual([]);
  expect(payload.allowed_mentions.users ?? []).toEqual([]);
  const visible = [
    payload.content ?? '',
    ...payload.embeds.flatMap((embed) => [
      embed.title,
      embed.description,
      ...(embed.fields ?? []).map((f) => f.value),
    ]),
  ].join('\n');
  expect(visible).not.toMatch(/@everyone|@here|<@[!&]?\d|<#\d/);
}

afterAll(() => {
  console.log(`hostile input: ${cases} generated cases ran through answer() and formatting`);
});

describe('hostile and odd input', () => {
  it('never throws from the answer seam, whatever the question', () => {
    fc.assert(
      fc.property(hostile, (question) => {
        cases++;
        const reply = answer(index, question);
        expect(['hits', 'noMatch']).toContain(reply.kind);
        JSON.stringify(toAnswerJson(reply));
      }),
      { numRuns: RUNS },
    );
  });

  it('never produces a payload outside Discord limits or one that pings, on any page', () => {
    fc.assert(
      fc.property(hostile, fc.nat(10), fc.boolean(), (question, page, isPrivate) => {
        cases++;
        const reply = answer(index, questionText(question), { limit: 10 });
        expectSafe(
          formatAnswer({ ...reply, query: question }, { askerId: '123456789012345678', page, isPrivate }),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('never produces autocomplete choices outside Discord limits', () => {
    fc.assert(
      fc.property(hostile, (typed) => {
        cases++;
        const choices = formatChoices(typed, answer(index, typed, { limit: 24 }));
        expect(validateRequest('interactionCallback', { type: 8, data: { choices } })).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('strips Discord mentions and emoji from the question, keeping its words', () => {
    expect(
      questionText(
        '<@123456789012345678> what is <:aws:123456789012345678> @everyone vpc <#123456789012345678>',
      ),
    ).toBe('what is vpc');
  });
});
