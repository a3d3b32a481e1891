import type { Chapter, Chunk } from '../content/chapter.js';
import type { GlossaryEntry } from '../content/parseGlossary.js';
import { assembleIndex, chunksOf, type ChapterParts, type KnowledgeIndex } from './buildIndex.js';
import {
  exportMiniSearch,
  importMiniSearch,
  INDEXED_FIELDS,
  type RadixNode,
  type TermData,
} from './miniSearchIndex.js';
import { PackedTermData } from './packedTermData.js';
import type { Postings } from './postings.js';
import type { Service, ServiceName } from './services.js';
import { createTokenizer, type Phrase } from './tokenizer.js';
import { Vocabulary, type VocabularyState } from './vocabulary.js';

/** First bytes of a snapshot; the digit is the format's version. */
const MAGIC = 'SGA-INDEX-2\n';

/** A snapshot that cannot be read: truncated, corrupt, or of another format. */
export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

type TreeJson = (string | TreeJson)[];

/** A service with its chunks as their places in its chapter (numbers parse faster than ids). */
type ServiceJson = Omit<Service, 'chunkIds' | 'intentTerms' | 'nameStems'> & {
  chunkPlaces: number[];
  intentTerms: string[];
  nameStems: string[];
};

/**
 * A chunk as a row, without what its chapter says for it: id, kind, service, feature, the heading trail (0
 * when it is the chapter title, service and feature), text, anchor, line, then the chapter title and file
 * only where they differ from the chapter's. Rows parse in about half the time of objects with keys.
 */
type ChunkRow = [
  id: string,
  kind: Chunk['kind'],
  service: string | null,
  feature: string | null,
  headings: string[] | 0,
  text: string,
  anchor: string,
  line: number,
  chapter?: string | null,
  file?: string,
];

type ChapterJson = Omit<Chapter, 'chunks'> & { chunks: ChunkRow[] };

/** What a snapshot holds besides its numbers: plain data. */
interface SnapshotHeader {
  chapters: ChapterJson[];
  glossary: readonly GlossaryEntry[];
  leadingWords: string[];
  serviceNames: [string, ServiceName][];
  byChapter: [
    string,
    {
      names: [string, ServiceName][];
      capitalised: readonly string[];
      mentions: [string, number][];
      services: ServiceJson[];
    },
  ][];
  phrases: readonly Phrase[];
  vocabulary: VocabularyState;
  documentCount: number;
  nextId: number;
  averageFieldLength: readonly number[];
  /**
   * MiniSearch's radix tree: each node a list of edge labels, each followed by the node below it or, for
   * the empty label, by nothing (the term's documents are in the numbers, in the tree's order).
   */
  tree: TreeJson;
  postingTerms: string[];
  /** Learned questions by chunk id (`asked.yml`). */
  asked: [string, readonly string[]][];
  foreignTerms: string[];
  /** Integers after the header. */
  integers: number;
}

/**
 * The whole index as bytes, to save it or hand it to another thread: a JSON header (chapters, services,
 * phrases, vocabulary) and the numbers (MiniSearch's postings and field lengths, the candidate postings)
 * as 32-bit integers. `readSnapshot` gives back an index that answers exactly as this one.
 */
export function writeSnapshot(index: KnowledgeIndex): Uint8Array {
  const miniSearch = exportMiniSearch(index.miniSearch);
  const numbers = new IntWriter();
  const { parts } = index;
  // Field lengths by chunk, in reading order, each after its short id.
  for (const shortId of parts.shortIdAt) {
    numbers.push(shortId);
    for (const length of fieldLengths(miniSearch.fieldLength.get(shortId))) numbers.push(length);
  }
  const writeTree = (node: RadixNode): TreeJson => {
    const entries: TreeJson = [];
    for (const [label, child] of node) {
      entries.push(label);
      if (label !== '') {
        entries.push(writeTree(child as RadixNode));
        continue;
      }
      const packed = child instanceof PackedTermData ? child.packed() : null;
      if (packed !== null) {
        numbers.pushAll(packed);
        continue;
      }
      const data = child as TermData;
      numbers.push(data.size);
      for (const [fieldId, documents] of data) {
        numbers.push(fieldId);
        numbers.push(documents.size);
        for (const [shortId, count] of documents) {
          numbers.push(shortId);
          numbers.push(count);
        }
      }
    }
    return entries;
  };
  const tree = writeTree(miniSearch.terms.tree);
  const postingTerms: string[] = [];
  for (const [term, list] of index.postings) {
    postingTerms.push(term);
    numbers.push(list.shortIds.length);
    for (let i = 0; i < list.shortIds.length; i++) numbers.push(list.shortIds[i]! * 4 + list.weights[i]!);
  }
  const chapterOf = new Map(index.chapters.map((chapter) => [chapter.file, chapter]));
  const header: SnapshotHeader = {
    chapters: index.chapters.map(packChapter),
    glossary: parts.glossary,
    leadingWords: [...parts.leadingWords],
    serviceNames: [...parts.serviceNames],
    byChapter: [...parts.byChapter].map(([file, chapter]) => {
      const placeOf = new Map(chapterOf.get(file)!.chunks.map((chunk, place) => [chunk.id, place]));
      return [
        file,
        {
          names: [...chapter.names],
          capitalised: chapter.capitalised,
          mentions: [...chapter.mentions],
          services: chapter.services.map(({ chunkIds, intentTerms, nameStems, ...service }) => ({
            ...service,
            chunkPlaces: chunkIds.map((id) => placeOf.get(id)!),
            intentTerms: [...intentTerms],
            nameStems: [...nameStems],
          })),
        },
      ];
    }),
    phrases: index.tokenizer.phrases,
    vocabulary: index.tokenizer.vocabulary.toJSON(),
    documentCount: miniSearch.documentCount,
    nextId: miniSearch.nextId,
    averageFieldLength: miniSearch.averageFieldLength,
    tree,
    postingTerms,
    asked: [...parts.asked],
    foreignTerms: [...index.foreignTerms],
    integers: numbers.length,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const magic = new TextEncoder().encode(MAGIC);
  // The numbers start on a multiple of 4 bytes, so they can be read in place.
  const start = Math.ceil((magic.length + 4 + json.length) / 4) * 4;
  const bytes = new Uint8Array(start + numbers.length * 4);
  bytes.set(magic, 0);
  new DataView(bytes.buffer).setUint32(magic.length, json.length, true);
  bytes.set(json, magic.length + 4);
  bytes.set(new Uint8Array(numbers.view().buffer, 0, numbers.length * 4), start);
  return bytes;
}

/**
 * The index a snapshot holds.
 *
 * @throws SnapshotError when the bytes are not a whole snapshot of this format.
 */
export function readSnapshot(bytes: Uint8Array): KnowledgeIndex {
  const magic = new TextEncoder().encode(MAGIC);
  if (bytes.length < magic.length + 4 || !magic.every((byte, i) => bytes[i] === byte)) {
    throw new SnapshotError('not an index snapshot of this version');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLength = view.getUint32(magic.length, true);
  const start = Math.ceil((magic.length + 4 + jsonLength) / 4) * 4;
  if (start > bytes.length) throw new SnapshotError('snapshot is truncated');
  let header: SnapshotHeader;
  try {
    header = JSON.parse(
      new TextDecoder().decode(bytes.subarray(magic.length + 4, magic.length + 4 + jsonLength)),
    );
  } catch (error) {
    throw new SnapshotError(`snapshot header is corrupt (${(error as Error).message})`);
  }
  if (bytes.length !== start + header.integers * 4) throw new SnapshotError('snapshot is truncated');
  const aligned = (bytes.byteOffset + start) % 4 === 0;
  const numbers = aligned
    ? new Int32Array(bytes.buffer, bytes.byteOffset + start, header.integers)
    : // A copy: a Buffer's `slice` is a view sharing the whole (unaligned) memory.
      new Int32Array(new Uint8Array(bytes.subarray(start)).buffer);
  const reader = new IntReader(numbers);

  const chapters = header.chapters.map(unpackChapter);
  const chunks = chunksOf(chapters);
  const documentIds = new Map<number, string>();
  const fieldLength = new Map<number, number[]>();
  const shortIdAt = new Int32Array(chunks.size);
  let position = 0;
  for (const id of chunks.keys()) {
    const shortId = reader.next();
    shortIdAt[position++] = shortId;
    documentIds.set(shortId, id);
    fieldLength.set(
      shortId,
      INDEXED_FIELDS.map(() => reader.next()),
    );
  }
  const readTree = (entries: TreeJson): RadixNode => {
    const node: RadixNode = new Map();
    for (let i = 0; i < entries.length; i++) {
      const label = entries[i];
      if (typeof label !== 'string') throw new SnapshotError('snapshot tree is corrupt');
      if (label !== '') {
        const below = entries[++i];
        if (!Array.isArray(below)) throw new SnapshotError('snapshot tree is corrupt');
        node.set(label, readTree(below));
        continue;
      }
      // Made into maps when a question first uses the term.
      node.set('', reader.skipTerm());
    }
    return node;
  };
  const tree = readTree(header.tree);
  const postings = new Map<string, Postings>(
    header.postingTerms.map((term) => {
      const packed = reader.take(reader.next());
      const list: Postings = {
        shortIds: new Int32Array(packed.length),
        weights: new Uint8Array(packed.length),
      };
      for (let i = 0; i < packed.length; i++) {
        list.shortIds[i] = packed[i]! >> 2;
        list.weights[i] = packed[i]! & 3;
      }
      return [term, list];
    }),
  );
  if (!reader.isDone()) throw new SnapshotError('snapshot numbers do not add up');
  const chapterOf = new Map(chapters.map((chapter) => [chapter.file, chapter]));
  const byChapter = new Map<string, ChapterParts>(
    header.byChapter.map(([file, chapter]) => {
      const chunksOfChapter = chapterOf.get(file)?.chunks ?? [];
      return [
        file,
        {
          names: new Map(chapter.names),
          capitalised: chapter.capitalised,
          mentions: new Map(chapter.mentions),
          services: chapter.services.map(({ chunkPlaces, intentTerms, nameStems, ...service }) => ({
            chapter: service.chapter,
            title: service.title,
            overviewId: service.overviewId,
            chunkIds: chunkPlaces.map((place) => {
              const chunk = chunksOfChapter[place];
              if (chunk === undefined) throw new SnapshotError('snapshot services are corrupt');
              return chunk.id;
            }),
            intentTerms: new Set(intentTerms),
            nameStems: new Set(nameStems),
          })),
        },
      ];
    }),
  );
  return assembleIndex({
    chapters,
    chunks,
    tokenizer: createTokenizer(header.phrases, Vocabulary.fromJSON(header.vocabulary)),
    miniSearch: importMiniSearch({
      documentCount: header.documentCount,
      nextId: header.nextId,
      documentIds,
      fieldLength,
      averageFieldLength: header.averageFieldLength,
      terms: { tree },
    }),
    postings,
    parts: {
      glossary: header.glossary,
      leadingWords: new Set(header.leadingWords),
      serviceNames: new Map(header.serviceNames),
      byChapter,
      asked: new Map(header.asked),
      shortIdAt,
    },
    carried: { foreignTerms: new Set(header.foreignTerms) },
  });
}

/** A chapter with its chunks as rows (`ChunkRow`). */
function packChapter(chapter: Chapter): ChapterJson {
  const { chunks, ...rest } = chapter;
  return {
    ...rest,
    chunks: chunks.map((chunk): ChunkRow => {
      const row: ChunkRow = [
        chunk.id,
        chunk.kind,
        chunk.service,
        chunk.feature,
        isSame(chunk.headings, trailOf(chunk.chapter, chunk.service, chunk.feature)) ? 0 : chunk.headings,
        chunk.text,
        chunk.anchor,
        chunk.source.line,
      ];
      if (chunk.chapter !== chapter.title || chunk.source.file !== chapter.file) {
        row.push(chunk.chapter === chapter.title ? null : chunk.chapter, chunk.source.file);
      }
      return row;
    }),
  };
}

/** The chapter `packChapter` packed, as `chunkChapter` makes it (the same keys in the same order). */
function unpackChapter(json: ChapterJson): Chapter {
  return {
    file: json.file,
    slug: json.slug,
    title: json.title,
    number: json.number,
    weight: json.weight,
    chunks: json.chunks.map(
      ([id, kind, service, feature, headings, text, anchor, line, chapter, file]): Chunk => {
        const title = chapter ?? json.title;
        return {
          id,
          kind,
          chapter: title,
          service,
          feature,
          headings: headings === 0 ? trailOf(title, service, feature) : headings,
          text,
          anchor,
          source: { file: file ?? json.file, line },
        };
      },
    ),
    glossary: json.glossary,
  };
}

/** The heading trail most chunks have: the chapter title, then the service and feature they have. */
function trailOf(chapter: string, service: string | null, feature: string | null): string[] {
  const trail = [chapter];
  if (service !== null) trail.push(service);
  if (feature !== null) trail.push(feature);
  return trail;
}

function isSame(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** A document's field lengths, one per field (MiniSearch leaves none for a field never indexed). */
function fieldLengths(lengths: readonly number[] | undefined): number[] {
  return INDEXED_FIELDS.map((_, field) => lengths?.[field] ?? 0);
}

/** A growing list of 32-bit integers. */
class IntWriter {
  #values = new Int32Array(1 << 16);
  length = 0;

  push(value: number): void {
    if (this.length === this.#values.length) this.#reserve(1);
    this.#values[this.length++] = value;
  }

  pushAll(values: Int32Array): void {
    this.#reserve(values.length);
    this.#values.set(values, this.length);
    this.length += values.length;
  }

  /** Room for `count` more. */
  #reserve(count: number): void {
    let size = this.#values.length;
    while (size < this.length + count) size *= 2;
    if (size === this.#values.length) return;
    const grown = new Int32Array(size);
    grown.set(this.#values);
    this.#values = grown;
  }

  view(): Int32Array {
    return this.#values;
  }
}

/** Reads integers in order, refusing to read past the end. */
class IntReader {
  readonly #values: Int32Array;
  #at = 0;

  constructor(values: Int32Array) {
    this.#values = values;
  }

  next(): number {
    if (this.#at >= this.#values.length) throw new SnapshotError('snapshot numbers end early');
    return this.#values[this.#at++]!;
  }

  /** The next `count` integers. */
  take(count: number): Int32Array {
    if (count < 0 || this.#at + count > this.#values.length) {
      throw new SnapshotError('snapshot numbers end early');
    }
    this.#at += count;
    return this.#values.subarray(this.#at - count, this.#at);
  }

  /** The term data packed next, left packed (`PackedTermData`), and read past. */
  skipTerm(): PackedTermData {
    const end = PackedTermData.end(this.#values, this.#at);
    if (end === -1) throw new SnapshotError('snapshot numbers end early');
    const data = new PackedTermData(this.#values, this.#at);
    this.#at = end;
    return data;
  }

  isDone(): boolean {
    return this.#at === this.#values.length;
  }
}
