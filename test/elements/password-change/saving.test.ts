/**
 * A change that goes through: one request with the two passwords, the fields emptied, the success said and
 * focused, « Valider » busy while it runs, and a form closed during the request that still says how it ended.
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DEMO_PASSWORD } from '../../../src/mocks/demo-account.js';
import type { MemoryFault } from '../../../src/mocks/memory-adapter.js';
import { visibleText, waitFor } from '../../helpers/queries.js';
import { button, focused, requestsOf, retype } from '../../helpers/section.js';
import {
  FR,
  NEW_PASSWORD,
  fillForm,
  inputs,
  loaded,
  openForm,
  dictionariesLoadedFirst,
  passwordTestSetup,
  stateHolding,
  submit,
} from './support.js';

const portal = passwordTestSetup();
dictionariesLoadedFirst('fr');

describe('saving', () => {
  it('sends one POST, then empties the fields, announces the change, fires sel-saved and offers to close', async () => {
    const { el, setup } = await loaded();
    await openForm(el);
    const fields = inputs(el);
    await retype(el, fields.current, DEMO_PASSWORD);
    await retype(el, fields.new, NEW_PASSWORD);
    await retype(el, fields.confirm, NEW_PASSWORD);
    await expect(el).to.be.accessible();
    // Enter in a field submits, as in any form.
    await sendKeys({ press: 'Enter' });
    await waitFor(() => expect(focused()).to.match(new RegExp(`^status: ${FR.saved} Utilisez désormais`)));
    expect(requestsOf(setup, 'POST')).to.have.length(1);
    const request = requestsOf(setup, 'POST')[0]!;
    expect(new URL(request.url).pathname).to.equal(`${setup.apiBase}/account/password`);
    await waitFor(() => expect(request.body).to.not.equal(''));
    expect(JSON.parse(request.body)).to.deep.equal({ currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD });
    expect(setup.backend.currentPassword).to.equal(NEW_PASSWORD);
    expect(portal.events.of('sel-saved').map((event) => event.detail)).to.deep.equal([{ section: 'password' }]);
    for (const field of Object.values(fields)) expect(field.value).to.equal('');
    expect(el.querySelectorAll('input.sel-pc-input')).to.have.length(0);
    // The store reloaded the account: the date of the last change is today's.
    await waitFor(() => expect(visibleText(el)).not.to.contain('14 mars 2026'));
    expect(visibleText(el)).to.match(/Dernier changement du mot de passe : \d+ \S+ \d{4}\./);
    await expect(el).to.be.accessible();

    button(el, FR.close).click();
    await el.updateComplete;
    expect(el.querySelector('form')).to.equal(null);
    expect(focused()).to.equal(`button: ${FR.open}`);
    await openForm(el);
    for (const field of Object.values(inputs(el))) expect(field.value).to.equal('');
  }).timeout(20000);

  it('is pending while the request runs: « Valider » disabled, one click one request', async () => {
    const { el, setup } = await loaded();
    setup.backend.latencyMs = 400;
    await openForm(el);
    const fields = await fillForm(el);
    const save = button(el, FR.save);
    // The polite live region is on the page before the request: a region added with its text is often not read.
    const live = el.querySelector('form [role="status"]')!;
    save.click();
    save.click();
    await waitFor(() => expect(visibleText(el)).to.contain('Enregistrement en cours…'));
    expect(el.querySelector('form [role="status"]')).to.equal(live);
    expect(live.textContent!.trim()).to.equal('Enregistrement en cours…');
    expect(save.getAttribute('aria-disabled')).to.equal('true');
    save.click();
    await expect(el).to.be.accessible();
    expect(fields.new.value).to.equal(NEW_PASSWORD);
    await waitFor(() => expect(visibleText(el)).to.contain(FR.saved), 4000);
    expect(requestsOf(setup, 'POST')).to.have.length(1);
    expect(setup.backend.calls.password).to.equal(1);
  });

  it('closed while the request runs: says in the section how it ended, and keeps no password', async () => {
    for (const [fault, words] of [
      [undefined, FR.saved],
      [{ kind: 'server', once: true } as MemoryFault, 'Le service a rencontré une erreur. Réessayez plus tard.'],
    ] as const) {
      const { el, setup } = await loaded();
      setup.backend.latencyMs = 300;
      if (fault) setup.backend.setFault('password', fault);
      await openForm(el);
      await fillForm(el);
      await submit(el);
      await waitFor(() => expect(visibleText(el)).to.contain('Enregistrement en cours…'));
      button(el, FR.cancel).click();
      await el.updateComplete;
      expect(focused()).to.equal(`button: ${FR.open}`);
      await waitFor(() => expect(visibleText(el.shadowRoot!.querySelector('section')!)).to.contain(words), 3000);
      expect(focused()).to.equal(`button: ${FR.open}`);
      expect(stateHolding(el, NEW_PASSWORD)).to.deep.equal([]);
      await expect(el).to.be.accessible();
      fixtureCleanup();
    }
  });
});
