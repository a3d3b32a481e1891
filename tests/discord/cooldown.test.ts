import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.js';

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe('Cooldown', () => {
  it('allows `limit` questions per window, then says how many seconds to wait', () => {
    const clock = manualClock();
    const cooldown = new Cooldown(2, 30_000, clock.now);
    expect(cooldown.take('a')).toBe(0);
    clock.advance(10_000);
    expect(cooldown.take('a')).toBe(0);
    expect(cooldown.take('a')).toBe(20);
    expect(cooldown.take('b')).toBe(0);
  });

  it('lets a question in again once the oldest one leaves the window', () => {
    const clock = manualClock();
    const cooldown = new Cooldown(1, 30_000, clock.now);
    cooldown.take('a');
    clock.advance(29_999);
    expect(cooldown.take('a')).toBe(1);
    clock.advance(1);
    expect(cooldown.take('a')).toBe(0);
  });
});
