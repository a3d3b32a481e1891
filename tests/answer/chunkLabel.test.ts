import { describe, expect, it } from 'vitest';
import { chunkLabel } from '../../src/answer/answer.js';
import { indexContent } from '../../src/search/indexContent.js';
import { fixtureChapter, shippedIndex } from '../helpers.js';

const introductionOf = (chapter: { file: string; text: string }): string => {
  const index = indexContent({ chapters: [chapter], glossaries: [] });
  return chunkLabel([...index.chunks.values()].find((chunk) => chunk.kind === 'introduction')!);
};

describe('chunkLabel of a chapter introduction', () => {
  it('reads naturally when the heading repeats the title ("Introduction Networking Service")', () => {
    expect(chunkLabel(shippedIndex().chunks.get('networking-service')!)).toBe(
      'Introduction to Networking Service',
    );
  });

  it('names the chapter when the heading is a bare "Introduction"', () => {
    expect(introductionOf(fixtureChapter('h2-introduction.md'))).toBe('Introduction to Storage Service');
  });

  it('does not say "Introduction to" twice', () => {
    const chapter = {
      file: 'intro.md',
      text: '# Introduction to the Cloud\n\nWhy it matters.\n\n## Compute\n\n+ **Servers:** Run code.\n',
    };
    expect(introductionOf(chapter)).toBe('Introduction to the Cloud');
  });
});
