import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answer } from '../../../src/answer/answer.js';
import { questionText } from '../../../src/discord/questionText.js';
import { DISCORD_LIMITS, embedLength } from '../../../src/discord/render/discordText.js';
import { formatAnswer } from '../../../src/discord/render/formatAnswer.js';
import { formatChoices } from '../../../src/discord/render/formatChoices.js';
import type { MessagePayload } from '../../../src/discord/render/messagePayload.js';
import { shippedIndex } from '../../helpers.js';
import { hostileText } from '../../hostileText.js';
import { validateRequest } from '../discordSchema.js';

const index = shippedIndex();
const RUNS = 200;

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

describe('hostile and odd input', () => {
  it('never produces a payload outside Discord limits or one that pings, on any page', () => {
    fc.assert(
      fc.property(hostileText, fc.nat(12), fc.boolean(), (question, page, isPrivate) => {
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
      fc.property(hostileText, (typed) => {
        const choices = formatChoices(typed, answer(index, typed, { limit: 24 }));
        expect(validateRequest('interactionCallback', { type: 8, data: { choices } })).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});
