import type { Chunk } from '../content/chapter.js';
import type { KnowledgeIndex } from './buildIndex.js';
import { STOPWORDS } from './stopwords.js';
import { splitWords, stem, type Tokenizer } from './tokenizer.js';

/**
 * How strongly a chunk is about one of its terms. A heading, the lead sentence and repeated use say what a
 * chunk is about; a single mention among examples ("such as A, B and C", "A, B and other C") only says the
 * chunk touches it.
 */
export type Aboutness = 'heading' | 'lead' | 'repeated' | 'mention' | 'passing';

/** A chunk's terms in reading order and how strongly the chunk is about each. */
export interface ChunkProfile {
  /** The title and text as terms, phrases contracted: for proximity scoring. */
  sequence: string[];
  /** How many terms at the start of `sequence` are the title's. */
  titleLength: number;
  /** The title and text as word stems, phrases not contracted ("multi", "valu", "answer"). */
  words: string[];
  /** How many stems at the start of `words` are the title's. */
  titleWords: number;
  /** Terms of the heading trail: title, service and the headings above. */
  headingTerms: ReadonlySet<string>;
  aboutness: ReadonlyMap<string, Aboutness>;
}

/** Phrases that introduce examples; the list after them names things the chunk only touches. */
const EXAMPLE_MARKER = /\b(such\s+as|e\.g\.|for\s+example|for\s+instance|including)\s+/gi;
/** Where an example list ends: a sentence or bracket end, or a clause that goes on ("…, enabling"). */
const LIST_END = /[.;:()!?]|,\s+\w+ing\b|\s+(within|using|by|via|through|to\s+\w+|so\s+that|which|that)\s/i;
/** "A, B, C and other D": a list of examples without a marker. */
const AND_OTHER = /\b(?:and|or)\s+other\s/i;
/** Words of a list's first item that belong to it, not to the clause that leads into it. */
const FIRST_ITEM_WORDS = 3;

/**
 * Profile a chunk: its term sequence and each term's aboutness.
 *
 * @param chunk The chunk.
 * @param tokenizer The index's tokenizer (phrases contract as in questions).
 * @param foreign Terms that name products the chapters only mention: always `passing`.
 * @param names Terms that name a concept (services, phrases); of the heading trail above the title, only
 *   these count as headings.
 */
export function profileChunk(
  chunk: Chunk,
  tokenizer: Tokenizer,
  foreign: ReadonlySet<string>,
  names: ReadonlySet<string> = new Set(),
): ChunkProfile {
  const title = chunk.feature ?? chunk.service ?? chunk.chapter;
  const aboutness = new Map<string, Aboutness>();
  // Each word counts, and each phrase as read (longest first): "gate" inside a phrase "harbor gate list"
  // is not a phrase the chunk uses, but "tide" in the phrase "high tide" is a word it does.
  const termsOf = (text: string, words = wordStems(text), sequence = tokenizer.sequence(text)): string[] => {
    const isWord = new Set(words);
    return [...words, ...sequence.filter((term) => !isWord.has(term))];
  };
  const titleTerms = tokenizer.sequence(title);
  const titleWords = wordStems(title);
  // The title's words say what the chunk is about; the trail above it (chapter, service) names where it
  // sits, so only its names count (a service "Harbor Gateway" names it; its word "harbor" is not a topic of every chunk under it).
  const trail = [chunk.service ?? '', ...chunk.headings.filter((heading) => heading !== title)].join('. ');
  const headingTerms = new Set([
    ...termsOf(title, titleWords, titleTerms),
    ...tokenizer.sequence(trail).filter((term) => names.has(term)),
  ]);

  const { body, examples } = splitExamples(chunk.text);
  const leadText = leadSentence(body);
  const leadTerms = termsOf(leadText);
  const lead = new Set(leadTerms);
  const counts = new Map<string, number>();
  for (const term of [...leadTerms, ...termsOf(body.slice(leadText.length))]) {
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  for (const term of termsOf(examples.join('. '))) {
    if (!counts.has(term) && !headingTerms.has(term)) aboutness.set(term, 'passing');
  }
  for (const [term, count] of counts) {
    aboutness.set(term, lead.has(term) ? 'lead' : count >= 2 ? 'repeated' : 'mention');
  }
  for (const term of foreign) if (aboutness.has(term)) aboutness.set(term, 'passing');
  for (const term of headingTerms) aboutness.set(term, 'heading');
  return {
    sequence: [...titleTerms, ...tokenizer.sequence(chunk.text)],
    titleLength: titleTerms.length,
    words: [...titleWords, ...wordStems(chunk.text)],
    titleWords: titleWords.length,
    headingTerms,
    aboutness,
  };
}

/** Stems of a text's words that carry meaning, in order. */
function wordStems(text: string, filler: ReadonlySet<string> = STOPWORDS): string[] {
  return splitWords(text)
    .filter((word) => !STOPWORDS.has(word) && !filler.has(word))
    .map(stem);
}

/** The text with example lists taken out, and the lists. */
function splitExamples(text: string): { body: string; examples: string[] } {
  const examples: string[] = [];
  // Clause by clause (linear: a regular expression over the whole list backtracks badly).
  let body = text.replace(/[^.;:()!?]+/g, (clause) => {
    const other = AND_OTHER.exec(clause);
    if (other === null) return clause;
    // The list is the run of short comma-separated items just before "and other": "…, CloudFront reduces
    // latency and improves the performance of A, B, C, and other D" lists A, B, C, not the clause before.
    const items = clause.slice(0, other.index).split(',');
    if (items.length === 1) return clause;
    let start = items.length - 1;
    while (start > 0 && items[start - 1]!.trim().split(/\s+/).length <= FIRST_ITEM_WORDS) start--;
    // The item before the run ends with the list's first item ("…the performance of web applications").
    if (start > 0) start--;
    const lead = items[start]!.trim().split(/\s+/);
    const cut = Math.max(0, lead.length - FIRST_ITEM_WORDS);
    const before = [...items.slice(0, start), lead.slice(0, cut).join(' ')].join(',');
    examples.push(
      `${lead.slice(cut).join(' ')},${items.slice(start + 1).join(',')}${clause.slice(other.index)}`,
    );
    return ` ${before} `;
  });
  body = body.replace(EXAMPLE_MARKER, '\u0000');
  const parts = body.split('\u0000');
  const kept = [parts[0]!];
  for (const part of parts.slice(1)) {
    const end = LIST_END.exec(part);
    const cut = end === null ? part.length : end.index;
    examples.push(part.slice(0, cut));
    kept.push(part.slice(cut));
  }
  return { body: kept.join(' '), examples };
}

/** The first sentence of a text. */
function leadSentence(text: string): string {
  const end = /[.!?](\s|$)/.exec(text);
  return end === null ? text : text.slice(0, end.index);
}

/** Recently profiled chunks, per index: ranking profiles the same top chunks again and again. */
const profiles = new WeakMap<KnowledgeIndex, Map<string, ChunkProfile>>();
const PROFILE_CACHE_MAX = 5000;

/** The profile of one of the index's chunks, cached. */
export function profileOf(index: KnowledgeIndex, chunk: Chunk): ChunkProfile {
  let cache = profiles.get(index);
  if (cache === undefined) profiles.set(index, (cache = new Map()));
  let found = cache.get(chunk.id);
  if (found === undefined) {
    found = profileChunk(chunk, index.tokenizer, index.foreignTerms, index.namedTerms);
    if (cache.size >= PROFILE_CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(chunk.id, found);
  }
  return found;
}
