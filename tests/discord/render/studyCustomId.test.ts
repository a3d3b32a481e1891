import { describe, expect, it } from 'vitest';
import { decodeCustomId, encodeCustomId } from '../../../src/discord/render/customId.js';
import { DISCORD_LIMITS } from '../../../src/discord/render/discordText.js';

const SNOWFLAKE = '12345678901234567890';

describe('study custom ids', () => {
  it.each([
    {
      kind: 'quizAnswer',
      topic: 't1234567890a',
      seed: SNOWFLAKE,
      count: 20,
      position: 19,
      score: 19,
      chapterKey: 't1234567890b',
      cardId: 'feature-0a1b2c3d4e5',
      choice: 3,
    },
    { kind: 'quizNext', topic: '*', seed: SNOWFLAKE, count: 5, position: 5, score: 3 },
    {
      kind: 'reviewAnswer',
      done: 999,
      score: 999,
      chapterKey: 'tz',
      cardId: 'service-00000000000',
      choice: 0,
    },
    { kind: 'reviewNext', done: 2, score: 1 },
    { kind: 'groupAnswer', roundId: SNOWFLAKE, choice: 2, topic: 't1234567890a', seconds: 600 },
    { kind: 'groupEnd', roundId: SNOWFLAKE, topic: '*', seconds: 30 },
    { kind: 'groupNext', topic: 't1234567890a', seconds: 5 },
    { kind: 'leaderboard', join: true },
    { kind: 'leaderboard', join: false },
    { kind: 'browse', askerId: SNOWFLAKE, way: 'previous', ref: `#${'z'.repeat(13)}` },
    { kind: 'browse', askerId: '0', way: 'up', ref: `networking-service/${'x'.repeat(45)}` },
    { kind: 'browse', askerId: '0', way: 'next', ref: 'a:b' },
  ] as const)('round-trips %o within 100 characters', (action) => {
    const id = encodeCustomId(action);
    expect(id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
    expect(decodeCustomId(id)).toEqual(action);
  });

  it.each([
    'qa:*:123:5:0:0:tkey:gap-0a1b2c3d4e5:1',
    'qa:*:12345678901234567890:5:0:0:tkey:gap-0a1b2c3d4e5:x',
    'qa:*:12345678901234567890:5:0:0:tkey:trick-0a1b2c3d4e5:1',
    'qa:../x:12345678901234567890:5:0:0:tkey:gap-0a1b2c3d4e5:1',
    'qn:*:12345678901234567890:5:0',
    'qn:*:12345678901234567890:5:0:1e3',
    'ra:1:1:tkey:gap-0a1b2c3d4e5:12',
    'rn:-1:0',
    'ga:12345678901234567890:1:*',
    'ga:<@everyone>:1:*:30',
    'ge:12345678901234567890:*:30:extra',
    'gn:*:3600',
    'lb:2',
    'lb:',
    'nav:someone:n:networking-service/x',
    'nav:0:n:',
    'nav:0:x:networking-service/x',
    'nav:0:constructor:networking-service/x',
    'nav:0:networking-service/x',
  ])('refuses the malformed id %j before anything uses it', (id) => {
    expect(decodeCustomId(id)).toBeNull();
  });
});
