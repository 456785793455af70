import { Redis } from 'ioredis';
import type { SharedState } from './shared-state.js';
import { DependencyState, SILENT_LOGGER, type OperationsLogger, type Readiness } from '../health/readiness.js';
import { SharedStateUnavailableError } from './shared-state-unavailable-error.js';

export interface RedisSharedStateOptions {
  /** `redis://[user:password@]host:port[/db]`, as in `SEL_REDIS_URL`. */
  url: string;
  /** Put before every key, so that several deployments can share one Redis. Default `sel:`. */
  keyPrefix?: string;
  /**
   * The longest a connection attempt or a command may take before it fails with
   * `SharedStateUnavailableError`. Default 1000 ms: a rate limit that waits longer than that for Redis
   * would make every request slow while Redis is down, and failing is better than hanging.
   */
  timeoutMs?: number;
  /** The `Retry-After` given with a failure. Default 5 s. */
  retryAfterSeconds?: number;
  /** Where Redis failing (one `warn` per outage) and answering again (one `info`) is written. */
  logger?: OperationsLogger;
}

/** The reply of MULTI / INCR / PEXPIRE NX / PTTL / EXEC: one `[error, value]` pair per command. */
type ExecReply = [Error | null, unknown][] | null;

/**
 * The `SharedState` of several server instances behind a load balancer, in one Redis. A rate-limit window
 * is a counter key that expires with its window; an ended session is a key that expires when the session
 * would have; a value (`setValue`) is a string key that expires with its TTL. Every operation is one round trip, and fails within `timeoutMs` when Redis is away.
 */
export class RedisSharedState implements SharedState {
  readonly #redis: Redis;
  readonly #retryAfterSeconds: number;
  readonly #state: DependencyState;
  /** Why the connection is down, as the last attempt to connect said; `undefined` while connected. */
  #connectionError: string | undefined;

  constructor(options: RedisSharedStateOptions) {
    this.#state = new DependencyState('Redis', options.logger ?? SILENT_LOGGER);
    const timeoutMs = options.timeoutMs ?? 1000;
    this.#retryAfterSeconds = options.retryAfterSeconds ?? 5;
    this.#redis = new Redis(options.url, {
      keyPrefix: options.keyPrefix ?? 'sel:',
      connectTimeout: timeoutMs,
      // How long close() lets a half-open socket linger before destroying it (ioredis waits 2 s otherwise).
      disconnectTimeout: timeoutMs,
      // Counted from the moment a command is issued, including while it waits in the offline queue for a
      // reconnection: this is what bounds every call.
      commandTimeout: timeoutMs,
      // A command is not replayed after a reconnection: its caller already had an error.
      maxRetriesPerRequest: 0,
      // Keep trying to reconnect in the background, never more than a second apart, so that the server
      // recovers by itself when Redis comes back.
      retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
      // Connect on the first command, so that constructing the state never fails or leaves a socket open.
      lazyConnect: true,
    });
    // Without a listener an unreachable Redis would print every reconnection error. Each failed call
    // reports it to its caller, and the first failure of an outage to the log with this cause.
    this.#redis.on('error', (error: unknown) => {
      if (this.#redis.status !== 'ready') this.#connectionError = describe(error);
    });
    this.#redis.on('ready', () => {
      this.#connectionError = undefined;
    });
  }

  async hit(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }> {
    const ms = toPositiveMs(windowMs);
    const counter = `rate:${key}`;
    // MULTI makes the three atomic: no other instance can see the counter without its expiry. NX sets the
    // expiry only when the key has none, that is on the window's first hit, so that the window is fixed.
    const [count, , resetInMs] = await this.#call(async () =>
      unwrapExec(await this.#redis.multi().incr(counter).pexpire(counter, ms, 'NX').pttl(counter).exec()),
    );
    return { count: Number(count), resetInMs: Math.max(0, Number(resetInMs)) };
  }

  async reset(key: string): Promise<void> {
    await this.#call(() => this.#redis.del(`rate:${key}`));
  }

  async endSession(sessionId: string, ttlMs: number): Promise<void> {
    await this.#call(() => this.#redis.set(`ended:${sessionId}`, '1', 'PX', toPositiveMs(ttlMs)));
  }

  async isSessionEnded(sessionId: string): Promise<boolean> {
    return (await this.#call(() => this.#redis.exists(`ended:${sessionId}`))) === 1;
  }

  async setValue(key: string, value: string, ttlMs: number): Promise<void> {
    await this.#call(() => this.#redis.set(`value:${key}`, value, 'PX', toPositiveMs(ttlMs)));
  }

  async getValue(key: string): Promise<string | undefined> {
    return (await this.#call(() => this.#redis.get(`value:${key}`))) ?? undefined;
  }

  async deleteValue(key: string): Promise<void> {
    await this.#call(() => this.#redis.del(`value:${key}`));
  }

  async ready(): Promise<Readiness> {
    try {
      await this.#call(() => this.#redis.ping());
    } catch {
      // The failure is in the state now.
    }
    return this.#state.readiness;
  }

  /** The connection, for @fastify/rate-limit's per-address counters, shared by every instance too. */
  get client(): Redis {
    return this.#redis;
  }

  async close(): Promise<void> {
    // QUIT lets the replies in flight arrive; when Redis is away there is nothing to wait for.
    if (this.#redis.status === 'ready') {
      await this.#redis.quit().catch(() => this.#redis.disconnect());
    } else {
      this.#redis.disconnect();
    }
  }

  async #call<T>(command: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await command();
    } catch (error) {
      this.#failed(error);
      throw new SharedStateUnavailableError(this.#retryAfterSeconds, { cause: error });
    }
    this.#state.up();
    return result;
  }

  #failed(error: unknown): void {
    // One warning per outage, with the cause seen first: while Redis is away, the causes of the calls
    // that fail vary (refused, timed out, reset) and would otherwise each write a line.
    if (!this.#state.readiness.ok) return;
    // Without a connection, every command fails with ioredis's "max retries per request" error, which says
    // nothing of why; the last attempt to connect does.
    const reason =
      this.#redis.status === 'ready' ? describe(error) : (this.#connectionError ?? 'no connection to Redis');
    this.#state.down(reason);
  }
}

/**
 * A cause an administrator can act on (`connect ECONNREFUSED 10.0.0.7:6379`, `Command timed out`,
 * `NOAUTH Authentication required.`): the message and code of ioredis's error, never the error object,
 * whose `command` holds the keys (session ids, user ids) and whose options hold the password.
 */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const code = (error as NodeJS.ErrnoException).code;
  return code !== undefined && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
}

/** Redis wants whole, positive milliseconds; a window or a session of zero would never be stored. */
function toPositiveMs(ms: number): number {
  return Math.max(1, Math.ceil(ms));
}

function unwrapExec(reply: ExecReply): unknown[] {
  // EXEC answers null only when a WATCHed key changed; nothing is watched here, but say so if it happens.
  if (!reply) throw new Error('Redis aborted the transaction.');
  return reply.map(([error, value]) => {
    if (error) throw error;
    return value;
  });
}
