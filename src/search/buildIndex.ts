import type MiniSearch from 'minisearch';
import type { Chapter, Chunk } from '../content/chapter.js';
import { ContentError } from '../content/contentError.js';
import type { AskedEntry } from '../content/parseAsked.js';
import type { GlossaryEntry } from '../content/parseGlossary.js';
import { FIELD_PROMINENCE, INDEXED_FIELDS, MiniSearchBuilder, type IndexedChunk } from './miniSearchIndex.js';
import { PostingsBuilder, type Postings } from './postings.js';
import { STOPWORDS } from './stopwords.js';
import {
  capitalisedNames,
  collectForeignTerms,
  collectPhrases,
  collectServices,
  leadingWords,
  mergeServiceNames,
  nameChapterServices,
  vendorMentions,
  vendorWordsOf,
  type Service,
  type ServiceName,
} from './services.js';
import { createTokenizer, phraseTerm, type Tokenizer } from './tokenizer.js';
import type { Vocabulary } from './vocabulary.js';

export type { IndexedChunk };

/** Everything a question needs: the chunks, their services, the tokenizer and the MiniSearch index. */
export interface KnowledgeIndex {
  chapters: readonly Chapter[];
  /** Every chunk by id, in reading order (chapters by weight, then title). */
  chunks: ReadonlyMap<string, Chunk>;
  /**
   * A number per chunk that sorts the chunks in reading order, to break score ties: its chapter's rank,
   * then its place in the chapter (`numberChunks`), so an update renumbers only the chapters it changed.
   */
  order: ReadonlyMap<string, number>;
  services: readonly Service[];
  serviceOf: ReadonlyMap<string, Service>;
  /** Services by each term that names them. */
  servicesByIntent: ReadonlyMap<string, readonly Service[]>;
  tokenizer: Tokenizer;
  miniSearch: MiniSearch<IndexedChunk>;
  /** How many chunks use each indexed term; tells a word the chapters use from a typo's near match. */
  documentFrequency: ReadonlyMap<string, number>;
  /** Which chunks hold each term, for picking candidates on a large index. */
  postings: ReadonlyMap<string, Postings>;
  /** Chunk ids by reading position. */
  ids: readonly string[];
  /** Terms naming products the chapters only mention, never cover (see `collectForeignTerms`). */
  foreignTerms: ReadonlySet<string>;
  /** Terms that name a concept: a service, or a phrase of several words (glossary term, alias, service name). */
  namedTerms: ReadonlySet<string>;
  /** Terms of the vendor words that lead service headings: they name no section. */
  vendorTerms: ReadonlySet<string>;
  /** The vendor words as written ("Acme"): a question's "Acme X" names a product X. */
  vendorWords: readonly string[];
  /** Questions students asked, confirmed and learned (`asked.yml`), by chunk id. */
  asked: ReadonlyMap<string, readonly string[]>;
  /** What the index was built from, chapter by chapter: what an update (`updateIndex`) reuses. */
  parts: IndexParts;
}

/** What an index was built from, beyond its chapters. */
export interface IndexParts {
  /** The whole glossary: the glossary files' entries, then those the chapters declare. */
  glossary: readonly GlossaryEntry[];
  /** Words that lead two or more service headings across the chapters (`leadingWords`). */
  leadingWords: ReadonlySet<string>;
  serviceNames: ReadonlyMap<string, ServiceName>;
  /** Per chapter file, what the index took from that chapter alone. */
  byChapter: ReadonlyMap<string, ChapterParts>;
  /** Questions students asked, confirmed and learned (`asked.yml`), by chunk id. */
  asked: ReadonlyMap<string, readonly string[]>;
  /** MiniSearch's short id of each chunk by reading position (the position itself when built whole). */
  shortIdAt: Int32Array;
}

/** What the index takes from one chapter alone, given the library-wide names and phrases. */
export interface ChapterParts {
  /** Its service headings' names (`nameChapterServices`). */
  names: ReadonlyMap<string, ServiceName>;
  /** Names its text writes in capitals (`capitalisedNames`). */
  capitalised: readonly string[];
  /** Vendor products it names, with how many chunks name each (`vendorMentions`). */
  mentions: ReadonlyMap<string, number>;
  services: readonly Service[];
}

/** A vocabulary key (`Vocabulary.learn`) per word: a chunk's reading position times this, plus the word's place. */
const WORD_PLACES = 2 ** 22;

/**
 * Build the search index over parsed chapters.
 *
 * @param chapters Parsed chapters, in any order.
 * @param glossary Glossary entries from the content folder and the chapters' front matter.
 * @param asked Questions students asked per section (`asked.yml`); none by default.
 * @throws ContentError when two chapters produce the same chunk id.
 */
export function buildIndex(
  chapters: readonly Chapter[],
  glossary: readonly GlossaryEntry[],
  asked: readonly AskedEntry[] = [],
): KnowledgeIndex {
  const sorted = sortChapters(chapters);
  const chunks = chunksOf(sorted);
  const askedById = collectAsked(asked, chunks);
  const leading = leadingWords(sorted);
  const names = new Map(sorted.map((chapter) => [chapter.file, nameChapterServices(chapter, leading)]));
  const serviceNames = mergeServiceNames(names.values());
  const capitalised = new Map(sorted.map((chapter) => [chapter.file, capitalisedNames(chapter)]));
  const phrases = collectPhrases(glossary, serviceNames, [...capitalised.values()].flat());
  const tokenizer = createTokenizer(phrases);
  const vendorWords = vendorWordsOf(serviceNames);
  const byChapter = new Map<string, ChapterParts>(
    sorted.map((chapter) => [
      chapter.file,
      {
        names: names.get(chapter.file)!,
        capitalised: capitalised.get(chapter.file)!,
        mentions: vendorMentions(chapter, vendorWords, tokenizer),
        services: collectServices([chapter], serviceNames, tokenizer),
      },
    ]),
  );

  const aliasesByTerm = aliasesOf(glossary);
  const postingsBuilder = new PostingsBuilder();
  const miniSearchBuilder = new MiniSearchBuilder();
  let position = 0;
  for (const chunk of chunks.values()) {
    const { fieldTerms, words } = readChunk(chunk, tokenizer, aliasesByTerm, askedById.get(chunk.id) ?? []);
    learnWords(tokenizer.vocabulary, words, position);
    fieldTerms.forEach((terms, field) => {
      // Learned questions are searched, never counted: no postings, so no document frequency.
      if (INDEXED_FIELDS[field] === 'asked') return;
      for (const term of terms) postingsBuilder.note(term, FIELD_PROMINENCE[INDEXED_FIELDS[field]!]);
    });
    postingsBuilder.endChunk(miniSearchBuilder.add(chunk.id, fieldTerms));
    position++;
  }
  const postings = postingsBuilder.build();
  return assembleIndex({
    chapters: sorted,
    chunks,
    tokenizer,
    miniSearch: miniSearchBuilder.build(),
    postings,
    parts: {
      glossary,
      leadingWords: leading,
      serviceNames,
      byChapter,
      asked: askedById,
      shortIdAt: Int32Array.from(chunks.keys(), (_, position) => position),
    },
  });
}

/** The tables of an index that follow from its chapters, tokenizer, MiniSearch index, postings and parts. */
export function assembleIndex(core: {
  chapters: readonly Chapter[];
  chunks: ReadonlyMap<string, Chunk>;
  tokenizer: Tokenizer;
  miniSearch: MiniSearch<IndexedChunk>;
  postings: ReadonlyMap<string, Postings>;
  parts: IndexParts;
  /**
   * Tables already worked out: those an update carries over, brought up to date in place (how many chunks
   * hold each term, the reading order, each chunk's service), or read from a saved index (the foreign
   * terms). What is missing is worked out here.
   */
  carried?: Partial<Pick<KnowledgeIndex, 'documentFrequency' | 'order' | 'serviceOf' | 'foreignTerms'>>;
}): KnowledgeIndex {
  const { chapters, chunks, tokenizer, postings, parts, carried } = core;
  const services = chapters.flatMap((chapter) => parts.byChapter.get(chapter.file)!.services);
  const servicesByIntent = new Map<string, Service[]>();
  for (const service of services) {
    for (const term of service.intentTerms)
      servicesByIntent.set(term, [...(servicesByIntent.get(term) ?? []), service]);
  }
  const documentFrequency =
    carried?.documentFrequency ?? new Map([...postings].map(([term, list]) => [term, list.shortIds.length]));
  let { order, serviceOf } = carried ?? {};
  if (order === undefined) {
    const numbers = new Map<string, number>();
    chapters.forEach((chapter, rank) => numberChunks(numbers, chapter, rank));
    order = numbers;
  }
  if (serviceOf === undefined) {
    const tied = new Map<string, Service>();
    tieServices(tied, services);
    serviceOf = tied;
  }
  const ids = [...chunks.keys()];
  const { serviceNames } = parts;
  const vendorWords = vendorWordsOf(serviceNames);
  return {
    chapters,
    chunks,
    ids,
    order,
    services,
    serviceOf,
    servicesByIntent,
    tokenizer,
    miniSearch: core.miniSearch,
    documentFrequency,
    postings,
    foreignTerms:
      carried?.foreignTerms ??
      collectForeignTerms(
        chapters.map((chapter) => parts.byChapter.get(chapter.file)!.mentions),
        serviceNames,
        tokenizer,
        documentFrequency,
      ),
    namedTerms: new Set([
      ...tokenizer.phrases.filter((phrase) => phrase.stems.length >= 2).map((phrase) => phrase.term),
      ...services.flatMap((service) => [...service.intentTerms]),
    ]),
    vendorTerms: new Set(vendorWords.flatMap((word) => tokenizer.sequence(word))),
    vendorWords,
    asked: parts.asked,
    parts,
  };
}

/** Room for each chapter's chunks in `KnowledgeIndex.order`: more than a chapter file (2 MiB) can hold. */
const CHAPTER_PLACES = 2 ** 21;

/** Number the chunks of the chapter of rank `rank` in reading order (see `KnowledgeIndex.order`). */
export function numberChunks(order: Map<string, number>, chapter: Chapter, rank: number): void {
  chapter.chunks.forEach((chunk, place) => order.set(chunk.id, rank * CHAPTER_PLACES + place));
}

/** Note each service's chunks as its own (`KnowledgeIndex.serviceOf`). */
export function tieServices(serviceOf: Map<string, Service>, services: readonly Service[]): void {
  for (const service of services) for (const id of service.chunkIds) serviceOf.set(id, service);
}

/** Chapters in reading order: by weight (none last), then title, then file. */
export function sortChapters(chapters: readonly Chapter[]): Chapter[] {
  return [...chapters].sort(
    (a, b) =>
      (a.weight ?? Number.POSITIVE_INFINITY) - (b.weight ?? Number.POSITIVE_INFINITY) ||
      a.title.localeCompare(b.title) ||
      a.file.localeCompare(b.file),
  );
}

/**
 * Every chunk by id, in reading order.
 *
 * @throws ContentError when two chapters produce the same chunk id.
 */
export function chunksOf(sorted: readonly Chapter[]): Map<string, Chunk> {
  const chunks = new Map<string, Chunk>();
  for (const chapter of sorted) {
    for (const chunk of chapter.chunks) {
      const size = chunks.size;
      // Set first, looked up only when it was there already: one lookup per chunk, not two.
      if (chunks.set(chunk.id, chunk).size === size) {
        const first = sorted.flatMap((other) => other.chunks).find((other) => other.id === chunk.id)!;
        throw new ContentError(
          `buildIndex: duplicate id "${chunk.id}" (first at ${first.source.file}:${first.source.line})`,
          chunk.source.file,
          chunk.source.line,
        );
      }
    }
  }
  return chunks;
}

/** Glossary aliases by the term their entry contracts to. */
export function aliasesOf(glossary: readonly GlossaryEntry[]): Map<string, string[]> {
  const aliasesByTerm = new Map<string, string[]>();
  for (const entry of glossary) {
    const term = phraseTerm(entry.term);
    aliasesByTerm.set(term, [...(aliasesByTerm.get(term) ?? []), ...entry.aliases]);
  }
  return aliasesByTerm;
}

/** A chunk as the index reads it. */
export interface ChunkReading {
  /** Its terms, field by field in `INDEXED_FIELDS` order. */
  fieldTerms: string[][];
  /** The chapters' words it holds, with their stems, in reading order (what the vocabulary learns). */
  words: [word: string, stem: string][];
}

/**
 * Read a chunk as the index does. Students' words (`asked`) are searchable in their section but are not
 * the chapters' words: they teach no spelling and count in no document frequency, so a question in words
 * the chapters never use is still judged by the chapters alone.
 */
export function readChunk(
  chunk: Chunk,
  tokenizer: Tokenizer,
  aliasesByTerm: ReadonlyMap<string, readonly string[]>,
  asked: readonly string[],
): ChunkReading {
  const document = indexedChunk(chunk, tokenizer, aliasesByTerm, asked);
  const words: [string, string][] = [];
  const fieldTerms = INDEXED_FIELDS.map((field) => {
    if (field === 'asked') return askedTerms(tokenizer, document.asked);
    const reading = tokenizer.readIndexed(document[field]);
    for (const word of reading.words) words.push(word);
    return reading.terms;
  });
  return { fieldTerms, words };
}

/**
 * Where the `place`-th word of the chunk at reading position `position` occurs, as a `Vocabulary.learn`
 * key: ties between words go to the one met first in reading order.
 */
export function wordKey(position: number, place: number): number {
  return position * WORD_PLACES + Math.min(place, WORD_PLACES - 1);
}

/** The reading position of a `wordKey`. */
export function positionOfKey(key: number): number {
  return Math.floor(key / WORD_PLACES);
}

/** Learn a chunk's words (`ChunkReading.words`) as occurring at reading position `position`. */
export function learnWords(
  vocabulary: Vocabulary,
  words: readonly (readonly [string, string])[],
  position: number,
): void {
  words.forEach(([word, stemmed], place) => vocabulary.learn(word, stemmed, wordKey(position, place)));
}

/** A chunk's indexed fields: the title and service on their own, the trail, the text and glossary aliases. */
function indexedChunk(
  chunk: Chunk,
  tokenizer: Tokenizer,
  aliasesByTerm: ReadonlyMap<string, readonly string[]>,
  asked: readonly string[],
): IndexedChunk {
  const title = chunk.feature ?? chunk.service ?? chunk.chapter;
  const named = tokenizer.analyze(`${title} ${chunk.service ?? ''}`).matches;
  const aliases = [...new Set(named.flatMap((match) => aliasesByTerm.get(match.term) ?? []))];
  return {
    id: chunk.id,
    title,
    service: chunk.service ?? '',
    // The title and service have fields of their own; the trail adds the chapter and sub-headings.
    headings: chunk.headings.filter((heading) => heading !== title && heading !== chunk.service).join(' '),
    text: chunk.text,
    aliases: aliases.join(', '),
    asked: asked.join('. '),
  };
}

/** A learned question's terms as the chapters' are indexed (stems and phrases), without learning its words. */
function askedTerms(tokenizer: Tokenizer, text: string): string[] {
  const { words, stems, matches } = tokenizer.analyze(text);
  return [...stems.filter((_, i) => !STOPWORDS.has(words[i]!)), ...matches.map((match) => match.term)];
}

/**
 * The asked questions by chunk id. An id no chunk has (its heading renamed since the question was learned)
 * is left out, so one stale line never keeps a chapter edit from going live; `validate` names it.
 */
export function collectAsked(
  entries: readonly AskedEntry[],
  chunks: ReadonlyMap<string, Chunk>,
): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const entry of entries) {
    if (chunks.has(entry.id)) byId.set(entry.id, [...(byId.get(entry.id) ?? []), ...entry.questions]);
  }
  return byId;
}
