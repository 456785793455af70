/**
 * `SharedState` for a single instance: counters and ended sessions in maps, expired entries swept lazily
 * (and by a timer that does not keep the process alive), so memory stays bounded by what is live.
 */
import type { SharedState } from './shared-state.js';
import { BoundedMap } from '../bounded-map.js';
import { READY, type Readiness } from '../health/readiness.js';

interface Counter {
  count: number;
  resetAt: number;
}

const SWEEP_INTERVAL_MS = 60_000;

/**
 * Ended sessions remembered at most. Whoever may send single logouts can name any number of tickets, and
 * each is kept for a whole session lifetime: without a cap, a flood of made-up tickets fills the memory.
 * When full, the entry remembered longest ago goes first: a browser that came back since was told to drop
 * its cookie, and a cookie unused for longer than the idle lifetime is refused anyway. About 15 MB; an
 * instance that sees more logouts than this within a session lifetime should share its state in Redis,
 * which expires each entry by itself.
 */
export const ENDED_SESSIONS_REMEMBERED = 100_000;

export class MemorySharedState implements SharedState {
  private readonly counters = new Map<string, Counter>();
  private readonly endedSessions = new BoundedMap<string, number>(ENDED_SESSIONS_REMEMBERED);
  /** At most one per account and flow, each for minutes: bounded by the accounts in a flow now. */
  private readonly values = new Map<string, { value: string; until: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly now: () => number = Date.now) {
    this.sweeper = setInterval(() => this.sweep(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  async hit(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }> {
    const now = this.now();
    let counter = this.counters.get(key);
    if (!counter || counter.resetAt <= now) {
      counter = { count: 0, resetAt: now + windowMs };
      this.counters.set(key, counter);
    }
    counter.count += 1;
    return { count: counter.count, resetInMs: counter.resetAt - now };
  }

  async reset(key: string): Promise<void> {
    this.counters.delete(key);
  }

  async endSession(sessionId: string, ttlMs: number): Promise<void> {
    this.endedSessions.set(sessionId, this.now() + ttlMs);
  }

  async isSessionEnded(sessionId: string): Promise<boolean> {
    const until = this.endedSessions.get(sessionId);
    return until !== undefined && until > this.now();
  }

  async setValue(key: string, value: string, ttlMs: number): Promise<void> {
    this.values.set(key, { value, until: this.now() + ttlMs });
  }

  async getValue(key: string): Promise<string | undefined> {
    const entry = this.values.get(key);
    if (!entry) return undefined;
    if (entry.until > this.now()) return entry.value;
    this.values.delete(key);
    return undefined;
  }

  async deleteValue(key: string): Promise<void> {
    this.values.delete(key);
  }

  async ready(): Promise<Readiness> {
    return READY;
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, counter] of this.counters) if (counter.resetAt <= now) this.counters.delete(key);
    for (const [key, until] of this.endedSessions) if (until <= now) this.endedSessions.delete(key);
    for (const [key, entry] of this.values) if (entry.until <= now) this.values.delete(key);
  }
}
