/**
 * RedisSharedState against a real redis-server: what two server instances behind a load balancer see when
 * they share one Redis, and what a request sees when Redis goes away (an error in bounded time, not a hang).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { RedisSharedState } from '../../src/shared-state/redis-shared-state.js';
import { SharedStateUnavailableError } from '../../src/shared-state/shared-state-unavailable-error.js';
import { freePort } from '../support/free-port.js';
import { startRedis, type RunningRedis } from '../support/redis.js';

/** Each test gets keys of its own, so that the tests do not see each other's counters. */
let keyNumber = 0;
const freshKey = (label: string): string => `${label}-${++keyNumber}`;

describe('RedisSharedState, two instances on one Redis', () => {
  let redis: RunningRedis;
  let first: RedisSharedState;
  let second: RedisSharedState;

  before(async () => {
    redis = await startRedis();
    first = new RedisSharedState({ url: redis.url });
    second = new RedisSharedState({ url: redis.url });
  });
  after(async () => {
    await first?.close();
    await second?.close();
    await redis?.stop();
  });

  test('hits on either instance count in the same window', async () => {
    const key = freshKey('password:dwho');
    assert.equal((await first.hit(key, 60_000)).count, 1);
    assert.equal((await second.hit(key, 60_000)).count, 2);
    const third = await first.hit(key, 60_000);
    assert.equal(third.count, 3);
    assert.ok(third.resetInMs > 59_000 && third.resetInMs <= 60_000, `resetInMs ${third.resetInMs}`);
  });

  test('concurrent hits from both instances are each counted once (atomic)', async () => {
    const key = freshKey('burst');
    const hits = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? first : second).hit(key, 60_000)));
    const counts = hits.map((hit) => hit.count).sort((a, b) => a - b);
    assert.deepEqual(
      counts,
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
  });

  test('the window is fixed: it starts with the first hit and later hits do not extend it', async () => {
    const key = freshKey('fixed');
    const firstHit = await first.hit(key, 2_000);
    await sleep(300);
    const laterHit = await second.hit(key, 2_000);
    assert.equal(laterHit.count, 2);
    assert.ok(
      laterHit.resetInMs <= firstHit.resetInMs - 250,
      `the window moved: ${firstHit.resetInMs} then ${laterHit.resetInMs}`,
    );
  });

  test('a new window starts at 1 once the previous one expired', async () => {
    const key = freshKey('expiry');
    await first.hit(key, 200);
    await second.hit(key, 200);
    await sleep(300);
    const hit = await second.hit(key, 200);
    assert.equal(hit.count, 1);
    assert.ok(hit.resetInMs > 0 && hit.resetInMs <= 200, `resetInMs ${hit.resetInMs}`);
  });

  test('a reset on one instance is seen by the other', async () => {
    const key = freshKey('reset');
    await first.hit(key, 60_000);
    await first.hit(key, 60_000);
    await second.reset(key);
    assert.equal((await first.hit(key, 60_000)).count, 1);
  });

  test('a session ended on one instance is ended on the other, until its time-to-live runs out', async () => {
    const sessionId = freshKey('session');
    assert.equal(await second.isSessionEnded(sessionId), false);
    await first.endSession(sessionId, 400);
    assert.equal(await second.isSessionEnded(sessionId), true);
    assert.equal(await second.isSessionEnded(freshKey('other-session')), false);
    await sleep(550);
    assert.equal(await second.isSessionEnded(sessionId), false);
  });

  test('a value set on one instance is read on the other, replaced by the next, gone after its TTL or a delete', async () => {
    const key = freshKey('recovery-pending');
    assert.equal(await second.getValue(key), undefined);
    await first.setValue(key, 'first', 400);
    assert.equal(await second.getValue(key), 'first');
    await second.setValue(key, 'second', 400);
    assert.equal(await first.getValue(key), 'second');
    await sleep(550);
    assert.equal(await first.getValue(key), undefined);
    await first.setValue(key, 'third', 60_000);
    await second.deleteValue(key);
    assert.equal(await first.getValue(key), undefined);
  });

  test('instances with different key prefixes do not share counters or sessions', async () => {
    const other = new RedisSharedState({ url: redis.url, keyPrefix: 'other-deployment:' });
    try {
      const key = freshKey('prefixed');
      await first.hit(key, 60_000);
      await first.endSession(key, 60_000);
      assert.equal((await other.hit(key, 60_000)).count, 1);
      assert.equal(await other.isSessionEnded(key), false);
    } finally {
      await other.close();
    }
  });
});

describe('RedisSharedState when Redis is not there', () => {
  /**
   * Runs `call` and returns its error and how long it took to fail; fails the test if it succeeds, or if
   * it is still pending after 3 s (a hang must fail the test, and let `finally` close the client, rather
   * than keep the run waiting).
   */
  async function failure(call: () => Promise<unknown>): Promise<{ error: unknown; elapsedMs: number }> {
    const started = performance.now();
    const hung = Symbol('hung');
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      call().then(
        () => 'succeeded' as const,
        (error: unknown) => ({ error }),
      ),
      new Promise<typeof hung>((resolve) => (timer = setTimeout(() => resolve(hung), 3_000))),
    ]);
    clearTimeout(timer);
    if (outcome === hung) assert.fail('the call was still waiting for Redis after 3 s');
    if (outcome === 'succeeded') assert.fail('the call succeeded without Redis');
    return { error: outcome.error, elapsedMs: performance.now() - started };
  }

  test('Redis stopped mid-run: every operation fails with SharedStateUnavailableError, quickly', async () => {
    const redis = await startRedis();
    const state = new RedisSharedState({ url: redis.url, timeoutMs: 300, retryAfterSeconds: 7 });
    try {
      const key = freshKey('outage');
      assert.equal((await state.hit(key, 60_000)).count, 1);
      await state.endSession(key, 60_000);
      await redis.stop();

      for (const call of [
        () => state.hit(key, 60_000),
        () => state.reset(key),
        () => state.endSession(freshKey('late'), 60_000),
        () => state.isSessionEnded(key),
      ]) {
        const { error, elapsedMs } = await failure(call);
        assert.ok(error instanceof SharedStateUnavailableError, `got ${String(error)}`);
        assert.equal(error.status, 503);
        assert.equal(error.retryAfterSeconds, 7);
        assert.ok(!error.message.includes(key), 'the message names a key');
        assert.ok(elapsedMs < 1_500, `failed after ${Math.round(elapsedMs)} ms`);
      }
    } finally {
      await redis.stop();
      await state.close();
    }
  });

  test('a Redis that never answered: the first call fails within the timeout instead of waiting', async () => {
    const closedPort = await freePort();
    const state = new RedisSharedState({ url: `redis://127.0.0.1:${closedPort}`, timeoutMs: 300 });
    try {
      const { error, elapsedMs } = await failure(() => state.hit('nobody', 60_000));
      assert.ok(error instanceof SharedStateUnavailableError, `got ${String(error)}`);
      assert.ok(elapsedMs < 1_500, `failed after ${Math.round(elapsedMs)} ms`);
    } finally {
      await state.close();
    }
  });
});
