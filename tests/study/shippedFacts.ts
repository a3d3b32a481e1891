import { parseGlossary } from '../../src/content/parseGlossary.js';
import type { KnowledgeIndex } from '../../src/search/buildIndex.js';
import { stem } from '../../src/search/tokenizer.js';
import { contentFile } from '../helpers.js';
import type { ServiceFacts } from './cardInvariants.js';

/** Every name of each shipped service, written out by hand from the chapter and glossary. */
export const SERVICE_NAMES: Record<string, string[]> = {
  'Amazon Virtual Private Cloud (VPC)': [
    'Amazon Virtual Private Cloud',
    'Virtual Private Cloud',
    'VPC',
    'Amazon VPC',
  ],
  'Amazon Route 53': ['Amazon Route 53', 'Route 53', 'R53', 'Route53'],
  'AWS Direct Connect': ['AWS Direct Connect', 'Direct Connect', 'DX'],
  'Amazon CloudFront': ['Amazon CloudFront', 'CloudFront', 'CDN'],
};

/** Title words of each feature, with the glossary's synonyms of any glossary term in the title. */
export function shippedFacts(index: KnowledgeIndex): ServiceFacts[] {
  const glossary = parseGlossary(contentFile('glossary.yml').text, 'glossary.yml');
  const stems = (text: string): string[] =>
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .map(stem);
  return Object.entries(SERVICE_NAMES).map(([heading, names]) => {
    const titleWords = new Map<string, string[]>();
    for (const chunk of index.chunks.values()) {
      if (chunk.service !== heading || chunk.feature === null) continue;
      const title = stems(chunk.feature);
      const synonyms = glossary
        .filter((entry) => stems(entry.term).every((word) => title.includes(word)))
        .flatMap((entry) => entry.aliases);
      titleWords.set(chunk.feature, [...chunk.feature.split(/[\s-]+/), ...synonyms]);
    }
    return { heading, names, titleWords };
  });
}
