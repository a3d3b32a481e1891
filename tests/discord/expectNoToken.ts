import { expect } from 'vitest';
import { TEST_TOKEN } from './botProcess.js';

/**
 * The one token check: text a process printed (or sent) holds neither the test token nor its secret
 * part, the segment after the last dot, which is what a leak that trimmed or split the token would show.
 */
export function expectNoToken(text: string): void {
  expect(text).not.toContain(TEST_TOKEN);
  expect(text).not.toContain(TEST_TOKEN.slice(TEST_TOKEN.lastIndexOf('.') + 1));
}
