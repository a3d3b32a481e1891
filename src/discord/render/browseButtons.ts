import type { APIButtonComponent } from 'discord-api-types/v10';
import type { ReadingStep } from '../../study/readingOrder.js';
import { button } from './buttons.js';
import { chunkRef, encodeCustomId } from './customId.js';

/**
 * ◀ Previous · Up · Next ▶ for a chunk, each carrying the chunk it goes to (a missing way is left out):
 * one action row's worth, so an answer keeps its other row for More results and feedback.
 *
 * @param step Where reading can go from the chunk shown; null for no buttons.
 * @param askerId Whose message it is: their clicks turn its page, anyone else gets a private copy; 0 for
 *   nobody's (every click answers privately).
 */
export function browseButtons(step: ReadingStep | null, askerId: string): APIButtonComponent[] {
  if (step === null) return [];
  const ways: [string, string | null][] = [
    ['◀ Previous', step.previous],
    ['Up', step.up],
    ['Next ▶', step.next],
  ];
  return ways
    .filter((way): way is [string, string] => way[1] !== null)
    .map(([label, id]) => button(label, encodeCustomId({ kind: 'browse', askerId, ref: chunkRef(id) })));
}
