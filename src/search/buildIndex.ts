import MiniSearch from 'minisearch';
import type { Chapter, Chunk } from '../content/chapter.js';
import { ContentError } from '../content/contentError.js';
import type { AskedEntry } from '../content/parseAsked.js';
import type { GlossaryEntry } from '../content/parseGlossary.js';
import { PostingsBuilder, type Postings } from './postings.js';
import { STOPWORDS } from './stopwords.js';
import type { IndexedField } from './rankingOptions.js';
import {
  collectForeignTerms,
  collectPhrases,
  collectServices,
  nameServices,
  type Service,
} from './services.js';
import { createTokenizer, phraseTerm, type Tokenizer } from './tokenizer.js';

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
  /** Questions students asked, confirmed and learned (`asked.yml`), by chunk id. */
  asked: ReadonlyMap<string, readonly string[]>;
}

/** The indexed fields, and how prominent a term is in each, for the candidate pass on a large index. */
const FIELD_PROMINENCE: Readonly<Record<IndexedField, number>> = {
  title: 3,
  aliases: 2,
  service: 2,
  headings: 1,
  text: 1,
  asked: 0,
};

/**
 * Build the search index over parsed chapters.
 *
 * @param chapters Parsed chapters, in any order.
 * @param glossary Glossary entries from the content folder and the chapters' front matter.
 * @param asked Questions students asked per section (`asked.yml`); none by default.
 * @throws ContentError when two chapters produce the same chunk id, or an asked entry names no chunk.
 */
export function buildIndex(
  chapters: readonly Chapter[],
  glossary: readonly GlossaryEntry[],
  asked: readonly AskedEntry[] = [],
): KnowledgeIndex {
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
  const askedById = collectAsked(asked, chunks);
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
  const miniSearch = new MiniSearch<IndexedChunk>({
    fields: Object.keys(FIELD_PROMINENCE),
    storeFields: [],
    tokenize: (text, field) => {
      // Students' words are searchable in their section but are not the chapters' words: they teach no
      // spelling and count in no document frequency, so a question in words the chapters never use is
      // still judged by the chapters alone.
      if (field === 'asked') return askedTerms(tokenizer, text);
      const terms = tokenizer.indexTerms(text);
      const prominence = FIELD_PROMINENCE[(field ?? 'text') as IndexedField] ?? 1;
      for (const term of terms) postingsBuilder.note(term, prominence);
      return terms;
    },
    processTerm: (term) => term,
  });
  let position = 0;
  for (const document of [...chunks.values()].map((chunk) => {
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
      asked: (askedById.get(chunk.id) ?? []).join('. '),
    };
  })) {
    miniSearch.add(document);
    postingsBuilder.endChunk(position++);
  }
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
    asked: askedById,
  };
}

/** A learned question's terms as the chapters' are indexed (stems and phrases), without learning its words. */
function askedTerms(tokenizer: Tokenizer, text: string): string[] {
  const { words, stems, matches } = tokenizer.analyze(text);
  return [...stems.filter((_, i) => !STOPWORDS.has(words[i]!)), ...matches.map((match) => match.term)];
}

/** The asked questions by chunk id; an id no chunk has is an error naming its line. */
function collectAsked(
  entries: readonly AskedEntry[],
  chunks: ReadonlyMap<string, Chunk>,
): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const entry of entries) {
    if (!chunks.has(entry.id)) {
      throw new ContentError(
        `buildIndex: unknown section id "${entry.id}"`,
        entry.source.file,
        entry.source.line,
      );
    }
    byId.set(entry.id, [...(byId.get(entry.id) ?? []), ...entry.questions]);
  }
  return byId;
}
