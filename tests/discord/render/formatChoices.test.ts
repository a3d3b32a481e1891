import { describe, expect, it } from 'vitest';
import { answer } from '../../../src/answer/answer.js';
import { formatChoices } from '../../../src/discord/render/formatChoices.js';
import { validateRequest } from '../discordSchema.js';
import { shippedIndex } from '../../helpers.js';

const index = shippedIndex();

describe('formatChoices', () => {
  it('puts the typed text first, then heading trails, at most 25', () => {
    const choices = formatChoices('route 53', answer(index, 'route 53', { limit: 30 }));
    expect(choices[0]).toEqual({ name: 'route 53', value: 'route 53' });
    expect(choices[1]?.name).toBe('Amazon Route 53');
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(validateRequest('interactionCallback', { type: 8, data: { choices } })).toEqual([]);
  });

  it('offers what the chapters cover for blank input', () => {
    const choices = formatChoices('', answer(index, ''));
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.every((choice) => choice.value.startsWith('chunk:'))).toBe(true);
  });

  it('cuts a long typed text to 100 characters, as name and as value', () => {
    const long = 'how does direct connect bandwidth scale '.repeat(5);
    const [own] = formatChoices(long, answer(index, long));
    expect(own!.value).toBe(long.trim().slice(0, 100));
    expect([...own!.name].length).toBeLessThanOrEqual(100);
    expect(own!.name).toMatch(/…$/);
  });
});
