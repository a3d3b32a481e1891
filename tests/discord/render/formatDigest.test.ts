import { describe, expect, it } from 'vitest';
import { defaultDigestOptions, formatDigest } from '../../../src/discord/render/formatDigest.js';
import type { Report } from '../../../src/store/report.js';
import { expectSendable } from './expectSendable.js';

const report: Report = {
  since: '2026-11-16T09:00:00.000Z',
  until: '2026-11-23T09:00:00.000Z',
  questions: 10,
  declined: 2,
  declinedShare: 0.2,
  closest: 1,
  closestShare: 0.1,
  perDay: [],
  perService: [],
  proposed: [
    {
      id: 'a/b',
      label: 'A › B',
      questions: [
        { question: 'what is *b*', students: 2 },
        { question: 'b please', students: 1 },
      ],
    },
  ],
  places: { guild: 10, dm: 0, group_dm: 0 },
  unanswered: [{ question: 'bake bread', count: 3 }],
  notHelpful: [{ id: 'a/c', label: 'A › C', notHelpful: 2, helpful: 0 }],
  feedback: { helpful: 1, notHelpful: 2 },
  unaskedFeatures: [],
  perChapter: [],
};

describe('formatDigest', () => {
  it('lists the shares, unanswered questions, unhelpful sections and pairs waiting, with the chart as its image', () => {
    const payload = formatDigest(report);
    expectSendable(payload);
    const [embed] = payload.embeds;
    expect(embed!.description).toMatch(
      /^\*\*10\*\* questions: \*\*2\*\* declined \(20%\), \*\*1\*\* closest \(10%\)/,
    );
    expect(embed!.image).toEqual({ url: `attachment://${defaultDigestOptions.imageName}` });
    expect(embed!.fields!.map((f) => f.name)).toEqual([
      'Top unanswered questions',
      'Sections marked not helpful',
      'Waiting for review (2): npm run learn',
    ]);
    expect(embed!.fields![2]!.value).toBe('2 students: what is \\*b\\* → A › B\n1 student: b please → A › B');
  });

  it('adds the weakest quiz topics only when there is quiz data', () => {
    const payload = formatDigest(report, {
      imageName: null,
      quizTopics: [{ topic: 'Routing', correct: 1, answered: 4 }],
    });
    expectSendable(payload);
    expect(payload.embeds[0]!.fields!.at(-1)).toEqual({
      name: 'Weakest quiz topics',
      value: '25% of 4 — Routing',
    });
    expect(payload.embeds[0]!.image).toBeUndefined();
  });
});
