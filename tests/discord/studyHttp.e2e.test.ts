import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCustomId } from '../../src/discord/render/customId.js';
import { dealCards, findCardInChapter, topicCards } from '../../src/study/cardDeck.js';
import type { Card } from '../../src/study/card.js';
import { shippedIndex } from '../helpers.js';
import { startPostgres, type PostgresServer } from '../store/postgresServer.js';
import { validateRequest } from './discordSchema.js';
import { FakeDiscord } from './fakeDiscord.js';
import { startHttpInstance, type HttpInstance } from './httpInstance.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const index = shippedIndex();
let postgres: PostgresServer;
let fake: FakeDiscord;
let a: HttpInstance;
let b: HttpInstance;

beforeAll(async () => {
  postgres = await startPostgres();
  const env = { DATABASE_URL: await postgres.createDatabase() };
  fake = await FakeDiscord.start();
  [a, b] = await Promise.all([startHttpInstance(fake, env), startHttpInstance(fake, env)]);
});

afterAll(async () => {
  await Promise.all([a?.process.stop(), b?.process.stop()]);
  await fake?.close();
  await postgres?.stop();
});

/** Send an interaction to an instance; the response must pass Discord's schema. */
async function send(instance: HttpInstance, interaction: Json): Promise<Json> {
  const { status, body } = (await fake.post(instance.endpoint, interaction)) as {
    status: number;
    body: Json;
  };
  expect(status).toBe(200);
  expect(validateRequest('interactionCallback', body)).toEqual([]);
  return body;
}
const buttons = (message: Json): Json[] =>
  ((message.components ?? []) as Json[]).flatMap((row) => row.components as Json[]);
const buttonNamed = (message: Json, label: string): Json | undefined =>
  buttons(message).find((b) => b.label === label);
/** Click a button of a message the bot sent for `owner`, on one instance. */
const click = (instance: HttpInstance, message: Json, customId: string, user: Json, owner = user) =>
  send(instance, fake.component(fake.messageFrom(message, fake.channelId, owner), customId, user));
function cardOf(message: Json): Card {
  const action = decodeCustomId(buttons(message)[0]!.custom_id);
  if (action?.kind !== 'quizAnswer') throw new Error(`not a question: ${JSON.stringify(message)}`);
  return findCardInChapter(index, action.chapterKey, action.cardId)!;
}
const wrong = (card: Card): number => (card.answer + 1) % card.options.length;

describe('study mode over the HTTP endpoint, two instances on one PostgreSQL', () => {
  it('autocompletes quiz topics over chapters and services', async () => {
    const body = await send(b, fake.autocomplete('quiz', 'topic', 'cloudfr'));
    expect(body.type).toBe(8);
    expect(body.data.choices[0].name).toBe('Networking Service › Amazon CloudFront');
    // The picked choice's value starts a quiz on that service.
    const topic = { type: 3, name: 'topic', value: body.data.choices[0].value };
    const quiz = await send(a, fake.slash('quiz', [topic], 'guild'));
    expect(index.chunks.get(cardOf(quiz.data).chunkId)!.service).toBe('Amazon CloudFront');
  });

  it('runs a private quiz whose clicks land on either instance, and keeps its schedule in the store', async () => {
    const student = fake.user();
    let message = (
      await send(a, fake.slash('quiz', [{ type: 4, name: 'count', value: 2 }], 'guild', student))
    ).data;
    const instances = [b, a];
    for (let position = 0; position < 2; position++) {
      const card = cardOf(message);
      const option = buttons(message).find((x) => x.custom_id.endsWith(`:${wrong(card)}`))!;
      const result = await click(instances[position]!, message, option.custom_id, student);
      expect(result.type).toBe(7);
      expect(result.data.embeds[0].title).toBe('Not quite');
      const next = buttons(result.data).find((x) => x.custom_id.startsWith('qn:'))!;
      message = (await click(instances[1 - position]!, result.data, next.custom_id, student)).data;
    }
    expect(message.embeds[0].description).toContain('You got **0 of 2** right');
    const progress = await send(b, fake.slash('progress', [], 'guild', student));
    expect(progress.data.embeds[0].description).toContain('**2** cards answered');
    expect(progress.data.embeds[0].description).toContain('**2** missed at least once');
  });

  it('scores a group question answered on both instances, one answer per student, names from payloads', async () => {
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
    const question = (await send(a, command)).data;
    const card = dealCards(topicCards(index, null), command.id as string, 1)[0]!;
    const option = (choice: number): string =>
      buttons(question).find(
        (x) => x.custom_id.startsWith('ga:') && x.custom_id.split(':')[2] === String(choice),
      )!.custom_id;
    const answer = async (instance: HttpInstance, user: Json, choice: number): Promise<string> =>
      (await click(instance, question, option(choice), user, host)).data.embeds[0].title;
    expect(await answer(b, first, wrong(card))).toBe('Your answer is in');
    expect(await answer(a, second, card.answer)).toBe('Your answer is in');
    expect(await answer(b, third, card.answer)).toBe('Your answer is in');
    expect(await answer(b, second, wrong(card))).toBe('Already answered');
    const results = await click(b, question, buttonNamed(question, 'End now')!.custom_id, host, host);
    expect(results.type).toBe(7);
    // No gateway cache over HTTP: the winner is not the one clicking, so a neutral placeholder names them.
    expect(results.data.embeds[0].description).toContain(
      '3 answered, 2 right. First right answer: **a classmate**',
    );
    expect(await answer(a, fake.user(), card.answer)).toBe('This question has closed');

    const board = (
      await send(b, fake.slash('quiz', [{ type: 5, name: 'leaderboard', value: true }], 'guild', second))
    ).data;
    const joined = await click(a, board, buttonNamed(board, 'Join the leaderboard')!.custom_id, second);
    // The student clicking is named from the interaction payload.
    expect(joined.data.embeds[0].fields[1].value).toBe(`**1.** ${second.username} — 1 point`);
    const seenByThird = await send(
      a,
      fake.slash('quiz', [{ type: 5, name: 'leaderboard', value: true }], 'guild', third),
    );
    expect(seenByThird.data.embeds[0].fields[1].value).toBe('**1.** a classmate — 1 point');
  });
});
