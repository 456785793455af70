/**
 * Races in the account state the sections share: two saves at once, a slow GET answered after a save, an
 * element moved in the page while its save is on its way.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/index.js';
import type { SelGeneralInfo, SelRedlist } from '../../../src/index.js';
import type { SelAdapter, VersionedAccount } from '../../../src/api/adapter.js';
import { MemoryAdapter } from '../../../src/mocks/memory-adapter.js';
import { sharedAccountFor } from '../../../src/store/shared-account.js';
import { mockBackend } from '../../helpers/mock-backend.js';
import { visibleText, waitFor } from '../../helpers/queries.js';
import { button, fill, requestsOf, sectionTestSetup, textbox } from '../../helpers/section.js';
import { redlistLoaded, redlistSays, saveRedListed } from '../../helpers/redlist-harness.js';

const NEW_SITE = 'https://perso.univ-exemple.fr/claire';

async function saveWebsite(el: SelGeneralInfo): Promise<void> {
  button(el, 'Modifier… (site web)').click();
  await fill(el, await waitFor(() => textbox(el, 'Site web')), NEW_SITE);
  button(el, 'Valider').click();
}

/** A MemoryAdapter whose GETs the test can hold and answer later with what it read when it was asked. */
function adapterWithHeldGets(backend: MemoryAdapter) {
  const held: { answer: () => void }[] = [];
  let hold = false;
  const adapter: SelAdapter = {
    async getAccount() {
      const read = await backend.getAccount();
      if (!hold) return read;
      return new Promise<VersionedAccount>((resolve) => held.push({ answer: () => resolve(read) }));
    },
    updateAccount: (patch, version) => backend.updateAccount(patch, version),
    changePassword: (change) => backend.changePassword(change),
  };
  return { adapter, held, holdGets: () => (hold = true) };
}

describe('the shared account state under races', () => {
  const portal = sectionTestSetup();

  it('two sections saved at once both save: the second waits and sends the newer version', async () => {
    const setup = await mockBackend({ latencyMs: 150 });
    const root = await fixture<HTMLElement>(
      html`<div>
        <sel-general-info api-base=${setup.apiBase}></sel-general-info>
        <sel-redlist api-base=${setup.apiBase}></sel-redlist>
      </div>`,
    );
    const info = root.querySelector<SelGeneralInfo>('sel-general-info')!;
    const redlist = root.querySelector<SelRedlist>('sel-redlist')!;
    await redlistLoaded(redlist);
    await saveRedListed(redlist);
    await saveWebsite(info);
    await redlistSays(redlist, 'Votre choix est enregistré');
    await waitFor(() => expect(visibleText(info)).to.contain('enregistré'), 5000);
    expect(visibleText(info)).not.to.contain('modifié ailleurs');
    expect(portal.events.of('sel-error')).to.deep.equal([]);
    const { account } = await setup.backend.getAccount();
    expect([account.redList, account.website]).to.deep.equal([true, NEW_SITE]);
    const patches = requestsOf(setup, 'PATCH');
    expect(new Set(patches.map((request) => request.headers.get('If-Match'))).size).to.equal(2);
  });

  it('a GET answered after a save never puts the older account back', async () => {
    const backend = new MemoryAdapter();
    const { adapter, held, holdGets } = adapterWithHeldGets(backend);
    const el = await fixture<SelRedlist>(html`<sel-redlist .adapter=${adapter}></sel-redlist>`);
    await redlistLoaded(el);
    // A refresh on its way (as after a password change), read by the server before the save below.
    holdGets();
    const refresh = sharedAccountFor(adapter).load({ force: true });
    await waitFor(() => expect(held).to.have.length(1));
    await saveRedListed(el);
    await redlistSays(el, 'Votre choix est enregistré');
    const savedVersion = sharedAccountFor(adapter).version;
    held[0]!.answer();
    await refresh;
    await el.updateComplete;
    expect(sharedAccountFor(adapter).version).to.equal(savedVersion);
    expect(sharedAccountFor(adapter).account?.redList).to.equal(true);
    expect(visibleText(el)).to.contain('inscrit(e) en liste rouge');
  });

  it('a save outlives a move of its element: the request completes and the element says so', async () => {
    const setup = await mockBackend({ latencyMs: 300 });
    const root = await fixture<HTMLElement>(
      html`<div>
        <div id="a"><sel-redlist api-base=${setup.apiBase}></sel-redlist></div>
        <div id="b"></div>
      </div>`,
    );
    const el = root.querySelector<SelRedlist>('sel-redlist')!;
    await redlistLoaded(el);
    await saveRedListed(el);
    // A portal re-rendering its layout moves the section while the request is on its way.
    root.querySelector('#b')!.append(el);
    await waitFor(() => expect(visibleText(el)).to.contain('inscrit(e) en liste rouge'), 5000);
    expect((await setup.backend.getAccount()).account.redList).to.equal(true);
    expect(portal.events.of('sel-saved').map((event) => event.detail.section)).to.deep.equal(['redList']);
  });
});
