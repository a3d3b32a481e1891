import { splitWords, stem, type Tokenizer } from '../search/tokenizer.js';
import { isContentWord, type TextWords } from './textWords.js';

/** The ways a text may name one thing, case- and plural-insensitively. */
export interface Forms {
  /** Stem sequences, each naming the thing: ["virtual", "privat", "cloud"], ["vpc"]. */
  sequences: string[][];
  /** Glossary or service-name terms that stand for the thing (an alias such as "DX" yields its term). */
  terms: Set<string>;
  /** Acronyms (lower-case) that a run of content words may spell out: "dns" for "Domain Name System". */
  spelled: Set<string>;
  /** Initials (lower-case) that, written in capitals, name the thing: "dns" for "Domain Name System". */
  initials: Set<string>;
  /** The name's own words, lower-case and singular, to tell them from words that only stem alike. */
  words: Set<string>;
}

/** A run of words [start, end) of a text. */
export interface Span {
  start: number;
  end: number;
}

const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}]{1,5}s?$/u;

/** No forms at all; add names to it with `addName`. */
export function emptyForms(): Forms {
  return { sequences: [], terms: new Set(), spelled: new Set(), initials: new Set(), words: new Set() };
}

/**
 * Add a name's forms: its words, its initials when it has several capitalised words ("Domain Name
 * System" → "DNS"), the words an acronym spells out, and the glossary term that covers the whole name.
 *
 * @param forms The forms to extend.
 * @param name A name as written: "Amazon Route 53", "VPC", "Flexible Bandwidth Options".
 * @param tokenizer The knowledge index's tokenizer (glossary and service-name phrases).
 */
export function addName(forms: Forms, name: string, tokenizer: Tokenizer): Forms {
  const words = splitWords(name);
  if (words.length === 0) return forms;
  forms.sequences.push(words.map(stem));
  for (const word of words) forms.words.add(singular(word));
  const capitalised = name.split(/[\s/-]+/).filter((word) => /^\p{Lu}/u.test(word));
  if (capitalised.length >= 2) {
    forms.initials.add(capitalised.map((word) => word[0]!.toLowerCase()).join(''));
  }
  if (ACRONYM.test(name.trim())) forms.spelled.add(name.trim().replace(/s$/, '').toLowerCase());
  for (const match of tokenizer.analyze(name).matches) {
    if (match.start === 0 && match.end === words.length) forms.terms.add(match.term);
  }
  return forms;
}

/**
 * Find every span of a text that names the thing, in any of its forms.
 *
 * @param text The text, split into words.
 * @param forms The forms to look for.
 */
export function findForms(text: TextWords, forms: Forms): Span[] {
  const { words, matches } = text;
  const spans: Span[] = [];
  // A word that only stems like the name's ("Connect" for "connectivity") inside a longer phrase of
  // another concept is part of that other name ("Direct Connect"); the name's own word always counts.
  const isInsideOther = (start: number, end: number): boolean =>
    words.slice(start, end).some((word) => !forms.words.has(singular(word.norm))) &&
    matches.some(
      (match) =>
        !forms.terms.has(match.term) &&
        match.start <= start &&
        match.end >= end &&
        match.end - match.start > end - start,
    );
  for (const sequence of forms.sequences) {
    for (let i = 0; i + sequence.length <= words.length; i++) {
      if (
        sequence.every((stemmed, k) => words[i + k]!.stem === stemmed) &&
        !isInsideOther(i, i + sequence.length)
      ) {
        spans.push({ start: i, end: i + sequence.length });
      }
    }
  }
  for (const match of matches) {
    if (forms.terms.has(match.term)) spans.push({ start: match.start, end: match.end });
  }
  for (const [i, word] of words.entries()) {
    const capitals = word.raw.replace(/['’]s?$/u, '');
    const isPlural = /\p{Lu}s$/u.test(capitals);
    if (/^\p{Lu}+s?$/u.test(capitals) && forms.initials.has(isPlural ? word.norm.slice(0, -1) : word.norm)) {
      spans.push({ start: i, end: i + 1 });
    }
  }
  for (const acronym of forms.spelled) {
    for (let i = 0; i + acronym.length <= words.length; i++) {
      const window = words.slice(i, i + acronym.length);
      if (
        window.every(
          (word) =>
            word.sentence === words[i]!.sentence &&
            isContentWord(word) &&
            // Two lower-case words spell two letters too often by chance ("isolation provides").
            (acronym.length > 2 || /^\p{Lu}/u.test(word.raw)),
        ) &&
        window.map((word) => word.norm[0]).join('') === acronym
      ) {
        spans.push({ start: i, end: i + acronym.length });
      }
    }
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** True when the text names the thing in any of its forms. */
export function hasForms(text: TextWords, forms: Forms): boolean {
  return findForms(text, forms).length > 0;
}

function singular(word: string): string {
  return word.replace(/(?<=..)s$/, '');
}
