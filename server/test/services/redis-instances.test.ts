/**
 * Two instances of the server on one real redis-server, as behind a load balancer: wrong current passwords
 * counted on one count on the other, and Redis going away gives 503 with Retry-After and a failing /readyz
 * that names the shared state and why, rather than a hang or an unlimited password check.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RedisSharedState } from '../../src/shared-state/redis-shared-state.js';
import { BrowserLikeClient } from '../support/browser-like-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { startRedis, type RunningRedis } from '../support/redis.js';

let redis: RunningRedis;
const servers: TestServer[] = [];
const states: RedisSharedState[] = [];

async function instance(): Promise<BrowserLikeClient> {
  const sharedState = new RedisSharedState({ url: redis.url, retryAfterSeconds: 5 });
  states.push(sharedState);
  const server = await startTestServer(
    { SEL_REDIS_URL: redis.url, SEL_PASSWORD_MAX_FAILURES: '3', SEL_DEV_USER: 'cmartin' },
    { sharedState },
  );
  servers.push(server);
  const client = new BrowserLikeClient(server.url);
  await client.login();
  return client;
}

before(async () => {
  redis = await startRedis();
});
after(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await Promise.all(states.map((state) => state.close()));
  await redis?.stop();
});

const wrongPassword = { currentPassword: 'pas-le-bon-mot', newPassword: 'Jaunay-Marigny-86130!' };

describe('several instances on one Redis', () => {
  it('share the count of wrong current passwords: past the limit on A and B together, both answer 429', async () => {
    const a = await instance();
    const b = await instance();
    const statuses: number[] = [];
    for (const client of [a, b, a]) {
      statuses.push((await client.api('/account/password', { method: 'POST', body: wrongPassword })).status);
    }
    assert.deepEqual(statuses, [422, 422, 422]);
    const limited = await b.api('/account/password', { method: 'POST', body: wrongPassword });
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('Retry-After')) > 0);
    assert.equal((await a.api('/account/password', { method: 'POST', body: wrongPassword })).status, 429);
  });

  it('Redis stopped: /readyz fails naming the shared state, and a password check answers 503 with Retry-After, never unlimited', async () => {
    const client = await instance();
    const server = servers.at(-1)!;
    const ready = await fetch(`${server.url}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), {
      status: 'ready',
      checks: { store: { ok: true }, sharedState: { ok: true } },
    });
    await redis.stop();
    const unavailable = await fetch(`${server.url}/readyz`);
    assert.equal(unavailable.status, 503);
    assert.equal(unavailable.headers.get('Cache-Control'), 'no-store');
    const body = (await unavailable.json()) as {
      status: string;
      checks: { store: unknown; sharedState: { ok: boolean; reason?: string } };
    };
    assert.equal(body.status, 'unavailable');
    assert.deepEqual(body.checks.store, { ok: true }, 'the store still answers');
    assert.equal(body.checks.sharedState.ok, false);
    assert.match(body.checks.sharedState.reason ?? '', /ECONNREFUSED/, 'the cause an administrator can act on');
    const response = await client.api('/account/password', { method: 'POST', body: wrongPassword });
    assert.equal(response.status, 503);
    assert.equal(response.headers.get('Retry-After'), '5');
    assert.equal(response.headers.get('Content-Type')?.split(';')[0], 'application/problem+json');
  });
});
