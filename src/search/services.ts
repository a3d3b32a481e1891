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
interface ServiceName {
  /** The heading without parentheses or leading vendor words. */
  distinctive: string;
  acronyms: string[];
  /** The leading vendor words left out of the distinctive name, as written. */
  vendors: string[];
}

/**
 * Name each service heading by what distinguishes it: a leading word is a vendor prefix ("Acme" in "Acme
 * Harbor Gateway") when it leads several service headings, or when the chapters mostly use it before other
 * words than the rest of this name ("Acme Cloud", "Acme resources"; whereas "Harbor" is nearly always
 * followed by "Gateway"). Parenthesised acronyms become aliases. Nothing here knows any particular vendor
 * or service.
 */
export function nameServices(chapters: readonly Chapter[]): Map<string, ServiceName> {
  const titlesOf = (chapter: Chapter): string[] => [
    ...new Set(chapter.chunks.map((chunk) => chunk.service).filter((s): s is string => s !== null)),
  ];
  const leadingCount = new Map<string, number>();
  for (const title of new Set(chapters.flatMap(titlesOf))) {
    const first = splitWords(title)[0];
    if (first !== undefined) leadingCount.set(first, (leadingCount.get(first) ?? 0) + 1);
  }
  const names = new Map<string, ServiceName>();
  for (const chapter of chapters) {
    // How the heading's own chapter uses a word: cheap, and what its author meant by it.
    let chapterWords: string[] | null = null;
    let positions: Map<string, number[]> | null = null;
    const count = (phrase: string): number => {
      if (chapterWords === null || positions === null) {
        chapterWords = chapter.chunks.flatMap((chunk) => splitWords(chunk.text));
        positions = new Map();
        chapterWords.forEach((word, i) => {
          const list = positions!.get(word);
          if (list === undefined) positions!.set(word, [i]);
          else list.push(i);
        });
      }
      const words = chapterWords;
      const wanted = splitWords(phrase);
      if (wanted.length === 0) return words.length + 1;
      let total = 0;
      for (const i of positions.get(wanted[0]!) ?? []) {
        if (i + wanted.length <= words.length && wanted.every((word, k) => words[i + k] === word)) total++;
      }
      return total;
    };
    const isVendorWord = (word: string, next: string): boolean => {
      if ((leadingCount.get(word.toLowerCase()) ?? 0) >= 2) return true;
      const alone = count(word);
      return alone >= VENDOR_MIN_USES && count(`${word} ${next}`) < alone * VENDOR_FOLLOW_SHARE;
    };
    for (const title of titlesOf(chapter)) {
      if (names.has(title)) continue;
      const acronyms = [...title.matchAll(/\(([^()]{1,40})\)/g)].map((match) => match[1]!.trim());
      const words = title
        .replace(/\([^()]*\)/g, ' ')
        .trim()
        .split(/\s+/);
      let start = 0;
      while (start < words.length - 1 && isVendorWord(words[start]!, words[start + 1]!)) start++;
      names.set(title, {
        distinctive: words.slice(start).join(' '),
        acronyms,
        vendors: words.slice(0, start),
      });
    }
  }
  return names;
}

/** A run of two or more capitalised words in running text: a name ("Weighted Lanterns", "Multi-Value Answer"). */
const CAPITALISED_NAME =
  /\b[A-Z][\p{L}\d]*(?:-[\p{L}\d]+)*(?:[ \t]+(?:[A-Z][\p{L}\d]*(?:-[\p{L}\d]+)*|\d+))+/gu;

/**
 * The phrases the tokenizer contracts: each glossary term with its aliases, each service's distinctive
 * name with its acronyms, and each name the chapters' text writes in capitals ("Weighted Routing"), all
 * mapped to one term per concept.
 */
export function collectPhrases(
  glossary: readonly GlossaryEntry[],
  serviceNames: ReadonlyMap<string, ServiceName>,
  chapters: readonly Chapter[] = [],
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
  const names = new Set<string>();
  for (const chunk of chapters.flatMap((chapter) => chapter.chunks)) {
    for (const [name] of chunk.text.matchAll(CAPITALISED_NAME)) names.add(name);
  }
  for (const name of names) {
    const words = name.split(/\s+/);
    while (words.length > 0 && vendors.has(words[0]!)) words.shift();
    const text = words.join(' ');
    const stems = splitWords(text).map(stem);
    if (stems.length >= 2 && !known.has(stems.join(' '))) add(text, phraseTerm(text));
  }
  return [...phrases.values()];
}

/**
 * Terms that name products the chapters mention without covering them: a vendor's product ("<vendor> X",
 * "<vendor> X Y (XY)") that is none of the chapters' services, and that the chapters name only in that
 * form. A question about such a product is about something the chapters merely list.
 *
 * @param documentFrequency How many chunks hold each indexed term.
 */
export function collectForeignTerms(
  chapters: readonly Chapter[],
  serviceNames: ReadonlyMap<string, ServiceName>,
  tokenizer: Tokenizer,
  documentFrequency: ReadonlyMap<string, number>,
): Set<string> {
  const names = [...serviceNames.values()];
  const vendors = [...new Set(names.flatMap((name) => name.vendors))];
  if (vendors.length === 0) return new Set();
  const own = new Set(
    names.flatMap((name) => [name.distinctive, ...name.acronyms].flatMap((text) => tokenizer.sequence(text))),
  );
  const escaped = vendors.map((vendor) => vendor.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const mention = new RegExp(
    `\\b(?:${escaped.join('|')})\\s+([A-Z0-9][\\w-]*(?:\\s+[A-Z0-9][\\w-]*)*)(?:\\s*\\(([^()]{1,30})\\))?`,
    'g',
  );
  const chunksNaming = new Map<string, number>();
  // The same few product names recur in thousands of chunks.
  const termsOf = new Map<string, string[]>();
  for (const chunk of chapters.flatMap((chapter) => chapter.chunks)) {
    const found = new Set<string>();
    for (const match of chunk.text.matchAll(mention)) {
      for (const name of [match[1], match[2]]) {
        if (name === undefined) continue;
        let terms = termsOf.get(name);
        if (terms === undefined) termsOf.set(name, (terms = tokenizer.sequence(name)));
        if (terms.length === 1 && !own.has(terms[0]!)) found.add(terms[0]!);
      }
    }
    for (const term of found) chunksNaming.set(term, (chunksNaming.get(term) ?? 0) + 1);
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
