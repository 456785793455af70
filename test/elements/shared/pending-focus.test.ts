/**
 * Where focus is at every step of a save made with the keyboard, in each section: on « Valider » while the
 * request runs (a `disabled` button would drop it to the page for up to the 15 s timeout), a second
 * press sends nothing, and after the answer focus goes where the section says the outcome.
 */
import { expect, fixture, html, fixtureCleanup } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/index.js';
import { resetConfig } from '../../../src/config.js';
import { DEMO_PASSWORD } from '../../../src/mocks/demo-account.js';
import { mockBackend, type TestBackend } from '../../helpers/mock-backend.js';
import { accessibleName, deepActiveElement, getByRole, waitFor } from '../../helpers/queries.js';

/** What has focus, as a screen reader announces it: a string, so a failure says where focus went. */
/** Throws until the element is there, so that waitFor keeps waiting. */
function need<T>(value: T | null): T {
  if (value === null) throw new Error('not rendered yet');
  return value;
}

function focused(): string {
  const element = deepActiveElement();
  if (!element) return 'nothing';
  return `${element.getAttribute('role') ?? element.localName}: ${accessibleName(element).replace(/\s+/g, ' ').trim()}`;
}

function typeValue(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

interface Case {
  tag: string;
  operation: 'save' | 'password';
  /** Opens the form and makes a change worth saving; returns « Valider ». */
  prepare: (el: HTMLElement) => Promise<HTMLButtonElement>;
  /** Where focus goes once the save succeeded. */
  after: RegExp;
}

async function openWith(el: HTMLElement, name: RegExp): Promise<void> {
  const open = await waitFor(() => getByRole(el.shadowRoot!, 'button', name), 8000);
  open.click();
}

const CASES: Case[] = [
  {
    tag: 'sel-general-info',
    operation: 'save',
    prepare: async (el) => {
      await openWith(el, /^Modifier…/);
      const input = await waitFor(() => need(el.shadowRoot!.querySelector<HTMLInputElement>('#website-input')));
      typeValue(input, 'https://exemple.fr/');
      return getByRole(el.shadowRoot!, 'button', 'Valider') as HTMLButtonElement;
    },
    after: /^button: Modifier…/,
  },
  {
    tag: 'sel-phones',
    operation: 'save',
    prepare: async (el) => {
      await openWith(el, /^Modifier…/);
      const input = await waitFor(() => need(el.shadowRoot!.querySelector<HTMLInputElement>('input[type="tel"]')));
      typeValue(input, '05 49 45 30 00');
      return getByRole(el.shadowRoot!, 'button', 'Valider') as HTMLButtonElement;
    },
    after: /^button: Modifier…/,
  },
  {
    tag: 'sel-redlist',
    operation: 'save',
    prepare: async (el) => {
      await openWith(el, /^Modifier…/);
      const other = await waitFor(() =>
        el.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"]:not(:checked)')!,
      );
      other.click();
      return getByRole(el.shadowRoot!, 'button', 'Valider') as HTMLButtonElement;
    },
    after: /^button: Modifier…/,
  },
  {
    tag: 'sel-password-change',
    operation: 'password',
    prepare: async (el) => {
      await openWith(el, /^Changer de mot de passe…/);
      const current = await waitFor(() =>
        need(el.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')),
      );
      const [next, confirm] = [...el.querySelectorAll<HTMLInputElement>('input[autocomplete="new-password"]')];
      typeValue(current, DEMO_PASSWORD);
      typeValue(next!, 'Velo-Rouge-Tuba-93!');
      typeValue(confirm!, 'Velo-Rouge-Tuba-93!');
      return getByRole(el, 'button', 'Valider') as HTMLButtonElement;
    },
    after: /^status: Votre mot de passe a été changé/,
  },
];

describe('focus while a save is pending', () => {
  afterEach(() => {
    fixtureCleanup();
    resetConfig();
  });

  for (const { tag, operation, prepare, after } of CASES) {
    it(`<${tag}>: focus stays on « Valider » while the request runs, one press one request`, async () => {
      const setup: TestBackend = await mockBackend();
      const el = document.createElement(tag);
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
