import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/study/card.js';
import { generateCards } from '../../src/study/generateCards.js';
import { indexContent } from '../../src/search/indexContent.js';
import { contentFile, shippedIndex } from '../helpers.js';
import { checkCards } from './cardInvariants.js';
import { SERVICE_NAMES, shippedFacts } from './shippedFacts.js';

const index = shippedIndex();
const cards = generateCards(index);
const ofKind = (kind: Card['kind']): Card[] => cards.filter((card) => card.kind === kind);
const byChunk = (kind: Card['kind'], chunkId: string): Card | undefined =>
  cards.find((card) => card.kind === kind && card.chunkId === `networking-service/${chunkId}`);
const answerOf = (card: Card): string => card.options[card.answer]!;

describe('generateCards on the shipped chapter', () => {
  it('yields at least 60 distinct valid questions, of all three kinds', () => {
    const violations = Object.values(checkCards(cards, index, shippedFacts(index))).flat();
    const valid = cards.filter((card) => !violations.some((line) => line.startsWith(`${card.id} `)));
    const distinct = new Set(valid.map((card) => `${card.stem}\u0000${answerOf(card)}`));
    expect(distinct.size).toBeGreaterThanOrEqual(60);
    expect(new Set(cards.map((card) => card.id)).size).toBe(cards.length);
    expect(ofKind('service').length).toBeGreaterThanOrEqual(15);
    expect(ofKind('feature').length).toBeGreaterThanOrEqual(15);
    expect(ofKind('gap').length).toBeGreaterThanOrEqual(30);
  });

  it.each(['options', 'giveaway', 'twins', 'faithful', 'distractors'] as const)(
    'keeps the %s invariant on every card',
    (invariant) => {
      expect(checkCards(cards, index, shippedFacts(index))[invariant]).toEqual([]);
    },
  );

  it('is deterministic: the same chapter gives the same cards, ids and option order', () => {
    expect(generateCards(shippedIndex())).toEqual(cards);
  });

  it('keeps every card id when one explanation is reworded, the blanked term included', () => {
    const chapter = contentFile('networking-service.md');
    const reworded = indexContent({
      chapters: [
        {
          ...chapter,
          text: chapter.text.replace(
            'Users can choose from multiple bandwidth levels, ranging from 50 Mbps',
            'Customers pick a bandwidth level anywhere from 50 Mbps',
          ),
        },
      ],
      glossaries: [contentFile('glossary.yml')],
    });
    const idOf = (card: Card): string => `${card.kind} ${card.chunkId} ${answerOf(card)}`;
    const before = new Map(cards.map((card) => [idOf(card), card.id]));
    const after = generateCards(reworded);
    const kept = after.filter((card) => before.has(idOf(card)));
    expect(kept.length).toBeGreaterThan(cards.length * 0.9);
    expect(kept.filter((card) => before.get(idOf(card)) !== card.id)).toEqual([]);
    expect(after.find((card) => card.stem.startsWith('Customers pick'))?.id).toBe(
      cards.find((card) => card.stem.includes('ranging from ___ to 100 Gbps'))?.id,
    );
  });

  it('spreads the correct option over every position', () => {
    const positions = new Set(cards.map((card) => card.answer));
    expect([...positions].sort()).toEqual([0, 1, 2, 3]);
  });

  it('generates only the kinds asked for', () => {
    expect(new Set(generateCards(index, { kinds: ['gap'] }).map((card) => card.kind))).toEqual(
      new Set(['gap']),
    );
  });
});

describe('a "which service" card', () => {
  const card = byChunk('service', 'aws-direct-connect/private-connectivity')!;

  it('masks the service with its vendor prefix, and offers the four services', () => {
    expect(card.stem).toBe(
      "___ provides private connectivity to AWS's cloud services, bypassing the public internet. This ensures a consistent and predictable network experience with lower latency, higher throughput, and improved security compared to internet-based connections.",
    );
    expect([...card.options].sort()).toEqual(Object.keys(SERVICE_NAMES).sort());
    expect(answerOf(card)).toBe('AWS Direct Connect');
    expect(card.headings).toEqual(['Networking Service', 'AWS Direct Connect', 'Private Connectivity']);
  });

  it('masks acronyms, plurals and the name inside a longer phrase alike', () => {
    const isolation = byChunk('service', 'amazon-virtual-private-cloud-vpc/isolation')!;
    expect(isolation.stem).toMatch(
      /^___ enables users to create isolated sections of the AWS Cloud, known as ___\./,
    );
  });

  it('is not made when the explanation names another service, which would answer too', () => {
    // "…using AWS Direct Connect or VPN connections…": with only four services, no fair distractors remain.
    expect(byChunk('service', 'amazon-virtual-private-cloud-vpc/connectivity-options')).toBeUndefined();
  });
});

describe('a "which feature" card', () => {
  const card = byChunk('feature', 'amazon-route-53/health-checks-and-failover')!;

  it('masks the title words and offers other features of the same service', () => {
    expect(card.prompt).toBe('Which feature of Amazon Route 53 does this describe?');
    expect(card.stem).toContain('Users can configure ___ to periodically ___ the status');
    expect(card.stem).toContain('using DNS ___.');
    expect(answerOf(card)).toBe('Health Checks and Failover');
    const routeFeatures = [...index.chunks.values()]
      .filter((chunk) => chunk.service === 'Amazon Route 53')
      .map((chunk) => chunk.feature);
    expect(card.options.every((option) => routeFeatures.includes(option))).toBe(true);
  });

  it('masks glossary synonyms of the title too', () => {
    // Glossary: high availability → redundancy; "redundant" stems alike.
    const availability = byChunk('feature', 'amazon-route-53/high-availability-and-reliability')!;
    expect(availability.stem).toContain('a highly distributed and ___ global network');
  });

  it('leaves a service name alone when a title word only stems like one of its words', () => {
    const connectivity = byChunk('feature', 'amazon-virtual-private-cloud-vpc/connectivity-options')!;
    expect(connectivity.stem).toContain('using AWS Direct Connect or VPN ___');
  });
});

describe('a "fill the gap" card', () => {
  const gaps = ofKind('gap');
  const gap = (fragment: string): Card => gaps.find((card) => card.stem.includes(fragment))!;

  it('blanks a figure and offers figures of the same unit from the chapter', () => {
    const card = gap('ranging from ___ to 100 Gbps');
    expect(answerOf(card)).toBe('50 Mbps');
    expect([...card.options].sort()).toEqual(['1 Gbps', '10 Gbps', '50 Mbps']);
  });

  it('never offers a figure that already stands in the sentence', () => {
    const card = gap('dedicated ___ or 10 Gbps connections');
    expect(answerOf(card)).toBe('1 Gbps');
    expect(card.options).not.toContain('10 Gbps');
  });

  it('blanks a product name without its vendor prefix and offers other products', () => {
    const card = gap('such as Amazon ___ instances, Amazon RDS databases');
    expect(answerOf(card)).toBe('EC2');
    // S3 and RDS stand in the same sentence: they would make it true too.
    expect(card.options).not.toContain('S3');
    expect(card.options).not.toContain('RDS');
  });

  it('blanks a rare word and offers rare words of the same ending', () => {
    const isolated = gap('create ___ sections of the AWS Cloud');
    expect(answerOf(isolated)).toBe('isolated');
    expect(isolated.options.every((option) => option.endsWith('ted'))).toBe(true);
  });

  it('never blanks a name its own sentence spells out elsewhere', () => {
    // "Web Application Firewall (WAF)" and "access control lists (ACLs)" give themselves away.
    expect(
      gaps.filter((card) => ['WAF', 'ACLs', 'Web Application Firewall'].includes(answerOf(card))),
    ).toEqual([]);
  });
});
