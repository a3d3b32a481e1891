import MiniSearch, { type Options } from 'minisearch';
import type { IndexedField } from './rankingOptions.js';

/** The searchable form of a chunk: one string per indexed field. */
export interface IndexedChunk {
  id: string;
  title: string;
  service: string;
  headings: string;
  text: string;
  aliases: string;
}

/** The indexed fields in MiniSearch's field order, and how prominent a term is in each (postings). */
export const FIELD_PROMINENCE: Readonly<Record<IndexedField, number>> = {
  title: 3,
  aliases: 2,
  service: 2,
  headings: 1,
  text: 1,
};

/** The indexed fields, in order: a field's position is its MiniSearch field id. */
export const INDEXED_FIELDS = Object.keys(FIELD_PROMINENCE) as IndexedField[];

/**
 * MiniSearch's options for the index. Documents are tokenized before they reach MiniSearch (terms joined
 * by spaces), and queries pass their own `tokenize`, so MiniSearch only splits on spaces.
 */
export const MINISEARCH_OPTIONS: Options<IndexedChunk> = {
  fields: INDEXED_FIELDS,
  storeFields: [],
  tokenize: (text) => (text === '' ? [] : text.split(' ')),
  processTerm: (term) => term,
};

/** A term's documents per field: field id → short document id → occurrences. */
type TermData = Map<number, Map<number, number>>;

/** What MiniSearch keeps privately and offers no public way to fill in bulk. */
interface MiniSearchInternals {
  _index: { set(term: string, data: TermData): unknown };
}

/**
 * Accumulates MiniSearch's inverted index document by document, as `MiniSearch.add` would (same short
 * ids, field lengths, running average field lengths and term order), but in hash maps: MiniSearch's own
 * `add` walks its radix tree for every word of every document, this walks it once per distinct term.
 */
export class MiniSearchBuilder {
  readonly #terms = new Map<string, TermData>();
  readonly #ids: string[] = [];
  readonly #fieldLength: Record<number, number[]> = {};
  readonly #averageFieldLength: number[] = [];

  /**
   * Add the next document: its id and the terms of each field, in `INDEXED_FIELDS` order.
   *
   * @returns The document's short id (its position).
   */
  add(id: string, fieldTerms: readonly (readonly string[])[]): number {
    const shortId = this.#ids.length;
    this.#ids.push(id);
    const lengths: number[] = [];
    fieldTerms.forEach((tokens, fieldId) => {
      const unique = new Set(tokens).size;
      lengths[fieldId] = unique;
      // MiniSearch's running average, in its own arithmetic, so scores match to the last bit.
      const average = this.#averageFieldLength[fieldId] || 0;
      this.#averageFieldLength[fieldId] = (average * shortId + unique) / (shortId + 1);
      for (const term of tokens) {
        if (term === '') continue;
        let data = this.#terms.get(term);
        if (data === undefined) this.#terms.set(term, (data = new Map()));
        let documents = data.get(fieldId);
        if (documents === undefined) data.set(fieldId, (documents = new Map()));
        documents.set(shortId, (documents.get(shortId) ?? 0) + 1);
      }
    });
    this.#fieldLength[shortId] = lengths;
    return shortId;
  }

  /** The MiniSearch index of every document added. */
  build(): MiniSearch<IndexedChunk> {
    const count = this.#ids.length;
    const miniSearch = MiniSearch.loadJS<IndexedChunk>(
      {
        documentCount: count,
        nextId: count,
        documentIds: { ...this.#ids },
        fieldIds: Object.fromEntries(INDEXED_FIELDS.map((field, i) => [field, i])),
        fieldLength: this.#fieldLength,
        averageFieldLength: this.#averageFieldLength,
        storedFields: {},
        dirtCount: 0,
        index: [],
        serializationVersion: 2,
      },
      MINISEARCH_OPTIONS,
    );
    const internals = miniSearch as unknown as MiniSearchInternals;
    for (const [term, data] of this.#terms) internals._index.set(term, data);
    return miniSearch;
  }
}
