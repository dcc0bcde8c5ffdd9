import type { Clock } from '../clock.js';

/**
 * Sliding-window counters per key (e.g. "login:<ip>") held in memory. One instance per process:
 * behind several API servers each enforces its own share, which still bounds guessing per server.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  constructor(private readonly clock: Clock, private readonly maxKeys = 100_000) {}

  /** Records one hit; false when the key already had `limit` hits within `windowMs`. */
  consume(key: string, limit: number, windowMs: number): boolean {
    const now = this.clock.now().getTime();
    const recent = this.hits.get(key) ?? [];
    // Hits are appended as they come, so the expired ones are a prefix: dropped in place rather than copying the
    // whole list on every call (with a high limit, e.g. many users behind one address, that list is long). A clock
    // stepping back only keeps some expired hits counted a little longer: stricter, never looser.
    let expired = 0;
    while (expired < recent.length && recent[expired] <= now - windowMs) expired++;
    if (expired) recent.splice(0, expired);
    if (recent.length >= limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.delete(key);
    this.hits.set(key, recent);
    if (this.hits.size > this.maxKeys) this.hits.delete(this.hits.keys().next().value as string);
    return true;
  }
}
