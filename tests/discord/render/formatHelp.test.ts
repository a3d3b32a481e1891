import { describe, expect, it } from 'vitest';
import { formatHelp } from '../../../src/discord/render/formatHelp.js';
import { shippedIndex } from '../../helpers.js';
import { expectSendable } from './expectSendable.js';

const index = shippedIndex();

describe('formatHelp', () => {
  it('writes help with examples from the chapters', () => {
    const payload = formatHelp(index);
    expect(payload.embeds[0]?.description).toContain('`/ask isolation amazon virtual private cloud (vpc)`');
    expectSendable(payload);
  });
});
