/**
 * Single logout with several instances behind a load balancer: the logged-out sessions live in Redis,
 * shared by every instance. A person logs in through a real CAS server (LemonLDAP::NG) on instance A; they
 * log out at the CAS server, whose back-channel LogoutRequest reaches instance B (the service URL, as a
 * load balancer may route it); instance A then refuses the same session cookie.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RedisSharedState } from '../../src/shared-state/redis-shared-state.js';
import { ticketHash } from '../../src/http/session.js';
import { BrowserLikeClient } from '../support/browser-like-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { casLogout, dwhoSeed, startLemonLdap, type RunningLemonLdap } from '../support/lemonldap.js';
import { logInThroughCas } from '../support/cas-login.js';
import { startRedis, type RunningRedis } from '../support/redis.js';

/** Redis shared state that remembers which sessions this instance was told to end. */
class RecordingSharedState extends RedisSharedState {
  readonly ended: string[] = [];

  override async endSession(sessionId: string, ttlMs: number): Promise<void> {
    this.ended.push(sessionId);
    await super.endSession(sessionId, ttlMs);
  }
}

let redis: RunningRedis;
let cas: RunningLemonLdap;
const servers: TestServer[] = [];
const states: RecordingSharedState[] = [];

/** One instance: CAS login, the same session keys as the others, the one Redis. */
async function instance(env: Record<string, string>): Promise<{ server: TestServer; state: RecordingSharedState }> {
  const state = new RecordingSharedState({ url: redis.url, retryAfterSeconds: 5 });
  states.push(state);
  const server = await startTestServer(
    {
      SEL_AUTH: 'cas',
      SEL_CAS_URL: cas.casUrl,
      SEL_REDIS_URL: redis.url,
      SEL_SESSION_KEYS: 'a-session-key-shared-by-every-instance-of-this-test',
      ...env,
    },
    { sharedState: state, seed: await dwhoSeed() },
  );
  servers.push(server);
  return { server, state };
}

before(async () => {
  [redis, cas] = await Promise.all([startRedis(), startLemonLdap()]);
});
after(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await Promise.all(states.map((state) => state.close()));
  await Promise.all([redis?.stop(), cas?.stop()]);
});

describe('single logout across instances sharing one Redis', () => {
  it('a LogoutRequest received by instance B ends the session that instance A opened', async () => {
    const b = await instance({});
    // Both answer for the same public URL: B's, where the CAS server sends its back-channel requests.
    const a = await instance({ SEL_PUBLIC_URL: b.server.url });

    const person = new BrowserLikeClient(a.server.url);
    // The browser comes back with its ticket to instance A, which validates it and opens the session.
    const login = await logInThroughCas(person, { casUrl: cas.casUrl, user: 'dwho', password: 'dwho' });
    assert.match(login.service, new RegExp(`^${b.server.url}/auth/cas\\?return=%2F&login=[\\w-]{24}$`));
    assert.equal(login.landing.status, 302);
    assert.ok(person.cookie, 'a session cookie');
    const account = await person.api('/account');
    assert.equal(account.status, 200);
    assert.equal(((await account.json()) as { uid: string }).uid, 'dwho');
    const onB = new BrowserLikeClient(b.server.url);
    onB.cookie = person.cookie;
    assert.equal((await onB.api('/account')).status, 200, 'B opens the same cookie');

    await casLogout({ casUrl: cas.casUrl, sessionCookie: login.sessionCookie });
    // The CAS server may post its back-channel request after it answered the logout: wait for it a little.
    for (const until = Date.now() + 5_000; b.state.ended.length === 0 && Date.now() < until;) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.deepEqual(b.state.ended, [ticketHash(login.ticket)], 'B received the single logout');
    assert.deepEqual(a.state.ended, [], 'A received nothing');

    const refused = await person.api('/account');
    assert.equal(refused.status, 401, 'A refuses the cookie of the ended session');
    assert.equal(refused.headers.get('Content-Type')?.split(';')[0], 'application/problem+json');
    assert.equal((await onB.api('/account')).status, 401, 'and so does B');
  });
});
