import type { Chunk } from '../../src/content/chapter.js';
import type { KnowledgeIndex } from '../../src/search/buildIndex.js';
import { stem } from '../../src/search/tokenizer.js';
import type { Card } from '../../src/study/card.js';

/** What a chapter is known to say about its services, written by hand or by the chapter generator. */
export interface ServiceFacts {
  heading: string;
  /** Every name of the service: heading without acronym, distinctive name, acronyms, glossary aliases. */
  names: string[];
  /** Per feature title, the words (and glossary synonyms) a stem must not show. */
  titleWords: Map<string, string[]>;
}

/** The invariants every card keeps; each check returns one line per violation. */
export type Invariant = 'options' | 'giveaway' | 'twins' | 'faithful' | 'distractors';

const FILLER = new Set(['a', 'an', 'and', 'the', 'of', 'with', 'for', 'to', 'in', 'on', 'or']);

const wordCache = new Map<string, string[]>();

/** Lower-case words of a text, possessive endings dropped ("AWS's" → "aws"). */
function words(text: string): string[] {
  let cached = wordCache.get(text);
  if (cached === undefined) {
    cached = text
      .toLowerCase()
      .replace(/['’]s(?![\p{L}\p{N}])/gu, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word !== '');
    if (wordCache.size > 100_000) wordCache.clear();
    wordCache.set(text, cached);
  }
  return cached;
}

/** Where a name's words start in a list of words, its last word also in the plural ("VPCs"). */
function findName(list: readonly string[], name: string): number[] {
  const wanted = words(name);
  const found: number[] = [];
  if (wanted.length === 0) return found;
  const last = wanted.length - 1;
  for (let i = 0; i + wanted.length <= list.length; i++) {
    const matches = wanted.every((word, k) => {
      const actual = list[i + k]!;
      return actual === word || (k === last && (actual === `${word}s` || actual === `${word}es`));
    });
    if (matches) found.push(i);
  }
  return found;
}

/** True when a text names something, case-insensitively, also in the plural or possessive. */
function mentions(text: string, name: string): boolean {
  return findName(words(text), name).length > 0;
}

/** A text's words with every name replaced by one placeholder word. */
function withoutNames(text: string, names: readonly string[]): string[] {
  let list = [...words(text)];
  for (const name of [...names].sort((a, b) => words(b).length - words(a).length)) {
    const length = words(name).length;
    for (const at of findName(list, name).reverse())
      list = [...list.slice(0, at), '\u0000', ...list.slice(at + length)];
  }
  return list;
}

/** A normal form of an option: its words stemmed, or the heading of the service it names. */
function normalise(option: string, facts: readonly ServiceFacts[]): string {
  const wanted = words(option).join(' ');
  const service = facts.find(
    (s) => s.heading === option || s.names.some((name) => words(name).join(' ') === wanted),
  );
  return service?.heading ?? words(option).map(stem).join(' ');
}

function sameText(a: string, b: string): boolean {
  return words(a).join(' ') === words(b).join(' ');
}

/**
 * Check cards against what the chapter is known to say, independently of how they were generated.
 *
 * @param cards The generated cards.
 * @param index The index they were generated from.
 * @param facts The services of the chapters, with every name and title word.
 * @returns Violations per invariant, as readable lines.
 */
export function checkCards(
  cards: readonly Card[],
  index: KnowledgeIndex,
  facts: readonly ServiceFacts[],
): Record<Invariant, string[]> {
  const violations: Record<Invariant, string[]> = {
    options: [],
    giveaway: [],
    twins: [],
    faithful: [],
    distractors: [],
  };
  const factsOf = (chunk: Chunk): ServiceFacts | undefined => facts.find((s) => s.heading === chunk.service);
  const features = new Map<string, Chunk[]>();
  for (const chunk of index.chunks.values()) {
    if (chunk.kind === 'feature')
      features.set(chunk.service!, [...(features.get(chunk.service!) ?? []), chunk]);
  }
  const featuresOf = (service: string): Chunk[] => features.get(service) ?? [];
  const allNames = facts.flatMap((service) => service.names);
  const anonymous = new Map<string, string>();
  const anonymousOf = (chunk: Chunk, service: ServiceFacts): string => {
    let text = anonymous.get(chunk.id);
    if (text === undefined)
      anonymous.set(chunk.id, (text = withoutNames(chunk.text, service.names).join(' ')));
    return text;
  };
  const allText = [...index.chunks.values()].map((chunk) => words(chunk.text).join(' '));

  for (const card of cards) {
    const report = (invariant: Invariant, detail: string): void => {
      violations[invariant].push(
        `${card.id} (${card.kind}, ${card.chunkId}): ${detail}\n  stem: ${card.stem}\n  options: ${card.options.join(' | ')}`,
      );
    };
    const chunk = index.chunks.get(card.chunkId);
    if (chunk === undefined) {
      report('faithful', 'source chunk missing');
      continue;
    }
    const answer = card.options[card.answer];
    const distractors = card.options.filter((_, i) => i !== card.answer);
    const own = factsOf(chunk);

    // options: a valid answer, the right count, none repeated after normalisation.
    const counts = card.kind === 'service' ? [4] : [3, 4];
    if (answer === undefined) report('options', `answer index ${card.answer} out of range`);
    if (!counts.includes(card.options.length)) report('options', `${card.options.length} options`);
    const normal = card.options.map((option) => normalise(option, facts));
    if (new Set(normal).size !== normal.length) report('options', `repeated options: ${normal.join(' | ')}`);
    if (answer === undefined) continue;

    // giveaway: the stem never shows the answer, in any of its forms.
    if (card.kind === 'service') {
      const shown =
        facts.find((s) => s.heading === answer)?.names.filter((name) => mentions(card.stem, name)) ?? [];
      if (shown.length > 0) report('giveaway', `stem names the service as ${shown.join(', ')}`);
    } else if (card.kind === 'feature') {
      // Another service's name ("Direct Connect") is a name, not the title word it stems like.
      const visible = withoutNames(card.stem, allNames);
      const stemWords = new Set(visible.map(stem));
      const titleWords = own?.titleWords.get(answer) ?? words(answer);
      const shown = titleWords.filter((word) => {
        const parts = words(word).filter((part) => !FILLER.has(part));
        return (
          parts.length > 0 &&
          (parts.length === 1 ? stemWords.has(stem(parts[0]!)) : findName(visible, word).length > 0)
        );
      });
      if (shown.length > 0) report('giveaway', `stem shows title words ${shown.join(', ')}`);
    } else {
      const service = facts.find((s) => s.names.some((name) => sameText(name, answer)));
      const forms = service?.names ?? [answer];
      const stemWords = new Set(words(card.stem).map(stem));
      const shown = forms.filter((form) =>
        words(form).length === 1 ? stemWords.has(stem(words(form)[0]!)) : mentions(card.stem, form),
      );
      if (shown.length > 0) report('giveaway', `stem shows the answer as ${shown.join(', ')}`);
    }

    // twins: no distractor is answered by an identical explanation.
    if (card.kind === 'feature') {
      const twins = distractors.filter((title) =>
        featuresOf(chunk.service!).some(
          (other) => other.feature === title && sameText(other.text, chunk.text),
        ),
      );
      if (twins.length > 0) report('twins', `identical explanation under ${twins.join(', ')}`);
    } else if (card.kind === 'service' && own !== undefined) {
      const answerText = anonymousOf(chunk, own);
      const twins = distractors.filter((heading) => {
        const other = facts.find((s) => s.heading === heading);
        return (
          other !== undefined &&
          featuresOf(heading).some((feature) => anonymousOf(feature, other) === answerText)
        );
      });
      if (twins.length > 0) report('twins', `identical explanation under ${twins.join(', ')}`);
    }

    if (card.kind !== 'gap') continue;
    // faithful: the blank filled with the answer is the chapter's own sentence.
    if (
      !words(chunk.text)
        .join(' ')
        .includes(words(card.stem.replace('___', answer)).join(' '))
    ) {
      report('faithful', 'the stem with its answer is not in the chunk');
    }
    // distractors: none stands in the source chunk, none turns the sentence into one the chapter says.
    for (const distractor of distractors) {
      const service = facts.find((s) => s.names.some((name) => sameText(name, distractor)));
      const forms = service?.names ?? [distractor];
      const inChunk = forms.filter((form) => mentions(chunk.text, form));
      if (inChunk.length > 0)
        report('distractors', `"${distractor}" stands in the source chunk as ${inChunk.join(', ')}`);
      const filled = words(card.stem.replace('___', distractor)).join(' ');
      if (allText.some((text) => text.includes(filled)))
        report('distractors', `"${distractor}" makes a sentence the chapter says`);
    }
  }
  return violations;
}
