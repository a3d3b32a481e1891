import type { Chunk } from '../content/chapter.js';
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
  aboutness: ReadonlyMap<string, Aboutness>;
}

/** Phrases that introduce examples; the list after them names things the chunk only touches. */
const EXAMPLE_MARKER = /\b(such\s+as|e\.g\.|for\s+example|for\s+instance|including)\s+/gi;
/** Where an example list ends: a sentence or bracket end, or a clause that goes on ("…, enabling"). */
const LIST_END = /[.;:()!?]|,\s+\w+ing\b|\s+(within|using|by|via|through|to\s+\w+|so\s+that|which|that)\s/i;
/** "A, B, C and other D": a list of examples without a marker. */
const AND_OTHER = /(?:[^,.;:()]+,\s*){2,}(?:and|or)\s+other\s+[^,.;:()]+/gi;
/** Words of a list's first item that belong to it, not to the clause that leads into it. */
const FIRST_ITEM_WORDS = 3;

/**
 * Profile a chunk: its term sequence and each term's aboutness.
 *
 * @param chunk The chunk.
 * @param tokenizer The index's tokenizer (phrases contract as in questions).
 * @param foreign Terms that name products the chapters only mention: always `passing`.
 */
export function profileChunk(chunk: Chunk, tokenizer: Tokenizer, foreign: ReadonlySet<string>): ChunkProfile {
  const title = chunk.feature ?? chunk.service ?? chunk.chapter;
  const aboutness = new Map<string, Aboutness>();
  // Each word counts, and each phrase as read (longest first): "access control" inside "network access
  // control list" is not a phrase the chunk uses, but "availability" in "high availability" is a word it does.
  const termsOf = (text: string): string[] => {
    const words = splitWords(text)
      .filter((word) => !STOPWORDS.has(word))
      .map(stem);
    const isWord = new Set(words);
    return [...words, ...tokenizer.sequence(text).filter((term) => !isWord.has(term))];
  };
  const headingTerms = new Set(termsOf([title, chunk.service ?? '', ...chunk.headings].join('. ')));

  const { body, examples } = splitExamples(chunk.text);
  const lead = new Set(termsOf(leadSentence(body)));
  const counts = new Map<string, number>();
  for (const term of termsOf(body)) counts.set(term, (counts.get(term) ?? 0) + 1);
  for (const term of termsOf(examples.join('. '))) {
    if (!counts.has(term) && !headingTerms.has(term)) aboutness.set(term, 'passing');
  }
  for (const [term, count] of counts) {
    aboutness.set(term, lead.has(term) ? 'lead' : count >= 2 ? 'repeated' : 'mention');
  }
  for (const term of foreign) if (aboutness.has(term)) aboutness.set(term, 'passing');
  for (const term of headingTerms) aboutness.set(term, 'heading');
  const titleTerms = tokenizer.sequence(title);
  return {
    sequence: [...titleTerms, ...tokenizer.sequence(chunk.text)],
    titleLength: titleTerms.length,
    aboutness,
  };
}

/** The text with example lists taken out, and the lists. */
function splitExamples(text: string): { body: string; examples: string[] } {
  const examples: string[] = [];
  let body = text.replace(AND_OTHER, (list) => {
    const items = list.split(',');
    items[0] = items[0]!.trim().split(/\s+/).slice(-FIRST_ITEM_WORDS).join(' ');
    examples.push(items.join(','));
    return ' ';
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
