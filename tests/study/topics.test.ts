import { describe, expect, it } from 'vitest';
import { findTopic, listTopics, matchTopics } from '../../src/study/topics.js';
import { shippedIndex } from '../helpers.js';

const index = shippedIndex();

describe('listTopics', () => {
  it('lists the chapter, then each of its services, with short stable keys', () => {
    const topics = listTopics(index);
    expect(topics.map((topic) => topic.label)).toEqual([
      'Networking Service',
      'Networking Service › Amazon Virtual Private Cloud (VPC)',
      'Networking Service › Amazon Route 53',
      'Networking Service › AWS Direct Connect',
      'Networking Service › Amazon CloudFront',
    ]);
    expect(new Set(topics.map((topic) => topic.key)).size).toBe(topics.length);
    for (const topic of topics) expect(topic.key).toMatch(/^t[0-9a-z]{1,11}$/);
  });
});

describe('findTopic', () => {
  it.each([
    ['AWS Direct Connect', 'AWS Direct Connect'],
    ['aws direct connect', 'AWS Direct Connect'],
    ['vpc', 'Amazon Virtual Private Cloud (VPC)'],
    ['cloudfr', 'Amazon CloudFront'],
    ['networking service', null],
  ])('%j → %j', (typed, service) => {
    expect(findTopic(index, typed)?.service ?? null).toBe(service);
  });

  it('finds a topic by its key, and nothing for words no topic has', () => {
    const topic = listTopics(index)[2]!;
    expect(findTopic(index, topic.key)).toBe(topic);
    expect(findTopic(index, 'bread baking')).toBeNull();
  });
});

describe('matchTopics', () => {
  it('offers every topic while nothing is typed, and the matching ones, shortest first', () => {
    expect(matchTopics(index, '')).toHaveLength(5);
    expect(matchTopics(index, 'amazon').map((topic) => topic.service)).toEqual([
      'Amazon Route 53',
      'Amazon CloudFront',
      'Amazon Virtual Private Cloud (VPC)',
    ]);
  });
});
