import { describe, expect, it } from 'vitest';
import { answer, answerChunk } from '../../../src/answer/answer.js';
import { chunkUrl, CLOSEST_NOTE, formatAnswer } from '../../../src/discord/render/formatAnswer.js';
import { shippedIndex } from '../../helpers.js';
import { expectSendable } from './expectSendable.js';

const index = shippedIndex();
const ASKER = '123456789012345678';

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

describe('formatAnswer and the three verdicts', () => {
  const answered = answer(index, 'what is Direct Connect bandwidth');
  const closest = answer(index, 'How are Route 53 name servers priced per zone?');
  const declined = answer(index, 'capital of France');

  it('marks a closest answer with a note and its own colour', () => {
    const embed = (reply: typeof answered) => formatAnswer(reply, { askerId: ASKER }).embeds[0]!;
    const [plain, near, none] = [embed(answered), embed(closest), embed(declined)];
    expect(near.description?.startsWith(CLOSEST_NOTE)).toBe(true);
    expect(plain.description?.startsWith(CLOSEST_NOTE)).toBe(false);
    expect(new Set([plain.color, near.color, none.color]).size).toBe(3);
  });

  it('takes its example question from the loaded chapters', () => {
    const example = formatAnswer(answer(index, '')).embeds[0]!.description!;
    expect(example).toContain(`/ask ${index.services[0]!.title.toLowerCase()}`);
  });
});
