/**
 * `/readyz` as a load balancer and an administrator read it: 200 or 503, never cached, and each check by
 * name with the reason of a failure. A data directory the server can no longer write to (a file system
 * remounted read-only, permissions changed) is not ready, though every read still works.
 */
import assert from 'node:assert/strict';
import { chmod, chown } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startTestServer } from '../support/test-server.js';
import type { AccountStore } from '../../src/store/account-store.js';

interface ReadyBody {
  status: string;
  checks: Record<string, { ok: boolean; reason?: string }>;
}

async function readyz(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; cacheControl: string | null; body: ReadyBody }> {
  const response = await fetch(`${url}/readyz`, { headers });
  return {
    status: response.status,
    cacheControl: response.headers.get('Cache-Control'),
    body: (await response.json()) as ReadyBody,
  };
}

/** The unprivileged user the test becomes when it runs as root, for whom mode bits do not apply. */
const NOBODY = 65534;

/** Runs `task` as a user who cannot write `dir`, as a server run by a service account would be. */
async function withoutWriteAccess<T>(dataDir: string, dir: string, task: () => Promise<T>): Promise<T> {
  const root = process.geteuid?.() === 0;
  if (root) {
    await chown(dataDir, NOBODY, NOBODY);
    await chown(dir, NOBODY, NOBODY);
  }
  await chmod(dir, 0o500);
  if (root) process.seteuid!(NOBODY);
  try {
    return await task();
  } finally {
    if (root) process.seteuid!(0);
    await chmod(dir, 0o700);
  }
}

describe('/readyz', () => {
  it('answers 200, not cached, with each check by name when the file store and the shared state answer', async () => {
    const server = await startTestServer();
    try {
      const { status, cacheControl, body } = await readyz(server.url);
      assert.equal(status, 200);
      assert.equal(cacheControl, 'no-store');
      assert.deepEqual(body, { status: 'ready', checks: { store: { ok: true }, sharedState: { ok: true } } });
    } finally {
      await server.close();
    }
  });

  it('answers 503 naming the store when the data directory cannot be written, and 200 once it can again', async () => {
    const server = await startTestServer();
    try {
      const accounts = join(server.dataDir, 'accounts');
      // A browser on the Internet, through the reverse proxy on loopback: which check fails, never why (a
      // reason may name an internal host); the monitoring hosts of SEL_METRICS_FROM read the reason.
      const [unwritable, fromTheInternet] = await withoutWriteAccess(server.dataDir, accounts, () =>
        Promise.all([readyz(server.url), readyz(server.url, { 'X-Forwarded-For': '203.0.113.9' })]),
      );
      assert.equal(fromTheInternet.status, 503);
      assert.deepEqual(fromTheInternet.body.checks['store'], { ok: false });
      assert.equal(unwritable.status, 503);
      assert.equal(unwritable.cacheControl, 'no-store');
      assert.equal(unwritable.body.status, 'unavailable');
      assert.deepEqual(unwritable.body.checks['sharedState'], { ok: true });
      assert.equal(unwritable.body.checks['store']?.ok, false);
      assert.match(unwritable.body.checks['store']?.reason ?? '', /data directory cannot be written \(EACCES\)/);
      assert.doesNotMatch(unwritable.body.checks['store']?.reason ?? '', /sel-server-test/, 'no path for the public');
      // Reading still works: only a write would have shown the problem.
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200);

      const writable = await readyz(server.url);
      assert.equal(writable.status, 200);
      assert.deepEqual(writable.body.checks['store'], { ok: true });
    } finally {
      await server.close();
    }
  });

  it('names the LDAP store "directory", with the reason it gives', async () => {
    const directory: AccountStore = {
      kind: 'ldap',
      get: async () => null,
      update: async () => {
        throw new Error('not used');
      },
      changePassword: async () => {},
      setRecoveryEmails: async () => {
        throw new Error('not used');
      },
      ready: async () => ({ ok: false, reason: 'the directory does not answer (connect ECONNREFUSED)' }),
      close: async () => {},
    };
    const server = await startTestServer({}, { store: directory });
    try {
      const { status, body } = await readyz(server.url);
      assert.equal(status, 503);
      assert.deepEqual(body, {
        status: 'unavailable',
        checks: {
          directory: { ok: false, reason: 'the directory does not answer (connect ECONNREFUSED)' },
          sharedState: { ok: true },
        },
      });
    } finally {
      await server.close();
    }
  });

  it('reports a check that throws as failed, and still answers the others', async () => {
    const server = await startTestServer();
    server.sharedState.ready = () => Promise.reject(new Error('broken'));
    try {
      const { status, body } = await readyz(server.url);
      assert.equal(status, 503);
      assert.deepEqual(body, {
        status: 'unavailable',
        checks: { store: { ok: true }, sharedState: { ok: false, reason: 'the check failed' } },
      });
    } finally {
      await server.close();
    }
  });
});
