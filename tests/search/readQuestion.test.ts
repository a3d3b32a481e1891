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
    ['True/False\nLamps need oil', 'Lamps need oil'],
    ['T/F: Lamps need oil.', 'Lamps need oil.'],
  ])('strips the exam frame of "%s"', (question, ask) => {
    expect(readQuestion(question).ask).toBe(ask);
  });

  it('reads the two sides of a comparison', () => {
    expect(readQuestion('What is the difference between oil lamps and gas lamps?').sides).toEqual([
      'oil lamps',
      'gas lamps',
    ]);
    expect(readQuestion('oil lamp vs candle').sides).toEqual(['oil lamp', 'candle']);
    expect(readQuestion('How is an oil lamp different from a candle?').sides).toEqual([
      'an oil lamp',
      'a candle',
    ]);
    expect(readQuestion('How does a wick differ from a mantle?').sides).toEqual(['a wick', 'a mantle']);
  });

  it('joins a line wrapped inside a sentence', () => {
    const parts = readQuestion('A shop sells lamps. Which wick type\nshould it stock for long nights?');
    expect(parts.ask).toBe('Which wick type should it stock for long nights?');
    expect(parts.answerType).toBe('wick type');
  });

  it('reads an ask that only points back together with the sentence it points to', () => {
    const parts = readQuestion('How can a lamp burn for a week? How is this achieved?');
    expect(parts.ask).toBe('How can a lamp burn for a week? How is this achieved?');
    expect(parts.context).toBe('');
    expect(readQuestion('Lamps need oil. How do wicks draw it up?').context).toBe('Lamps need oil.');
  });

  it('names the kind of thing asked for, also as the qualifier of "which … feature"', () => {
    expect(readQuestion('Which Acme Lantern feature dims the light?').kind).toBe('Acme Lantern');
    expect(readQuestion('Which wick type is brightest?').kind).toBe('wick type');
    expect(readQuestion('Oil reaches the flame through which wick part?').kind).toBe('wick part');
    expect(readQuestion('Which lamp service or feature dims the light?').ask).toBe(
      'Which lamp dims the light?',
    );
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
