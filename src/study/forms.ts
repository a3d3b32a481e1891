import { splitWords, stem, type Tokenizer } from '../search/tokenizer.js';
import { isContentWord, type TextWords } from './textWords.js';

/** The ways a text may name one thing, case- and plural-insensitively. */
export interface Forms {
  /** Stem sequences, each naming the thing: ["object", "vault"], ["ov"]. */
  sequences: string[][];
  /** Glossary or service-name terms that stand for the thing (an alias such as "DX" yields its term). */
  terms: Set<string>;
  /** Acronyms (lower-case) that a run of content words may spell out: "smq" for "Simple Message Queue". */
  spelled: Set<string>;
  /**
   * Words (lower-case) that, written in capitals, name the thing, also in the plural: its acronyms, and
   * its initials ("smq" for "Simple Message Queue").
   */
  capitals: Set<string>;
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
  return { sequences: [], terms: new Set(), spelled: new Set(), capitals: new Set(), words: new Set() };
}

/**
 * Add a name's forms: its words, its initials when it has three or more capitalised words ("Simple
 * Message Queue" → "SMQ"), the words an acronym spells out, and the glossary term that covers the whole name.
 *
 * @param forms The forms to extend.
 * @param name A name as written: "Acme Relay 7", "OV", "Scheduled Backups".
 * @param tokenizer The knowledge index's tokenizer (glossary and service-name phrases).
 */
export function addName(forms: Forms, name: string, tokenizer: Tokenizer): Forms {
  const words = splitWords(name);
  if (words.length === 0) return forms;
  forms.sequences.push(words.map(stem));
  for (const word of words) forms.words.add(singular(word));
  const capitalised = name.split(/[\s/-]+/).filter((word) => /^\p{Lu}/u.test(word));
  // Two-letter initials are too often something else: "TB" is a unit before it is "Talvon Beacon".
  if (capitalised.length >= 3) {
    forms.capitals.add(capitalised.map((word) => word[0]!.toLowerCase()).join(''));
  }
  if (ACRONYM.test(name.trim())) {
    const acronym = name.trim().replace(/s$/, '').toLowerCase();
    forms.spelled.add(acronym);
    forms.capitals.add(acronym);
  }
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
  // A word that only stems like the name's ("Stream" for "streaming") inside a longer phrase of
  // another concept is part of that other name ("Acme Data Stream"); the name's own word always counts.
  const isInsideOther = (start: number, end: number): boolean =>
    words.slice(start, end).some((word) => !forms.words.has(singular(word.norm))) &&
    matches.some(
      (match) =>
        !forms.terms.has(match.term) &&
        match.start <= start &&
        match.end >= end &&
        match.end - match.start > end - start,
    );
  const lookup = lookupOf(text);
  for (const sequence of forms.sequences) {
    for (const i of lookup.positions.get(sequence[0]!) ?? []) {
      if (i + sequence.length > words.length) continue;
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
  for (const key of forms.capitals) {
    for (const i of lookup.capitals.get(key) ?? []) spans.push({ start: i, end: i + 1 });
  }
  for (const acronym of forms.spelled) {
    for (const i of lookup.initials.get(acronym[0]!) ?? []) {
      if (i + acronym.length > words.length) continue;
      const window = words.slice(i, i + acronym.length);
      if (
        window.every(
          (word, k) =>
            word.norm[0] === acronym[k] &&
            word.sentence === words[i]!.sentence &&
            isContentWord(word) &&
            // Two lower-case words spell two letters too often by chance ("batch jobs").
            (acronym.length > 2 || /^\p{Lu}/u.test(word.raw)),
        )
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

/** Where each stem, each capitalised acronym and each first letter occurs in a text. */
interface Lookup {
  positions: Map<string, number[]>;
  /** Words written in capitals ("OV", "OVs"), by their lower-case singular form. */
  capitals: Map<string, number[]>;
  /** Words by their first letter. */
  initials: Map<string, number[]>;
}

const lookups = new WeakMap<TextWords, Lookup>();

function lookupOf(text: TextWords): Lookup {
  let lookup = lookups.get(text);
  if (lookup !== undefined) return lookup;
  lookup = { positions: new Map(), capitals: new Map(), initials: new Map() };
  const note = (map: Map<string, number[]>, key: string, i: number): void => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [i]);
    else list.push(i);
  };
  for (const [i, word] of text.words.entries()) {
    note(lookup.positions, word.stem, i);
    note(lookup.initials, word.norm[0]!, i);
    const capitals = word.raw.replace(/['’]s?$/u, '');
    if (/^\p{Lu}+s?$/u.test(capitals)) {
      note(lookup.capitals, /\p{Lu}s$/u.test(capitals) ? word.norm.slice(0, -1) : word.norm, i);
    }
  }
  lookups.set(text, lookup);
  return lookup;
}

function singular(word: string): string {
  return word.replace(/(?<=..)s$/, '');
}
