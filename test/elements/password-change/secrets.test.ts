/**
 * Passwords stay in the password fields: never in an attribute, an event, a log, a URL, storage or the page
 * text; hidden before the browser saves the page's state; forgotten after a success, on « Annuler », on
 * Escape and when the element leaves the page.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DEMO_PASSWORD } from '../../../src/mocks/demo-account.js';
import { visibleText, waitFor } from '../../helpers/queries.js';
import { button, byRole, pause, retype } from '../../helpers/section.js';
import {
  FIELDS,
  FR,
  NEW_PASSWORD,
  attributesHolding,
  fillForm,
  inputs,
  loaded,
  meterText,
  openForm,
  dictionariesLoadedFirst,
  passwordTestSetup,
  stateHolding,
  submit,
  summary,
  type SelPasswordChange,
} from './support.js';

passwordTestSetup();
dictionariesLoadedFirst('fr');

describe('secrets', () => {
  it('never puts a password in an attribute, an event, a log, a URL, storage or the page text', async () => {
    const dispatched: Event[] = [];
    const originalDispatch = EventTarget.prototype.dispatchEvent;
    EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
      dispatched.push(event);
      return originalDispatch.call(this, event);
    };
    const logged: unknown[] = [];
    const consoleMethods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = consoleMethods.map((method) => console[method]);
    for (const method of consoleMethods) console[method] = (...args: unknown[]) => logged.push(...args);
    const startUrl = location.href;
    const secrets = [DEMO_PASSWORD, NEW_PASSWORD];
    const check = (state: string) => {
      for (const secret of secrets) {
        expect(attributesHolding(secret), `attributes (${state})`).to.deep.equal([]);
        expect(document.body.textContent, `page text (${state})`).not.to.contain(secret);
      }
    };
    try {
      const { el, setup } = await loaded();
      setup.backend.setFault('password', { kind: 'server', once: true });
      await openForm(el);
      const fields = inputs(el);
      await retype(el, fields.current, DEMO_PASSWORD);
      await retype(el, fields.new, NEW_PASSWORD);
      await retype(el, fields.confirm, NEW_PASSWORD);
      for (const name of [FR.current, FR.new, FR.confirm]) button(el, `Afficher le mot de passe (${name})`).click();
      await el.updateComplete;
      await waitFor(() => expect(summary(el)).to.contain('Robustesse'), 3000);
      check('typed and shown');
      await submit(el);
      await waitFor(() => byRole(el, 'alert'));
      check('failed');
      await submit(el);
      await waitFor(() => expect(visibleText(el)).to.contain(FR.saved));
      check('saved');

      expect(setup.requests.every((request) => secrets.every((secret) => !request.url.includes(secret)))).to.equal(
        true,
      );
      expect(location.href).to.equal(startUrl);
      const stored = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie;
      for (const secret of secrets) expect(stored).not.to.contain(secret);
    } finally {
      EventTarget.prototype.dispatchEvent = originalDispatch;
      consoleMethods.forEach((method, index) => (console[method] = originals[index]!));
    }
    const details = dispatched
      .filter((event): event is CustomEvent => event instanceof CustomEvent)
      .map((event) => JSON.stringify(event.detail ?? null));
    expect(details.length).to.be.above(0);
    for (const secret of secrets) {
      expect(
        details.filter((detail) => detail.includes(secret)),
        'event details',
      ).to.deep.equal([]);
      expect(
        logged.map((entry) => String(entry)).filter((line) => line.includes(secret)),
        'logs',
      ).to.deep.equal([]);
    }
  }).timeout(15000);

  it('hides every shown password when the page is left, so that the browser never saves it as page state', async () => {
    const { el } = await loaded();
    await openForm(el);
    const fields = await fillForm(el);
    for (const name of [FR.current, FR.new, FR.confirm]) button(el, `Afficher le mot de passe (${name})`).click();
    await el.updateComplete;
    expect(FIELDS.map((field) => fields[field].type)).to.deep.equal(['text', 'text', 'text']);
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    // At once: the browser saves the form state before any later update.
    expect(FIELDS.map((field) => fields[field].type)).to.deep.equal(['password', 'password', 'password']);
    await el.updateComplete;
    expect(button(el, `Afficher le mot de passe (${FR.new})`).getAttribute('aria-pressed')).to.equal('false');
    // Back from the cache, what was typed is still there.
    expect(fields.new.value).to.equal(NEW_PASSWORD);
  });

  const endings: [string, (el: SelPasswordChange) => Promise<void>][] = [
    [
      'a success',
      async (el) => {
        await submit(el);
        await waitFor(() => expect(visibleText(el)).to.contain(FR.saved));
      },
    ],
    [
      '« Annuler »',
      async (el) => {
        button(el, FR.cancel).click();
        await el.updateComplete;
      },
    ],
    [
      'Escape',
      async (el) => {
        inputs(el).confirm.focus();
        await sendKeys({ press: 'Escape' });
        await el.updateComplete;
      },
    ],
    [
      'the element’s removal',
      async (el) => {
        el.remove();
        await pause(50);
      },
    ],
  ];
  for (const [ending, end] of endings) {
    it(`forgets every password after ${ending}: in the fields and in the element’s state`, async () => {
      const { el } = await loaded();
      await openForm(el);
      const fields = await fillForm(el);
      await waitFor(() => expect(meterText(el)).to.equal('Très fort'), 8000);
      expect(stateHolding(el, NEW_PASSWORD), 'the walk finds the typed password').not.to.deep.equal([]);
      await end(el);
      for (const field of FIELDS) expect(fields[field].value, field).to.equal('');
      expect(stateHolding(el, DEMO_PASSWORD)).to.deep.equal([]);
      expect(stateHolding(el, NEW_PASSWORD)).to.deep.equal([]);
    });
  }
});
