import type { ChunkReading, KnowledgeIndex } from './buildIndex.js';
import { FIELD_PROMINENCE, INDEXED_FIELDS, liveMiniSearch, type TermData } from './miniSearchIndex.js';
import type { Postings } from './postings.js';
import { RadixEditor } from './radixTree.js';

/** How an index's chunks change: some removed, some added, the rest kept and perhaps moved. */
export interface ChunkChange {
  /** Chunk ids by their new reading position. */
  ids: readonly string[];
  /** The new reading position of each chunk by its old one; -1 for a removed chunk. */
  moved: Int32Array;
  /** Chunks removed, as the index read them. */
  removed: readonly { id: string; reading: ChunkReading }[];
  /** Chunks added, by ascending new position. */
  added: readonly { id: string; position: number; reading: ChunkReading }[];
}

/** The tables an update changes in place: MiniSearch's index, the postings and the document frequencies. */
export interface IndexTables {
  miniSearch: KnowledgeIndex['miniSearch'];
  postings: Map<string, Postings>;
  documentFrequency: Map<string, number>;
}

/** A term's documents in one field, as new reading positions: position, short id, occurrences. */
type Entries = [position: number, shortId: number, count: number][];

/**
 * Update MiniSearch's index, the postings and the document frequencies for a change of chunks, in place,
 * giving what a fresh build of the same chunks gives wherever it counts for a search: the same document
 * count, field lengths, average field lengths (in MiniSearch's own running arithmetic, in reading order),
 * postings in reading order and the same tree of terms (`RadixEditor`). Short ids differ: kept chunks keep
 * theirs and added ones take new ones, so only the terms of removed and added chunks are touched, however
 * far the others moved. A term's documents are no longer all in reading order (added ones come last),
 * which no score depends on: equal scores are put in reading order after the search.
 *
 * @param shortIdAt MiniSearch's short id of each chunk, by reading position before the change.
 * @returns The short ids by reading position after the change, and each short id's new position (-1 for none).
 */
export function updateTables(
  tables: IndexTables,
  change: ChunkChange,
  shortIdAt: Int32Array,
): { shortIdAt: Int32Array; positionOf: Int32Array } {
  const live = liveMiniSearch(tables.miniSearch);
  const { documentIds, idToShortId, fieldLength } = live;
  const nowAt = new Int32Array(change.ids.length);
  change.moved.forEach((position, old) => {
    if (position !== -1) nowAt[position] = shortIdAt[old]!;
  });
  const removedDocuments = new Map<string, Map<number, number[]>>();
  for (const { id, reading } of change.removed) {
    const shortId = idToShortId.get(id)!;
    idToShortId.delete(id);
    documentIds.delete(shortId);
    fieldLength.delete(shortId);
    reading.fieldTerms.forEach((terms, fieldId) => {
      for (const term of new Set(terms)) {
        let fields = removedDocuments.get(term);
        if (fields === undefined) removedDocuments.set(term, (fields = new Map()));
        let shortIds = fields.get(fieldId);
        if (shortIds === undefined) fields.set(fieldId, (shortIds = []));
        shortIds.push(shortId);
      }
    });
  }
  let nextId = live.nextId;
  const addedTerms = new Map<string, Map<number, Entries>>();
  const addedPostings = new Map<string, [position: number, shortId: number, weight: number][]>();
  for (const { id, position, reading } of change.added) {
    const shortId = nextId++;
    nowAt[position] = shortId;
    idToShortId.set(id, shortId);
    documentIds.set(shortId, id);
    const lengths: number[] = [];
    const weights = new Map<string, number>();
    reading.fieldTerms.forEach((terms, fieldId) => {
      const counts = new Map<string, number>();
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      lengths[fieldId] = counts.size;
      const prominence = FIELD_PROMINENCE[INDEXED_FIELDS[fieldId]!];
      for (const [term, count] of counts) {
        if (term === '') continue;
        let fields = addedTerms.get(term);
        if (fields === undefined) addedTerms.set(term, (fields = new Map()));
        let entries = fields.get(fieldId);
        if (entries === undefined) fields.set(fieldId, (entries = []));
        entries.push([position, shortId, count]);
        // Learned questions are searched, never counted (as in `buildIndex`).
        if (prominence > 0 && prominence > (weights.get(term) ?? 0)) weights.set(term, prominence);
      }
    });
    fieldLength.set(shortId, lengths);
    for (const [term, weight] of weights) {
      let list = addedPostings.get(term);
      if (list === undefined) addedPostings.set(term, (list = []));
      list.push([position, shortId, weight]);
    }
  }

  const positionOf = new Int32Array(nextId).fill(-1);
  nowAt.forEach((shortId, position) => (positionOf[shortId] = position));
  const touched = new Set([...addedTerms.keys(), ...removedDocuments.keys()]);
  touched.delete('');
  const tree = new RadixEditor(live.tree);
  for (const term of touched) {
    const data = changeTermData(tree.get(term), removedDocuments.get(term), addedTerms.get(term));
    if (data.size === 0) tree.delete(term);
    else if (!tree.get(term)) tree.set(term, data);
    updatePostings(tables, term, addedPostings.get(term) ?? [], positionOf);
  }
  live.setCounts({
    documentCount: change.ids.length,
    nextId,
    averageFieldLength: averageFieldLengths(nowAt, fieldLength),
  });
  return { shortIdAt: nowAt, positionOf };
}

/** A term's documents after the change, changed in place: removed ones dropped, added ones last. */
function changeTermData(
  before: TermData | undefined,
  removed: ReadonlyMap<number, readonly number[]> | undefined,
  added: ReadonlyMap<number, Entries> | undefined,
): TermData {
  const data: TermData = before ?? new Map();
  for (const [fieldId, shortIds] of removed ?? []) {
    const documents = data.get(fieldId);
    if (documents === undefined) continue;
    for (const shortId of shortIds) documents.delete(shortId);
    if (documents.size === 0) data.delete(fieldId);
  }
  for (const [fieldId, entries] of added ?? []) {
    let documents = data.get(fieldId);
    if (documents === undefined) data.set(fieldId, (documents = new Map()));
    for (const [, shortId, count] of entries) documents.set(shortId, count);
  }
  return data;
}

/** MiniSearch's running average of each field's length over the documents in reading order. */
function averageFieldLengths(
  shortIdAt: Int32Array,
  fieldLength: ReadonlyMap<number, readonly number[]>,
): number[] {
  const averages = new Float64Array(INDEXED_FIELDS.length);
  for (let count = 0; count < shortIdAt.length; count++) {
    const lengths = fieldLength.get(shortIdAt[count]!)!;
    for (let fieldId = 0; fieldId < lengths.length; fieldId++) {
      averages[fieldId] = (averages[fieldId]! * count + lengths[fieldId]!) / (count + 1);
    }
  }
  return shortIdAt.length === 0 ? [] : Array.from(averages);
}

/** A term's postings (and document frequency) after the change: removed chunks dropped, added ones merged in. */
function updatePostings(
  tables: IndexTables,
  term: string,
  additions: readonly [position: number, shortId: number, weight: number][],
  positionOf: Int32Array,
): void {
  const list = tables.postings.get(term) ?? { shortIds: new Int32Array(0), weights: new Uint8Array(0) };
  const shortIds = new Int32Array(list.shortIds.length + additions.length);
  const weights = new Uint8Array(shortIds.length);
  let size = 0;
  let next = 0;
  for (let i = 0; i < list.shortIds.length; i++) {
    const position = positionOf[list.shortIds[i]!]!;
    if (position === -1) continue;
    for (; next < additions.length && additions[next]![0] < position; next++, size++) {
      shortIds[size] = additions[next]![1];
      weights[size] = additions[next]![2];
    }
    shortIds[size] = list.shortIds[i]!;
    weights[size++] = list.weights[i]!;
  }
  for (; next < additions.length; next++, size++) {
    shortIds[size] = additions[next]![1];
    weights[size] = additions[next]![2];
  }
  if (size === 0) {
    tables.postings.delete(term);
    tables.documentFrequency.delete(term);
    return;
  }
  tables.postings.set(term, { shortIds: shortIds.subarray(0, size), weights: weights.subarray(0, size) });
  tables.documentFrequency.set(term, size);
}
