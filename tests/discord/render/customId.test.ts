import { describe, expect, it } from 'vitest';
import { answer } from '../../../src/answer/answer.js';
import {
  chunkRef,
  compactQuestion,
  decodeCustomId,
  encodeCustomId,
  resolveChunkRef,
} from '../../../src/discord/render/customId.js';
import { DISCORD_LIMITS } from '../../../src/discord/render/discordText.js';
import { shippedIndex } from '../../helpers.js';

const index = shippedIndex();
const ASKER = '123456789012345678';

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
    const ids = (question: string): string[] => {
      const reply = answer(index, question);
      return reply.kind === 'hits' ? reply.hits.map((hit) => hit.chunk.id) : [];
    };
    expect(ids(question)).not.toEqual([]);
    expect(ids(decoded?.kind === 'more' ? decoded.question : '')).toEqual(ids(question));
  });

  it('rejects ids it did not make', () => {
    for (const id of ['', 'more', 'more:x:1:q', 'topics:-1', 'feedback:1', 'pick'])
      expect(decodeCustomId(id)).toBeNull();
  });

  it.each([
    'more:1:not-a-user:0:vpc',
    'more:1e3:123456789012345678:0:vpc',
    'more:1:123456789012345678:-5:vpc',
    'fb:1:1e3:networking-service/x',
    'fb:1:0x10:networking-service/x',
    'fb:1:12:',
    'pick:<@everyone>:networking-service/x',
    'pick:123456789012345678:',
    'topics:1.5',
    `fb:1:12:${'x'.repeat(100)}`,
  ])('refuses the malformed id %j before anything uses it', (id) => {
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
