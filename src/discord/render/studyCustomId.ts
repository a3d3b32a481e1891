/**
 * Study mode's buttons, their state carried in the custom id (so any instance serves a click, and a
 * restart loses nothing):
 * - `quizAnswer`: option `choice` of card `cardId` (chapter `chapterKey`), question `position` of a quiz of
 *   `count` on topic `topic` (`*`: every chapter) dealt by `seed`, `score` right so far.
 * - `quizNext`: deal question `position` of that quiz.
 * - `reviewAnswer` / `reviewNext`: the same for `/review`, which takes its cards from the store.
 * - `groupAnswer`: option `choice` of group round `roundId`; `groupEnd`: its host ends it now;
 *   `groupNext`: its host asks the next question; each carries the round's `topic` and `seconds`, for
 *   whichever click (or timer) posts the results with a "Next question" button.
 * - `leaderboard`: opt in (`join`) or out of the server's leaderboard.
 * - `browse`: show chunk `ref` (◀ Previous · Up · Next ▶ is `way`), for `askerId` (0: anyone gets a
 *   private copy).
 */
export type StudyAction =
  | {
      kind: 'quizAnswer';
      topic: string;
      seed: string;
      count: number;
      position: number;
      score: number;
      chapterKey: string;
      cardId: string;
      choice: number;
    }
  | { kind: 'quizNext'; topic: string; seed: string; count: number; position: number; score: number }
  | { kind: 'reviewAnswer'; done: number; score: number; chapterKey: string; cardId: string; choice: number }
  | { kind: 'reviewNext'; done: number; score: number }
  | { kind: 'groupAnswer'; roundId: string; choice: number; topic: string; seconds: number }
  | { kind: 'groupEnd'; roundId: string; topic: string; seconds: number }
  | { kind: 'groupNext'; topic: string; seconds: number }
  | { kind: 'leaderboard'; join: boolean }
  | { kind: 'browse'; askerId: string; way: BrowseWay; ref: string };

/** Which browse button: ids must differ within a message, and Up can lead where Previous does. */
export type BrowseWay = 'previous' | 'up' | 'next';
const WAYS = new Map<string, BrowseWay>([
  ['p', 'previous'],
  ['u', 'up'],
  ['n', 'next'],
]);

const SMALL = /^\d{1,3}$/;
const SNOWFLAKE = /^\d{17,20}$/;
const USER_ID = /^(0|\d{17,20})$/;
const TOPIC = /^(\*|t[0-9a-z]{1,11})$/;
const CHAPTER_KEY = /^t[0-9a-z]{1,11}$/;
const CARD_ID = /^(service|feature|gap)-[0-9a-z]{11}$/;
const CHOICE = /^\d$/;

/** Encode a study action (at most 100 characters; a browse ref is a `chunkRef`, at most 64). */
export function encodeStudyId(action: StudyAction): string {
  switch (action.kind) {
    case 'quizAnswer':
      return ['qa', action.topic, action.seed, action.count, action.position, action.score]
        .concat([action.chapterKey, action.cardId, action.choice])
        .join(':');
    case 'quizNext':
      return ['qn', action.topic, action.seed, action.count, action.position, action.score].join(':');
    case 'reviewAnswer':
      return ['ra', action.done, action.score, action.chapterKey, action.cardId, action.choice].join(':');
    case 'reviewNext':
      return `rn:${action.done}:${action.score}`;
    case 'groupAnswer':
      return `ga:${action.roundId}:${action.choice}:${action.topic}:${action.seconds}`;
    case 'groupEnd':
      return `ge:${action.roundId}:${action.topic}:${action.seconds}`;
    case 'groupNext':
      return `gn:${action.topic}:${action.seconds}`;
    case 'leaderboard':
      return `lb:${action.join ? 1 : 0}`;
    case 'browse':
      return `nav:${action.askerId}:${action.way[0]}:${action.ref}`;
  }
}

/** Decode a study custom id; null for anything else or anything malformed (checked before use). */
export function decodeStudyId(customId: string): StudyAction | null {
  const [kind, ...rest] = customId.split(':');
  const matches = (patterns: RegExp[]): boolean =>
    rest.length === patterns.length && patterns.every((pattern, i) => pattern.test(rest[i]!));
  const n = (i: number): number => Number(rest[i]);
  switch (kind) {
    case 'qa': {
      if (!matches([TOPIC, SNOWFLAKE, SMALL, SMALL, SMALL, CHAPTER_KEY, CARD_ID, CHOICE])) return null;
      const [topic, seed, , , , chapterKey, cardId] = rest as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      return {
        kind: 'quizAnswer',
        topic,
        seed,
        count: n(2),
        position: n(3),
        score: n(4),
        chapterKey,
        cardId,
        choice: n(7),
      };
    }
    case 'qn':
      return matches([TOPIC, SNOWFLAKE, SMALL, SMALL, SMALL])
        ? { kind: 'quizNext', topic: rest[0]!, seed: rest[1]!, count: n(2), position: n(3), score: n(4) }
        : null;
    case 'ra':
      return matches([SMALL, SMALL, CHAPTER_KEY, CARD_ID, CHOICE])
        ? {
            kind: 'reviewAnswer',
            done: n(0),
            score: n(1),
            chapterKey: rest[2]!,
            cardId: rest[3]!,
            choice: n(4),
          }
        : null;
    case 'rn':
      return matches([SMALL, SMALL]) ? { kind: 'reviewNext', done: n(0), score: n(1) } : null;
    case 'ga':
      return matches([SNOWFLAKE, CHOICE, TOPIC, SMALL])
        ? { kind: 'groupAnswer', roundId: rest[0]!, choice: n(1), topic: rest[2]!, seconds: n(3) }
        : null;
    case 'ge':
      return matches([SNOWFLAKE, TOPIC, SMALL])
        ? { kind: 'groupEnd', roundId: rest[0]!, topic: rest[1]!, seconds: n(2) }
        : null;
    case 'gn':
      return matches([TOPIC, SMALL]) ? { kind: 'groupNext', topic: rest[0]!, seconds: n(1) } : null;
    case 'lb':
      return matches([/^[01]$/]) ? { kind: 'leaderboard', join: rest[0] === '1' } : null;
    case 'nav': {
      const way = WAYS.get(rest[1] ?? '');
      const ref = rest.slice(2).join(':');
      return rest.length >= 3 && USER_ID.test(rest[0]!) && way !== undefined && ref !== ''
        ? { kind: 'browse', askerId: rest[0]!, way, ref }
        : null;
    }
    default:
      return null;
  }
}
