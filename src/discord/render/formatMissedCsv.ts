import { stringify } from 'csv-stringify/sync';
import type { Chunk } from '../../content/chapter.js';
import type { Card } from '../../study/card.js';

/** A missed card with what the student's schedule says of it. */
export interface MissedCard {
  card: Card;
  chunk: Chunk;
  misses: number;
  answers: number;
  lastAnswered: number;
  due: number;
}

/** The export's columns, in order. */
const MISSED_CSV_COLUMNS = [
  'section',
  'question',
  'text',
  'right_answer',
  'options',
  'misses',
  'answers',
  'last_answered',
  'due',
  'source',
  'card_id',
] as const;

/**
 * The missed cards as CSV (RFC 4180, a header row, UTF-8 with a byte-order mark so spreadsheets read
 * accents): the section's heading trail, the question and its right answer, how often it was missed, when,
 * and when it is due. A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`…) is quoted
 * with a leading apostrophe.
 */
export function formatMissedCsv(missed: readonly MissedCard[]): string {
  const rows = missed.map(({ card, chunk, misses, answers, lastAnswered, due }) => [
    chunk.headings.join(' › '),
    card.prompt,
    card.stem,
    card.options[card.answer] ?? '',
    card.options.join(' | '),
    misses,
    answers,
    new Date(lastAnswered).toISOString(),
    new Date(due).toISOString(),
    `${chunk.source.file}:${chunk.source.line}`,
    card.id,
  ]);
  return stringify([[...MISSED_CSV_COLUMNS], ...rows], {
    bom: true,
    escape_formulas: true,
    record_delimiter: 'windows',
  });
}
