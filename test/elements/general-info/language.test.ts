/** <sel-general-info> in English, and following a change of language. */
import { expect, fixture, html } from '@open-wc/testing';
import type { SelGeneralInfo } from '../../../src/sel-general-info.js';
import { mockBackend } from '../../helpers/mock-backend.js';
import { visibleText, waitFor } from '../../helpers/queries.js';
import {
  alertText,
  allByRole,
  button,
  byRole,
  describedText,
  press,
  sectionTestSetup,
  statusText,
} from '../../helpers/section.js';
import { DEMO_WEBSITE, EDIT_EN, NEW_WEBSITE, loaded, openForm, type, website } from './harness.js';

describe('<sel-general-info>: language', () => {
  sectionTestSetup();

  it('speaks English with lang="en": information, affiliations, dates, form and messages', async () => {
    const setup = await mockBackend();
    const el = await loaded(setup, 'en');
    const text = visibleText(el);
    expect(byRole(el, 'heading', 'General information')).to.exist;
    for (const piece of [
      'Name Claire Martin',
      'Login cmartin',
      'Email address claire.martin@univ-exemple.fr',
      'Administrative or technical staff (primary affiliation)',
      'Employee of the university',
      'Member of the university',
      'Units',
      'Job title Ingénieure systèmes',
      'Password last changed 14 March 2026',
      'Your account stays valid for three months after you leave the university.',
      'For information you cannot change yourself, contact your directory correspondent.',
    ]) {
      expect(text).to.contain(piece);
    }
    await expect(el).to.be.accessible();
    await openForm(el, EDIT_EN);
    expect(website(el, 'Website').type).to.equal('url');
    expect(button(el, 'Save')).to.exist;
    expect(button(el, 'Cancel')).to.exist;
    await type(el, 'mailto:claire@example.org', 'Website');
    await press(el, 'Save');
    expect(describedText(website(el, 'Website'))).to.contain(
      'Only addresses starting with https:// or http:// are accepted.',
    );
    await type(el, 'perso.example.org', 'Website');
    await press(el, 'Save');
    expect(describedText(website(el, 'Website'))).to.contain('Did you mean https://perso.example.org?');
    await press(el, 'Use this address');
    await type(el, '', 'Website');
    await press(el, 'Save');
    expect(visibleText(el)).to.contain(`The field is empty: your website ${DEMO_WEBSITE} will be removed.`);
    await expect(el).to.be.accessible();
    await press(el, 'Confirm removal');
    await waitFor(() => expect(statusText(el)).to.contain('Your website has been removed.'));
    expect(visibleText(el)).to.contain('Website No website');
  });

  it('says a 412 and a 403 in English', async () => {
    const setup = await mockBackend();
    const el = await loaded(setup, 'en');
    await openForm(el, EDIT_EN);
    await type(el, NEW_WEBSITE, 'Website');
    setup.backend.changeElsewhere({ website: null });
    await press(el, 'Save');
    await waitFor(() => byRole(el, 'alert'));
    expect(alertText(el)).to.contain(
      'Your account was changed elsewhere in the meantime and has just been reloaded. Website saved at present: none.',
    );
    setup.backend.setFault('save', 'forbidden');
    await press(el, 'Save');
    await waitFor(() => expect(allByRole(el, 'textbox')).to.have.length(0));
    expect(alertText(el)).to.contain('You are not allowed to change your website here.');
    expect(visibleText(byRole(el, 'alert'))).to.contain(`The address you typed: ${NEW_WEBSITE}.`);
  });

  for (const [kind, words] of [
    ['network', 'The server cannot be reached. Check your connection, then try again.'],
    ['server', 'The service ran into an error. Try again later.'],
    ['unauthorized', 'Your session has expired.'],
    ['invalid_response', 'The server sent an unexpected answer.'],
  ] as const) {
    it(`says a ${kind} failure in English, the address kept`, async () => {
      const setup = await mockBackend();
      const el = await loaded(setup, 'en');
      setup.backend.setFault('save', kind);
      await openForm(el, EDIT_EN);
      await type(el, NEW_WEBSITE, 'Website');
      await press(el, 'Save');
      await waitFor(() => expect(alertText(el)).to.contain(words));
      expect(website(el, 'Website').value).to.equal(NEW_WEBSITE);
      await expect(el).to.be.accessible();
    });
  }

  it('says the checks in English', async () => {
    const setup = await mockBackend();
    const el = await loaded(setup, 'en');
    await openForm(el, EDIT_EN);
    for (const [input, words] of [
      ['https://intranet/', 'The address must contain a full site name, with a dot'],
      ['https://claire:secret@example.org', 'The address must not contain a user name or password'],
      ['//evil.example/', 'This web address is not valid.'],
      [`https://example.org/${'a'.repeat(2100)}`, 'This address is too long: 2048 characters at most.'],
    ] as const) {
      await type(el, input, 'Website');
      await press(el, 'Save');
      expect(website(el, 'Website').getAttribute('aria-invalid'), input).to.equal('true');
      expect(describedText(website(el, 'Website')), input).to.contain(words);
    }
    expect(setup.backend.calls.save).to.equal(0);
  });

  it('follows a change of <html lang> without a reload', async () => {
    const setup = await mockBackend();
    const before = document.documentElement.lang;
    try {
      document.documentElement.lang = 'en-GB';
      const el = await fixture<SelGeneralInfo>(html`<sel-general-info api-base=${setup.apiBase}></sel-general-info>`);
      await waitFor(() => button(el, EDIT_EN));
      document.documentElement.lang = 'fr';
      await waitFor(() => expect(byRole(el, 'heading').textContent!.trim()).to.equal('Informations générales'));
      expect(visibleText(el)).to.contain('14 mars 2026');
    } finally {
      document.documentElement.lang = before;
    }
  });

  it("switches the open form's words both ways, keeping what the person typed", async () => {
    const setup = await mockBackend();
    const el = await loaded(setup);
    await openForm(el);
    await type(el, 'perso.example.org');
    await press(el, 'Valider');
    expect(describedText(website(el))).to.contain('Vouliez-vous dire https://perso.example.org ?');
    expect(describedText(website(el))).to.contain('Adresse complète, commençant par https://');
    el.setAttribute('lang', 'en');
    await waitFor(() =>
      expect(describedText(website(el, 'Website'))).to.contain('Full address, starting with https://'),
    );
    expect(button(el, 'Use this address')).to.exist;
    el.setAttribute('lang', 'fr');
    await waitFor(() => expect(describedText(website(el))).to.contain('Adresse complète, commençant par https://'));
    expect(button(el, 'Utiliser cette adresse')).to.exist;
    expect(website(el).value, 'what the person typed').to.equal('perso.example.org');
  });
});
