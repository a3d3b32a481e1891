import { describe, expect, it } from 'vitest';
import { answerChunk } from '../../../src/answer/answer.js';
import { DISCORD_LIMITS } from '../../../src/discord/render/discordText.js';
import { formatAnswer } from '../../../src/discord/render/formatAnswer.js';
import { formatCardResult } from '../../../src/discord/render/formatCardResult.js';
import { formatLeaderboard } from '../../../src/discord/render/formatLeaderboard.js';
import { formatMissedCsv } from '../../../src/discord/render/formatMissedCsv.js';
import { formatProgress } from '../../../src/discord/render/formatProgress.js';
import { formatQuizCard } from '../../../src/discord/render/formatQuizCard.js';
import { formatRoundResults } from '../../../src/discord/render/formatRoundResults.js';
import type { MessagePayload } from '../../../src/discord/render/messagePayload.js';
import { browseButtons } from '../../../src/discord/render/browseButtons.js';
import { topicCards } from '../../../src/study/cardDeck.js';
import { summariseProgress } from '../../../src/study/progress.js';
import { readingStep } from '../../../src/study/readingOrder.js';
import { shippedIndex } from '../../helpers.js';
import { expectSendable } from './expectSendable.js';

const index = shippedIndex();
const cards = topicCards(index, null);
const ASKER = '123456789012345678';
const ids = (payload: MessagePayload): string[] =>
  payload.components.flatMap((row) => row.components.map((c) => (c as { custom_id: string }).custom_id));
/** Within Discord's layout: at most 5 rows of at most 5 buttons, unique ids of at most 100 characters. */
function expectLayout(payload: MessagePayload): void {
  expect(payload.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.actionRows);
  for (const row of payload.components) expect(row.components.length).toBeLessThanOrEqual(5);
  expect(new Set(ids(payload)).size).toBe(ids(payload).length);
  for (const id of ids(payload)) expect(id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
}

describe('formatQuizCard and formatCardResult', () => {
  it('render every card of the shipped chapter, asked and answered, sendable and within the layout', () => {
    expect(cards.length).toBeGreaterThanOrEqual(60);
    for (const card of cards) {
      const question = formatQuizCard({
        card,
        heading: 'Question 20 of 20',
        answerIds: card.options.map((_o, i) => `qa:${card.id}:${i}`),
        note: 'Everyone may answer once.',
        footer: '19 right so far',
        extra: [],
        isPrivate: true,
      });
      expectSendable(question);
      expectLayout(question);
      expect(question.embeds[0]!.description).toContain('\\_\\_\\_');
      for (const choice of [card.answer, (card.answer + 1) % card.options.length]) {
        const result = formatCardResult({
          card,
          chunk: index.chunks.get(card.chunkId)!,
          choice,
          heading: 'Question 1 of 5',
          footer: '1 of 1 right',
          next: { label: 'Next question', customId: 'qn:x' },
          browse: browseButtons(readingStep(index, card.chunkId), '0'),
          isPrivate: true,
        });
        expectSendable(result);
        expectLayout(result);
        expect(result.embeds[0]!.title).toBe(choice === card.answer ? 'Right!' : 'Not quite');
      }
    }
  });
});

describe('formatAnswer with browse buttons', () => {
  it('keeps every section within two rows: More results and feedback, then ◀ Previous · Up · Next ▶', () => {
    for (const id of index.ids) {
      const payload = formatAnswer(answerChunk(index, id)!, { askerId: ASKER, questionId: 123456, index });
      expectSendable(payload);
      expectLayout(payload);
      expect(payload.components.length).toBeLessThanOrEqual(2);
      const labels = payload.components.at(-1)!.components.map((c) => (c as { label: string }).label);
      expect(labels.every((label) => ['◀ Previous', 'Up', 'Next ▶'].includes(label))).toBe(true);
    }
  });
});

describe('formatRoundResults', () => {
  it('counts each option, marks the right one and names the first right answer without pinging', () => {
    const card = cards[0]!;
    const choices: number[] = card.options.map((_o, i) => (i === card.answer ? 2 : 1));
    const payload = formatRoundResults({
      card,
      chunk: index.chunks.get(card.chunkId)!,
      choices,
      winner: '@everyone **Sam**',
      nextId: 'gn:*:30',
      browse: [],
    });
    expectSendable(payload);
    expect(payload.embeds[0]!.description).toContain(
      `${choices.reduce((a, b) => a + b)} answered, 2 right. First right answer: **@\u200beveryone \\*\\*Sam\\*\\***`,
    );
    expect(payload.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('formatProgress', () => {
  it('draws a bar per service in a code block', () => {
    const card = cards.find((c) => index.chunks.get(c.chunkId)?.service === 'Amazon Route 53')!;
    const review = { cardId: card.id, chunkId: card.chunkId, due: 0, isCorrect: true, misses: 0 };
    const payload = formatProgress(summariseProgress(index, [review], [1], 86_400_000));
    expectSendable(payload);
    expect(payload.embeds[0]!.description).toMatch(
      /```\nAmazon Virtual Private… {4}░{10} {3}0 % \(0\/\d+\)\nAmazon Route 53 {12}█?░+ +\d+ % \(1\/\d+\)\n/,
    );
  });
});

describe('formatLeaderboard', () => {
  it('shows names escaped, both periods, and the button to join or leave', () => {
    const payload = formatLeaderboard({
      weekly: [{ name: '<@123456789012345678> _x_', points: 3 }],
      allTime: [],
      isMember: false,
    });
    expectSendable(payload);
    expect(payload.embeds[0]!.fields).toEqual([
      { name: 'This week', value: '**1.** <\u200b@123456789012345678\\> \\_x\\_ — 3 points', inline: true },
      { name: 'All time', value: 'Nobody yet.', inline: true },
    ]);
    expect(ids(payload)).toEqual(['lb:1']);
  });
});

describe('formatMissedCsv', () => {
  it('writes a header and one quoted row per card, defusing spreadsheet formulas', () => {
    const card = { ...cards[0]!, options: ['=HYPERLINK("x")', 'plain, with comma'], answer: 0 };
    const csv = formatMissedCsv([
      {
        card,
        chunk: index.chunks.get(card.chunkId)!,
        misses: 2,
        answers: 3,
        lastAnswered: 0,
        due: 86_400_000,
      },
    ]);
    const [header, row] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe(
      'section,question,text,right_answer,options,misses,answers,last_answered,due,source,card_id',
    );
    expect(row).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(row).toContain(',2,3,1970-01-01T00:00:00.000Z,1970-01-02T00:00:00.000Z,');
  });
});
