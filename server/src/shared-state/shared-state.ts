/**
 * State that every instance of the server must see alike when several run behind a load balancer:
 * counters for rate limits, the sessions that a CAS single logout ended and the short-lived values of a
 * flow that spans requests (a recovery address waiting for its code). In memory for one instance,
 * in Redis (`SEL_REDIS_URL`) for several.
 */
import type { Readiness } from '../health/readiness.js';

export interface SharedState {
  /**
   * Counts one more event under `key` in a fixed window of `windowMs` that starts with the first event;
   * returns the count so far and the milliseconds left in the window.
   */
  hit(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;

  /** Forgets the counter of `key` (a successful password check, for instance). */
  reset(key: string): Promise<void>;

  /** Remembers that the session `sessionId` ended, for `ttlMs` (at least the session's remaining life). */
  endSession(sessionId: string, ttlMs: number): Promise<void>;

  isSessionEnded(sessionId: string): Promise<boolean>;

  /**
   * Keeps `value` under `key` for `ttlMs`, replacing what was there: a value that must vanish by itself
   * (a pending recovery address and the hash of its code), whichever instance reads it next.
   */
  setValue(key: string, value: string, ttlMs: number): Promise<void>;

  /** The value kept under `key`, or `undefined` once it expired or was deleted. */
  getValue(key: string): Promise<string | undefined>;

  deleteValue(key: string): Promise<void>;

  /** Whether the state answers now, and if not why (for `/readyz`); never throws. */
  ready(): Promise<Readiness>;

  close(): Promise<void>;
}
