import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capQuestion } from '../../src/answer/questionLength.js';
import { answer, answerChunk, chunkLabel } from '../../src/answer/answer.js';
import { toAnswerJson } from '../../src/answer/answerJson.js';
import { indexContent } from '../../src/search/indexContent.js';
import { contentFile, fixtureChapter, shippedIndex } from '../helpers.js';
import { hostileText } from '../hostileText.js';

const index = shippedIndex();

describe('answer', () => {
  it('answers an on-topic question with ranked hits, best first', () => {
    const reply = answer(index, 'what is Direct Connect bandwidth');
    expect(reply.kind).toBe('hits');
    if (reply.kind !== 'hits') return;
    expect(reply.hits[0]!.chunk.feature).toBe('Flexible Bandwidth Options');
    const scores = reply.hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it.each([
    'how do I make pancakes',
    'capital of France',
    'who painted the mona lisa',
    'best pizza in naples',
    'what is the stock price of amazon',
  ])('declines the off-topic question "%s" with suggestions', (question) => {
    const reply = answer(index, question);
    expect(reply).toMatchObject({ kind: 'noMatch', reason: 'notCovered' });
    if (reply.kind === 'noMatch') expect(reply.suggestions.length).toBeGreaterThan(0);
  });

  it('suggests what the chapter covers: each service', () => {
    const reply = answer(index, 'how do I make pancakes');
    expect(reply.kind === 'noMatch' && reply.suggestions.map((s) => s.label)).toEqual([
      'Amazon Virtual Private Cloud (VPC)',
      'Amazon Route 53',
      'AWS Direct Connect',
      'Amazon CloudFront',
      'Introduction to Networking Service',
    ]);
  });

  it('takes suggestions from each chapter in turn', () => {
    const two = indexContent({
      chapters: [contentFile('networking-service.md'), fixtureChapter('h2-services.md')],
      glossaries: [contentFile('glossary.yml')],
    });
    const reply = answer(two, 'how do I make pancakes');
    expect(reply.kind === 'noMatch' && reply.suggestions.map((s) => s.label)).toEqual([
      'Amazon Virtual Private Cloud (VPC)',
      'Amazon S3',
      'Amazon Route 53',
      'Amazon EBS',
      'AWS Direct Connect',
    ]);
  });

  it('answers a question the chapter answers with the verdict "answered"', () => {
    expect(answer(index, 'what is Direct Connect bandwidth').verdict).toBe('answered');
  });

  it.each([
    ['How are Route 53 name servers priced per zone?', 'Amazon Route 53'],
    ['Does CloudFront keep edge logs for ninety days?', 'Amazon CloudFront'],
    ['How is CloudFront billed?', 'Amazon CloudFront'],
  ])(
    'offers the closest sections when the subject is covered but not the detail: "%s"',
    (question, service) => {
      const reply = answer(index, question);
      expect(reply.verdict).toBe('closest');
      expect(reply.kind === 'hits' && reply.hits[0]!.chunk.service).toBe(service);
    },
  );

  it.each([
    'How do I raise the memory of a Lambda function?',
    'Which EC2 instance family has the most GPUs?',
    'How do I create CloudWatch log groups?',
  ])('declines a question about a product the chapter only lists: "%s"', (question) => {
    expect(answer(index, question)).toMatchObject({ kind: 'noMatch', verdict: 'notCovered' });
  });

  it.each([
    'Which load balancer type suits WebSocket traffic?',
    'Which Elastic Load Balancer supports static IP addresses?',
    'Which EC2 feature gives instances higher bandwidth and lower latency?',
    'Which IAM feature lets users sign in with a one-time code?',
  ])('declines a question whose asked kind the chapter only lists or never names: "%s"', (question) => {
    expect(answer(index, question).verdict).toBe('notCovered');
  });

  it.each([
    ['Which Route 53 feature lets you register a new domain name?', 'Domain Registration'],
    ['Which routing policy sends users to the region with the lowest latency?', 'DNS Routing Policies'],
  ])('answers a question whose asked kind the chapter covers: "%s"', (question, feature) => {
    const reply = answer(index, question);
    expect(reply.kind === 'hits' && reply.hits[0]!.chunk.feature).toBe(feature);
  });

  it.each([
    'Which AWS service caches database query results in memory to reduce latency?',
    'Which AWS service lets users on-premises access virtual desktops with low latency?',
    'Which AWS service issues and renews SSL/TLS certificates for free?',
  ])('declines "which service…" when the best service holds less than half of the ask: "%s"', (question) => {
    expect(answer(index, question).verdict).toBe('notCovered');
  });

  it.each([
    'Which AWS service provides a managed message queue to decouple application components?',
    'How do I monitor CPU usage of my laptop?',
  ])(
    'declines a question whose ask is mostly words the chapter never uses, whatever two strong words match: "%s"',
    (question) => {
      expect(answer(index, question).verdict).toBe('notCovered');
    },
  );

  it.each([
    'Which AWS service records the API calls made to Route 53?',
    'Which AWS service can analyze CloudFront access logs with SQL queries?',
  ])(
    'declines "which <vendor> service…" about a service it names, when the answer holds little of the ask: "%s"',
    (question) => {
      expect(answer(index, question).verdict).toBe('notCovered');
    },
  );

  it('answers "which <vendor> service…" about a service it names when the answer holds the ask', () => {
    const reply = answer(
      index,
      'Which AWS service can be used with CloudFront to block common web exploits?',
    );
    expect(reply.kind === 'hits' && reply.hits[0]!.chunk.feature).toBe('Security Features');
  });

  it('still answers "which service…" when the best service holds the ask', () => {
    const reply = answer(index, 'Which AWS service distributes content to users worldwide with low latency?');
    expect(reply.kind === 'hits' && reply.hits[0]!.chunk.service).toBe('Amazon CloudFront');
  });

  it('declines an exam stem built on a vendor product the chapter never names', () => {
    const stem =
      'A company keeps session data in Amazon DynamoDB and reads it thousands of times per second. ' +
      'Which solution meets these requirements?';
    expect(answer(index, stem).verdict).toBe('notCovered');
  });

  it('passes its ranking and verdict options down to the search', () => {
    expect(answer(index, 'vpc peering').verdict).toBe('answered');
    expect(answer(index, 'vpc peering', { minCoverage: 1.1, minAskCoverage: 1.1 }).verdict).toBe('closest');
    const reply = answer(index, 'aws services integration', { topHitsKept: 1 });
    expect(reply.kind === 'hits' && reply.hits).toHaveLength(1);
  });

  it('treats a blank question as empty, not as an error', () => {
    expect(answer(index, '  \n ')).toMatchObject({ kind: 'noMatch', reason: 'empty' });
  });

  it('limits the hits', () => {
    const reply = answer(index, 'aws services integration', { limit: 2 });
    expect(reply.kind === 'hits' && reply.hits).toHaveLength(2);
  });

  it('never throws and keeps its shape, whatever the question', () => {
    fc.assert(
      fc.property(hostileText, (question) => {
        const reply = answer(index, question);
        const json = toAnswerJson(reply);
        expect(json.query).toBe(capQuestion(question.trim()));
        if (reply.kind === 'hits') expect(reply.hits.length).toBeGreaterThan(0);
        else expect(json.results).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('answerChunk', () => {
  it('answers exactly the chosen chunk', () => {
    const id = 'networking-service/amazon-route-53/domain-registration';
    const reply = answerChunk(index, id);
    expect(reply?.kind === 'hits' && reply.hits.map((hit) => hit.chunk.id)).toEqual([id]);
  });

  it('returns null for an id that no longer exists', () => {
    expect(answerChunk(index, 'networking-service/gone')).toBeNull();
  });
});

describe('chunkLabel', () => {
  it('is the heading trail without the chapter', () => {
    const chunk = index.chunks.get('networking-service/aws-direct-connect/flexible-bandwidth-options')!;
    expect(chunkLabel(chunk)).toBe('AWS Direct Connect › Flexible Bandwidth Options');
  });
});

describe('toAnswerJson', () => {
  const answered = answer(index, 'what is Direct Connect bandwidth');
  const closest = answer(index, 'How are Route 53 name servers priced per zone?');
  const declined = answer(index, 'capital of France');

  it('carries the verdict in the JSON contract', () => {
    expect([answered, closest, declined].map((reply) => toAnswerJson(reply).verdict)).toEqual([
      'answered',
      'closest',
      'notCovered',
    ]);
  });
});
