import type { Chapter } from '../content/chapter.js';
import type { AskedEntry } from '../content/parseAsked.js';
import type { GlossaryEntry } from '../content/parseGlossary.js';
import {
  aliasesOf,
  assembleIndex,
  buildIndex,
  chunksOf,
  collectAsked,
  learnWords,
  numberChunks,
  positionOfKey,
  readChunk,
  sortChapters,
  tieServices,
  wordKey,
  type ChapterParts,
  type ChunkReading,
  type KnowledgeIndex,
} from './buildIndex.js';
import {
  capitalisedNames,
  collectPhrases,
  collectServices,
  leadingWords,
  mergeServiceNames,
  nameChapterServices,
  serviceTitles,
  vendorMentions,
  vendorWordsOf,
  type Service,
} from './services.js';
import type { Postings } from './postings.js';
import type { Vocabulary } from './vocabulary.js';
import { updateTables, type ChunkChange } from './updateTables.js';

/** An index after an update, and whether it was built whole. */
export interface IndexUpdate {
  index: KnowledgeIndex;
  /**
   * Why the index was built whole rather than updated in place (something library-wide changed); null
   * when it was updated in place, or nothing changed.
   */
  rebuilt: string | null;
}

/**
 * The index of the given content, made from the previous one by re-indexing only the chapters that
 * changed (`updateInPlace`), or built whole (`buildIndex`) when something library-wide changed. Either
 * way its answers are those of `buildIndex` on the same content, to the last bit.
 *
 * @param previous The index built (or updated) from the content before; taken over when updated in place
 *   (see `updateInPlace`), left as it was when built whole.
 * @param chapters Every chapter now; unchanged ones are the very objects `previous` holds (a changed one
 *   is a new object).
 * @param glossary As for `buildIndex`.
 * @param asked As for `buildIndex`.
 * @throws ContentError as `buildIndex` does.
 */
export function updateIndex(
  previous: KnowledgeIndex,
  chapters: readonly Chapter[],
  glossary: readonly GlossaryEntry[],
  asked: readonly AskedEntry[] = [],
): IndexUpdate {
  const updated = updateInPlace(previous, chapters, glossary, asked);
  if ('reason' in updated) return { index: buildIndex(chapters, glossary, asked), rebuilt: updated.reason };
  return { index: updated, rebuilt: null };
}

/**
 * The index of the given content made from the previous one by re-indexing only the chapters that
 * changed, or, when something library-wide changed (the glossary, `asked.yml`, a chapter added, removed
 * or moved in reading order, the words that lead service headings, a service's name, the phrases), why
 * it cannot be: then only a whole build (`buildIndex`) gives its answers.
 *
 * @param previous The index built (or updated) from the content before. Updated in place, its tables
 *   become the new index's: search the returned index from then on, never `previous`. Left as it was
 *   when the update is refused (a reason, or an error).
 * @param chapters Every chapter now; unchanged ones are the very objects `previous` holds.
 * @throws ContentError as `buildIndex` does (a duplicate chunk id, an unknown section in `asked`).
 */
export function updateInPlace(
  previous: KnowledgeIndex,
  chapters: readonly Chapter[],
  glossary: readonly GlossaryEntry[],
  asked: readonly AskedEntry[] = [],
): KnowledgeIndex | { reason: string } {
  const whole = (reason: string): { reason: string } => ({ reason });
  const sorted = sortChapters(chapters);
  const before = previous.chapters;
  if (sorted.length !== before.length || sorted.some((chapter, i) => chapter.file !== before[i]!.file)) {
    return whole('chapters were added, removed or reordered');
  }
  if (!isSame(glossary, previous.parts.glossary)) return whole('the glossary changed');
  const chunks = chunksOf(sorted);
  const askedById = collectAsked(asked, chunks);
  if (!isSameMap(askedById, previous.parts.asked)) return whole('asked.yml changed');
  const changed = sorted.flatMap((chapter, i) => (chapter === before[i] ? [] : [i]));
  if (changed.length === 0) return previous;
  // Only the service headings decide the leading words: when the changed chapters kept theirs, so did all.
  const isTitlesSame = changed.every((i) => isSame(serviceTitles(sorted[i]!), serviceTitles(before[i]!)));
  const leading = isTitlesSame ? previous.parts.leadingWords : leadingWords(sorted);
  if (!isTitlesSame && !isSame([...leading].sort(), [...previous.parts.leadingWords].sort())) {
    return whole('the words that lead service headings changed');
  }

  const byChapter = new Map<string, ChapterParts>(previous.parts.byChapter);
  const names = new Map(changed.map((i) => [sorted[i]!.file, nameChapterServices(sorted[i]!, leading)]));
  const isNamesSame = changed.every((i) =>
    isSameMap(names.get(sorted[i]!.file)!, byChapter.get(sorted[i]!.file)!.names),
  );
  if (!isNamesSame) {
    const merged = mergeServiceNames(
      sorted.map((chapter) => names.get(chapter.file) ?? byChapter.get(chapter.file)!.names),
    );
    if (!isSameMap(merged, previous.parts.serviceNames)) return whole('a service name changed');
  }
  // The same names, so the same object: what is read from them alone is read once (`collectForeignTerms`).
  const { serviceNames } = previous.parts;
  const capitalised = new Map(changed.map((i) => [sorted[i]!.file, capitalisedNames(sorted[i]!)]));
  const isCapitalisedSame = changed.every((i) =>
    isSame(capitalised.get(sorted[i]!.file)!, byChapter.get(sorted[i]!.file)!.capitalised),
  );
  if (!isCapitalisedSame) {
    const all = sorted.flatMap(
      (chapter) => capitalised.get(chapter.file) ?? byChapter.get(chapter.file)!.capitalised,
    );
    if (!isSame(collectPhrases(glossary, serviceNames, all), previous.tokenizer.phrases)) {
      return whole('the phrases changed');
    }
  }

  // From here on `previous` is changed: every fault that could stop the update has been found above.
  const { tokenizer } = previous;
  const aliases = aliasesOf(glossary);
  const change = chunkChange(previous, sorted, new Set(changed), (chunk) =>
    readChunk(chunk, tokenizer, aliases, askedById.get(chunk.id) ?? []),
  );
  // Tables built by `buildIndex` or `readSnapshot` as maps, and handed on from update to update.
  const tables = {
    miniSearch: previous.miniSearch,
    postings: previous.postings as Map<string, Postings>,
    documentFrequency: previous.documentFrequency as Map<string, number>,
  };
  const { shortIdAt, positionOf } = updateTables(tables, change, previous.parts.shortIdAt);
  updateVocabulary(tokenizer.vocabulary, change, tables.postings, positionOf, (position) =>
    readChunk(chunks.get(change.ids[position]!)!, tokenizer, aliases, []),
  );
  const vendorWords = vendorWordsOf(serviceNames);
  const order = previous.order as Map<string, number>;
  const serviceOf = previous.serviceOf as Map<string, Service>;
  for (const i of changed) {
    for (const chunk of before[i]!.chunks) order.delete(chunk.id);
    for (const service of byChapter.get(before[i]!.file)!.services)
      for (const id of service.chunkIds) serviceOf.delete(id);
  }
  for (const i of changed) {
    const chapter = sorted[i]!;
    const parts: ChapterParts = {
      names: names.get(chapter.file)!,
      capitalised: capitalised.get(chapter.file)!,
      mentions: vendorMentions(chapter, vendorWords, tokenizer),
      services: collectServices([chapter], serviceNames, tokenizer),
    };
    byChapter.set(chapter.file, parts);
    numberChunks(order, chapter, i);
    tieServices(serviceOf, parts.services);
  }
  return assembleIndex({
    chapters: sorted,
    chunks,
    tokenizer,
    miniSearch: tables.miniSearch,
    postings: tables.postings,
    parts: { glossary, leadingWords: leading, serviceNames, byChapter, asked: askedById, shortIdAt },
    carried: { documentFrequency: tables.documentFrequency, order, serviceOf },
  });
}

/**
 * The chunks of the changed chapters (by position in `sorted`) removed and added, and where the rest
 * move: a chunk of a changed chapter that reads exactly as before, in the same order, is kept.
 */
function chunkChange(
  previous: KnowledgeIndex,
  sorted: readonly Chapter[],
  changed: ReadonlySet<number>,
  read: (chunk: Chapter['chunks'][number]) => ChunkReading,
): ChunkChange {
  const moved = new Int32Array(previous.ids.length);
  const ids: string[] = [];
  const removed: ChunkChange['removed'][number][] = [];
  const added: ChunkChange['added'][number][] = [];
  let old = 0;
  sorted.forEach((chapter, i) => {
    const last = previous.chapters[i]!;
    if (!changed.has(i)) {
      for (const chunk of chapter.chunks) {
        moved[old++] = ids.length;
        ids.push(chunk.id);
      }
      return;
    }
    // A chunk read the same as before, in the same order, keeps its place in every table (and its short
    // id); the others leave and join.
    const before = last.chunks.map((chunk) => read(chunk));
    const oldIndexOf = new Map(last.chunks.map((chunk, k) => [chunk.id, k]));
    const kept = new Int32Array(last.chunks.length).fill(-1);
    let lastKept = -1;
    for (const chunk of chapter.chunks) {
      const position = ids.length;
      ids.push(chunk.id);
      const reading = read(chunk);
      const k = oldIndexOf.get(chunk.id);
      if (k !== undefined && k > lastKept && readsSame(reading, before[k]!)) {
        kept[k] = position;
        lastKept = k;
      } else {
        added.push({ id: chunk.id, position, reading });
      }
    }
    last.chunks.forEach((chunk, k) => {
      moved[old++] = kept[k]!;
      if (kept[k] === -1) removed.push({ id: chunk.id, reading: before[k]! });
    });
  });
  return { ids, moved, removed, added };
}

/**
 * Forget the removed chunks' words and learn the added ones', each word's first occurrence where a fresh
 * build would put it: moved with its chunk, or, when it was in a removed chunk, found again (the first
 * chunk whose postings hold its stem and that holds the word).
 *
 * @param readAt The reading of the chunk now at a position.
 */
function updateVocabulary(
  vocabulary: Vocabulary,
  change: ChunkChange,
  postings: ReadonlyMap<string, Postings>,
  positionOf: Int32Array,
  readAt: (position: number) => ChunkReading,
): void {
  const { moved } = change;
  const stems = new Map<string, string>();
  for (const { reading } of change.removed) {
    for (const [word, stemmed] of reading.words) {
      vocabulary.unlearn(word, stemmed);
      stems.set(word, stemmed);
    }
  }
  vocabulary.moveFirsts((key) => {
    const position = positionOfKey(key);
    const to = moved[position] ?? -1;
    return to === -1 ? Number.POSITIVE_INFINITY : wordKey(to, key - wordKey(position, 0));
  });
  // Words whose first occurrence left with a removed chunk: found again once the added chunks are learnt,
  // since one of those may hold the word later than a kept chunk that holds it too.
  const lost = [...stems].filter(([word]) => vocabulary.firstOf(word) === Number.POSITIVE_INFINITY);
  for (const { position, reading } of change.added) learnWords(vocabulary, reading.words, position);
  const readings = new Map<number, ChunkReading>();
  for (const [word, stemmed] of lost) {
    for (const shortId of postings.get(stemmed)?.shortIds ?? []) {
      const position = positionOf[shortId]!;
      let reading = readings.get(position);
      if (reading === undefined) readings.set(position, (reading = readAt(position)));
      const place = reading.words.findIndex(([other]) => other === word);
      if (place >= 0) {
        vocabulary.setFirst(word, wordKey(position, place));
        break;
      }
    }
  }
}

/** Whether two lists hold the same items in the same order: the very same, or ones that read the same. */
function isSame(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, i) => readsSame(item, b[i]));
}

/** Whether two maps hold the same entries in the same order (see `isSame`). */
function isSameMap<K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>): boolean {
  if (a.size !== b.size) return false;
  const others = b.entries();
  for (const [key, value] of a) {
    const [otherKey, other] = others.next().value!;
    if (key !== otherKey || !readsSame(value, other)) return false;
  }
  return true;
}

function readsSame(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
