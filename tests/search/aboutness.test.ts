import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/content/chapter.js';
import { profileChunk } from '../../src/search/aboutness.js';
import { createTokenizer } from '../../src/search/tokenizer.js';

const chunk: Chunk = {
  id: 'port/harbor/cranes',
  kind: 'feature',
  chapter: 'Port',
  service: 'Harbor',
  feature: 'Cranes',
  headings: ['Port', 'Harbor', 'Cranes'],
  text:
    'Cranes lift containers off ships. Operators steer them from cabins, and cabins are heated. ' +
    'They move goods such as timber, grain and steel. Gantries, trolleys and other rigging keep them running. ' +
    'Crews order spare parts from the Vendor Catalog.',
  anchor: 'cranes',
  source: { file: 'port.md', line: 3 },
};

describe('profileChunk', () => {
  const about = profileChunk(chunk, createTokenizer([]), new Set(['catalog'])).aboutness;

  it.each([
    ['crane', 'heading'],
    ['contain', 'lead'],
    ['cabin', 'repeated'],
    ['oper', 'mention'],
    ['timber', 'passing'],
    ['gantri', 'passing'],
    ['catalog', 'passing'],
  ])('%s is %s', (term, strength) => {
    expect(about.get(term)).toBe(strength);
  });

  it('takes only the short items before "and other" as the list, not the clause that leads into it', () => {
    const text =
      'Cranes lift containers. By working at night, cranes shorten delays and raise the output of ships, barges, trains, and other carriers.';
    const profile = profileChunk({ ...chunk, text }, createTokenizer([]), new Set()).aboutness;
    expect(profile.get('delai')).toBe('mention');
    expect(profile.get('barg')).toBe('passing');
  });

  it("does not count the service heading's words as headings of every feature", () => {
    expect(about.has('harbor')).toBe(false);
  });
});
