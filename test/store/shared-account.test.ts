import { expect, fixture, html, fixtureCleanup } from '@open-wc/testing';
import '../../src/sel-redlist.js';
import type { SelRedlist } from '../../src/sel-redlist.js';
import { SharedAccount, sharedAccountFor } from '../../src/store/shared-account.js';
import { MemoryAdapter } from '../../src/mocks/memory-adapter.js';
import type { SelAdapter, VersionedAccount } from '../../src/api/adapter.js';
import { SelError } from '../../src/api/errors.js';
import { demoAccount } from '../../src/mocks/demo-account.js';
import { mockBackend } from '../helpers/mock-backend.js';
import { getByRole, visibleText, waitFor } from '../helpers/queries.js';

/** An adapter whose GETs the test resolves by hand, so that nothing depends on timers. */
function manualAdapter() {
  const pending: { resolve: (value: VersionedAccount) => void; signal: AbortSignal | undefined }[] = [];
  const adapter: SelAdapter = {
    getAccount: (options) =>
      new Promise((resolve, reject) => {
        pending.push({ resolve, signal: options?.signal });
        options?.signal?.addEventListener('abort', () => reject(options.signal!.reason));
      }),
    updateAccount: () => Promise.reject(new Error('not used')),
    changePassword: () => Promise.reject(new Error('not used')),
  };
  return { adapter, pending };
}

describe('SharedAccount', () => {
  afterEach(() => fixtureCleanup());

  it('is one per adapter', () => {
    const adapter = new MemoryAdapter();
    expect(sharedAccountFor(adapter)).to.equal(sharedAccountFor(adapter));
    expect(sharedAccountFor(adapter)).to.not.equal(sharedAccountFor(new MemoryAdapter()));
  });

  it('shares one GET between callers that arrive while it is in flight', async () => {
    const { adapter, pending } = manualAdapter();
    const store = new SharedAccount(adapter);
    const first = store.load();
    const second = store.load({ signal: new AbortController().signal });
    expect(pending).to.have.length(1);
    expect(store.loading).to.equal(true);
    pending[0]!.resolve({ account: demoAccount(), version: '"1"' });
    expect((await first).version).to.equal('"1"');
    expect((await second).version).to.equal('"1"');
    await store.load();
    expect(pending).to.have.length(1);
  });

  it('keeps the shared GET going while one caller is still waiting, and aborts it when the last one leaves', async () => {
    const { adapter, pending } = manualAdapter();
    const store = new SharedAccount(adapter);
    const a = new AbortController();
    const b = new AbortController();
    const loadA = store.load({ signal: a.signal }).catch((error: unknown) => error);
    const loadB = store.load({ signal: b.signal }).catch((error: unknown) => error);
    a.abort();
    expect(((await loadA) as DOMException).name).to.equal('AbortError');
    expect(pending[0]!.signal!.aborted).to.equal(false);
    b.abort();
    await loadB;
    expect(pending[0]!.signal!.aborted).to.equal(true);
    expect(store.loadError).to.equal(undefined);
    expect(store.loading).to.equal(false);
  });

  it('keeps the failure of a load for every element to show, and clears it on the next attempt', async () => {
    const adapter = new MemoryAdapter();
    adapter.setFault('load', { kind: 'server', once: true });
    const store = new SharedAccount(adapter);
    const error = await store.load().catch((caught: unknown) => caught);
    expect((error as SelError).kind).to.equal('server');
    expect(store.loadError?.kind).to.equal('server');
    await store.load();
    expect(store.loadError).to.equal(undefined);
    expect(store.account?.uid).to.equal('cmartin');
  });

  it('sends the newest version with each save and notifies subscribers', async () => {
    const adapter = new MemoryAdapter();
    const store = new SharedAccount(adapter);
    let notified = 0;
    store.subscribe(() => notified++);
    await store.load();
    await store.update({ redList: true });
    expect(store.version).to.equal('"2"');
    await store.update({ redList: false });
    expect(store.version).to.equal('"3"');
    expect(notified).to.be.greaterThan(2);
  });

  it('reloads on a conflict, so that the next save carries the version the server has', async () => {
    const adapter = new MemoryAdapter();
    const store = new SharedAccount(adapter);
    await store.load();
    adapter.changeElsewhere({ title: 'Changed elsewhere' });
    const error = (await store.update({ redList: true }).catch((caught: unknown) => caught)) as SelError;
    expect(error.kind).to.equal('conflict');
    expect(store.account?.title).to.equal('Changed elsewhere');
    await store.update({ redList: true });
    expect(adapter.account.redList).to.equal(true);
  });

  it('turns whatever a custom adapter throws into a SelError', async () => {
    const adapter = {
      ...new MemoryAdapter(),
      getAccount: () => Promise.reject(new Error('boom')),
    } as unknown as SelAdapter;
    const error = await new SharedAccount(adapter).load().catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(SelError);
    expect((error as SelError).kind).to.equal('server');
  });

  describe('with elements on a page', () => {
    it('makes one GET for four elements sharing an api-base', async () => {
      const setup = await mockBackend({ latencyMs: 50 });
      const page = await fixture<HTMLElement>(
        html`<div>${[1, 2, 3, 4].map(() => html`<sel-redlist api-base=${setup.apiBase}></sel-redlist>`)}</div>`,
      );
      const elements = [...page.querySelectorAll<SelRedlist>('sel-redlist')];
      for (const el of elements) await waitFor(() => getByRole(el.shadowRoot!, 'button', 'Modifier… (liste rouge)'));
      expect(setup.requests.filter((request) => request.method === 'GET')).to.have.length(1);
    });

    it('a save in one element updates the others', async () => {
      const setup = await mockBackend();
      const page = await fixture<HTMLElement>(
        html`<div>
          <sel-redlist api-base=${setup.apiBase}></sel-redlist><sel-redlist api-base=${setup.apiBase}></sel-redlist>
        </div>`,
      );
      const [first, second] = [...page.querySelectorAll<SelRedlist>('sel-redlist')] as [SelRedlist, SelRedlist];
      await waitFor(() => getByRole(first.shadowRoot!, 'button', 'Modifier… (liste rouge)')).then((button) =>
        button.click(),
      );
      await first.updateComplete;
      getByRole(first.shadowRoot!, 'radio', 'Non').click();
      getByRole(first.shadowRoot!, 'button', 'Valider').click();
      await waitFor(() => expect(visibleText(second)).to.contain('inscrit(e) en liste rouge'));
    });
  });
});
