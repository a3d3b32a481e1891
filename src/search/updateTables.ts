import type MiniSearch from 'minisearch';
import type { ChunkReading, KnowledgeIndex } from './buildIndex.js';
import {
  exportMiniSearch,
  FIELD_PROMINENCE,
  importMiniSearch,
  INDEXED_FIELDS,
  type IndexedChunk,
  type TermData,
} from './miniSearchIndex.js';
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

/** MiniSearch's index, the postings and the short ids after a change, the previous ones left as they were. */
export interface UpdatedTables {
  miniSearch: MiniSearch<IndexedChunk>;
  postings: Map<string, Postings>;
  shortIds: Map<string, number>;
}

/** A term's documents in one field, as new reading positions: position, short id, occurrences. */
type Entries = [position: number, shortId: number, count: number][];

/**
 * Update MiniSearch's index and the postings for a change of chunks, giving what a fresh build of the same
 * chunks gives wherever it counts for a search: the same document count, field lengths, average field
 * lengths (in MiniSearch's own running arithmetic, in reading order), documents per term in reading order
 * (so equal scores come out in the same order) and the same tree of terms (`RadixEditor`). Only short ids
 * differ: kept chunks keep theirs, added ones take new ones.
 */
export function updateTables(previous: KnowledgeIndex, change: ChunkChange): UpdatedTables {
  const data = exportMiniSearch(previous.miniSearch);
  const shortIds = new Map(previous.parts.shortIds);
  const documentIds = new Map(data.documentIds);
  const fieldLength = new Map(data.fieldLength);
  for (const { id } of change.removed) {
    const shortId = shortIds.get(id)!;
    shortIds.delete(id);
    documentIds.delete(shortId);
    fieldLength.delete(shortId);
  }
  let nextId = data.nextId;
  const addedTerms = new Map<string, Map<number, Entries>>();
  const addedPostings = new Map<string, [position: number, weight: number][]>();
  for (const { id, position, reading } of change.added) {
    const shortId = nextId++;
    shortIds.set(id, shortId);
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
      list.push([position, weight]);
    }
  }

  const positionOf = new Int32Array(nextId).fill(-1);
  const shortIdAt = new Int32Array(change.ids.length);
  change.ids.forEach((id, position) => {
    const shortId = shortIds.get(id)!;
    positionOf[shortId] = position;
    shortIdAt[position] = shortId;
  });
  const touched = new Set(addedTerms.keys());
  for (const { reading } of change.removed)
    for (const terms of reading.fieldTerms) for (const t of terms) touched.add(t);
  touched.delete('');
  const tree = new RadixEditor(data.terms.tree);
  for (const term of touched) {
    const merged = mergeTermData(tree.get(term), addedTerms.get(term), positionOf);
    if (merged.size === 0) tree.delete(term);
    else tree.set(term, merged);
  }

  return {
    miniSearch: importMiniSearch({
      documentCount: change.ids.length,
      nextId,
      documentIds,
      fieldLength,
      averageFieldLength: averageFieldLengths(shortIdAt, fieldLength),
      terms: { tree: tree.root },
    }),
    postings: updatePostings(previous.postings, change, addedPostings),
    shortIds,
  };
}

/** A term's documents after the change: the kept ones at their new positions, the added ones merged in. */
function mergeTermData(
  before: TermData | undefined,
  added: ReadonlyMap<number, Entries> | undefined,
  positionOf: Int32Array,
): TermData {
  const merged: TermData = new Map();
  const fieldIds = new Set([...(before?.keys() ?? []), ...(added?.keys() ?? [])]);
  for (const fieldId of fieldIds) {
    const documents = new Map<number, number>();
    const additions = added?.get(fieldId) ?? [];
    let next = 0;
    for (const [shortId, count] of before?.get(fieldId) ?? []) {
      const position = positionOf[shortId]!;
      if (position === -1) continue;
      while (next < additions.length && additions[next]![0] < position) {
        documents.set(additions[next]![1], additions[next]![2]);
        next++;
      }
      documents.set(shortId, count);
    }
    for (; next < additions.length; next++) documents.set(additions[next]![1], additions[next]![2]);
    if (documents.size > 0) merged.set(fieldId, documents);
  }
  return merged;
}

/** MiniSearch's running average of each field's length over the documents in reading order. */
function averageFieldLengths(
  shortIdAt: Int32Array,
  fieldLength: ReadonlyMap<number, readonly number[]>,
): number[] {
  const averages: number[] = [];
  for (let count = 0; count < shortIdAt.length; count++) {
    const lengths = fieldLength.get(shortIdAt[count]!)!;
    for (let fieldId = 0; fieldId < lengths.length; fieldId++) {
      const average = averages[fieldId] || 0;
      averages[fieldId] = (average * count + lengths[fieldId]!) / (count + 1);
    }
  }
  return averages;
}

/** Chunk positions moved to their new places (none removed). */
function movedChunks(chunks: Int32Array, moved: Int32Array): Int32Array {
  const result = new Int32Array(chunks.length);
  for (let i = 0; i < chunks.length; i++) result[i] = moved[chunks[i]!]!;
  return result;
}

/** The postings after the change: positions moved, removed chunks dropped, added ones merged in. */
function updatePostings(
  before: ReadonlyMap<string, Postings>,
  change: ChunkChange,
  added: ReadonlyMap<string, readonly [number, number][]>,
): Map<string, Postings> {
  const { moved } = change;
  const isMoved = moved.some((position, old) => position !== old);
  const removedTerms = new Set<string>();
  for (const { reading } of change.removed)
    for (const terms of reading.fieldTerms) for (const t of terms) removedTerms.add(t);
  const postings = new Map<string, Postings>();
  for (const [term, list] of before) {
    const additions = added.get(term) ?? [];
    if (additions.length === 0 && !removedTerms.has(term)) {
      postings.set(term, isMoved ? { chunks: movedChunks(list.chunks, moved), weights: list.weights } : list);
      continue;
    }
    const chunks = new Int32Array(list.chunks.length + additions.length);
    const weights = new Uint8Array(chunks.length);
    let size = 0;
    let next = 0;
    for (let i = 0; i < list.chunks.length; i++) {
      const position = moved[list.chunks[i]!]!;
      if (position === -1) continue;
      for (; next < additions.length && additions[next]![0] < position; next++, size++) {
        chunks[size] = additions[next]![0];
        weights[size] = additions[next]![1];
      }
      chunks[size] = position;
      weights[size++] = list.weights[i]!;
    }
    for (; next < additions.length; next++, size++) {
      chunks[size] = additions[next]![0];
      weights[size] = additions[next]![1];
    }
    if (size > 0)
      postings.set(term, { chunks: chunks.subarray(0, size), weights: weights.subarray(0, size) });
  }
  for (const [term, additions] of added) {
    if (before.has(term)) continue;
    postings.set(term, {
      chunks: Int32Array.from(additions.map(([position]) => position)),
      weights: Uint8Array.from(additions.map(([, weight]) => weight)),
    });
  }
  return postings;
}
