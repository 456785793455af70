/**
 * A directory that stops, hangs or never answers: the store answers DirectoryUnavailableError within its
 * timeout (never a hang), `ready()` says not ready and why, nothing is half written, and once slapd is back
 * the same store works again without a restart of the server. The log says it once per change of state.
 */
import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { describe, test } from 'node:test';
import { DirectoryUnavailableError } from '../../src/domain/errors.js';
import { LdapStore } from '../../src/store/ldap/index.js';
import { assertNotReady, personDn, recordingLogger, useDirectory } from '../support/ldap-fixture.js';
import { PEOPLE_DN, SERVICE_DN, SERVICE_PASSWORD } from '../support/slapd.js';

const directory = useDirectory();
const TIMEOUT_MS = 800;

/** What ldapts and the socket say of a slapd that went away: refused, or closed under an answer. */
const STOPPED = /ECONNREFUSED|ECONNRESET|connection closed/;

async function timed(promise: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  try {
    await promise;
    return { error: undefined, ms: Date.now() - started };
  } catch (error) {
    return { error, ms: Date.now() - started };
  }
}

describe('LdapStore when the directory fails', () => {
  test('slapd stopped mid-run: DirectoryUnavailableError at once, then it works again after a start', async () => {
    const store = directory.store({ timeoutMs: TIMEOUT_MS, retryAfterSeconds: 7 });
    const stored = await store.get('cmartin');
    assert.ok(stored);
    assert.deepEqual(await store.ready(), { ok: true });

    await directory.slapd.halt();
    try {
      for (const operation of [
        () => store.get('cmartin'),
        () => store.update('cmartin', { redList: true }, stored.version),
        () => store.setRecoveryEmails('cmartin', ['claire.martin@exemple.org'], stored.version),
        () => store.verifyPassword('cmartin', 'x'),
        () => store.changePassword('cmartin', { currentPassword: 'x', newPassword: 'Chatellerault-86100' }),
      ]) {
        const { error, ms } = await timed(operation());
        assert.ok(error instanceof DirectoryUnavailableError, String(error));
        assert.equal(error.retryAfterSeconds, 7);
        assert.ok(ms < TIMEOUT_MS + 500, `answered after ${ms} ms`);
      }
      assertNotReady(await store.ready(), STOPPED);
    } finally {
      await directory.slapd.start();
    }

    assert.deepEqual(await store.ready(), { ok: true });
    const again = await store.get('cmartin');
    // Nothing was written while the directory was down.
    assert.equal(again?.version, stored.version);
    const updated = await store.update('cmartin', { redList: true }, stored.version);
    assert.equal(updated.account.redList, true);
  });

  test('slapd restarted between two requests: the pooled connections are replaced, not reused unbound', async () => {
    const store = directory.store({ timeoutMs: TIMEOUT_MS, poolSize: 2 });
    await Promise.all([store.get('cmartin'), store.get('pdurand')]);
    await directory.slapd.restart();
    // A connection reopened without a bind would read nothing (ACL "by * none") and say "no such person".
    const [first, second] = await Promise.allSettled([store.get('cmartin'), store.get('pdurand')]);
    for (const outcome of [first, second]) {
      if (outcome.status === 'rejected') assert.ok(outcome.reason instanceof DirectoryUnavailableError);
      else assert.ok(outcome.value, 'an account, not null');
    }
    assert.equal((await store.get('cmartin'))?.account.uid, 'cmartin');
  });

  test('slapd hanging (frozen): DirectoryUnavailableError after the timeout, no write half applied', async () => {
    const store = directory.store({ timeoutMs: TIMEOUT_MS });
    const stored = await store.get('pdurand');
    assert.ok(stored);
    await directory.slapd.freeze();
    try {
      const { error, ms } = await timed(
        store.update('pdurand', { website: 'https://hang.univ-exemple.fr' }, stored.version),
      );
      assert.ok(error instanceof DirectoryUnavailableError, String(error));
      assert.ok(ms >= TIMEOUT_MS - 50 && ms < 2 * TIMEOUT_MS + 500, `answered after ${ms} ms`);
      assertNotReady(await store.ready(), /timeout/);
    } finally {
      directory.slapd.thaw();
    }
    // The request timed out before any write reached the directory: the entry and its version are as they were.
    assert.deepEqual(await directory.admin.read(personDn('pdurand'), 'labeledURI'), []);
    assert.equal((await store.get('pdurand'))?.version, stored.version);
  });

  test('a server that accepts connections and never answers: DirectoryUnavailableError, never a hang', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const store = new LdapStore({
      url: `ldap://127.0.0.1:${port}`,
      bindDn: SERVICE_DN,
      bindPassword: SERVICE_PASSWORD,
      peopleDn: PEOPLE_DN,
      timeoutMs: TIMEOUT_MS,
    });
    try {
      const { error, ms } = await timed(store.get('cmartin'));
      assert.ok(error instanceof DirectoryUnavailableError, String(error));
      assert.ok(ms < 2 * TIMEOUT_MS + 500, `answered after ${ms} ms`);
      assertNotReady(await store.ready(), /timeout/);
    } finally {
      await store.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  test('nothing listening at all: DirectoryUnavailableError', async () => {
    const store = new LdapStore({
      url: 'ldap://127.0.0.1:1',
      bindDn: SERVICE_DN,
      bindPassword: SERVICE_PASSWORD,
      peopleDn: PEOPLE_DN,
      timeoutMs: TIMEOUT_MS,
    });
    try {
      await assert.rejects(store.get('cmartin'), DirectoryUnavailableError);
      assertNotReady(await store.ready(), /ECONNREFUSED/);
    } finally {
      await store.close();
    }
  });

  test('the log: one warn with the cause when the directory fails, however many requests, one info when it answers', async () => {
    const logger = recordingLogger();
    const store = directory.store({ timeoutMs: TIMEOUT_MS, logger });
    const stored = await store.get('cmartin');
    assert.ok(stored);
    assert.deepEqual(logger.lines, []);

    await directory.slapd.halt();
    try {
      await assert.rejects(store.get('cmartin'), DirectoryUnavailableError);
      const warned = logger.at('warn').length;
      assert.ok(warned >= 1, 'a warn line');
      for (let request = 0; request < 5; request++) {
        await assert.rejects(store.get('pdurand'), DirectoryUnavailableError);
        await assert.rejects(
          store.changePassword('cmartin', { currentPassword: 'Poitiers-2026!', newPassword: 'Loudun-86200!' }),
          DirectoryUnavailableError,
        );
        assert.equal((await store.ready()).ok, false);
      }
      // The first failures may see the connections close before the next ones are refused: at most one line
      // per cause, and none for the requests that followed.
      const warns = logger.at('warn');
      assert.equal(warns.length, warned, logger.text());
      assert.ok(warns.length <= 2, logger.text());
      for (const line of warns) {
        assert.equal(line.fields['dependency'], 'directory');
        assert.match(String(line.fields['reason']), STOPPED);
        assert.match(line.message, /^directory is unavailable: /);
      }
      assert.match(String(warns.at(-1)?.fields['reason']), /ECONNREFUSED/);
      assert.deepEqual(logger.at('info'), []);
    } finally {
      await directory.slapd.start();
    }

    assert.deepEqual(await store.ready(), { ok: true });
    assert.ok(await store.get('cmartin'));
    assert.deepEqual(
      logger.at('info').map((line) => [line.fields['dependency'], line.message]),
      [['directory', 'directory answers again']],
    );
    // Neither the service account's password nor a person's DN or password reached the log.
    for (const secret of [SERVICE_PASSWORD, 'Poitiers-2026!', 'Loudun-86200!', 'uid=']) {
      assert.ok(!logger.text().includes(secret), `${secret} in:\n${logger.text()}`);
    }
  });
});
