import lunr from 'lunr';
import MiniSearch from 'minisearch';
import { toAnswerJson, type AnswerJson } from '../../src/answer/answerJson.js';
import type { Chunk } from '../../src/content/chapter.js';

/** A search engine as the baselines see it: question → chunks, best first. */
export type Engine = (question: string) => Chunk[];

const asDocument = (chunk: Chunk) => ({
  id: chunk.id,
  title: chunk.feature ?? chunk.service ?? chunk.chapter,
  headings: chunk.headings.join(' '),
  text: chunk.text,
});

/** lunr 2 with its defaults (English stemmer and stop words), over title, headings and text. */
export function lunrEngine(chunks: readonly Chunk[]): Engine {
  const byId = new Map(chunks.map((chunk) => [chunk.id, chunk]));
  const index = lunr(function () {
    this.ref('id');
    this.field('title');
    this.field('headings');
    this.field('text');
    for (const chunk of chunks) this.add(asDocument(chunk));
  });
  return (question) => {
    try {
      return index.search(question).map((result) => byId.get(result.ref)!);
    } catch {
      // lunr's query syntax rejects some punctuation; a user would get nothing.
      return [];
    }
  };
}

/** MiniSearch with its defaults, over title, headings and text. */
export function miniSearchEngine(chunks: readonly Chunk[]): Engine {
  const byId = new Map(chunks.map((chunk) => [chunk.id, chunk]));
  const index = new MiniSearch({ fields: ['title', 'headings', 'text'] });
  index.addAll(chunks.map(asDocument));
  return (question) => index.search(question).map((result) => byId.get(String(result.id))!);
}

/** Chunks as the eval's JSON answer, through the same contract as ours. */
export function toJson(question: string, chunks: readonly Chunk[]): AnswerJson {
  const hits = chunks.slice(0, 5).map((chunk) => ({ chunk, score: 0, coverage: 0 }));
  return toAnswerJson({ kind: 'hits', verdict: 'answered', query: question, hits });
}
