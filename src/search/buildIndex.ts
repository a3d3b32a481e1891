import type MiniSearch from 'minisearch';
import type { Chapter, Chunk } from '../content/chapter.js';
import { ContentError } from '../content/contentError.js';
import type { GlossaryEntry } from '../content/parseGlossary.js';
import { PostingsBuilder, type Postings } from './postings.js';
import { FIELD_PROMINENCE, INDEXED_FIELDS, MiniSearchBuilder, type IndexedChunk } from './miniSearchIndex.js';
import {
  collectForeignTerms,
  collectPhrases,
  collectServices,
  nameServices,
  type Service,
} from './services.js';
import { createTokenizer, phraseTerm, type Tokenizer } from './tokenizer.js';

/** Everything a question needs: the chunks, their services, the tokenizer and the MiniSearch index. */
export interface KnowledgeIndex {
  chapters: readonly Chapter[];
  /** Every chunk by id, in reading order (chapters by weight, then title). */
  chunks: ReadonlyMap<string, Chunk>;
  /** Reading position of each chunk, to break score ties. */
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
}

/**
 * Build the search index over parsed chapters.
 *
 * @param chapters Parsed chapters, in any order.
 * @param glossary Glossary entries from the content folder and the chapters' front matter.
 * @throws ContentError when two chapters produce the same chunk id.
 */
export function buildIndex(chapters: readonly Chapter[], glossary: readonly GlossaryEntry[]): KnowledgeIndex {
  const sorted = [...chapters].sort(
    (a, b) =>
      (a.weight ?? Number.POSITIVE_INFINITY) - (b.weight ?? Number.POSITIVE_INFINITY) ||
      a.title.localeCompare(b.title) ||
      a.file.localeCompare(b.file),
  );
  const chunks = new Map<string, Chunk>();
  for (const chunk of sorted.flatMap((chapter) => chapter.chunks)) {
    const first = chunks.get(chunk.id);
    if (first !== undefined) {
      throw new ContentError(
        `buildIndex: duplicate id "${chunk.id}" (first at ${first.source.file}:${first.source.line})`,
        chunk.source.file,
        chunk.source.line,
      );
    }
    chunks.set(chunk.id, chunk);
  }
  const serviceNames = nameServices(sorted);
  const phrases = collectPhrases(glossary, serviceNames, sorted);
  const tokenizer = createTokenizer(phrases);
  const services = collectServices(sorted, serviceNames, tokenizer);
  const serviceOf = new Map<string, Service>();
  const servicesByIntent = new Map<string, Service[]>();
  for (const service of services) {
    for (const id of service.chunkIds) serviceOf.set(id, service);
    for (const term of service.intentTerms)
      servicesByIntent.set(term, [...(servicesByIntent.get(term) ?? []), service]);
  }

  const aliasesByTerm = new Map<string, string[]>();
  for (const entry of glossary) {
    const term = phraseTerm(entry.term);
    aliasesByTerm.set(term, [...(aliasesByTerm.get(term) ?? []), ...entry.aliases]);
  }
  const postingsBuilder = new PostingsBuilder();
  const miniSearchBuilder = new MiniSearchBuilder();
  for (const chunk of chunks.values()) {
    const document = indexedChunk(chunk, tokenizer, aliasesByTerm);
    const fieldTerms = INDEXED_FIELDS.map((field) => {
      const terms = tokenizer.indexTerms(document[field]);
      for (const term of terms) postingsBuilder.note(term, FIELD_PROMINENCE[field]);
      return terms;
    });
    postingsBuilder.endChunk(miniSearchBuilder.add(chunk.id, fieldTerms));
  }
  const miniSearch = miniSearchBuilder.build();
  const postings = postingsBuilder.build();
  const documentFrequency = new Map([...postings].map(([term, list]) => [term, list.chunks.length]));
  const ids = [...chunks.keys()];
  const order = new Map(ids.map((id, index) => [id, index]));
  const foreignTerms = collectForeignTerms(sorted, serviceNames, tokenizer, documentFrequency);
  const vendorTerms = new Set(
    [...serviceNames.values()].flatMap((name) => name.vendors.flatMap((word) => tokenizer.sequence(word))),
  );
  const vendorWords = [...new Set([...serviceNames.values()].flatMap((name) => name.vendors))];
  const namedTerms = new Set([
    ...phrases.filter((phrase) => phrase.stems.length >= 2).map((phrase) => phrase.term),
    ...services.flatMap((service) => [...service.intentTerms]),
  ]);
  return {
    chapters: sorted,
    chunks,
    ids,
    order,
    services,
    serviceOf,
    servicesByIntent,
    tokenizer,
    miniSearch,
    documentFrequency,
    postings,
    foreignTerms,
    namedTerms,
    vendorTerms,
    vendorWords,
  };
}

/** A chunk's indexed fields: the title and service on their own, the trail, the text and glossary aliases. */
function indexedChunk(
  chunk: Chunk,
  tokenizer: Tokenizer,
  aliasesByTerm: ReadonlyMap<string, readonly string[]>,
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
  };
}
