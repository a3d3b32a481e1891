import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/search/readQuestion.js';

describe('readQuestion', () => {
  it('takes the last question sentence of a long stem as the ask and the rest as scenario', () => {
    const parts = readQuestion(
      'A shop sells lamps online. Its pages load slowly abroad.\nWhich service should it use to speed them up? (Choose two.)',
    );
    expect(parts.ask).toBe('Which should it use to speed them up?');
    expect(parts.context).toBe('A shop sells lamps online. Its pages load slowly abroad.');
    expect(parts.shape).toBe('whichService');
  });

  it.each([
    ['True or False? Lamps need oil.', 'Lamps need oil.'],
    ['Which statement best describes a lamp wick?', 'a lamp wick?'],
    ['A characteristic of oil lamps is that they:', 'oil lamps'],
    ['Which of the following lamps burns longest?', 'Which lamps burns longest?'],
    ['Which lamp is the MOST cost-effective?', 'Which lamp is?'],
  ])('strips the exam frame of "%s"', (question, ask) => {
    expect(readQuestion(question).ask).toBe(ask);
  });

  it('reads the two sides of a comparison', () => {
    expect(readQuestion('What is the difference between oil lamps and gas lamps?').sides).toEqual([
      'oil lamps',
      'gas lamps',
    ]);
    expect(readQuestion('oil lamp vs candle').sides).toEqual(['oil lamp', 'candle']);
  });

  it('names the kind of thing a "which" question asks for', () => {
    expect(readQuestion('Which wick type should I buy?').answerType).toBe('wick type');
    expect(readQuestion('Which service should I buy?').answerType).toBe('');
  });

  it('recognises a definition question', () => {
    expect(readQuestion('What is a wick?').shape).toBe('definition');
    expect(readQuestion('How long does a wick last?').shape).toBe('plain');
  });
});
