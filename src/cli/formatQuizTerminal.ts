import type { Chunk } from '../content/chapter.js';
import type { Card } from '../study/card.js';
import { wrap } from './formatTerminal.js';

const WIDTH = 80;
const LETTERS = 'ABCDEFGHIJ';

/** A question for the terminal: heading and prompt, the stem wrapped, the options lettered. */
export function formatQuestionTerminal(card: Card, heading: string): string {
  const stem = card.stem
    .split('\n')
    .map((line) => wrap(line, WIDTH - 3, '   '))
    .join('\n');
  const options = card.options.map((option, i) => `   ${LETTERS[i]}. ${option}`);
  return `\n${heading} · ${card.prompt}\n${stem}\n${options.join('\n')}\n`;
}

/** The letter a typed answer names (`b`, `B`, ` b `), as an option index; null for anything else. */
export function readChoice(typed: string, optionCount: number): number | null {
  const letter = typed.trim().toUpperCase();
  const index = letter.length === 1 ? LETTERS.indexOf(letter) : -1;
  return index >= 0 && index < optionCount ? index : null;
}

/** An answer's result: right or wrong, the right option, and where the chapter explains it. */
export function formatResultTerminal(card: Card, chunk: Chunk | undefined, choice: number): string {
  const right = `${LETTERS[card.answer]}. ${card.options[card.answer]}`;
  const verdict =
    choice === card.answer
      ? `✓ Right: ${right}`
      : `✗ Not quite: you chose ${LETTERS[choice]}. ${card.options[choice]}; the answer is ${right}`;
  const source =
    chunk === undefined
      ? ''
      : `\n   ${chunk.headings.join(' › ')} (${chunk.source.file}:${chunk.source.line})`;
  return `${verdict}${source}\n`;
}
