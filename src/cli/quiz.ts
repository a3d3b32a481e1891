import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config.js';
import { loadKnowledge } from '../io/loadKnowledge.js';
import { runProgram, UsageError } from '../runProgram.js';
import { openStore } from '../store/openStore.js';
import type { Store } from '../store/store.js';
import { dealCards, findCard, topicCards } from '../study/cardDeck.js';
import type { Card } from '../study/card.js';
import { scheduleAnswer } from '../study/schedule.js';
import { findTopic, listTopics } from '../study/topics.js';
import { formatQuestionTerminal, formatResultTerminal, readChoice } from './formatQuizTerminal.js';

const USAGE = `usage: npm run quiz -- [--topic "chapter or service"] [--count N (1–50, default 5)] [--user NAME]
       npm run quiz -- --review [--user NAME]      the cards due for review
       npm run quiz -- --topics                    list the topics
       npm run quiz -- --forget [--user NAME]      delete the local user's schedule and answers`;

runProgram(
  async () => {
    const { values } = parseArgs({
      options: {
        topic: { type: 'string' },
        count: { type: 'string', default: '5' },
        user: { type: 'string', default: userInfo().username },
        review: { type: 'boolean', default: false },
        topics: { type: 'boolean', default: false },
        forget: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const count = Number(values.count);
    if (!Number.isInteger(count) || count < 1 || count > 50) {
      throw new UsageError(`--count must be a whole number from 1 to 50, got "${values.count}"\n${USAGE}`);
    }
    if (values.user.trim() === '') throw new UsageError(`--user needs a name\n${USAGE}`);
    const config = loadConfig(process.env, 'cli');
    // The schedule lives in the bot's database, under a local user the store hashes like a Discord id.
    const userId = `cli:${values.user.trim()}`;
    if (values.forget) return forgetLocalUser(config, userId);
    const index = await loadKnowledge(config.contentDir, {
      onSkipped: ({ file, reason }) => process.stderr.write(`warning: ${file}: ${reason}\n`),
    });
    if (values.topics) {
      for (const topic of listTopics(index)) process.stdout.write(`${topic.label}\n`);
      return 0;
    }
    const topic = values.topic === undefined ? null : findTopic(index, values.topic);
    if (values.topic !== undefined && topic === null) {
      throw new UsageError(
        `no chapter or service matches "${values.topic}" (npm run quiz -- --topics lists them)`,
      );
    }
    const now = (): number => Date.now() + config.clockOffsetMs;
    let store: Store | null = null;
    const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
    try {
      store = await openStore(config, 'create');
    } catch (error) {
      process.stderr.write(`note: answers are not saved (${(error as Error).message})\n`);
    }
    try {
      let cards: Card[];
      if (values.review) {
        if (store === null) throw new Error('--review needs the database (DATABASE_PATH or DATABASE_URL)');
        const due = await store.study.dueCards(userId, now(), count);
        cards = due.map((review) => findCard(index, review.chunkId, review.cardId)).filter((c) => c !== null);
        if (cards.length === 0) {
          process.stdout.write('Nothing is due for review now. Missed cards come back the next day.\n');
          return 0;
        }
      } else {
        cards = dealCards(topicCards(index, topic), String(now()), count);
        if (cards.length === 0) throw new Error('the chapters give no questions on that topic');
      }
      const lines = input[Symbol.asyncIterator]();
      let right = 0;
      let asked = 0;
      for (const [position, card] of cards.entries()) {
        const heading = values.review
          ? `Review ${position + 1} of ${cards.length}`
          : `Question ${position + 1} of ${cards.length}`;
        process.stdout.write(formatQuestionTerminal(card, heading));
        let choice: number | null = null;
        while (choice === null) {
          process.stdout.write(`Your answer (A–${'ABCDEFGHIJ'[card.options.length - 1]}, q to stop): `);
          const line = await lines.next();
          if (line.done === true || /^\s*q(uit)?\s*$/i.test(line.value)) break;
          choice = readChoice(line.value, card.options.length);
          if (choice === null) process.stdout.write('Type one of the letters.\n');
        }
        if (choice === null) break;
        asked++;
        if (choice === card.answer) right++;
        process.stdout.write(formatResultTerminal(card, index.chunks.get(card.chunkId), choice));
        await save(store, userId, card, choice, now());
      }
      process.stdout.write(
        `\n${right} of ${asked} right.${store === null ? '' : ' Missed cards come back with `npm run quiz -- --review` when due.'}\n`,
      );
      return 0;
    } finally {
      input.close();
      await store?.close();
    }
  },
  () => [process.env.DATABASE_URL ?? null],
);

/** Schedule the card for the local user, as the bot does for a Discord user. */
async function save(
  store: Store | null,
  userId: string,
  card: Card,
  choice: number,
  now: number,
): Promise<void> {
  if (store === null) return;
  const isCorrect = choice === card.answer;
  const previous = await store.study.review(userId, card.id);
  await store.study.recordAnswer({
    sourceId: null,
    userId,
    cardId: card.id,
    chunkId: card.chunkId,
    answeredAt: now,
    isCorrect,
    next: scheduleAnswer(previous?.fsrs ?? null, isCorrect, now),
    guildId: null,
    points: 0,
  });
}

/** `--forget`: delete what the database keeps about the local user (an existing database only). */
async function forgetLocalUser(config: Config, userId: string): Promise<number> {
  const store = await openStore(config, 'write');
  try {
    const deleted = await store.forgetUser(userId);
    process.stdout.write(`Deleted ${deleted} rows stored for ${userId}.\n`);
    return 0;
  } finally {
    await store.close();
  }
}
