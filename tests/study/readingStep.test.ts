import { describe, expect, it } from 'vitest';
import { readingStep } from '../../src/study/readingOrder.js';
import { shippedIndex } from '../helpers.js';
import { fixtureIndex } from './studyFixtures.js';

const index = shippedIndex();
const id = (path: string): string => (path === '' ? 'networking-service' : `networking-service/${path}`);

describe('readingStep', () => {
  it('goes from a feature to the next feature of its service, and back', () => {
    expect(readingStep(index, id('aws-direct-connect/private-connectivity'))).toEqual({
      previous: id('aws-direct-connect'),
      next: id('aws-direct-connect/dedicated-connections'),
      up: id('aws-direct-connect'),
    });
  });

  it("goes from a service's last feature to the next service's overview", () => {
    expect(readingStep(index, id('amazon-virtual-private-cloud-vpc/connectivity-options'))?.next).toBe(
      id('amazon-route-53'),
    );
  });

  it('goes up from a feature to its service overview, then to the chapter introduction, then nowhere', () => {
    const feature = id('amazon-cloudfront/scalability');
    const overview = readingStep(index, feature)!.up!;
    const introduction = readingStep(index, overview)!.up!;
    expect([overview, introduction, readingStep(index, introduction)!.up]).toEqual([
      id('amazon-cloudfront'),
      id(''),
      null,
    ]);
  });

  it('walks the whole chapter forward and back in reading order', () => {
    const forward: string[] = [];
    for (let at: string | null = index.ids[0]!; at !== null; at = readingStep(index, at)!.next)
      forward.push(at);
    const backward: string[] = [];
    for (let at: string | null = forward.at(-1)!; at !== null; at = readingStep(index, at)!.previous)
      backward.push(at);
    expect(forward).toEqual(index.ids);
    expect(backward).toEqual([...index.ids].reverse());
  });

  it('goes on into the next chapter, by weight', () => {
    const two = fixtureIndex('twins.md', 'figures.md');
    const lastOfFirst = two.chapters[0]!.chunks.at(-1)!.id;
    expect(readingStep(two, lastOfFirst)?.next).toBe(two.chapters[1]!.chunks[0]!.id);
    expect(readingStep(two, two.chapters[1]!.chunks[0]!.id)?.previous).toBe(lastOfFirst);
  });

  it('answers null for an id the chapters no longer hold', () => {
    expect(readingStep(index, 'networking-service/removed-service')).toBeNull();
  });
});
