import type { Chapter } from '../content/chapter.js';
import type { KnowledgeIndex } from '../search/buildIndex.js';
import { splitWords } from '../search/tokenizer.js';
import { hashText } from './cardId.js';

/** What a quiz can be about: a whole chapter, or one service of it. */
export interface StudyTopic {
  /** Short, stable key (for custom ids and autocomplete values): a hash of the chapter file and service. */
  key: string;
  /** "Chapter" or "Chapter › Service". */
  label: string;
  chapter: Chapter;
  /** The service heading; null for the whole chapter. */
  service: string | null;
}

const cache = new WeakMap<KnowledgeIndex, StudyTopic[]>();

/** A topic key: `t` and a base-36 hash, at most 12 characters. */
export function topicKey(chapterFile: string, service: string | null): string {
  return `t${hashText(`${chapterFile}\u0000${service ?? ''}`).toString(36)}`;
}

/**
 * Every topic of the loaded chapters, in reading order: each chapter, then its services.
 *
 * @param index The knowledge index; the list is worked out once per index.
 */
export function listTopics(index: KnowledgeIndex): readonly StudyTopic[] {
  let topics = cache.get(index);
  if (topics === undefined) {
    topics = [];
    for (const chapter of index.chapters) {
      topics.push({ key: topicKey(chapter.file, null), label: chapter.title, chapter, service: null });
      const services = new Set(chapter.chunks.map((chunk) => chunk.service).filter((s) => s !== null));
      for (const service of services) {
        topics.push({
          key: topicKey(chapter.file, service),
          label: `${chapter.title} › ${service}`,
          chapter,
          service,
        });
      }
    }
    cache.set(index, topics);
  }
  return topics;
}

/**
 * The topic a key or a typed name means: the key itself, a label or service name typed in any case, or the
 * topic whose label holds every typed word (the shortest such label).
 *
 * @returns null when nothing matches.
 */
export function findTopic(index: KnowledgeIndex, typed: string): StudyTopic | null {
  const topics = listTopics(index);
  const text = typed.trim().toLowerCase();
  if (text === '') return null;
  const exact = topics.find(
    (topic) =>
      topic.key === typed.trim() ||
      topic.label.toLowerCase() === text ||
      topic.service?.toLowerCase() === text,
  );
  return exact ?? matchTopics(index, typed)[0] ?? null;
}

/**
 * Topics whose label holds every word typed (the last one as a prefix), shortest label first: what topic
 * autocomplete offers. Nothing typed: every topic.
 */
export function matchTopics(index: KnowledgeIndex, typed: string): StudyTopic[] {
  const words = splitWords(typed.toLowerCase());
  const topics = listTopics(index);
  if (words.length === 0) return [...topics];
  const last = words.at(-1)!;
  return topics
    .filter((topic) => {
      const labelWords = splitWords(topic.label.toLowerCase());
      return (
        words.slice(0, -1).every((word) => labelWords.includes(word)) &&
        labelWords.some((word) => word.startsWith(last))
      );
    })
    .sort((a, b) => a.label.length - b.label.length);
}
