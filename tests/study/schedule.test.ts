import { describe, expect, it } from 'vitest';
import { scheduleAnswer } from '../../src/study/schedule.js';

const NOW = Date.UTC(2026, 10, 28, 12);
const DAY = 86_400_000;

describe('scheduleAnswer', () => {
  it('brings a missed new card back the next day and a known one days later', () => {
    const missed = scheduleAnswer(null, false, NOW);
    const known = scheduleAnswer(null, true, NOW);
    expect(missed.due).toBe(NOW + DAY);
    expect(known.due).toBeGreaterThan(NOW + DAY);
  });

  it('lengthens the interval of a card known again, and shortens it after a miss', () => {
    const first = scheduleAnswer(null, true, NOW);
    const again = scheduleAnswer(first.fsrs, true, first.due);
    const lapse = scheduleAnswer(first.fsrs, false, first.due);
    expect(again.due - first.due).toBeGreaterThan(first.due - NOW);
    expect(lapse.due - first.due).toBeLessThan(first.due - NOW);
  });

  it('is deterministic: the same answers give the same schedule', () => {
    expect(scheduleAnswer(null, true, NOW)).toEqual(scheduleAnswer(null, true, NOW));
  });

  it('treats an unreadable stored state as a new card', () => {
    expect(scheduleAnswer('not json', true, NOW)).toEqual(scheduleAnswer(null, true, NOW));
    expect(scheduleAnswer('{"due":"never"}', false, NOW)).toEqual(scheduleAnswer(null, false, NOW));
  });
});
