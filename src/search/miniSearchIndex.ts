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
  /** Questions students asked that this chunk answered (`asked.yml`). */
  asked: string;
}

/** The indexed fields in MiniSearch's field order, and how prominent a term is in each (postings). */
export const FIELD_PROMINENCE: Readonly<Record<IndexedField, number>> = {
  title: 3,
  aliases: 2,
  service: 2,
  headings: 1,
  text: 1,
  asked: 0,
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
export type TermData = Map<number, Map<number, number>>;

/**
 * MiniSearch's radix tree of terms, exactly as it holds it: each node maps an edge label to the node
 * below it, and the empty label to the data of the term ending there. Its order decides the order in
 * which typos and prefixes expand, so a saved index keeps it as it is.
 */
export type RadixNode = Map<string, RadixNode | TermData>;

/** MiniSearch's index as data: what `exportMiniSearch` gives and `importMiniSearch` takes. */
export interface MiniSearchData {
  documentCount: number;
  nextId: number;
  /** Chunk id by short id. */
  documentIds: ReadonlyMap<number, string>;
  /** Distinct terms per field, by short id. */
  fieldLength: ReadonlyMap<number, readonly number[]>;
  averageFieldLength: readonly number[];
  /** The terms: MiniSearch's own tree, or terms to insert in this order. */
  terms: { tree: RadixNode } | { inOrder: Iterable<[string, TermData]> };
}

/** What MiniSearch keeps privately and offers no public way to read or fill in bulk. */
interface MiniSearchInternals {
  _index: { set(term: string, data: TermData): unknown; _tree: RadixNode };
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
}

/** MiniSearch's tables, live: changing them changes the index (see `updateTables`). */
export interface LiveMiniSearch {
  documentIds: Map<number, string>;
  /** Short id by chunk id. */
  idToShortId: Map<string, number>;
  fieldLength: Map<number, number[]>;
  tree: RadixNode;
  nextId: number;
  /** Set the document count, the next short id and the average field lengths. */
  setCounts(counts: { documentCount: number; nextId: number; averageFieldLength: number[] }): void;
}

/** MiniSearch's own tables, to change in place. */
export function liveMiniSearch(miniSearch: MiniSearch<IndexedChunk>): LiveMiniSearch {
  const internals = miniSearch as unknown as MiniSearchInternals;
  return {
    documentIds: internals._documentIds,
    idToShortId: internals._idToShortId,
    fieldLength: internals._fieldLength,
    tree: internals._index._tree,
    nextId: internals._nextId,
    setCounts({ documentCount, nextId, averageFieldLength }) {
      internals._documentCount = documentCount;
      internals._nextId = nextId;
      internals._avgFieldLength = averageFieldLength;
    },
  };
}

/** The short id MiniSearch gave a chunk, or undefined when it does not hold it. */
export function shortIdOf(miniSearch: MiniSearch<IndexedChunk>, id: string): number | undefined {
  return (miniSearch as unknown as MiniSearchInternals)._idToShortId.get(id);
}

/** MiniSearch's index as data (what its `toJSON` serializes, without the detour through objects). */
export function exportMiniSearch(
  miniSearch: MiniSearch<IndexedChunk>,
): MiniSearchData & { terms: { tree: RadixNode } } {
  const internals = miniSearch as unknown as MiniSearchInternals;
  return {
    documentCount: internals._documentCount,
    nextId: internals._nextId,
    documentIds: internals._documentIds,
    fieldLength: internals._fieldLength,
    averageFieldLength: internals._avgFieldLength,
    terms: { tree: internals._index._tree },
  };
}

/**
 * A MiniSearch index from `exportMiniSearch`'s data. The data is taken over, not copied (its maps become
 * the index's own): pass maps nothing else changes.
 */
export function importMiniSearch(data: MiniSearchData): MiniSearch<IndexedChunk> {
  const miniSearch = MiniSearch.loadJS<IndexedChunk>(
    {
      documentCount: data.documentCount,
      nextId: data.nextId,
      documentIds: {},
      fieldIds: Object.fromEntries(INDEXED_FIELDS.map((field, i) => [field, i])),
      fieldLength: {},
      averageFieldLength: [...data.averageFieldLength],
      storedFields: {},
      dirtCount: 0,
      index: [],
      serializationVersion: 2,
    },
    MINISEARCH_OPTIONS,
  );
  const internals = miniSearch as unknown as MiniSearchInternals;
  internals._documentIds = data.documentIds as Map<number, string>;
  for (const [shortId, id] of data.documentIds) internals._idToShortId.set(id, shortId);
  internals._fieldLength = data.fieldLength as Map<number, number[]>;
  if ('tree' in data.terms) internals._index._tree = data.terms.tree;
  else for (const [term, termData] of data.terms.inOrder) internals._index.set(term, termData);
  return miniSearch;
}

/**
 * Accumulates MiniSearch's inverted index document by document, as `MiniSearch.add` would (same short
 * ids, field lengths and running average field lengths; terms in sorted order), but in hash maps: MiniSearch's own
 * `add` walks its radix tree for every word of every document, this walks it once per distinct term.
 */
export class MiniSearchBuilder {
  readonly #terms = new Map<string, TermData>();
  readonly #ids: string[] = [];
  readonly #fieldLength: number[][] = [];
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
      // Counted straight into the term's documents (this one is the last there): no map per field.
      let unique = 0;
      let isEmptySeen = false;
      for (const term of tokens) {
        if (term === '') {
          // An empty term counts in the field's length, as in MiniSearch, but is not indexed.
          if (!isEmptySeen) unique++;
          isEmptySeen = true;
          continue;
        }
        let data = this.#terms.get(term);
        if (data === undefined) this.#terms.set(term, (data = new Map()));
        let documents = data.get(fieldId);
        if (documents === undefined) data.set(fieldId, (documents = new Map()));
        const count = documents.get(shortId);
        if (count === undefined) unique++;
        documents.set(shortId, (count ?? 0) + 1);
      }
      lengths[fieldId] = unique;
      // MiniSearch's running average, in its own arithmetic, so scores match to the last bit.
      const average = this.#averageFieldLength[fieldId] || 0;
      this.#averageFieldLength[fieldId] = (average * shortId + unique) / (shortId + 1);
    });
    this.#fieldLength[shortId] = lengths;
    return shortId;
  }

  /** The MiniSearch index of every document added. */
  build(): MiniSearch<IndexedChunk> {
    const count = this.#ids.length;
    return importMiniSearch({
      documentCount: count,
      nextId: count,
      documentIds: new Map(this.#ids.map((id, shortId) => [shortId, id])),
      fieldLength: new Map(this.#fieldLength.map((lengths, shortId) => [shortId, lengths])),
      averageFieldLength: this.#averageFieldLength,
      // In sorted order, so the tree is the one its terms alone make, whatever order they were met in: an
      // index updated in place (`RadixEditor`) has the same tree, and typos expand in the same order.
      terms: { inOrder: [...this.#terms].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) },
    });
  }
}
