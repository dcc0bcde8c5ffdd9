import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FakeClock } from '../clock.js';
import { RateLimiter } from './rate-limiter.js';

describe('RateLimiter', () => {
  it('allows `limit` hits per sliding window and counts each key on its own', () => {
    const clock = new FakeClock(new Date('2026-01-01T00:00:00Z'));
    const limiter = new RateLimiter(clock);
    for (let i = 0; i < 3; i++) {
      assert.equal(limiter.consume('login:a', 3, 60_000), true, `hit ${i + 1}`);
      clock.advance(10_000);
    }
    assert.equal(limiter.consume('login:a', 3, 60_000), false, 'fourth hit within the minute');
    assert.equal(limiter.consume('login:b', 3, 60_000), true, 'another key is not affected');
    // Hits at 0 s, 10 s and 20 s; now 30 s. At 60 s the first has left the window.
    clock.advance(30_000);
    assert.equal(limiter.consume('login:a', 3, 60_000), true, 'the hit at 0 s expired');
    assert.equal(limiter.consume('login:a', 3, 60_000), false, 'refusals are not counted, but 10 s, 20 s and 60 s fill the window');
    // At 80 s the hits at 10 s and 20 s have expired too: room for two more.
    clock.advance(20_000);
    assert.equal(limiter.consume('login:a', 3, 60_000), true);
    assert.equal(limiter.consume('login:a', 3, 60_000), true);
    assert.equal(limiter.consume('login:a', 3, 60_000), false);
  });

  it('keeps working with a long history (many hits under a high limit)', () => {
    const clock = new FakeClock(new Date('2026-01-01T00:00:00Z'));
    const limiter = new RateLimiter(clock);
    for (let i = 0; i < 10_000; i++) {
      assert.equal(limiter.consume('login:office', 2_400, 60_000), true);
      clock.advance(25);
    }
    // 40 hits a second: the last minute holds exactly 2,400 of them, so the next one in the same instant is refused.
    clock.advance(-25);
    assert.equal(limiter.consume('login:office', 2_400, 60_000), false);
  });
});
