import type { APIButtonComponent } from 'discord-api-types/v10';
import type { ReadingStep } from '../../study/readingOrder.js';
import { button } from './buttons.js';
import { chunkRef, encodeCustomId } from './customId.js';
import type { BrowseWay } from './studyCustomId.js';

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
  const ways: [string, BrowseWay, string | null][] = [
    ['◀ Previous', 'previous', step.previous],
    ['Up', 'up', step.up],
    ['Next ▶', 'next', step.next],
  ];
  return ways
    .filter((way): way is [string, BrowseWay, string] => way[2] !== null)
    .map(([label, way, id]) =>
      button(label, encodeCustomId({ kind: 'browse', askerId, way, ref: chunkRef(id) })),
    );
}
