import type { Span } from './forms.js';
import { isContentWord, type TextWords } from './textWords.js';

/** What stands in a stem for masked or blanked words. */
export const BLANK = '___';

/** A text with some words masked, and how much of it is still readable. */
export interface MaskedText {
  text: string;
  /** Share of the words that are masked, 0–1. */
  maskedShare: number;
  /** Content words left visible. */
  visibleWords: number;
}

/** Masked words joined only by spaces, hyphens or slashes become one blank. */
const JOINING_GAP = /^[\s/-]*$/;

/**
 * Replace the words of some spans by blanks. Adjacent masked words become one blank, and an acronym in
 * parentheses after a masked name disappears with it ("Object Vault (OV)" → "___").
 *
 * @param text The text, split into words.
 * @param spans Word spans to mask; they may overlap.
 * @param absorbBefore Stems of words that are masked too when they stand right before a span (vendor
 *   prefixes: "Acme ___" would hint at which vendor's service it is).
 */
export function maskText(
  text: TextWords,
  spans: readonly Span[],
  absorbBefore: ReadonlySet<string> = new Set(),
): MaskedText {
  const { words } = text;
  const masked = new Array<boolean>(words.length).fill(false);
  for (const span of spans) {
    let start = span.start;
    while (start > 0 && absorbBefore.has(words[start - 1]!.stem) && /^\s+$/.test(words[start]!.gapBefore))
      start--;
    for (let i = start; i < span.end; i++) masked[i] = true;
  }
  // A raw token split into several words ("½") is masked whole or not at all.
  for (let i = 1; i < words.length; i++) {
    if (words[i]!.start === words[i - 1]!.start && (masked[i] || masked[i - 1]))
      masked[i] = masked[i - 1] = true;
  }
  let out = '';
  let cursor = 0;
  for (let i = 0; i < words.length; i++) {
    if (!masked[i]) continue;
    let last = i;
    while (last + 1 < words.length && masked[last + 1] && JOINING_GAP.test(words[last + 1]!.gapBefore))
      last++;
    out += text.text.slice(cursor, words[i]!.start) + BLANK;
    cursor = words[last]!.end;
    i = last;
  }
  out += text.text.slice(cursor);
  const maskedCount = masked.filter(Boolean).length;
  return {
    text: out.replace(/___\s*\(___\)/g, BLANK),
    maskedShare: words.length === 0 ? 0 : maskedCount / words.length,
    visibleWords: words.filter((word, i) => !masked[i] && isContentWord(word)).length,
  };
}
