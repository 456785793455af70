/**
 * The elements in front of imperfect backends: each fault takes down only what depends on it, and says why.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/index.js';
import type { SelGeneralInfo, SelRedlist } from '../../../src/index.js';
import type { RestAdapter } from '../../../src/api/rest-adapter.js';
import { imperfectBackend } from '../../helpers/imperfect-backend.js';
import { visibleText, waitFor } from '../../helpers/queries.js';
import { allByRole, button, byRole, sectionTestSetup } from '../../helpers/section.js';
import { redlistChoice, redlistLoaded, redlistSays, saveRedListed } from '../../helpers/redlist-harness.js';

async function redlistWith(adapter: RestAdapter): Promise<SelRedlist> {
  const el = await fixture<SelRedlist>(html`<sel-redlist .adapter=${adapter}></sel-redlist>`);
  await redlistLoaded(el);
  return el;
}

describe('the elements in front of an imperfect backend', () => {
  const portal = sectionTestSetup();

  it('a phone type the contract does not know takes down « Téléphones » only', async () => {
    const { adapter } = imperfectBackend({ body: { phones: [{ type: 'home', number: '+33549454999' }] } });
    const root = await fixture<HTMLElement>(
      html`<div>
        <sel-general-info .adapter=${adapter}></sel-general-info>
        <sel-phones .adapter=${adapter}></sel-phones>
        <sel-redlist .adapter=${adapter}></sel-redlist>
        <sel-password-change .adapter=${adapter}></sel-password-change>
      </div>`,
    );
    const phones = root.querySelector('sel-phones')!;
    await waitFor(() => expect(visibleText(phones)).to.contain('forme inattendue'));
    expect(byRole(phones, 'alert')).to.exist;
    expect(button(phones, 'Réessayer')).to.exist;
    expect(visibleText(root.querySelector('sel-general-info')!)).to.contain('Claire Martin');
    button(root.querySelector('sel-redlist')!, 'Modifier… (liste rouge)');
    button(root.querySelector('sel-password-change')!, 'Changer de mot de passe…');
    expect(portal.events.of('sel-error').map((event) => [event.detail.section, event.detail.kind])).to.deep.equal([
      ['phones', 'invalid_response'],
    ]);
    await expect(phones).to.be.accessible();
  });

  it('an account without an ETag is shown; saving says why it cannot be saved, and keeps the choice', async () => {
    const { adapter, requests } = imperfectBackend({ etag: 'none' });
    const el = await redlistWith(adapter);
    expect(visibleText(el)).to.contain("Vous apparaissez dans l'annuaire public");
    await saveRedListed(el);
    await redlistSays(el, "n'indique pas la version de votre compte");
    expect(redlistChoice(el)).to.equal(true);
    expect(requests.filter((request) => request.method === 'PATCH')).to.deep.equal([]);
  });

  it('a PATCH answered without an ETag is saved, and the next save asks for the version again', async () => {
    const { adapter, account } = imperfectBackend({ etagOnPatch: false });
    const el = await redlistWith(adapter);
    await saveRedListed(el);
    await redlistSays(el, 'Votre choix est enregistré');
    expect(account()['redList']).to.equal(true);
    expect(portal.events.of('sel-error')).to.deep.equal([]);
  });

  it('a weak ETag from a compressing proxy: the save goes through a strict If-Match', async () => {
    const { adapter, requests } = imperfectBackend({ etag: 'weak' });
    const el = await redlistWith(adapter);
    await saveRedListed(el);
    await redlistSays(el, 'Votre choix est enregistré');
    expect(requests.find((request) => request.method === 'PATCH')?.ifMatch).to.equal('"v1"');
  });

  it('an absurd Retry-After is read as a day at most', async () => {
    const { adapter } = imperfectBackend({ retryAfter: '99999999999999999999' });
    const el = await redlistWith(adapter);
    await saveRedListed(el);
    await redlistSays(el, '86400 s');
  });

  it('a megabyte of website is shown cut and is not a link', async () => {
    const huge = 'https://perso.univ-exemple.fr/' + 'a'.repeat(1_000_000);
    const { adapter } = imperfectBackend({ body: { website: huge } });
    const el = await fixture<SelGeneralInfo>(html`<sel-general-info .adapter=${adapter}></sel-general-info>`);
    await waitFor(() => expect(visibleText(el)).to.contain('https://perso.univ-exemple.fr/aaa'));
    expect(allByRole(el, 'link', /perso\.univ-exemple/)).to.deep.equal([]);
    expect(el.shadowRoot!.textContent!.length).to.be.below(10_000);
  });

  it('a javascript: URL with a host, as website and as directory contact page, is shown and is not a link', async () => {
    // It parses with a host, so a check of the host alone would pass it; followed, the %0a ends the `//`
    // comment and alert(1) runs.
    const hostile = 'javascript://example.org/%0aalert(1)';
    const { adapter } = imperfectBackend({
      body: { website: hostile, directoryContact: { name: 'Correspondant annuaire', url: hostile } },
    });
    const el = await fixture<SelGeneralInfo>(html`<sel-general-info .adapter=${adapter}></sel-general-info>`);
    await waitFor(() => expect(visibleText(el)).to.contain(hostile));
    expect(visibleText(el)).to.contain('Correspondant annuaire');
    expect(allByRole(el, 'link', /Correspondant annuaire|example\.org/)).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('[href^="javascript" i]')).to.equal(null);
  });
});
