import { expect } from 'vitest';
import { DISCORD_LIMITS, embedLength } from '../../../src/discord/render/discordText.js';
import type { MessagePayload } from '../../../src/discord/render/messagePayload.js';
import { validateRequest } from '../discordSchema.js';

/** A payload must pass Discord's schema as a reply, a webhook edit and a channel message, and the 6000 rule. */
export function expectSendable(payload: MessagePayload): void {
  expect(validateRequest('interactionCallback', { type: 4, data: payload })).toEqual([]);
  const { flags: _flags, ...message } = payload;
  expect(validateRequest('webhookEdit', message)).toEqual([]);
  expect(validateRequest('channelMessage', message)).toEqual([]);
  expect(payload.embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(
    DISCORD_LIMITS.embedTotal,
  );
}
