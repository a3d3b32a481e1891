import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { INDEXED_FIELDS, MINISEARCH_OPTIONS, MiniSearchBuilder } from '../../src/search/miniSearchIndex.js';
import { shippedIndex } from '../helpers.js';

describe('MiniSearchBuilder', () => {
  it('builds the index MiniSearch.add builds from the same terms, to the last bit', () => {
    const index = shippedIndex();
    const documents = [...index.chunks.values()].map((chunk) => ({
      id: chunk.id,
      title: index.tokenizer.sequence(chunk.feature ?? chunk.service ?? chunk.chapter).join(' '),
      aliases: '',
      service: index.tokenizer.sequence(chunk.service ?? '').join(' '),
      headings: index.tokenizer.sequence(chunk.headings.join(' ')).join(' '),
      text: index.tokenizer.sequence(chunk.text).join(' '),
      asked: '',
    }));
    const added = new MiniSearch(MINISEARCH_OPTIONS);
    added.addAll(documents);
    const builder = new MiniSearchBuilder();
    for (const document of documents) {
      builder.add(
        document.id,
        INDEXED_FIELDS.map((field) => MINISEARCH_OPTIONS.tokenize!(document[field], field)),
      );
    }
    // MiniSearch's tree holds terms in the order they were added; the builder's, sorted.
    const sortedTerms = (miniSearch: MiniSearch): unknown => {
      const json = JSON.parse(JSON.stringify(miniSearch)) as { index: [string, unknown][] };
      json.index.sort(([a], [b]) => (a < b ? -1 : 1));
      return json;
    };
    expect(sortedTerms(builder.build())).toEqual(sortedTerms(added));
  });
});
