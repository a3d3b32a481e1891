import { STOPWORDS } from '../search/stopwords.js';
import { splitWords, stem, type Tokenizer } from '../search/tokenizer.js';

/** One word of a text, where it stands, and its forms for matching. */
export interface Word {
  /** As written, apostrophes included: "OVs", "service's". */
  raw: string;
  /** Offsets of `raw` in the text. */
  start: number;
  end: number;
  /** Lower-case form as the search tokenizer splits it ("services" for "service's"). */
  norm: string;
  /** Porter stem of `norm`. */
  stem: string;
  /** 0-based sentence of the text the word belongs to. */
  sentence: number;
  /** True when the word starts its sentence. */
  isSentenceStart: boolean;
  /** What separates the word from the previous one ("" for the first word). */
  gapBefore: string;
}

/** A text split into words, with the glossary and service-name phrases the tokenizer finds in them. */
export interface TextWords {
  text: string;
  words: Word[];
  /** Phrases found: words [start, end) stand for one glossary or service-name term. */
  matches: { start: number; end: number; term: string }[];
  /** Sentences as [start, end) offsets into the text. */
  sentences: { start: number; end: number }[];
}

const WORD = /[\p{L}\p{N}\p{M}'’]+/gu;
const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Split a text into words and sentences the way the search tokenizer sees them, keeping each word's
 * offsets so that it can be masked in the original text.
 *
 * @param text A chunk's plain text.
 * @param tokenizer The knowledge index's tokenizer, which knows the glossary and service-name phrases.
 */
export function readWords(text: string, tokenizer: Tokenizer): TextWords {
  const sentences = splitSentences(text);
  const words: Word[] = [];
  let sentence = 0;
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    while (sentence < sentences.length - 1 && start >= sentences[sentence]!.end) sentence++;
    // Most words are plain ASCII letters and digits, which splitWords would only lower-case.
    const norms = /^[A-Za-z0-9]+$/.test(match[0]) ? [match[0].toLowerCase()] : splitWords(match[0]);
    norms.forEach((norm, k) => {
      const last = words.at(-1);
      words.push({
        raw: match[0],
        start,
        end: start + match[0].length,
        norm,
        stem: stem(norm),
        sentence,
        isSentenceStart: last === undefined || last.sentence !== sentence,
        gapBefore: last === undefined || k > 0 ? '' : text.slice(previousEnd, start),
      });
    });
    previousEnd = start + match[0].length;
  }
  const analysed = tokenizer.analyze(words.map((word) => word.norm).join(' '));
  // Each norm is already one splitWords word, so the tokenizer's words line up with ours.
  const matches = analysed.words.length === words.length ? analysed.matches : [];
  return { text, words, matches, sentences };
}

/** Sentences of a text: line breaks end one too, since chunk texts join paragraphs with them. */
function splitSentences(text: string): { start: number; end: number }[] {
  const sentences: { start: number; end: number }[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    // Without a full stop, question or exclamation mark before a space the line is one sentence.
    const segments = /[.!?]\s/.test(line) ? sentenceSegmenter.segment(line) : [{ index: 0, segment: line }];
    for (const { index, segment } of segments) {
      if (segment.trim() !== '')
        sentences.push({ start: offset + index, end: offset + index + segment.length });
    }
    offset += line.length + 1;
  }
  return sentences;
}

/** True for a word that carries meaning: not filler such as "the", "with" or "many". */
export function isContentWord(word: Word): boolean {
  return !STOPWORDS.has(word.norm);
}

/** The words [start, end) as written, without a trailing possessive, with a percent sign after a number. */
export function labelOf(text: TextWords, start: number, end: number): string {
  const last = text.words[end - 1]!;
  const stop = last.start + bare(last.raw).length;
  return text.text.slice(text.words[start]!.start, stop) + (text.text[stop] === '%' ? '%' : '');
}

/** Nearest content words before and after words [start, end) in their sentence, as stems. */
export function neighboursOf(
  text: TextWords,
  start: number,
  end: number,
  vendorStems: ReadonlySet<string>,
): [string | null, string | null] {
  const words = text.words;
  const sentence = words[start]!.sentence;
  const isNeighbour = (word: Word | undefined): boolean =>
    word !== undefined && word.sentence === sentence && isContentWord(word) && !vendorStems.has(word.stem);
  let before = start - 1;
  while (before >= 0 && words[before]!.sentence === sentence && !isNeighbour(words[before])) before--;
  let after = end;
  while (after < words.length && words[after]!.sentence === sentence && !isNeighbour(words[after])) after++;
  return [
    isNeighbour(words[before]) ? words[before]!.stem : null,
    isNeighbour(words[after]) ? words[after]!.stem : null,
  ];
}

/** A word as written without a possessive ending: "DataHub" for "DataHub's". */
export function bare(raw: string): string {
  return raw.replace(/['’]s?$/u, '');
}
