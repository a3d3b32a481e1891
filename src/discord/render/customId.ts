import { questionWords, topicWords } from '../../search/questionWords.js';
import { DISCORD_LIMITS } from './discordText.js';
import { decodeStudyId, encodeStudyId, type StudyAction } from './studyCustomId.js';

/**
 * What a button or select menu does, carried in its custom id so it keeps working after a restart.
 * - `more`: show page `page` of the answer to `question`, asked by `askerId` (stored as `questionId`, 0 if
 *   not stored).
 * - `pick`: answer the chunk `ref` ("did you mean" and autocomplete picks), offered to `askerId`.
 * - `topic`: the topics select menu; the chosen option's value is the chunk ref.
 * - `topics`: page `page` of the topics browser.
 * - `feedback`: the asker found chunk `ref` helpful or not, for stored question `questionId`.
 * - study mode's quiz, review, group, leaderboard and browse buttons (`studyCustomId.ts`).
 */
export type ComponentAction =
  | { kind: 'more'; page: number; askerId: string; questionId: number; question: string }
  | { kind: 'pick'; askerId: string; ref: string }
  | { kind: 'topic' }
  | { kind: 'topics'; page: number }
  | { kind: 'feedback'; isHelpful: boolean; questionId: number; ref: string }
  | StudyAction;

/** Longest chunk id used as its own ref; longer ids are hashed to fit custom ids and option values. */
const REF_ID_MAX = 64;

/** A short, stable reference to a chunk: its id when short, else a hash of it. */
export function chunkRef(id: string): string {
  return id.length <= REF_ID_MAX ? id : `#${hash(id)}`;
}

/** FNV-1a over UTF-16 units, twice with different seeds: a 2×32-bit hash in base 36. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    a = Math.imul(a ^ text.charCodeAt(i), 0x01000193) >>> 0;
    b = Math.imul(b ^ text.charCodeAt(i), 0x5bd1e995) >>> 0;
  }
  return a.toString(36) + b.toString(36);
}

/**
 * Resolve a chunk ref back to an id among known ids.
 *
 * @returns The id, or null when no chunk has that ref (content changed since it was offered).
 */
export function resolveChunkRef(ref: string, ids: Iterable<string>): string | null {
  if (!ref.startsWith('#')) return ref;
  for (const id of ids) if (chunkRef(id) === ref) return id;
  return null;
}

/**
 * The question in the fewest characters that search the same: words without punctuation, then without
 * filler words, then cut to fit.
 */
export function compactQuestion(question: string, max: number): string {
  let compact = questionWords(question).join(' ');
  if (compact.length > max) compact = topicWords(question).join(' ');
  if (compact.length > max) compact = compact.slice(0, max).replace(/\s+\S*$/, '');
  return compact;
}

/** Encode an action as a custom id of at most 100 characters. */
export function encodeCustomId(action: ComponentAction): string {
  switch (action.kind) {
    case 'more': {
      const head = `more:${action.page}:${action.askerId}:${action.questionId}:`;
      return head + compactQuestion(action.question, DISCORD_LIMITS.customId - head.length);
    }
    case 'pick':
      return `pick:${action.askerId}:${action.ref}`.slice(0, DISCORD_LIMITS.customId);
    case 'topic':
      return 'topic';
    case 'topics':
      return `topics:${action.page}`;
    case 'feedback':
      return `fb:${action.isHelpful ? 1 : 0}:${action.questionId}:${action.ref}`.slice(
        0,
        DISCORD_LIMITS.customId,
      );
    default:
      return encodeStudyId(action);
  }
}

/** A user id as custom ids carry it: a snowflake, or 0 for "nobody" (plain-message replies). */
const USER_ID = /^(0|\d{17,20})$/;
/** Page and question numbers: small non-negative integers, written without sign or exponent. */
const NUMBER = /^\d{1,15}$/;

/**
 * Decode a custom id; null for an id this bot did not make (or an older, unknown format). Only the shape
 * is checked here: whether the chunk, the question and the clicker's right to it exist is the handler's
 * check, against the index and the store.
 */
export function decodeCustomId(customId: string): ComponentAction | null {
  if (customId.length > DISCORD_LIMITS.customId) return null;
  const [kind, ...rest] = customId.split(':');
  if (kind === 'more' && rest.length >= 4) {
    const [page, askerId, questionId] = rest as [string, string, string];
    if (!NUMBER.test(page) || !USER_ID.test(askerId) || !NUMBER.test(questionId)) return null;
    return {
      kind,
      page: Number(page),
      askerId,
      questionId: Number(questionId),
      question: rest.slice(3).join(':'),
    };
  }
  if (kind === 'fb' && rest.length >= 3 && (rest[0] === '1' || rest[0] === '0')) {
    const ref = rest.slice(2).join(':');
    if (!NUMBER.test(rest[1]!) || ref === '') return null;
    return { kind: 'feedback', isHelpful: rest[0] === '1', questionId: Number(rest[1]), ref };
  }
  if (kind === 'pick' && rest.length >= 2) {
    const ref = rest.slice(1).join(':');
    return USER_ID.test(rest[0]!) && ref !== '' ? { kind, askerId: rest[0]!, ref } : null;
  }
  if (kind === 'topic' && rest.length <= 1) return { kind };
  if (kind === 'topics' && rest.length === 1) {
    return NUMBER.test(rest[0]!) ? { kind, page: Number(rest[0]) } : null;
  }
  return decodeStudyId(customId);
}
