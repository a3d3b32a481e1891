import { describe, expect, it } from 'vitest';
import { chunkChapter } from '../../src/content/chunkChapter.js';
import { ContentError } from '../../src/content/contentError.js';
import { contentFile, fixtureChapter } from '../helpers.js';

const chapter = chunkChapter(contentFile('networking-service.md'));
const features = chapter.chunks.filter((chunk) => chunk.kind === 'feature');
const overviews = chapter.chunks.filter((chunk) => chunk.kind === 'overview');

describe('chunkChapter on the shipped chapter', () => {
  it('reads title, number and weight from front matter and ignores the R-markdown date', () => {
    expect(chapter).toMatchObject({ title: 'Networking Service', number: '1.4', weight: 4 });
  });

  it('finds exactly four services, with trailing colons dropped', () => {
    expect(overviews.map((chunk) => chunk.service)).toEqual([
      'Amazon Virtual Private Cloud (VPC)',
      'Amazon Route 53',
      'AWS Direct Connect',
      'Amazon CloudFront',
    ]);
  });

  it('finds the 24 features with their exact titles, per service', () => {
    const titles: Record<string, (string | null)[]> = {};
    for (const chunk of features) (titles[chunk.service!] ??= []).push(chunk.feature);
    expect(features).toHaveLength(24);
    expect(titles).toEqual({
      'Amazon Virtual Private Cloud (VPC)': [
        'Isolation',
        'Customization',
        'Scalability',
        'Integration',
        'Connectivity Options',
      ],
      'Amazon Route 53': [
        'High Availability and Reliability',
        'Domain Registration',
        'DNS Routing Policies',
        'Health Checks and Failover',
        'Integration with AWS Services',
        'Traffic Flow Visualization',
      ],
      'AWS Direct Connect': [
        'Private Connectivity',
        'Dedicated Connections',
        'Flexible Bandwidth Options',
        'Reduced Network Costs',
        'Improved Security',
        'Hybrid Cloud Connectivity',
        'Global Reach',
      ],
      'Amazon CloudFront': [
        'Global Network of Edge Locations',
        'High Availability and Reliability',
        'Scalability',
        'Security Features',
        'Integration with AWS Services',
        'Real-Time Metrics and Monitoring',
      ],
    });
  });

  it('takes the whole lead up to the colon when bold covers only part of the title', () => {
    const chunk = features.find(
      (c) => c.id === 'networking-service/amazon-route-53/high-availability-and-reliability',
    );
    expect(chunk?.feature).toBe('High Availability and Reliability');
    expect(chunk?.text).toMatch(/^Amazon Route 53 is designed to provide high availability/);
  });

  it('keeps "Key Feature" labels out of every text, including the one glued to a paragraph', () => {
    for (const chunk of chapter.chunks) expect(chunk.text).not.toMatch(/key feature:/i);
    const cloudFront = overviews.find((chunk) => chunk.service === 'Amazon CloudFront');
    expect(cloudFront?.text).toMatch(/and other content\.$/);
  });

  it('makes the introduction its own chunk, without the image URL', () => {
    const intro = chapter.chunks[0]!;
    expect(intro).toMatchObject({
      kind: 'introduction',
      id: 'networking-service',
      service: null,
      feature: null,
    });
    expect(intro.text).toMatch(/^Amazon Web Services \(AWS\) offers a comprehensive suite/);
    expect(intro.text).not.toMatch(/png|images|featherlight/);
  });

  it('gives every chunk its heading trail, a stable id, its source line and an anchor', () => {
    const chunk = features.find((c) => c.feature === 'Flexible Bandwidth Options')!;
    expect(chunk).toMatchObject({
      id: 'networking-service/aws-direct-connect/flexible-bandwidth-options',
      headings: ['Networking Service', 'AWS Direct Connect', 'Flexible Bandwidth Options'],
      source: { file: 'networking-service.md', line: 59 },
      anchor: 'aws-direct-connect',
    });
    expect(new Set(chapter.chunks.map((c) => c.id)).size).toBe(chapter.chunks.length);
  });

  it('keeps the service overview to the prose before the list', () => {
    const vpc = overviews[0]!;
    expect(vpc.text).toBe(
      'AAmazon Virtual Private Cloud (VPC) is its ability to provide users with complete control over their virtual networking environment in the AWS Cloud',
    );
    expect(vpc.source.line).toBe(17);
  });
});

describe('chunkChapter on other shapes', () => {
  it('takes services under H2 and a title from the first H1 when front matter has none', () => {
    const parsed = chunkChapter(fixtureChapter('h2-services.md'));
    expect(parsed.title).toBe('Storage Basics');
    expect(parsed.number).toBeNull();
    expect(parsed.chunks.map((chunk) => [chunk.kind, chunk.headings.join(' › ')])).toEqual([
      ['introduction', 'Storage Basics'],
      ['overview', 'Storage Basics › Amazon S3'],
      ['feature', 'Storage Basics › Amazon S3 › Durability'],
      ['feature', 'Storage Basics › Amazon S3 › Storage Classes'],
      ['overview', 'Storage Basics › Amazon EBS'],
      ['feature', 'Storage Basics › Amazon EBS › Snapshots'],
    ]);
  });

  it('keeps links, inline code and nested lists as plain text of their feature', () => {
    const parsed = chunkChapter(fixtureChapter('h2-services.md'));
    const classes = parsed.chunks.find((chunk) => chunk.feature === 'Storage Classes')!;
    expect(classes.text).toContain('Use `STANDARD_IA` for infrequent access'.replace(/`/g, ''));
    expect(classes.text).toContain('- Glacier for archives');
    expect(classes.text).toContain('see the pricing page');
    expect(classes.text).not.toContain('https://');
  });

  it('treats a leading "## Introduction" at the services\' depth as the introduction, not a service', () => {
    const parsed = chunkChapter(fixtureChapter('h2-introduction.md'));
    expect(parsed.chunks.map((chunk) => [chunk.kind, chunk.service, chunk.id])).toEqual([
      ['introduction', null, 'h2-introduction'],
      ['overview', 'Amazon S3', 'h2-introduction/amazon-s3'],
      ['feature', 'Amazon S3', 'h2-introduction/amazon-s3/durability'],
    ]);
  });

  it('makes sections without feature lists into overview chunks', () => {
    const parsed = chunkChapter(fixtureChapter('no-features.md'));
    expect(parsed.chunks.map((chunk) => [chunk.kind, chunk.service, chunk.feature])).toEqual([
      ['overview', 'What is IAM', null],
      ['overview', 'Users and groups', null],
      ['feature', 'Users and groups', 'Benefits'],
    ]);
    const benefits = parsed.chunks.at(-1)!;
    expect(benefits.text).toBe('- least privilege\n- central control');
  });

  it('treats a repeated "Key Features" sub-heading as part of each service', () => {
    const parsed = chunkChapter(fixtureChapter('key-features-subsections.md'));
    const trails = parsed.chunks
      .filter((c) => c.kind === 'feature')
      .map((c) => c.headings.slice(1).join(' › '));
    expect(trails).toEqual(['Amazon SQS › Key Features › Queues', 'Amazon SNS › Key Features › Topics']);
    expect(parsed.chunks.filter((c) => c.kind === 'feature').map((c) => c.service)).toEqual([
      'Amazon SQS',
      'Amazon SNS',
    ]);
  });

  it('names file and line for invalid front matter', () => {
    expect(() => chunkChapter({ file: 'bad.md', text: '---\ntitle: [oops\n---\n# x\n' })).toThrow(
      /invalid front matter YAML .* at bad\.md:2$/,
    );
  });

  it('reads YAML front matter only: a fence in another language is an error at line 1', () => {
    const js = '---js\n{ title: (function () { throw new Error("ran") })() }\n---\n## S\n\n+ **F:** text\n';
    expect(() => chunkChapter({ file: 'js.md', text: js })).toThrow(
      /front matter fenced as "js" is not allowed.* at js\.md:1$/,
    );
    const yamlFence = '---yaml\ntitle: Fenced\n---\n## S\n\n+ **F:** text\n';
    expect(chunkChapter({ file: 'y.md', text: yamlFence }).title).toBe('Fenced');
  });

  it('names an unclosed front matter fence and a weight that is not a number', () => {
    expect(() => chunkChapter({ file: 'open.md', text: '---\ntitle: x\n## S\n' })).toThrow(
      /front matter opened with "---" is never closed.* at open\.md:1$/,
    );
    expect(() => chunkChapter({ file: 'w.md', text: '---\ntitle: x\nweight: abc\n---\n## S\n' })).toThrow(
      /weight must be a number .*"abc" at w\.md:3$/,
    );
  });

  it('rejects an empty chapter and duplicate ids with their location', () => {
    expect(() => chunkChapter({ file: 'empty.md', text: '  \n' })).toThrow(ContentError);
    const duplicate = '## S\ntext\n\n+ **A:** one\n+ **A:** two\n';
    expect(() => chunkChapter({ file: 'dup.md', text: duplicate })).toThrow(
      /duplicate id "dup\/s\/a" .* at dup\.md:5$/,
    );
  });

  it('derives the title from the file name as a last resort', () => {
    expect(chunkChapter({ file: 'sub/content-delivery.md', text: 'Just prose.\n' })).toMatchObject({
      title: 'Content delivery',
      slug: 'sub/content-delivery',
    });
  });
});
