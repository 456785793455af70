/**
 * What survives a restart, and what a stop lets finish: a change made over HTTP is there after the
 * server restarts on the same data directory; a PATCH in flight when the server is asked to stop completes
 * and is written, and new connections are refused afterwards.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BrowserLikeClient } from '../support/browser-like-client.js';
import { startTestServer } from '../support/test-server.js';
import { FileAccountStore } from '../../src/store/file/file-account-store.js';
import { DEMO_SEED_FILE } from '../../src/store/file/seed.js';
import { FAST_HASH } from '../support/test-server.js';

describe('a restart', () => {
  it('keeps every change', async () => {
    const first = await startTestServer();
    const client = new BrowserLikeClient(first.url);
    await client.login();
    const ifMatch = await client.version();
    const saved = await client.api('/account', {
      method: 'PATCH',
      body: { website: 'https://example.org/kept' },
      ifMatch,
    });
    assert.equal(saved.status, 200);
    await first.close({ keepData: true });

    const second = await startTestServer({}, { dataDir: first.dataDir });
    try {
      const again = new BrowserLikeClient(second.url);
      await again.login();
      const response = await again.api('/account');
      assert.equal(((await response.json()) as { website: string }).website, 'https://example.org/kept');
      assert.equal(response.headers.get('ETag'), saved.headers.get('ETag'));
    } finally {
      await second.close();
    }
  });
});

describe('a graceful stop', () => {
  it('finishes the PATCH in flight and writes it, then refuses new connections', async () => {
    const server = await startTestServer();
    const client = new BrowserLikeClient(server.url);
    await client.login();
    const ifMatch = await client.version();
    // Hold the write until the stop has begun.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const update = server.store.update.bind(server.store);
    server.store.update = async (...args) => {
      await held;
      return update(...args);
    };
    const inFlight = client.api('/account', { method: 'PATCH', body: { redList: true }, ifMatch });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stopping = server.app.close();
    setTimeout(release, 200);
    const response = await inFlight;
    await stopping;
    assert.equal(response.status, 200);
    await server.store.close();
    await assert.rejects(fetch(`${server.url}/healthz`));

    const reopened = await FileAccountStore.open({
      dataDir: server.dataDir,
      seedFile: DEMO_SEED_FILE,
      hashParams: FAST_HASH,
    });
    assert.equal((await reopened.get('cmartin'))!.account.redList, true);
    await reopened.close();
    await server.close();
  });
});
