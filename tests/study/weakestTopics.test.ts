import { describe, expect, it } from 'vitest';
import { weakestTopics } from '../../src/study/weakestTopics.js';
import { shippedIndex } from '../helpers.js';

const index = shippedIndex();
const [vpc, dx] = ['amazon-virtual-private-cloud-vpc', 'aws-direct-connect'].map((slug) =>
  [...index.chunks.values()].filter((chunk) => chunk.id.includes(`/${slug}/`)),
);

describe('weakestTopics', () => {
  it('sums sections per service and names the least often right first', () => {
    const topics = weakestTopics(index, [
      { chunkId: vpc![0]!.id, answered: 2, correct: 2 },
      { chunkId: vpc![1]!.id, answered: 2, correct: 1 },
      { chunkId: dx![0]!.id, answered: 4, correct: 1 },
    ]);
    expect(topics).toEqual([
      { topic: `${dx![0]!.chapter} › ${dx![0]!.service}`, correct: 1, answered: 4 },
      { topic: `${vpc![0]!.chapter} › ${vpc![0]!.service}`, correct: 3, answered: 4 },
    ]);
  });

  it('leaves out topics with too few answers to judge, and sections the chapters no longer have', () => {
    expect(
      weakestTopics(index, [
        { chunkId: vpc![0]!.id, answered: 2, correct: 0 },
        { chunkId: 'networking-service/gone', answered: 9, correct: 0 },
      ]),
    ).toEqual([]);
  });
});
