import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCustomId } from '../../src/discord/render/customId.js';
import { dealCards, findCardInChapter, topicCards } from '../../src/study/cardDeck.js';
import type { Card } from '../../src/study/card.js';
import { shippedIndex } from '../helpers.js';
import { startBotProcess, type BotProcess } from './botProcess.js';
import { FakeDiscord, type RecordedRequest } from './fakeDiscord.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DAY_MS = 86_400_000;
const index = shippedIndex();
let fake: FakeDiscord;
let bot: BotProcess;
const databasePath = join(mkdtempSync(join(tmpdir(), 'study-')), 'assistant.db');

beforeAll(async () => {
  fake = await FakeDiscord.start();
  bot = startBotProcess(fake.apiUrl, { DATABASE_PATH: databasePath });
  await bot.waitFor(/"event":"ready"/);
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

const data = (request: RecordedRequest): Json => (request.body as Json).data as Json;
const buttons = (message: Json): Json[] =>
  ((message.components ?? []) as Json[]).flatMap((row) => row.components as Json[]);
const buttonNamed = (message: Json, label: string): Json | undefined =>
  buttons(message).find((b) => b.label === label);
/** Click a button on a message the bot sent for `owner`, and return the callback. */
const click = (message: Json, customId: string, user: Json, owner: Json = user): Promise<RecordedRequest> =>
  fake.interact(fake.component(fake.messageFrom(message, fake.channelId, owner), customId, user));
/** The card a quiz or review question's answer buttons are for. */
function cardOf(message: Json): Card {
  const action = decodeCustomId(buttons(message)[0]!.custom_id);
  if (action === null || (action.kind !== 'quizAnswer' && action.kind !== 'reviewAnswer')) {
    throw new Error(`not a question: ${JSON.stringify(message.components)}`);
  }
  return findCardInChapter(index, action.chapterKey, action.cardId)!;
}
/** The answer button of a question's option. */
const optionButton = (message: Json, choice: number): Json =>
  buttons(message).find((b) => b.custom_id.endsWith(`:${choice}`) && /^(qa|ra):/.test(b.custom_id))!;
const wrong = (card: Card): number => (card.answer + 1) % card.options.length;
/** Every request from `since` on passed Discord's schema. */
const expectValid = (since: number): void => {
  for (const request of fake.requests.slice(since)) expect(request.errors, request.path).toEqual([]);
};

describe('study mode, end to end', () => {
  const student = (): Json => fake.user();
  let learner: Json;
  const missed: string[] = [];
  /** The days (since 1970) of the quiz and of the review a day later, for the streak. */
  const days: number[] = [];
  beforeAll(() => {
    learner = student();
  });

  it('runs a private 5-question quiz: right or wrong, the right option, the source, then Next', async () => {
    const since = fake.requests.length;
    let message = data(
      await fake.interact(fake.slash('quiz', [{ type: 4, name: 'count', value: 5 }], 'guild', learner)),
    );
    expect(message.flags).toBe(64);
    const seen: string[] = [];
    for (let position = 0; position < 5; position++) {
      expect(message.embeds[0].author.name).toBe(`Question ${position + 1} of 5`);
      const card = cardOf(message);
      seen.push(card.id);
      const isMiss = position === 1 || position === 3;
      if (isMiss) missed.push(card.id);
      const choice = isMiss ? wrong(card) : card.answer;
      const result = await click(message, optionButton(message, choice).custom_id, learner);
      expect((result.body as Json).type).toBe(7);
      const shown = data(result);
      expect(shown.embeds[0].title).toBe(isMiss ? 'Not quite' : 'Right!');
      expect(shown.embeds[0].description).toContain(card.options[card.answer]!.slice(0, 20));
      const chunk = index.chunks.get(card.chunkId)!;
      expect(shown.embeds[1].title).toBe(chunk.headings.at(-1));
      expect(shown.embeds[1].footer.text).toBe(`${chunk.source.file}:${chunk.source.line}`);
      expect(buttons(shown).map((b) => b.label)).toEqual(
        expect.arrayContaining([position === 4 ? 'See your score' : 'Next question', 'Up']),
      );
      const next = buttons(shown).find((b) => b.custom_id.startsWith('qn:'))!;
      message = data(await click(shown, next.custom_id, learner));
    }
    days.push(Math.floor(Date.now() / DAY_MS));
    expect(new Set(seen).size).toBe(5);
    expect(message.embeds[0]).toMatchObject({ title: 'Quiz finished' });
    expect(message.embeds[0].description).toContain('You got **3 of 5** right');
    expectValid(since);
  });

  it('counts a second click on the same question once (a fast double click, or every option in turn)', async () => {
    const quizzer = student();
    const question = data(
      await fake.interact(fake.slash('quiz', [{ type: 4, name: 'count', value: 2 }], 'guild', quizzer)),
    );
    const card = cardOf(question);
    const message = fake.messageFrom(question, fake.channelId, quizzer);
    const answer = async (choice: number): Promise<string> =>
      JSON.stringify(
        data(await fake.interact(fake.component(message, optionButton(question, choice).custom_id, quizzer)))
          .embeds,
      );
    expect(await answer(card.answer)).not.toContain('not counted');
    expect(await answer(wrong(card))).toContain('not counted: you answered this question already');
  });

  it('serves nothing in /review until the missed cards are due', async () => {
    const reply = data(await fake.interact(fake.slash('review', [], 'guild', learner)));
    expect(reply.embeds[0].title).toBe('Nothing due');
  });

  it('serves exactly the two missed cards in /review a day later, then nothing', async () => {
    // The same database, the bot's clock a day and an hour on: missed cards are due, known ones are not.
    await bot.stop();
    bot = startBotProcess(fake.apiUrl, {
      DATABASE_PATH: databasePath,
      TEST_CLOCK_OFFSET_MS: String(DAY_MS + 3_600_000),
    });
    await bot.waitFor(/"event":"ready"/);
    const since = fake.requests.length;
    let message = data(await fake.interact(fake.slash('review', [], 'guild', learner)));
    const served: string[] = [];
    while (message.embeds[0].title !== 'Nothing due') {
      const card = cardOf(message);
      served.push(card.id);
      const result = data(await click(message, optionButton(message, card.answer).custom_id, learner));
      expect(result.embeds[0].title).toBe('Right!');
      message = data(await click(result, buttonNamed(result, 'Next card')!.custom_id, learner));
      if (served.length > 5) break;
    }
    days.push(Math.floor((Date.now() + DAY_MS + 3_600_000) / DAY_MS));
    expect(served.sort()).toEqual([...missed].sort());
    expect(message.embeds[0].description).toContain('You reviewed 2 and got 2 right');
    expectValid(since);
  });

  it('shows mastery per service and the streak in /progress', async () => {
    const message = data(await fake.interact(fake.slash('progress', [], 'guild', learner)));
    expect(message.flags).toBe(64);
    expect(message.embeds[0].title).toBe('Your progress');
    // The review ran a day and an hour after the quiz: the next day, or (near midnight) the one after.
    const streak = days[1]! - days[0]! === 1 ? '**2** days' : '**1** day';
    expect(message.embeds[0].description).toContain(`Streak: ${streak} · **5** cards answered`);
    expect(message.embeds[0].description).toMatch(/Amazon CloudFront +[█░]{10} +\d+ % \(\d+\/\d+\)/);
  });

  it('scores only right answers on the leaderboard the student joins', async () => {
    const board = data(
      await fake.interact(
        fake.slash('quiz', [{ type: 5, name: 'leaderboard', value: true }], 'guild', learner),
      ),
    );
    const joined = data(await click(board, buttonNamed(board, 'Join the leaderboard')!.custom_id, learner));
    // 3 right in the quiz and 2 in the review; the 2 misses earn nothing.
    expect(joined.embeds[0].fields[1]).toEqual({
      name: 'All time',
      value: `**1.** ${learner.username} — 5 points`,
      inline: true,
    });
    const left = data(await click(joined, buttonNamed(joined, 'Leave the leaderboard')!.custom_id, learner));
    expect(left.embeds[0].fields[1].value).toBe('Nobody yet.');
  });

  it('sends the missed cards as a CSV attachment, multipart, valid for Discord', async () => {
    const interaction = fake.slash('progress', [{ type: 5, name: 'export', value: true }], 'guild', learner);
    const callback = await fake.interact(interaction);
    expect(callback.body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await fake.waitForRequest(
      (r) => r.operation === 'webhookEdit' && r.path.includes(interaction.token as string),
    );
    expect(edit.errors).toEqual([]);
    expect((edit.body as Json).attachments).toEqual([
      { id: '0', filename: 'missed-cards.csv', description: 'Missed quiz cards' },
    ]);
    expect(edit.files).toHaveLength(1);
    expect(edit.files[0]).toMatchObject({
      field: 'files[0]',
      name: 'missed-cards.csv',
      contentType: 'text/csv',
    });
    const lines = edit.files[0]!.data.toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'section,question,text,right_answer,options,misses,answers,last_answered,due,source,card_id',
    );
    expect(
      lines
        .slice(1)
        .map((line) => line.split(',').at(-1))
        .sort(),
    ).toEqual([...missed].sort());
  });

  it('opens browse from a quiz explanation as a private copy, leaving the quiz as it was', async () => {
    const quizzer = student();
    const question = data(await fake.interact(fake.slash('quiz', [], 'guild', quizzer)));
    const result = data(await click(question, optionButton(question, 0).custom_id, quizzer));
    const browse = await click(result, buttonNamed(result, 'Up')!.custom_id, quizzer);
    expect((browse.body as Json).type).toBe(4);
    expect(data(browse).flags).toBe(64);
  });
});

describe('browsing the chapter', () => {
  it('walks the whole chapter forward and back in reading order, and up to the introduction', async () => {
    const user = fake.user();
    const since = fake.requests.length;
    const locate = (message: Json): string => message.embeds[0].footer.text.split(' · ')[0];
    const byLocation = new Map(
      [...index.chunks.values()].map((c) => [`${c.source.file}:${c.source.line}`, c.id]),
    );
    let message = data(
      await fake.interact(
        fake.slash('ask', [{ type: 3, name: 'question', value: 'cloudfront scalability' }], 'guild', user),
      ),
    );
    // Up: feature → service overview → chapter introduction, which has no Up.
    const feature = byLocation.get(locate(message))!;
    const overview = data(await click(message, buttonNamed(message, 'Up')!.custom_id, user));
    const introduction = data(await click(overview, buttonNamed(overview, 'Up')!.custom_id, user));
    expect([feature, byLocation.get(locate(overview)), byLocation.get(locate(introduction))]).toEqual([
      'networking-service/amazon-cloudfront/scalability',
      'networking-service/amazon-cloudfront',
      'networking-service',
    ]);
    expect(buttonNamed(introduction, 'Up')).toBeUndefined();
    expect(buttonNamed(introduction, '◀ Previous')).toBeUndefined();
    const forward = [byLocation.get(locate(introduction))!];
    message = introduction;
    for (
      let next = buttonNamed(message, 'Next ▶');
      next !== undefined;
      next = buttonNamed(message, 'Next ▶')
    ) {
      const reply = await click(message, next.custom_id, user);
      expect((reply.body as Json).type).toBe(7);
      message = data(reply);
      forward.push(byLocation.get(locate(message))!);
    }
    expect(forward).toEqual(index.ids);
    const backward = [forward.at(-1)!];
    for (
      let previous = buttonNamed(message, '◀ Previous');
      previous !== undefined;
      previous = buttonNamed(message, '◀ Previous')
    ) {
      message = data(await click(message, previous.custom_id, user));
      backward.push(byLocation.get(locate(message))!);
    }
    expect(backward).toEqual([...index.ids].reverse());
    expectValid(since);
  }, 60_000);

  it("gives anyone else a private copy instead of turning the asker's page", async () => {
    const asker = fake.user();
    const answer = data(
      await fake.interact(
        fake.slash('ask', [{ type: 3, name: 'question', value: 'route 53 failover' }], 'guild', asker),
      ),
    );
    const reply = await click(answer, buttonNamed(answer, 'Next ▶')!.custom_id, fake.user(), asker);
    expect((reply.body as Json).type).toBe(4);
    expect(data(reply).flags).toBe(64);
  });
});

describe('a group quiz in a channel', () => {
  it('takes one answer per student, scores the first right one, and names them in the results', async () => {
    const since = fake.requests.length;
    const [host, first, second, third] = [fake.user(), fake.user(), fake.user(), fake.user()];
    const command = fake.slash(
      'quiz',
      [
        { type: 5, name: 'group', value: true },
        { type: 4, name: 'seconds', value: 600 },
      ],
      'guild',
      host,
    );
    const question = data(await fake.interact(command));
    expect(question.flags ?? 0).toBe(0);
    expect(question.allowed_mentions).toEqual({ parse: [] });
    const card = dealCards(topicCards(index, null), command.id as string, 1)[0]!;
    expect(question.embeds[0].title).toBe(card.prompt);
    const option = (choice: number): string =>
      buttons(question).find(
        (b) => b.custom_id.startsWith('ga:') && b.custom_id.split(':')[2] === String(choice),
      )!.custom_id;
    const answer = async (user: Json, choice: number): Promise<Json> =>
      data(await click(question, option(choice), user, host));
    expect((await answer(first, wrong(card))).embeds[0].title).toBe('Your answer is in');
    expect((await answer(second, card.answer)).embeds[0].title).toBe('Your answer is in');
    expect((await answer(third, card.answer)).embeds[0].title).toBe('Your answer is in');
    expect((await answer(second, wrong(card))).embeds[0].title).toBe('Already answered');
    const end = buttonNamed(question, 'End now')!.custom_id;
    expect(data(await click(question, end, third, host)).embeds[0].title).toBe('Only the host can end it');
    const results = await click(question, end, host, host);
    expect((results.body as Json).type).toBe(7);
    const shown = data(results);
    expect(shown.embeds[0].author.name).toBe('Group question — results');
    expect(shown.embeds[0].description).toContain(
      `3 answered, 2 right. First right answer: **${second.username}**`,
    );
    expect(shown.allowed_mentions).toEqual({ parse: [] });
    expect(buttonNamed(shown, 'Next question')).toBeDefined();
    expect(data(await click(question, option(card.answer), fake.user(), host)).embeds[0].title).toBe(
      'This question has closed',
    );
    expectValid(since);

    // Only the winner scored; the board shows only students who joined it.
    const board = async (user: Json): Promise<Json> =>
      data(
        await fake.interact(
          fake.slash('quiz', [{ type: 5, name: 'leaderboard', value: true }], 'guild', user),
        ),
      );
    const before = await board(second);
    expect(before.embeds[0].fields[0].value).not.toContain(String(second.username));
    const joined = data(await click(before, buttonNamed(before, 'Join the leaderboard')!.custom_id, second));
    expect(joined.embeds[0].fields).toEqual([
      { name: 'This week', value: `**1.** ${second.username} — 1 point`, inline: true },
      { name: 'All time', value: `**1.** ${second.username} — 1 point`, inline: true },
    ]);
    const seenByThird = await board(third);
    expect(seenByThird.embeds[0].fields[0].value).toBe(`**1.** ${second.username} — 1 point`);
    const left = data(await click(joined, buttonNamed(joined, 'Leave the leaderboard')!.custom_id, second));
    expect(left.embeds[0].fields[0].value).toBe('Nobody yet.');
  });

  it('posts the results when the deadline passes, by editing the question', async () => {
    const host = fake.user();
    const command = fake.slash(
      'quiz',
      [
        { type: 5, name: 'group', value: true },
        { type: 4, name: 'seconds', value: 5 },
      ],
      'guild',
      host,
    );
    const question = data(await fake.interact(command));
    const edit = await fake.waitForRequest(
      (r) => r.operation === 'webhookEdit' && r.path.includes(command.token as string),
      30_000,
    );
    expect(edit.errors).toEqual([]);
    expect((edit.body as Json).embeds[0].description).toContain('Nobody answered.');
    const late = buttons(question).find((b) => b.custom_id.startsWith('ga:'))!.custom_id;
    expect(data(await click(question, late, fake.user(), host)).embeds[0].title).toBe(
      'This question has closed',
    );
  }, 40_000);

  it('stores the group answers and the schedules under hashes only', () => {
    const db = new Database(databasePath, { readonly: true });
    const ids = db.prepare('SELECT winner_id FROM quiz_rounds WHERE winner_id IS NOT NULL').all();
    const hashes = db.prepare('SELECT DISTINCT user_hash FROM study_cards').pluck().all() as string[];
    db.close();
    expect(ids).toEqual([]);
    for (const hash of hashes) expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
