import { describe, expect, it } from 'vitest';
import { indexContent } from '../../src/search/indexContent.js';
import { PostingsBuilder, topCandidates } from '../../src/search/postings.js';
import { queryIndex } from '../../src/search/queryIndex.js';
import { defaultRankingOptions } from '../../src/search/rankingOptions.js';

const SERVICES = 20;
const FEATURES = 10;
const RARE = ['obsidian', 'tamarind', 'quillwort'];

/** A synthetic chapter of 200 features: every one says "harbor", a few say a rare word. */
function syntheticIndex() {
  const lines: string[] = [];
  for (let s = 0; s < SERVICES; s++) {
    lines.push(`## Service ${s}`, '', `Service ${s} moves cargo through the harbor.`, '');
    for (let f = 0; f < FEATURES; f++) {
      const n = s * FEATURES + f;
      const rare = n % 67 === 5 ? ` It also stores ${RARE[(n / 67) | 0]} crates.` : '';
      lines.push(`+ **Feature ${n}:** Cranes unload the harbor quay number ${n} at dawn.${rare}`);
    }
    lines.push('');
  }
  return indexContent({ chapters: [{ file: 'port.md', text: lines.join('\n') }], glossaries: [] });
}

const index = syntheticIndex();
const ids = (results: { id: unknown }[]) => results.map((result) => String(result.id));

describe('queryIndex on a large index', () => {
  it('finds the same best chunk whether or not the candidate pass runs first', () => {
    const terms = ['harbor', 'obsidian', 'crate'];
    const full = queryIndex(index, terms, new Map(), new Map(), defaultRankingOptions);
    const pruned = queryIndex(index, terms, new Map(), new Map(), {
      ...defaultRankingOptions,
      pruneAbovePostings: 10,
    });
    expect(ids(pruned.results)[0]).toBe(ids(full.results)[0]);
    expect(ids(pruned.results)[0]).toMatch(/feature-5$/);
  });

  it('scores only the candidates the cheap pass picked', () => {
    const pruned = queryIndex(index, ['harbor', 'cargo', 'crane'], new Map(), new Map(), {
      ...defaultRankingOptions,
      pruneAbovePostings: 10,
      candidatesMax: 7,
    });
    expect(pruned.results.length).toBeLessThanOrEqual(7);
  });

  it('takes a term in most chunks as held instead of scoring it', () => {
    const pruned = queryIndex(index, ['harbor', 'tamarind'], new Map(), new Map(), {
      ...defaultRankingOptions,
      pruneAbovePostings: 10,
    });
    expect(pruned.ubiquitous).toEqual(['harbor']);
    expect(ids(pruned.results)[0]).toMatch(/feature-72$/);
  });

  it('lets a boosted chunk into the candidates', () => {
    const boosted = index.ids.find((id) => id.endsWith('feature-150'))!;
    const pruned = queryIndex(index, ['harbor', 'dawn'], new Map([[boosted, 1000]]), new Map(), {
      ...defaultRankingOptions,
      pruneAbovePostings: 10,
      candidatesMax: 3,
    });
    expect(ids(pruned.results)).toContain(boosted);
  });
});

describe('queryIndex on a fresh index', () => {
  it("leaves MiniSearch's own search as it was", () => {
    const fresh = syntheticIndex();
    const before = fresh.miniSearch.search('harbor obsidian', { fuzzy: 0.2 });
    queryIndex(fresh, ['harbor', 'obsidian'], new Map(), new Map(), defaultRankingOptions);
    expect(fresh.miniSearch.search('harbor obsidian', { fuzzy: 0.2 })).toEqual(before);
  });
});

describe('topCandidates', () => {
  const builder = new PostingsBuilder();
  // Chunk 0 holds "a" in its title (3); chunks 1–3 hold "a" in text (1); chunk 2 also holds rare "b".
  builder.note('a', 3);
  builder.endChunk(0);
  for (const position of [1, 2, 3]) {
    builder.note('a', 1);
    if (position === 2) builder.note('b', 1);
    builder.endChunk(position);
  }
  const postings = builder.build();

  it('returns every touched chunk when there are no more than asked for', () => {
    expect(topCandidates(postings, ['a'], { chunks: 4, shortIdLimit: 4 }, new Map(), 10).sort()).toEqual([
      0, 1, 2, 3,
    ]);
  });

  it('keeps the chunks with the highest rarity-times-prominence scores', () => {
    expect(topCandidates(postings, ['a', 'b'], { chunks: 4, shortIdLimit: 4 }, new Map(), 2).sort()).toEqual([
      0, 2,
    ]);
  });

  it('multiplies the quick score by a chunk boost', () => {
    expect(
      topCandidates(postings, ['a', 'b'], { chunks: 4, shortIdLimit: 4 }, new Map([[3, 100]]), 1),
    ).toEqual([3]);
  });
});
