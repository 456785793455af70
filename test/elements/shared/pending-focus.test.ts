/**
 * Where focus is at every step of a save made with the keyboard, in each section: on « Valider » while the
 * request runs (a `disabled` button would drop it to the page for up to the 15 s timeout), a second
 * press sends nothing, and after the answer focus goes where the section says the outcome.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ReactiveElement } from 'lit';
import '../../../src/index.js';
import { DEMO_PASSWORD } from '../../../src/mocks/demo-account.js';
import { mockBackend, type TestBackend } from '../../helpers/mock-backend.js';
import { waitFor } from '../../helpers/queries.js';
import { button, byRole, fill, focused, sectionTestSetup, textbox } from '../../helpers/section.js';

interface Case {
  tag: string;
  operation: 'save' | 'password';
  /** Opens the form and makes a change worth saving; returns « Valider ». */
  prepare: (el: ReactiveElement) => Promise<HTMLButtonElement>;
  /** Where focus goes once the save succeeded. */
  after: RegExp;
}

async function openWith(el: ReactiveElement, name: RegExp): Promise<void> {
  const open = await waitFor(() => button(el, name), 8000);
  open.click();
}

const CASES: Case[] = [
  {
    tag: 'sel-general-info',
    operation: 'save',
    prepare: async (el) => {
      await openWith(el, /^Modifier…/);
      await fill(el, await waitFor(() => textbox(el, 'Site web')), 'https://exemple.fr/');
      return button(el, 'Valider');
    },
    after: /^button: Modifier…/,
  },
  {
    tag: 'sel-phones',
    operation: 'save',
    prepare: async (el) => {
      await openWith(el, /^Modifier…/);
      // The form comes with the phone rules, downloaded on « Modifier… »: slow on a loaded machine.
      await fill(el, await waitFor(() => textbox(el, /^Numéro 1 /), 8000), '05 49 45 30 00');
      return button(el, 'Valider');
    },
    after: /^button: Modifier…/,
  },
  {
    tag: 'sel-redlist',
    operation: 'save',
    prepare: async (el) => {
      await openWith(el, /^Modifier…/);
      // The demo account is in the public directory: « Non » is the other choice.
      (await waitFor(() => byRole(el, 'radio', 'Non'))).click();
      return button(el, 'Valider');
    },
    after: /^button: Modifier…/,
  },
  {
    tag: 'sel-password-change',
    operation: 'password',
    prepare: async (el) => {
      await openWith(el, /^Changer de mot de passe…/);
      await fill(el, await waitFor(() => textbox(el, 'Ancien mot de passe')), DEMO_PASSWORD);
      await fill(el, textbox(el, 'Nouveau mot de passe'), 'Velo-Rouge-Tuba-93!');
      await fill(el, textbox(el, 'Confirmation du nouveau mot de passe'), 'Velo-Rouge-Tuba-93!');
      return button(el, 'Valider');
    },
    after: /^status: Votre mot de passe a été changé/,
  },
];

describe('focus while a save is pending', () => {
  sectionTestSetup();

  for (const { tag, operation, prepare, after } of CASES) {
    it(`<${tag}>: focus stays on « Valider » while the request runs, one press one request`, async () => {
      const setup: TestBackend = await mockBackend();
      const el = document.createElement(tag) as ReactiveElement;
      el.setAttribute('api-base', setup.apiBase);
      el.lang = 'fr';
      (await fixture(html`<div></div>`)).append(el);
      const save = await prepare(el);
      // Long enough to look at every step; the password form first waits for its strength score.
      setup.backend.latencyMs = 800;
      save.focus();
      expect(focused(), 'before').to.equal('button: Valider');

      await sendKeys({ press: 'Enter' });
      await waitFor(() => expect(setup.backend.calls[operation]).to.equal(1), 5000);
      expect(focused(), 'while the request runs').to.equal('button: Valider');
      expect(save.getAttribute('aria-disabled'), 'pending').to.equal('true');
      expect(save.isConnected).to.equal(true);

      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: ' ' });
      expect(focused(), 'after pressing it again').to.equal('button: Valider');

      await waitFor(() => expect(focused(), 'after the answer').to.match(after), 5000);
      expect(setup.backend.calls[operation], 'requests sent').to.equal(1);
    });
  }
});
