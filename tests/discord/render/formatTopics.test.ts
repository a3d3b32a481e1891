import { describe, expect, it } from 'vitest';
import { formatTopics } from '../../../src/discord/render/formatTopics.js';
import { shippedIndex } from '../../helpers.js';
import { expectSendable } from './expectSendable.js';

const index = shippedIndex();

describe('formatTopics', () => {
  it('lists services with a select menu each, valid for Discord', () => {
    const payload = formatTopics(index);
    expect(payload.embeds[0]?.fields).toHaveLength(4);
    expect(payload.components).toHaveLength(4);
    expectSendable(payload);
  });
});
