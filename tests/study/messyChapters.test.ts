import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/content/contentError.js';
import type { KnowledgeIndex } from '../../src/search/buildIndex.js';
import { indexContent } from '../../src/search/indexContent.js';
import { generateCards } from '../../src/study/generateCards.js';
import { readingStep } from '../../src/study/readingOrder.js';

const word = fc.constantFrom(
  'Acme',
  'acme',
  'VPC',
  'VPCs',
  "Acme's",
  'the',
  'and',
  'of',
  'Zürich',
  'naïve',
  '½',
  'e.g.',
  'U.S.',
  '10',
  '1.5',
  '99.9%',
  '10,000',
  'Gbps',
  'ms',
  'GB',
  'x86',
  'EC2',
  'S3',
  '(ACL)',
  'Route',
  '53',
  '—',
  'on-premises',
  'Latency-based',
  'CloudX',
  'cloud',
  'routing',
  'Routing',
  '"quoted"',
  'ends.',
  'why?',
  'café',
  '🚀',
  'a/b',
  '',
  ' ',
  '___',
  '**',
  ':',
);
const sentence = fc.array(word, { minLength: 0, maxLength: 25 }).map((words) => words.join(' '));
const block = fc.oneof(
  sentence.map((text) => `## ${text}`),
  sentence.map((text) => `### ${text}`),
  fc.tuple(sentence, sentence).map(([title, text]) => `+ **${title}:** ${text}`),
  fc.tuple(sentence, sentence).map(([title, text]) => `- **${title}**: ${text}`),
  sentence.map((text) => `**${text}:**`),
  sentence,
  fc.constant(''),
);
const chapter = fc.array(block, { minLength: 1, maxLength: 40 }).map((blocks) => blocks.join('\n\n'));

function indexOf(text: string): KnowledgeIndex | null {
  try {
    return indexContent({ chapters: [{ file: 'messy.md', text }], glossaries: [] });
  } catch (error) {
    if (error instanceof ContentError) return null;
    throw error;
  }
}

describe('generateCards and readingStep on messy markdown', () => {
  it('never throw, and every card they make has a valid answer among distinct options', () => {
    fc.assert(
      fc.property(chapter, (text) => {
        const index = indexOf(text);
        if (index === null) return;
        for (const card of generateCards(index)) {
          expect(card.options[card.answer]).toBeDefined();
          expect(new Set(card.options).size).toBe(card.options.length);
          expect(card.options.length).toBeGreaterThanOrEqual(3);
        }
        for (const id of index.ids) expect(readingStep(index, id)).not.toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});
