import type { Answer, Verdict } from './answer.js';

/** One result of the JSON contract of `npm run ask -- --json`. */
export interface ResultJson {
  id: string;
  chapter: string;
  service: string | null;
  feature: string | null;
  headings: string[];
  text: string;
  score: number;
  source: { file: string; line: number };
}

/** The JSON contract of `npm run ask -- --json`: one object per question. */
export interface AnswerJson {
  query: string;
  /** answered | closest (the subject is covered, the detail is not) | notCovered (results empty). */
  verdict: Verdict;
  results: ResultJson[];
  suggestions: { id: string; label: string }[];
}

/** Turn an Answer into the CLI's JSON contract; `results` is empty when the question is declined. */
export function toAnswerJson(answer: Answer): AnswerJson {
  if (answer.kind === 'noMatch') {
    return { query: answer.query, verdict: answer.verdict, results: [], suggestions: answer.suggestions };
  }
  return {
    query: answer.query,
    verdict: answer.verdict,
    results: answer.hits.map(({ chunk, score }) => ({
      id: chunk.id,
      chapter: chunk.chapter,
      service: chunk.service,
      feature: chunk.feature,
      headings: chunk.headings,
      text: chunk.text,
      score: Math.round(score * 1000) / 1000,
      source: { file: chunk.source.file, line: chunk.source.line },
    })),
    suggestions: [],
  };
}
