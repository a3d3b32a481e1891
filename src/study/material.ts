import type { Chapter, Chunk } from '../content/chapter.js';
import type { KnowledgeIndex } from '../search/buildIndex.js';
import { nameServices, type Service } from '../search/services.js';
import { phraseTerm, splitWords, stem } from '../search/tokenizer.js';
import { addName, emptyForms, findForms, type Forms } from './forms.js';
import { maskText } from './maskText.js';
import { readWords, type TextWords } from './textWords.js';

/** What every kind of card needs from the knowledge index, worked out once. */
export interface Material {
  index: KnowledgeIndex;
  /** A chunk's text split into words (memoised). */
  wordsOf(chunk: Chunk): TextWords;
  /** Stems of vendor prefixes ("Acme", "Globex"), found by the search's service naming. */
  vendorStems: ReadonlySet<string>;
  /** Every way the chapters name each service: heading, distinctive name, acronyms, glossary aliases. */
  serviceForms: ReadonlyMap<Service, Forms>;
  /** One key per service concept, equal for two services that are named alike. */
  serviceKey: ReadonlyMap<Service, string>;
  /** A service's distinctive name, without vendor prefix or acronym: "Relay 7". */
  serviceShortName: ReadonlyMap<Service, string>;
  /** The chapter each chunk belongs to. */
  chapterOf: ReadonlyMap<string, Chapter>;
  /** A feature's explanation with its own service's names masked (memoised): equal for twin texts. */
  anonymousText(chunk: Chunk): string;
  /** Services with a feature whose anonymous text is this one: the services a twin text fits. */
  servicesWithText(anonymousText: string): ReadonlySet<Service>;
  /** A chapter's services, in reading order. */
  servicesOf(chapter: Chapter): readonly Service[];
  /** Services one of whose names has these stems ("object vault"), or that a glossary term names. */
  servicesNamed(stems: string, concepts: ReadonlySet<string>): Service[];
}

/**
 * Work out what cards need from a knowledge index: words of each chunk, service names and vendor prefixes.
 *
 * @param index The knowledge index built from the chapters and glossary.
 */
export function prepareMaterial(index: KnowledgeIndex): Material {
  const names = nameServices(index.chapters);
  const vendorStems = new Set<string>();
  for (const [title, name] of names) {
    const heading = splitWords(title.replace(/\([^()]*\)/g, ' '));
    const distinctive = splitWords(name.distinctive);
    for (const word of heading.slice(0, heading.length - distinctive.length)) vendorStems.add(stem(word));
  }
  const serviceForms = new Map<Service, Forms>();
  const serviceKey = new Map<Service, string>();
  const serviceShortName = new Map<Service, string>();
  for (const service of index.services) {
    const name = names.get(service.title);
    const distinctive = name?.distinctive ?? service.title;
    const forms = emptyForms();
    addName(forms, service.title.replace(/\([^()]*\)/g, ' '), index.tokenizer);
    addName(forms, distinctive, index.tokenizer);
    for (const acronym of name?.acronyms ?? []) addName(forms, acronym, index.tokenizer);
    for (const term of service.intentTerms) forms.terms.add(term);
    serviceForms.set(service, forms);
    serviceKey.set(service, phraseTerm(distinctive));
    serviceShortName.set(service, distinctive);
  }
  const chapterOf = new Map<string, Chapter>();
  for (const chapter of index.chapters) for (const chunk of chapter.chunks) chapterOf.set(chunk.id, chapter);

  const words = new Map<string, TextWords>();
  const wordsOf = (chunk: Chunk): TextWords => {
    let text = words.get(chunk.id);
    if (text === undefined) words.set(chunk.id, (text = readWords(chunk.text, index.tokenizer)));
    return text;
  };
  const anonymous = new Map<string, string>();
  const anonymousText = (chunk: Chunk): string => {
    let text = anonymous.get(chunk.id);
    if (text === undefined) {
      const service = index.serviceOf.get(chunk.id);
      const forms = service === undefined ? emptyForms() : serviceForms.get(service)!;
      const masked = maskText(wordsOf(chunk), findForms(wordsOf(chunk), forms), vendorStems);
      text = splitWords(masked.text.replace(/___/g, ' blank ')).join(' ');
      anonymous.set(chunk.id, text);
    }
    return text;
  };
  let byText: Map<string, Set<Service>> | null = null;
  const servicesWithText = (text: string): ReadonlySet<Service> => {
    if (byText === null) {
      byText = new Map();
      for (const chunk of index.chunks.values()) {
        const service = index.serviceOf.get(chunk.id);
        if (chunk.kind !== 'feature' || service === undefined) continue;
        const key = anonymousText(chunk);
        byText.set(key, (byText.get(key) ?? new Set()).add(service));
      }
    }
    return byText.get(text) ?? new Set();
  };
  const byChapter = new Map<Chapter, Service[]>();
  const byStems = new Map<string, Service[]>();
  const byConcept = new Map<string, Service[]>();
  const note = <K>(map: Map<K, Service[]>, key: K, service: Service): void => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [service]);
    else if (!list.includes(service)) list.push(service);
  };
  for (const service of index.services) {
    const chapter = chapterOf.get(service.chunkIds[0]!);
    if (chapter !== undefined) note(byChapter, chapter, service);
    const forms = serviceForms.get(service)!;
    for (const sequence of forms.sequences) note(byStems, sequence.join(' '), service);
    for (const term of forms.terms) note(byConcept, term, service);
  }
  return {
    index,
    wordsOf,
    servicesWithText,
    servicesOf: (chapter) => byChapter.get(chapter) ?? [],
    servicesNamed: (stems, concepts) => [
      ...new Set([
        ...(byStems.get(stems) ?? []),
        ...[...concepts].flatMap((concept) => byConcept.get(concept) ?? []),
      ]),
    ],
    vendorStems,
    serviceForms,
    serviceKey,
    serviceShortName,
    chapterOf,
    anonymousText,
  };
}
