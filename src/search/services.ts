import type { Chapter, Chunk } from '../content/chapter.js';
import type { GlossaryEntry } from '../content/parseGlossary.js';
import { phraseTerm, splitWords, stem, type Phrase, type Tokenizer } from './tokenizer.js';

/** A service as search sees it: its chunks and the terms by which a question names it. */
export interface Service {
  chapter: string;
  title: string;
  overviewId: string | null;
  chunkIds: string[];
  /** Query terms that name this service: its distinctive name's term and its aliases' terms. */
  intentTerms: Set<string>;
  /** Stems of every word of the heading (vendor and name words): naming words, not topic words. */
  nameStems: Set<string>;
}

/** A leading word used at least this often in the chapters may be a vendor prefix… */
const VENDOR_MIN_USES = 3;
/** …if less than this share of its uses go on with the rest of the service's name. */
const VENDOR_FOLLOW_SHARE = 0.5;

/** A service heading split into its name and the acronyms it declares in parentheses. */
export interface ServiceName {
  /** The heading without parentheses or leading vendor words. */
  distinctive: string;
  acronyms: string[];
  /** The leading vendor words left out of the distinctive name, as written. */
  vendors: string[];
}

/** Each chapter's service headings, each with its first word: a reload reads most chapters again unchanged. */
const titlesByChapter = new WeakMap<Chapter, readonly [title: string, first: string | undefined][]>();

/** A chapter's service headings, without duplicates, in reading order, each with its first word (lower case). */
export function serviceTitles(chapter: Chapter): readonly [title: string, first: string | undefined][] {
  let titles = titlesByChapter.get(chapter);
  if (titles === undefined) {
    const distinct = new Set(chapter.chunks.map((chunk) => chunk.service).filter((s) => s !== null));
    titles = [...distinct].map((title) => [title, splitWords(title)[0]]);
    titlesByChapter.set(chapter, titles);
  }
  return titles;
}

/** Words (lower case) that lead two or more distinct service headings across the chapters: vendor words. */
export function leadingWords(chapters: readonly Chapter[]): Set<string> {
  const leadingCount = new Map<string, number>();
  const seen = new Set<string>();
  for (const chapter of chapters) {
    for (const [title, first] of serviceTitles(chapter)) {
      if (seen.has(title)) continue;
      seen.add(title);
      if (first !== undefined) leadingCount.set(first, (leadingCount.get(first) ?? 0) + 1);
    }
  }
  return new Set([...leadingCount].filter(([, count]) => count >= 2).map(([word]) => word));
}

/**
 * Name each service heading by what distinguishes it: a leading word is a vendor prefix ("Acme" in "Acme
 * Harbor Gateway") when it leads several service headings, or when the chapters mostly use it before other
 * words than the rest of this name ("Acme Cloud", "Acme resources"; whereas "Harbor" is nearly always
 * followed by "Gateway"). Parenthesised acronyms become aliases. Nothing here knows any particular vendor
 * or service. A heading used by several chapters is named by the first.
 */
export function nameServices(chapters: readonly Chapter[]): Map<string, ServiceName> {
  const leading = leadingWords(chapters);
  return mergeServiceNames(chapters.map((chapter) => nameChapterServices(chapter, leading)));
}

/** Each chapter's service names merged in order: a heading used by several chapters is named by the first. */
export function mergeServiceNames(
  byChapter: Iterable<ReadonlyMap<string, ServiceName>>,
): Map<string, ServiceName> {
  const names = new Map<string, ServiceName>();
  for (const chapterNames of byChapter) {
    for (const [title, name] of chapterNames) if (!names.has(title)) names.set(title, name);
  }
  return names;
}

/**
 * One chapter's service names (see `nameServices`).
 *
 * @param leading Words that lead two or more service headings across all chapters (`leadingWords`).
 */
export function nameChapterServices(
  chapter: Chapter,
  leading: ReadonlySet<string>,
): Map<string, ServiceName> {
  // How the heading's own chapter uses a word: cheap, and what its author meant by it.
  const count = phraseCounter(chapter);
  const isVendorWord = (word: string, next: string): boolean => {
    if (leading.has(word.toLowerCase())) return true;
    const alone = count(word);
    return alone >= VENDOR_MIN_USES && count(`${word} ${next}`) < alone * VENDOR_FOLLOW_SHARE;
  };
  const names = new Map<string, ServiceName>();
  for (const [title] of serviceTitles(chapter)) {
    const acronyms = [...title.matchAll(/\(([^()]{1,40})\)/g)].map((match) => match[1]!.trim());
    const words = title
      .replace(/\([^()]*\)/g, ' ')
      .trim()
      .split(/\s+/);
    let start = 0;
    while (start < words.length - 1 && isVendorWord(words[start]!, words[start + 1]!)) start++;
    names.set(title, { distinctive: words.slice(start).join(' '), acronyms, vendors: words.slice(0, start) });
  }
  return names;
}

/**
 * How often a phrase occurs in a chapter's text, as whole words in a row (`splitWords`, across chunk
 * boundaries too); an empty phrase counts one more than the chapter has words.
 */
function phraseCounter(chapter: Chapter): (phrase: string) => number {
  const joined = chapter.chunks.map((chunk) => chunk.text).join(' ');
  // In plain ASCII the words `splitWords` gives are the runs of letters and digits of the text as it
  // prepares it (lower case, possessives and apostrophes dropped): found there, far cheaper than
  // splitting a whole chapter into words.
  const plain = ASCII_TEXT.test(joined) ? joined.toLowerCase().replace(/'s\b/g, '').replace(/'/g, '') : null;
  let words: string[] | null = null;
  let positions: Map<string, number[]> | null = null;
  return (phrase) => {
    const wanted = splitWords(phrase);
    if (plain !== null && wanted.length > 0) return countInPlainText(plain, wanted);
    if (words === null || positions === null) {
      words = splitWords(joined);
      positions = new Map();
      for (let i = 0; i < words.length; i++) {
        const list = positions.get(words[i]!);
        if (list === undefined) positions.set(words[i]!, [i]);
        else list.push(i);
      }
    }
    if (wanted.length === 0) return words.length + 1;
    let total = 0;
    for (const i of positions.get(wanted[0]!) ?? []) {
      if (i + wanted.length <= words.length && wanted.every((word, k) => words![i + k] === word)) total++;
    }
    return total;
  };
}

// eslint-disable-next-line no-control-regex -- every ASCII character, control characters included
const ASCII_TEXT = /^[\x00-\x7f]*$/;

/** How often the words occur in a row in lower-case ASCII text: each whole, with anything but letters and digits between. */
function countInPlainText(text: string, wanted: readonly string[]): number {
  const isWordCode = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
  const isWordAt = (at: number): boolean => at >= 0 && at < text.length && isWordCode(text.charCodeAt(at));
  let total = 0;
  for (let at = text.indexOf(wanted[0]!); at !== -1; at = text.indexOf(wanted[0]!, at + 1)) {
    if (isWordAt(at - 1)) continue;
    let end = at + wanted[0]!.length;
    let isMatch = true;
    for (let k = 1; k < wanted.length && isMatch; k++) {
      if (end >= text.length || isWordAt(end)) isMatch = false;
      else {
        while (end < text.length && !isWordAt(end)) end++;
        isMatch = text.startsWith(wanted[k]!, end);
        end += wanted[k]!.length;
      }
    }
    if (isMatch && !isWordAt(end)) total++;
  }
  return total;
}

/** A run of two or more capitalised words in running text: a name ("Weighted Lanterns", "Multi-Value Answer"). */
const CAPITALISED_NAME =
  /\b[A-Z][\p{L}\d]*(?:-[\p{L}\d]+)*(?:[ \t]+(?:[A-Z][\p{L}\d]*(?:-[\p{L}\d]+)*|\d+))+/gu;

/** The names a chapter's text writes in capitals ("Weighted Routing"), each once, in reading order. */
export function capitalisedNames(chapter: Chapter): string[] {
  const names = new Set<string>();
  for (const chunk of chapter.chunks) {
    for (const [name] of chunk.text.matchAll(CAPITALISED_NAME)) names.add(name);
  }
  return [...names];
}

/**
 * The phrases the tokenizer contracts: each glossary term with its aliases, each service's distinctive
 * name with its acronyms, and each name the chapters' text writes in capitals ("Weighted Routing"), all
 * mapped to one term per concept.
 *
 * @param capitalised The chapters' `capitalisedNames`, chapter by chapter in reading order.
 */
export function collectPhrases(
  glossary: readonly GlossaryEntry[],
  serviceNames: ReadonlyMap<string, ServiceName>,
  capitalised: Iterable<string> = [],
): Phrase[] {
  const phrases = new Map<string, Phrase>();
  const add = (text: string, term: string): void => {
    const stems = splitWords(text).map(stem);
    if (stems.length === 0 || term === '') return;
    phrases.set(`${stems.join(' ')}→${term}`, { stems, term });
  };
  for (const entry of glossary) {
    const term = phraseTerm(entry.term);
    add(entry.term, term);
    for (const alias of entry.aliases) add(alias, term);
  }
  for (const { distinctive, acronyms } of serviceNames.values()) {
    const term = phraseTerm(distinctive);
    add(distinctive, term);
    for (const acronym of acronyms) add(acronym, term);
  }
  const known = new Set([...phrases.values()].map((phrase) => phrase.stems.join(' ')));
  const vendors = new Set([...serviceNames.values()].flatMap((name) => name.vendors));
  for (const name of new Set(capitalised)) {
    const words = name.split(/\s+/);
    while (words.length > 0 && vendors.has(words[0]!)) words.shift();
    const text = words.join(' ');
    const stems = splitWords(text).map(stem);
    if (stems.length >= 2 && !known.has(stems.join(' '))) add(text, phraseTerm(text));
  }
  return [...phrases.values()];
}

/** The vendor words of each set of service names: an update keeps the names, and asks again. */
const vendorWordsByNames = new WeakMap<ReadonlyMap<string, ServiceName>, readonly string[]>();

/** The vendor words of the service names, as written, each once. */
export function vendorWordsOf(serviceNames: ReadonlyMap<string, ServiceName>): readonly string[] {
  let words = vendorWordsByNames.get(serviceNames);
  if (words === undefined) {
    words = [...new Set([...serviceNames.values()].flatMap((name) => name.vendors))];
    vendorWordsByNames.set(serviceNames, words);
  }
  return words;
}

/**
 * The products a chapter names with a vendor's word ("<vendor> X", "<vendor> X Y (XY)") in one term, each
 * with how many of its chunks name it: what `collectForeignTerms` adds up.
 *
 * @param vendors The vendor words (`vendorWordsOf`).
 */
export function vendorMentions(
  chapter: Chapter,
  vendors: readonly string[],
  tokenizer: Tokenizer,
): Map<string, number> {
  const chunksNaming = new Map<string, number>();
  if (vendors.length === 0) return chunksNaming;
  const escaped = vendors.map((vendor) => vendor.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const mention = new RegExp(
    `\\b(?:${escaped.join('|')})\\s+([A-Z0-9][\\w-]*(?:\\s+[A-Z0-9][\\w-]*)*)(?:\\s*\\(([^()]{1,30})\\))?`,
    'g',
  );
  // The same few product names recur in thousands of chunks.
  const termsOf = new Map<string, string[]>();
  for (const chunk of chapter.chunks) {
    const found = new Set<string>();
    for (const match of chunk.text.matchAll(mention)) {
      for (const name of [match[1], match[2]]) {
        if (name === undefined) continue;
        let terms = termsOf.get(name);
        if (terms === undefined) termsOf.set(name, (terms = tokenizer.sequence(name)));
        if (terms.length === 1) found.add(terms[0]!);
      }
    }
    for (const term of found) chunksNaming.set(term, (chunksNaming.get(term) ?? 0) + 1);
  }
  return chunksNaming;
}

/**
 * The terms of the services' own names, by the service names they were read from: an index updated in
 * place keeps its service names (and phrases), so it reads them once, not at every update.
 */
const ownTermsOf = new WeakMap<ReadonlyMap<string, ServiceName>, ReadonlySet<string>>();

/**
 * Terms that name products the chapters mention without covering them: a vendor's product ("<vendor> X",
 * "<vendor> X Y (XY)") that is none of the chapters' services, and that the chapters name only in that
 * form. A question about such a product is about something the chapters merely list.
 *
 * @param mentions Each chapter's `vendorMentions`.
 * @param documentFrequency How many chunks hold each indexed term.
 */
export function collectForeignTerms(
  mentions: Iterable<ReadonlyMap<string, number>>,
  serviceNames: ReadonlyMap<string, ServiceName>,
  tokenizer: Tokenizer,
  documentFrequency: ReadonlyMap<string, number>,
): Set<string> {
  let own = ownTermsOf.get(serviceNames);
  if (own === undefined) {
    own = new Set(
      [...serviceNames.values()].flatMap((name) =>
        [name.distinctive, ...name.acronyms].flatMap((text) => tokenizer.sequence(text)),
      ),
    );
    ownTermsOf.set(serviceNames, own);
  }
  const chunksNaming = new Map<string, number>();
  for (const chapterMentions of mentions) {
    for (const [term, count] of chapterMentions) {
      if (!own.has(term)) chunksNaming.set(term, (chunksNaming.get(term) ?? 0) + count);
    }
  }
  return new Set(
    [...chunksNaming]
      .filter(([term, count]) => count >= (documentFrequency.get(term) ?? Number.POSITIVE_INFINITY))
      .map(([term]) => term),
  );
}

/** Group chunks by service and work out the terms that name each one. */
export function collectServices(
  chapters: readonly Chapter[],
  serviceNames: ReadonlyMap<string, ServiceName>,
  tokenizer: Tokenizer,
): Service[] {
  const services = new Map<string, Service>();
  for (const chapter of chapters) {
    for (const chunk of chapter.chunks) {
      if (chunk.service === null) continue;
      const key = `${chapter.slug}\u0000${chunk.service}`;
      let service = services.get(key);
      if (service === undefined) {
        service = createService(chunk, serviceNames.get(chunk.service), tokenizer);
        services.set(key, service);
      }
      service.chunkIds.push(chunk.id);
      if (chunk.kind === 'overview' && service.overviewId === null) service.overviewId = chunk.id;
    }
  }
  return [...services.values()];
}

function createService(chunk: Chunk, name: ServiceName | undefined, tokenizer: Tokenizer): Service {
  const title = chunk.service!;
  const distinctive = name?.distinctive ?? title;
  const intentTerms = new Set<string>([phraseTerm(distinctive)]);
  // A glossary phrase that covers the whole distinctive name ("<vendor> Harbor Gateway" for "Harbor Gateway")
  // names the service too.
  const base = title.replace(/\([^()]*\)/g, ' ');
  const { stems, matches } = tokenizer.analyze(base);
  const distinctiveStems = splitWords(distinctive).map(stem);
  const offset = findSublist(stems, distinctiveStems);
  if (offset >= 0) {
    for (const match of matches) {
      if (match.start <= offset && match.end >= offset + distinctiveStems.length) intentTerms.add(match.term);
    }
  }
  return {
    chapter: chunk.chapter,
    title,
    overviewId: null,
    chunkIds: [],
    intentTerms,
    nameStems: new Set(splitWords(title).map(stem)),
  };
}

function findSublist(list: readonly string[], sub: readonly string[]): number {
  if (sub.length === 0) return -1;
  for (let i = 0; i + sub.length <= list.length; i++) {
    if (sub.every((item, k) => list[i + k] === item)) return i;
  }
  return -1;
}
