import { describe, expect, it } from 'vitest';
import { searchChunks } from '../../src/search/searchChunks.js';
import { shippedIndex } from '../helpers.js';

const index = shippedIndex();
const top = (question: string): string => {
  const chunk = searchChunks(index, question).hits[0]?.chunk;
  return chunk === undefined
    ? '(none)'
    : [chunk.service ?? chunk.chapter, chunk.feature].filter(Boolean).join(' > ');
};

describe('searchChunks ranking', () => {
  // Question → expected first chunk, one ranking rule per row; six rows are also eval questions (see tests/fixtures/eval).
  it.each([
    ['how does CloudFront scale', 'Amazon CloudFront > Scalability'],
    ['how does a vpc scale', 'Amazon Virtual Private Cloud (VPC) > Scalability'],
    ['R53 failover', 'Amazon Route 53 > Health Checks and Failover'],
    ['what is DX', 'AWS Direct Connect'],
    ['CDN edge caching', 'Amazon CloudFront > Global Network of Edge Locations'],
    ['Direct Connect throughput options', 'AWS Direct Connect > Flexible Bandwidth Options'],
    ['is DX cheaper', 'AWS Direct Connect > Reduced Network Costs'],
    ['NACL and security groups', 'Amazon Virtual Private Cloud (VPC) > Customization'],
    ['TGW', 'Amazon Virtual Private Cloud (VPC) > Connectivity Options'],
    ['cloudfrnt monitorng', 'Amazon CloudFront > Real-Time Metrics and Monitoring'],
    ['route 53 domian registraton', 'Amazon Route 53 > Domain Registration'],
    ['Amazon Route 53', 'Amazon Route 53'],
    ['multi-value answers', 'Amazon Route 53 > DNS Routing Policies'],
    ['cloud frnt edge', 'Amazon CloudFront > Global Network of Edge Locations'],
    ['hybrid clod', 'AWS Direct Connect > Hybrid Cloud Connectivity'],
    ['custom ip range', 'Amazon Virtual Private Cloud (VPC) > Isolation'],
    ['direct connect vs vpn', 'Amazon Virtual Private Cloud (VPC) > Connectivity Options'],
    ['concurrent users on cloudfront', 'Amazon CloudFront > Scalability'],
    ['how fast can direct connect go', 'AWS Direct Connect > Flexible Bandwidth Options'],
    // Question shapes, heavy typos and half-typed words.
    ['Which AWS service gives a private dedicated line from my office to the cloud?', 'AWS Direct Connect'],
    ['True or False? Route 53 can register domain names.', 'Amazon Route 53 > Domain Registration'],
    [
      'A characteristic of edge locations is that they:',
      'Amazon CloudFront > Global Network of Edge Locations',
    ],
    [
      'Which Route 53 routing policy sends users to the closest region?',
      'Amazon Route 53 > DNS Routing Policies',
    ],
    ['derict conect dedicted conection', 'AWS Direct Connect > Dedicated Connections'],
    ['wat is clodfront cachng', 'Amazon CloudFront'],
    ['vpc sub', 'Amazon Virtual Private Cloud (VPC) > Customization'],
    ['route 53 heal', 'Amazon Route 53 > Health Checks and Failover'],
    ['route 53 traffic fl', 'Amazon Route 53 > Traffic Flow Visualization'],
    // "…to which <kind>?": the section that gives examples of that kind ("resources such as …").
    ['Route 53 can send queries to which resources?', 'Amazon Route 53 > Integration with AWS Services'],
    // Figures: the section stating a figure on the asked side, not the one repeating the question's.
    ['Can Direct Connect run at less than 1 Gbps?', 'AWS Direct Connect > Flexible Bandwidth Options'],
    ['Is there a Direct Connect option over 10 Gbps?', 'AWS Direct Connect > Flexible Bandwidth Options'],
    ['Is a 10 Gbps dedicated Direct Connect port possible?', 'AWS Direct Connect > Dedicated Connections'],
  ])('%s → %s', (question, expected) => {
    expect(top(question)).toBe(expected);
  });
});

describe('searchChunks shapes', () => {
  it('puts the best section of each side of a comparison at the top', () => {
    const hits = searchChunks(index, 'difference between cloudfront and route 53').hits.slice(0, 3);
    expect(hits.map((hit) => hit.chunk.service)).toEqual(
      expect.arrayContaining(['Amazon CloudFront', 'Amazon Route 53']),
    );
  });

  it('weighs a long stem by its ask, not its scenario', () => {
    const result = searchChunks(
      index,
      'A retailer keeps its stock system in its own building and runs its shop in the cloud. ' +
        'Its engineers have complained about noisy links for months. How can traffic be routed away from unhealthy servers?',
    );
    expect(result.hits[0]!.chunk.feature).toBe('Health Checks and Failover');
  });
});

describe('searchChunks terms', () => {
  it('drops filler words and stems the rest', () => {
    expect(searchChunks(index, 'what is the scaling of the edge locations').terms).toEqual([
      'scalabl',
      'edglocat',
    ]);
  });

  it('contracts a service name, its acronym and a typo of it to one term', () => {
    const [a, b, c] = ['direct connect', 'DX', 'dirct conect'].map((q) => searchChunks(index, q).terms);
    expect(a).toEqual(['directconnect']);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('recognises the services a question names', () => {
    expect(searchChunks(index, 'cloudfront vs route 53').services.map((s) => s.title)).toEqual([
      'Amazon CloudFront',
      'Amazon Route 53',
    ]);
  });

  it('names services by their distinctive words, not by vendor prefixes or common words', () => {
    expect(index.services.map((service) => [...service.intentTerms])).toEqual([
      ['virtualprivatcloud'],
      ['rout53'],
      ['directconnect'],
      ['cloudfront'],
    ]);
    expect(searchChunks(index, 'connect my vpc to amazon').services.map((s) => s.title)).toEqual([
      'Amazon Virtual Private Cloud (VPC)',
    ]);
  });

  it('corroborates a wordy question whose best chunk holds two informative terms of it', () => {
    const wordy = searchChunks(index, 'cloudfront security features in a nutshell for my boss');
    expect(wordy.coverage).toBeLessThan(0.5);
    expect(wordy.isCorroborated).toBe(true);
    expect(searchChunks(index, 'what is the stock price of amazon').isCorroborated).toBe(false);
  });

  it('reports low coverage for a question the chapter does not speak to', () => {
    expect(searchChunks(index, 'python list comprehension').coverage).toBeLessThan(0.5);
    expect(searchChunks(index, 'vpc peering').coverage).toBeGreaterThan(0.8);
  });
});
