import { describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { indexContent } from '../../src/search/indexContent.js';
import { readSnapshot, writeSnapshot } from '../../src/search/indexSnapshot.js';
import { contentFile, shippedIndex } from '../helpers.js';

const DEDICATED = 'networking-service/aws-direct-connect/dedicated-connections';
const LEARNED = 'How many Direct Connects and Co-Locations do I need?';
const learnedIndex = indexContent({
  chapters: [contentFile('networking-service.md')],
  glossaries: [contentFile('glossary.yml')],
  asked: [{ file: 'asked.yml', text: `${DEDICATED}:\n  - ${LEARNED}\n` }],
});
const top = (question: string, index = learnedIndex): string | undefined => {
  const reply = answer(index, question);
  return reply.kind === 'hits' ? reply.hits[0]!.chunk.id : undefined;
};

describe('learned questions (asked.yml)', () => {
  it('answer the same question, or its words in another order, from the section students confirmed', () => {
    expect(top(LEARNED, shippedIndex())).not.toBe(DEDICATED);
    expect(top(LEARNED)).toBe(DEDICATED);
    expect(top('co-locations and direct connects: how many do i need')).toBe(DEDICATED);
  });

  it('leave a question that only shares some of their words where it was', () => {
    for (const question of ['direct connect', 'how many locations does cloudfront have', 'dx speeds']) {
      expect(top(question)).toBe(top(question, shippedIndex()));
    }
  });

  it('count in no document frequency: the chapters alone decide how rare a word is', () => {
    expect(learnedIndex.documentFrequency).toEqual(shippedIndex().documentFrequency);
  });

  it('survive a saved index: the snapshot keeps them and answers from them', () => {
    const restored = readSnapshot(writeSnapshot(learnedIndex));
    expect(restored.asked).toEqual(learnedIndex.asked);
    expect(top(LEARNED, restored)).toBe(DEDICATED);
  });

  it('leave out an id no section has (a heading renamed since), keeping the rest, instead of refusing the content', () => {
    const index = indexContent({
      chapters: [contentFile('networking-service.md')],
      glossaries: [contentFile('glossary.yml')],
      asked: [
        { file: 'asked.yml', text: `${DEDICATED}:\n  - ${LEARNED}\nnetworking-service/gone:\n  - b\n` },
      ],
    });
    expect([...index.asked.keys()]).toEqual([DEDICATED]);
    expect(top(LEARNED, index)).toBe(DEDICATED);
  });
});
