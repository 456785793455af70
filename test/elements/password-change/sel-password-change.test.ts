import { expect, fixture, html, fixtureCleanup } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { accessibilityTree, findAxNode, type AxNode } from '../../helpers/a11y-tree.js';
import { SelPasswordChange } from '../../../src/sel-password-change.js';
import { SUMMARY_DELAY_MS } from '../../../src/elements/password-change/sel-password-change.js';
import { PasswordStrengthController } from '../../../src/elements/password-change/strength-controller.js';
import {
  createStrengthWorker,
  mainThreadStrengthEngine,
  sharedStrengthEngine,
  WorkerStrengthEngine,
  type StrengthEngine,
} from '../../../src/elements/password-change/strength-engine.js';
import type { StrengthLanguage, StrengthResult } from '../../../src/validation/password-strength.js';
import { RestAdapter } from '../../../src/api/rest-adapter.js';
import type { Account } from '../../../src/contract/schemas.js';
import type { MemoryFault } from '../../../src/mocks/memory-adapter.js';
import { resetConfig } from '../../../src/config.js';
import { DEMO_PASSWORD } from '../../../src/mocks/demo-account.js';
import { mockBackend, type TestBackend } from '../../helpers/mock-backend.js';
import {
  accessibleName,
  getByRole,
  queryByRole,
  queryAllByRole,
  visibleText,
  deepActiveElement,
  waitFor,
} from '../../helpers/queries.js';
import { recordEvents } from '../../helpers/events.js';

// Every URL this page fetches, from the first module on: the strength dictionaries must not be among them
// until a password field gets focus. (An observer, since the resource timing buffer fills up.)
performance.setResourceTimingBufferSize(10_000);
const fetchedUrls = performance.getEntriesByType('resource').map((entry) => entry.name);
new PerformanceObserver((list) => fetchedUrls.push(...list.getEntries().map((entry) => entry.name))).observe({
  type: 'resource',
});
const STRENGTH_MODULES = /zxcvbn|@zxcvbn-ts|validation\/dictionaries\/|password-strength-worker/;
const strengthFetches = (): string[] => fetchedUrls.filter((url) => STRENGTH_MODULES.test(url));

const NEW_PASSWORD = 'Velo-Rouge-Tuba-93!';
/** Meets every rule the client can check, but not the strength the demo policy asks for (French dictionary). */
const FRENCH_WORD_PASSWORD = 'Bonjour2026!';

const FR = {
  open: 'Changer de mot de passe…',
  current: 'Ancien mot de passe',
  new: 'Nouveau mot de passe',
  confirm: 'Confirmation du nouveau mot de passe',
  save: 'Valider',
  cancel: 'Annuler',
  close: 'Fermer',
  saved: 'Votre mot de passe a été changé.',
};
const EN: typeof FR = {
  open: 'Change password…',
  current: 'Current password',
  new: 'New password',
  confirm: 'Confirm new password',
  save: 'Save',
  cancel: 'Cancel',
  close: 'Close',
  saved: 'Your password has been changed.',
};
type Words = typeof FR;
type Field = 'current' | 'new' | 'confirm';
const FIELDS: Field[] = ['current', 'new', 'confirm'];

interface Options {
  lang?: 'fr' | 'en';
  account?: Partial<Account>;
  strengthWords?: string;
}

async function loaded(options: Options = {}, setup?: TestBackend) {
  setup ??= await mockBackend();
  if (options.account) setup.backend.changeElsewhere(options.account);
  const el = await fixture<SelPasswordChange>(
    html`<sel-password-change
      api-base=${setup.apiBase}
      lang=${options.lang ?? 'fr'}
      strength-words=${ifDefined(options.strengthWords)}
    ></sel-password-change>`,
  );
  await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="advice"]')).to.exist);
  return { el, setup, t: options.lang === 'en' ? EN : FR };
}

type Role = Parameters<typeof getByRole>[1];

/** What a person sees of one element: its shadow root and its light-DOM form together, nothing of another. */
function allByRole(el: SelPasswordChange, role: Role, name?: string | RegExp): HTMLElement[] {
  return [...queryAllByRole(el.shadowRoot!, role, name), ...queryAllByRole(el, role, name)];
}

function byRole(el: SelPasswordChange, role: Role, name?: string | RegExp): HTMLElement {
  const found = allByRole(el, role, name)[0];
  if (found) return found;
  throw new Error(`No ${role} named ${String(name)} in <sel-password-change>: ${visibleText(el)}`);
}

function input(el: SelPasswordChange, name: string): HTMLInputElement {
  return byRole(el, 'textbox', name) as HTMLInputElement;
}

function inputs(el: SelPasswordChange, t: Words = FR): Record<Field, HTMLInputElement> {
  return { current: input(el, t.current), new: input(el, t.new), confirm: input(el, t.confirm) };
}

function button(el: SelPasswordChange, name: string | RegExp): HTMLButtonElement {
  return byRole(el, 'button', name) as HTMLButtonElement;
}

async function openForm(el: SelPasswordChange, t: Words = FR): Promise<void> {
  getByRole(el.shadowRoot!, 'button', t.open).click();
  await waitFor(() => input(el, t.current));
}

/** Types as a person does, key by key, into a field emptied first. */
async function typeInto(el: SelPasswordChange, field: HTMLInputElement, text: string): Promise<void> {
  field.focus();
  field.select();
  await sendKeys({ press: 'Backspace' });
  if (text) await sendKeys({ type: text });
  await el.updateComplete;
}

/** Fills a field the way a password manager does: the whole value at once, one `input` event. */
async function fill(el: SelPasswordChange, field: HTMLInputElement, text: string): Promise<void> {
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}

async function fillForm(
  el: SelPasswordChange,
  values: Partial<Record<Field, string>> = {},
  t: Words = FR,
): Promise<Record<Field, HTMLInputElement>> {
  const fields = inputs(el, t);
  const next = values.new ?? NEW_PASSWORD;
  await fill(el, fields.current, values.current ?? DEMO_PASSWORD);
  await fill(el, fields.new, next);
  await fill(el, fields.confirm, values.confirm ?? next);
  return fields;
}

/** Clicks « Valider » as a mouse does: focus moves to the button first. */
async function submit(el: SelPasswordChange, t: Words = FR): Promise<void> {
  button(el, t.save).focus();
  button(el, t.save).click();
  await el.updateComplete;
}

/**
 * Submits a filled form to a server that answers the POST with `problem` (a 422 body the mock backend
 * does not produce): the account comes from the mock backend, the refusal from this answer.
 */
async function submitRefusedBy(
  problem: Record<string, unknown>,
): Promise<{ el: SelPasswordChange; fields: Record<Field, HTMLInputElement> }> {
  const setup = await mockBackend();
  const adapter = new RestAdapter({
    baseUrl: setup.apiBase,
    fetch: (resource, init) =>
      init?.method === 'POST'
        ? Promise.resolve(
            new Response(JSON.stringify(problem), {
              status: 422,
              headers: { 'Content-Type': 'application/problem+json' },
            }),
          )
        : fetch(resource, init),
  });
  const el = await fixture<SelPasswordChange>(html`<sel-password-change .adapter=${adapter}></sel-password-change>`);
  await waitFor(() => getByRole(el.shadowRoot!, 'button', FR.open));
  await openForm(el);
  const fields = await fillForm(el);
  await submit(el);
  return { el, fields };
}

/** What has focus, as a screen reader announces it: role (or tag) and accessible name. */
function focused(): string {
  const element = deepActiveElement();
  if (!element) return 'nothing';
  return `${element.getAttribute('role') ?? element.localName}: ${accessibleName(element)}`;
}

function meterText(el: SelPasswordChange): string | null {
  return byRole(el, 'meter').getAttribute('aria-valuetext');
}

/** The checklist line of a rule, as read aloud: its text, then whether it is met. */
function ruleLine(el: SelPasswordChange, rule: string): string {
  const item = el.querySelector(`li.sel-pc-rule[data-rule="${rule}"]`);
  return (item?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function ruleLines(el: SelPasswordChange): string[] {
  return [...el.querySelectorAll('li.sel-pc-rule')].map((item) => (item.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** The polite summary of the checklist, in the form. */
function summary(el: SelPasswordChange): string {
  return (el.querySelector('form [role="status"].sel-pc-visually-hidden')?.textContent ?? '').trim();
}

function describedText(field: HTMLElement): string {
  return (field.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function alertText(el: SelPasswordChange): string {
  return (byRole(el, 'alert').textContent ?? '').replace(/\s+/g, ' ').trim();
}

function posts(setup: TestBackend) {
  return setup.requests.filter((request) => request.method === 'POST');
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Every attribute of every element of the document, shadow roots included, that contains `secret`. */
function attributesHolding(secret: string): string[] {
  const found: string[] = [];
  const visit = (root: Document | ShadowRoot) => {
    for (const element of root.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (attribute.value.includes(secret)) found.push(`<${element.localName} ${attribute.name}>`);
      }
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(document);
  return found;
}

/** Where in the element's own state (its properties, controllers, their fields) `secret` still sits. */
function stateHolding(el: SelPasswordChange, secret: string): string[] {
  const found: string[] = [];
  const seen = new WeakSet<object>();
  const visit = (value: unknown, path: string, depth: number): void => {
    if (typeof value === 'string') {
      if (value.includes(secret)) found.push(path);
      return;
    }
    if (typeof value !== 'object' || value === null || depth > 8 || seen.has(value)) return;
    // Nodes are checked through the inputs themselves; walking them would walk the whole page.
    if (value instanceof Node && value !== el) return;
    seen.add(value);
    if (value instanceof Map) {
      for (const [key, entry] of value) visit(entry, `${path}.get(${String(key)})`, depth + 1);
    } else if (value instanceof Set || Array.isArray(value)) {
      [...value].forEach((entry, index) => visit(entry, `${path}[${index}]`, depth + 1));
    } else {
      for (const key of Reflect.ownKeys(value)) {
        let entry: unknown;
        try {
          entry = (value as Record<PropertyKey, unknown>)[key];
        } catch {
          continue;
        }
        visit(entry, `${path}.${String(key)}`, depth + 1);
      }
    }
  };
  visit(el, 'el', 0);
  return found;
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Rejected before the element listens is not "unhandled": the element reads it when it gets there.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/** A strength engine answered by hand: for the loading state, its failure, and the order of scores. */
class ManualEngine implements StrengthEngine {
  /** False: the engine of a page where no worker can start, which scores on the main thread. */
  readonly offMainThread: boolean;
  /** What every `prepare` answers; replace it to answer the next ones differently. */
  preparing = deferred<void>();
  readonly prepared: StrengthLanguage[] = [];
  readonly scores: { password: string; userInputs: string[]; answer: Deferred<StrengthResult> }[] = [];

  constructor(offMainThread = true) {
    this.offMainThread = offMainThread;
  }

  prepare(language: StrengthLanguage): Promise<void> {
    this.prepared.push(language);
    return this.preparing.promise;
  }

  score(_language: StrengthLanguage, password: string, userInputs: string[]): Promise<StrengthResult> {
    const answer = deferred<StrengthResult>();
    this.scores.push({ password, userInputs, answer });
    return answer.promise;
  }
}

function result(score: StrengthResult['score']): StrengthResult {
  return { score, warning: null, suggestions: [] };
}

describe('<sel-password-change>', () => {
  let events: ReturnType<typeof recordEvents>;
  const defaultEngine = PasswordStrengthController.engine;
  beforeEach(() => {
    events = recordEvents();
  });
  afterEach(() => {
    events.stop();
    fixtureCleanup();
    resetConfig();
    PasswordStrengthController.engine = defaultEngine;
  });

  // First in the file: nothing has loaded the dictionaries into this page yet.
  describe('the strength dictionaries load on first focus, never with the page', () => {
    it('starts no worker and fetches nothing before a password field gets focus; then scores in a worker', async () => {
      let workers = 0;
      const engine = new WorkerStrengthEngine(() => {
        workers++;
        return createStrengthWorker();
      });
      PasswordStrengthController.engine = () => engine;
      const { el } = await loaded();
      await pause(300);
      expect(workers, 'workers started before focus').to.equal(0);
      expect(strengthFetches(), 'fetched before focus').to.deep.equal([]);

      await openForm(el);
      expect(focused()).to.equal(`input: ${FR.current}`);
      expect(workers).to.equal(1);
      expect(meterText(el)).to.equal("Chargement de l'indicateur de robustesse…");
      await expect(el).to.be.accessible();
      await waitFor(() => expect(meterText(el)).to.equal('Aucun mot de passe saisi'), 8000);

      await typeInto(el, input(el, FR.new), 'azerty');
      await waitFor(() => expect(meterText(el)).to.equal('Très faible'));
      expect(engine.offMainThread).to.equal(true);
      // Scored in the worker: the page itself never downloaded the scorer or a dictionary.
      expect(strengthFetches().filter((url) => url.includes('zxcvbn'))).to.deep.equal([]);
      expect(workers).to.equal(1);
    }).timeout(15000);

    it('without a worker, downloads the scorer and the page language’s dictionary on first focus only', async () => {
      PasswordStrengthController.engine = () => mainThreadStrengthEngine;
      const { el } = await loaded();
      await pause(300);
      expect(strengthFetches().filter((url) => url.includes('zxcvbn'))).to.deep.equal([]);
      await openForm(el);
      await waitFor(() => expect(meterText(el)).to.equal('Aucun mot de passe saisi'), 8000);
      const fetched = strengthFetches();
      expect(fetched.filter((url) => url.includes('zxcvbn-loader'))).to.have.length(1);
      expect(fetched.some((url) => url.includes('/dictionaries/fr.'))).to.equal(true);
      expect(fetched.some((url) => url.includes('/dictionaries/en.'))).to.equal(false);
    }).timeout(15000);
  });

  describe('view mode', () => {
    it('shows the advice, the date of the last change and « Changer de mot de passe… », and no input', async () => {
      const { el } = await loaded();
      expect(getByRole(el.shadowRoot!, 'heading').textContent!.trim()).to.equal('Authentification');
      // The user guide's advice, all of it: a strong password, never shared, log out when leaving.
      expect(visibleText(el)).to.contain(
        'Protégez votre compte par un mot de passe fort, changé régulièrement. Ne le communiquez à personne, et déconnectez-vous chaque fois que vous quittez votre poste de travail.',
      );
      expect(visibleText(el)).to.contain('Dernier changement du mot de passe : 14 mars 2026.');
      expect(getByRole(el.shadowRoot!, 'button', FR.open)).to.exist;
      expect(document.querySelectorAll('sel-password-change input')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('shows a loading status, then the section', async () => {
      const setup = await mockBackend({ latencyMs: 200 });
      const el = await fixture<SelPasswordChange>(
        html`<sel-password-change api-base=${setup.apiBase}></sel-password-change>`,
      );
      expect(getByRole(el.shadowRoot!, 'status').textContent).to.contain('Chargement');
      await expect(el).to.be.accessible();
      await waitFor(() => getByRole(el.shadowRoot!, 'button', FR.open));
    });

    it('explains that the password is managed elsewhere when it is not editable, in French and in English', async () => {
      const account = { editable: { website: true, phones: true, redList: true, password: false } };
      for (const [lang, words] of [
        ['fr', 'géré par un autre service : il ne peut pas être changé ici'],
        ['en', 'managed by another service: it cannot be changed here'],
      ] as const) {
        const { el } = await loaded({ lang, account });
        expect(visibleText(el)).to.contain(words);
        expect(queryByRole(el.shadowRoot!, 'button', lang === 'fr' ? FR.open : EN.open)).to.equal(null);
        expect(el.querySelectorAll('input')).to.have.length(0);
        await expect(el).to.be.accessible();
      }
    });

    for (const [kind, words] of [
      ['invalid_response', 'réponse inattendue'],
      ['server', 'Le service a rencontré une erreur'],
      ['network', 'Le serveur est injoignable'],
    ] as const) {
      it(`a load that fails (${kind}) is an error state with « Réessayer » that works`, async () => {
        const setup = await mockBackend();
        setup.backend.setFault('load', kind);
        const el = await fixture<SelPasswordChange>(
          html`<sel-password-change api-base=${setup.apiBase}></sel-password-change>`,
        );
        await waitFor(() => getByRole(el.shadowRoot!, 'button', 'Réessayer'));
        expect(getByRole(el.shadowRoot!, 'alert').textContent).to.contain(words);
        expect(events.of('sel-error').at(-1)!.detail).to.include({ section: 'password', operation: 'load', kind });
        await expect(el).to.be.accessible();
        setup.backend.clearFault();
        getByRole(el.shadowRoot!, 'button', 'Réessayer').click();
        await waitFor(() => getByRole(el.shadowRoot!, 'button', FR.open));
      });
    }

    it('without any backend, says it is not configured and logs one console error', async () => {
      const errors: unknown[][] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      try {
        const el = await fixture<SelPasswordChange>(html`<sel-password-change></sel-password-change>`);
        await el.updateComplete;
        // Said once the portal had the task it runs in and the next to call configure().
        await waitFor(() =>
          expect(el.shadowRoot!.querySelector('[role=alert]')?.textContent).to.contain("n'est pas configurée"),
        );
        await expect(el).to.be.accessible();
      } finally {
        console.error = original;
      }
      expect(errors).to.have.length(1);
      expect(String(errors[0]![0])).to.contain('<sel-password-change>');
    });
  });

  describe('the form', () => {
    it('opens on « Changer de mot de passe… » with focus on « Ancien mot de passe »', async () => {
      const { el } = await loaded();
      await openForm(el);
      expect(focused()).to.equal(`input: ${FR.current}`);
      expect(queryByRole(el.shadowRoot!, 'button', FR.open)).to.equal(null);
      for (const name of [FR.current, FR.new, FR.confirm]) expect(input(el, name).type).to.equal('password');
      expect(button(el, FR.save).getAttribute('aria-disabled')).to.equal('false');
      expect(button(el, FR.cancel)).to.exist;
      await expect(el).to.be.accessible();
    });

    it('puts its inputs in the light DOM, in one <form>, as password managers expect them', async () => {
      const { el } = await loaded();
      await openForm(el);
      // Found from the document, as a password manager's content script finds them.
      const found = [...document.querySelectorAll<HTMLInputElement>('sel-password-change input')];
      const form = document.querySelector('sel-password-change form')!;
      expect(found).to.have.length(4);
      expect(found.every((field) => field.form === form)).to.equal(true);
      expect(el.shadowRoot!.querySelectorAll('input')).to.have.length(0);
      expect(found.map((field) => field.autocomplete)).to.deep.equal([
        'username',
        'current-password',
        'new-password',
        'new-password',
      ]);

      const username = found[0]!;
      expect(username.value).to.equal('cmartin');
      // Managers skip type="hidden": the login is a real text input, out of sight and of the tab order.
      expect(username.type).to.equal('text');
      expect(username.readOnly).to.equal(true);
      expect(username.tabIndex).to.equal(-1);
      expect(username.closest('[aria-hidden="true"]')).to.exist;

      for (const field of found.slice(1)) {
        expect(field.type).to.equal('password');
        expect(field.getAttribute('spellcheck')).to.equal('false');
        expect(field.getAttribute('autocapitalize')).to.equal('none');
        expect(field.labels?.[0]?.htmlFor).to.equal(field.id);
      }
      expect(found[2]!.getAttribute('passwordrules')).to.contain('minlength: 12;');
      // One form, submitted by its own « Valider »: what managers watch to offer saving the new password.
      expect(el.querySelectorAll('form')).to.have.length(1);
      const save = button(el, FR.save);
      expect(save.type).to.equal('submit');
      expect(save.form).to.equal(form);
      expect(form.getAttribute('method')).to.equal('post');
    });

    it('lets the person paste into every field', async () => {
      const { el } = await loaded();
      await openForm(el);
      for (const field of Object.values(inputs(el))) {
        const data = new DataTransfer();
        data.setData('text/plain', NEW_PASSWORD);
        const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
        expect(field.dispatchEvent(paste), 'paste prevented').to.equal(true);
        field.focus();
        // What the browser does with a paste that was not prevented.
        document.execCommand('insertText', false, NEW_PASSWORD);
        await el.updateComplete;
        expect(field.value).to.equal(NEW_PASSWORD);
      }
      await waitFor(() => expect(ruleLine(el, 'too_short')).to.equal('✓ Au moins 12 caractères : satisfaite'));
    });

    it('has a show/hide toggle per field: a real button, named after its field, with aria-pressed', async () => {
      const { el, setup } = await loaded();
      await openForm(el);
      await fillForm(el);
      for (const name of [FR.current, FR.new, FR.confirm]) {
        const toggle = button(el, `Afficher le mot de passe (${name})`);
        expect(toggle.localName).to.equal('button');
        expect(toggle.type).to.equal('button');
        expect(toggle.getAttribute('aria-pressed')).to.equal('false');
        toggle.click();
        await el.updateComplete;
        expect(toggle.getAttribute('aria-pressed')).to.equal('true');
        expect(input(el, name).type).to.equal('text');
      }
      expect(inputs(el).new.value).to.equal(NEW_PASSWORD);
      // Chrome's own accessibility tree: what a screen reader announces for the toggles.
      const tree = await accessibilityTree();
      const toggle = findAxNode(tree, (node: AxNode) => node.name === `Afficher le mot de passe (${FR.new})`);
      expect(toggle?.role).to.equal('button');
      expect(toggle?.pressed).to.equal(true);
      await expect(el).to.be.accessible();
      button(el, `Afficher le mot de passe (${FR.current})`).click();
      await el.updateComplete;
      expect(inputs(el).current.type).to.equal('password');
      expect(button(el, `Afficher le mot de passe (${FR.current})`).getAttribute('aria-pressed')).to.equal('false');
      // The toggles are not « Valider »: nothing was sent.
      expect(posts(setup)).to.have.length(0);
    });

    it('closes on « Annuler » and on Escape without a request, focus back on « Changer de mot de passe… »', async () => {
      const { el, setup } = await loaded();
      await openForm(el);
      await fillForm(el);
      button(el, FR.cancel).click();
      await el.updateComplete;
      expect(el.querySelector('form')).to.equal(null);
      expect(focused()).to.equal(`button: ${FR.open}`);

      await openForm(el);
      for (const field of Object.values(inputs(el))) expect(field.value).to.equal('');
      await typeInto(el, inputs(el).new, 'abc');
      // Escape that closes an input method's candidates is not « Annuler »: nothing typed is lost.
      inputs(el).new.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', isComposing: true, bubbles: true, cancelable: true }),
      );
      await el.updateComplete;
      expect(inputs(el).new.value).to.equal('abc');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(el.querySelector('form')).to.equal(null);
      expect(focused()).to.equal(`button: ${FR.open}`);
      expect(posts(setup)).to.have.length(0);
    });

    it('looks the same whatever the page’s own styles say of inputs, labels, buttons and lists', async () => {
      const setup = await mockBackend();
      const wrapper = await fixture<HTMLDivElement>(
        html`<div id="portal" class="portal-content">
          <sel-password-change api-base=${setup.apiBase} lang="fr"></sel-password-change>
        </div>`,
      );
      const el = wrapper.querySelector('sel-password-change')!;
      await waitFor(() => getByRole(el.shadowRoot!, 'button', FR.open));
      await openForm(el);
      await fillForm(el);
      const pieces = () => [...el.querySelectorAll<HTMLElement>('form, label, input, button, li, p, ul')];
      const look = () =>
        pieces().map((piece) => {
          const style = getComputedStyle(piece);
          const box = piece.getBoundingClientRect();
          return [piece.localName, piece.className, box.width, box.height, style.display, style.visibility]
            .concat([style.color, style.backgroundColor, style.fontSize, style.textTransform, style.letterSpacing])
            .join(' ');
        });
      const before = look();
      const hostile = document.createElement('style');
      hostile.textContent = `
        #portal input, .portal-content input[type='password'] { display: none; width: 10px; color: white; }
        #portal label { visibility: hidden; text-transform: uppercase; }
        #portal form button, button { background: red; color: red; font-size: 0; letter-spacing: 9px; }
        #portal ul li { display: inline; float: left; list-style: square; color: transparent; }
        .portal-content p, form div { margin: 40px; padding: 40px; display: none; }
        #portal form { display: grid; grid-template-columns: 1fr 1fr; }
      `;
      document.head.append(hostile);
      try {
        expect(look()).to.deep.equal(before);
        const save = button(el, FR.save);
        expect(getComputedStyle(save).backgroundColor).to.equal('rgb(24, 117, 60)');
        expect(getComputedStyle(save).color).to.equal('rgb(255, 255, 255)');
        expect(inputs(el).new.getBoundingClientRect().width).to.be.above(150);
        // A page that replaces its adopted sheets (a framework's own styling) gets the form's back at its next update.
        const adopted = document.adoptedStyleSheets;
        document.adoptedStyleSheets = [];
        el.requestUpdate();
        await el.updateComplete;
        expect(look()).to.deep.equal(before);
        document.adoptedStyleSheets = adopted;
      } finally {
        hostile.remove();
      }
    });
  });

  describe('the checklist', () => {
    it('lists every rule of the policy, in words, and follows the typing', async () => {
      const { el } = await loaded({
        account: {
          passwordPolicy: {
            minLength: 10,
            maxLength: 20,
            minLower: 2,
            minUpper: 1,
            minDigit: 2,
            minSpecial: 1,
            minClasses: 3,
            forbiddenChars: ' é',
            rejectPersonalInfo: true,
            minEntropyBits: 60,
            minStrength: 2,
            historySize: 1,
          },
        },
      });
      await openForm(el);
      expect(ruleLines(el)).to.deep.equal([
        '○ Au moins 10 caractères : à vérifier',
        '○ Au plus 20 caractères : à vérifier',
        '○ Au moins 2 lettres minuscules : à vérifier',
        '○ Au moins une lettre majuscule : à vérifier',
        '○ Au moins 2 chiffres : à vérifier',
        '○ Au moins un caractère spécial (ni lettre ni chiffre : ponctuation, symbole, espace) : à vérifier',
        '○ Au moins 3 types de caractères parmi : minuscules, majuscules, chiffres, caractères spéciaux : à vérifier',
        '○ Aucun de ces caractères : espace é : à vérifier',
        '○ Ni votre identifiant, ni votre prénom, ni votre nom : à vérifier',
        '○ Assez long et varié (au moins 60 bits d’entropie estimée) : à vérifier',
        '○ Une robustesse au moins « Moyen » sur l’indicateur ci-dessous : à vérifier',
        'i Différent de votre ancien mot de passe : vérifiée par le serveur',
      ]);
      await fill(el, inputs(el).current, 'ancien-Secret-1');
      await typeInto(el, inputs(el).new, 'claire é1');
      await waitFor(() => expect(ruleLine(el, 'too_weak')).to.match(/: (non )?satisfaite$/));
      expect(ruleLines(el)).to.deep.equal([
        '✗ Au moins 10 caractères : non satisfaite',
        '✓ Au plus 20 caractères : satisfaite',
        '✓ Au moins 2 lettres minuscules : satisfaite',
        '✗ Au moins une lettre majuscule : non satisfaite',
        '✗ Au moins 2 chiffres : non satisfaite',
        '✓ Au moins un caractère spécial (ni lettre ni chiffre : ponctuation, symbole, espace) : satisfaite',
        '✓ Au moins 3 types de caractères parmi : minuscules, majuscules, chiffres, caractères spéciaux : satisfaite',
        '✗ Aucun de ces caractères : espace é : non satisfaite',
        '✗ Ni votre identifiant, ni votre prénom, ni votre nom : non satisfaite',
        '✗ Assez long et varié (au moins 60 bits d’entropie estimée) : non satisfaite',
        '✗ Une robustesse au moins « Moyen » sur l’indicateur ci-dessous : non satisfaite',
        'i Différent de votre ancien mot de passe : vérifiée par le serveur',
      ]);
      await expect(el).to.be.accessible();
      await typeInto(el, inputs(el).new, 'ancien-Secret-1');
      expect(ruleLine(el, 'in_history')).to.equal('✗ Différent de votre ancien mot de passe : non satisfaite');
      await typeInto(el, inputs(el).new, 'Vr-Tuba-Plinthe-88');
      await waitFor(() =>
        expect(ruleLines(el).every((line) => /: (satisfaite|vérifiée par le serveur)$/.test(line))).to.equal(true),
      );
    });

    it('counts lengths in code points: an emoji is one character', async () => {
      const { el } = await loaded({ account: { passwordPolicy: { minLength: 4, maxLength: 5 } } });
      await openForm(el);
      await fill(el, inputs(el).new, '🔒🔒🔒');
      expect(ruleLine(el, 'too_short')).to.equal('✗ Au moins 4 caractères : non satisfaite');
      await fill(el, inputs(el).new, '🔒🔒🔒🔒🔒');
      expect(ruleLine(el, 'too_short')).to.equal('✓ Au moins 4 caractères : satisfaite');
      expect(ruleLine(el, 'too_long')).to.equal('✓ Au plus 5 caractères : satisfaite');
      await fill(el, inputs(el).new, '🔒🔒🔒🔒🔒🔒');
      expect(ruleLine(el, 'too_long')).to.equal('✗ Au plus 5 caractères : non satisfaite');
    });

    it('announces a summary politely once typing pauses, not at every keystroke', async () => {
      const { el } = await loaded();
      await openForm(el);
      const form = el.querySelector('form')!;
      const field = inputs(el).new;
      field.focus();
      for (const key of ['a', 'b']) {
        await sendKeys({ type: key });
        await pause(SUMMARY_DELAY_MS / 3);
        expect(summary(el), `announced after "${key}"`).to.equal('');
      }
      await waitFor(() => expect(summary(el)).to.equal('4 règles sur 9 satisfaites. Robustesse : Très faible.'), 3000);
      // The only live region of the form while typing: polite, and the checklist itself is not live.
      const live = [...form.querySelectorAll('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"]')];
      expect(live).to.have.length(1);
      expect(live[0]!.getAttribute('role')).to.equal('status');
      expect(live[0]!.textContent).to.contain('règles sur');
      await expect(el).to.be.accessible();
    });

    it('checks the confirmation against the new password once it is left, and when it is corrected', async () => {
      const { el } = await loaded();
      await openForm(el);
      const fields = inputs(el);
      await typeInto(el, fields.new, NEW_PASSWORD);
      await typeInto(el, fields.confirm, 'Velo-Rouge-Tuba-39!');
      expect(fields.confirm.getAttribute('aria-invalid'), 'judged while typing').to.equal('false');
      fields.current.focus();
      await el.updateComplete;
      expect(fields.confirm.getAttribute('aria-invalid')).to.equal('true');
      expect(describedText(fields.confirm)).to.equal('La confirmation ne correspond pas au nouveau mot de passe.');
      await expect(el).to.be.accessible();
      await typeInto(el, fields.confirm, NEW_PASSWORD);
      expect(fields.confirm.getAttribute('aria-invalid')).to.equal('false');
      expect(describedText(fields.confirm)).to.equal('');
    });
  });

  describe('a submit with a problem sends nothing and moves focus to the first problem', () => {
    const cases: [string, Partial<Record<Field, string>>, Field, string][] = [
      ['no current password', { current: '' }, 'current', 'Saisissez votre ancien mot de passe.'],
      ['no new password', { new: '', confirm: '' }, 'new', 'Saisissez un nouveau mot de passe.'],
      [
        'a rule not met',
        { new: 'court', confirm: 'court' },
        'new',
        'Ce mot de passe ne respecte pas encore toutes les règles',
      ],
      [
        'a strength below the policy’s',
        { new: FRENCH_WORD_PASSWORD, confirm: FRENCH_WORD_PASSWORD },
        'new',
        'Ce mot de passe ne respecte pas encore toutes les règles',
      ],
      ['no confirmation', { confirm: '' }, 'confirm', 'Saisissez à nouveau le nouveau mot de passe.'],
      [
        'a confirmation that differs',
        { confirm: 'Velo-Rouge-Tuba-39!' },
        'confirm',
        'La confirmation ne correspond pas au nouveau mot de passe.',
      ],
    ];
    for (const [name, values, field, words] of cases) {
      it(`${name}: « Valider » stays usable, the field says why`, async () => {
        const { el, setup } = await loaded();
        await openForm(el);
        const fields = await fillForm(el, values);
        expect(button(el, FR.save).getAttribute('aria-disabled')).to.equal('false');
        await submit(el);
        await waitFor(() => expect(focused()).to.equal(`input: ${FR[field]}`));
        expect(fields[field].getAttribute('aria-invalid')).to.equal('true');
        expect(describedText(fields[field])).to.contain(words);
        expect(posts(setup)).to.have.length(0);
        // What was typed stays.
        for (const other of FIELDS) expect(fields[other].value).to.equal(values[other] ?? fields[other].value);
        await expect(el).to.be.accessible();
      });
    }

    it('the strength rule shows as unmet, with the meter and zxcvbn’s advice in French', async () => {
      const { el } = await loaded();
      await openForm(el);
      await fill(el, inputs(el).new, FRENCH_WORD_PASSWORD);
      await waitFor(() => expect(visibleText(el)).to.contain('Ajoutez des mots moins courants.'));
      expect(meterText(el)).to.equal('Moyen');
      expect(ruleLine(el, 'too_weak')).to.equal(
        '✗ Une robustesse au moins « Fort » sur l’indicateur ci-dessous : non satisfaite',
      );
    });
  });

  describe('the strength meter', () => {
    it('says « Très faible » … « Très fort » in words, with aria-valuetext', async () => {
      const { el } = await loaded();
      await openForm(el);
      const meter = byRole(el, 'meter');
      expect(meter.getAttribute('aria-labelledby')).to.exist;
      for (const [password, level, score] of [
        ['azerty', 'Très faible', '0'],
        [FRENCH_WORD_PASSWORD, 'Moyen', '2'],
        [NEW_PASSWORD, 'Très fort', '4'],
      ] as const) {
        await fill(el, inputs(el).new, password);
        await waitFor(() => expect(meterText(el)).to.equal(level));
        expect(byRole(el, 'meter').getAttribute('aria-valuenow')).to.equal(score);
        expect(visibleText(el)).to.contain(`Robustesse du nouveau mot de passe ${level}`);
      }
      await expect(el).to.be.accessible();
    });

    it('uses the page language’s dictionary: a French word is weaker in French', async () => {
      const french = await loaded({ lang: 'fr' });
      await openForm(french.el);
      await fill(french.el, inputs(french.el).new, FRENCH_WORD_PASSWORD);
      await waitFor(() => expect(meterText(french.el)).to.equal('Moyen'));
      fixtureCleanup();
      const english = await loaded({ lang: 'en' });
      await openForm(english.el, EN);
      await fill(english.el, inputs(english.el, EN).new, FRENCH_WORD_PASSWORD);
      await waitFor(() => expect(meterText(english.el)).to.equal('Strong'));
    });

    it('counts the uid, the names and the strength-words as guessable, with advice in the page language', async () => {
      for (const [lang, warning] of [
        ['fr', 'Le mot de passe ne doit pas comporter de données personnelles ou liées au site.'],
        ['en', 'There should not be any personal or page related data.'],
      ] as const) {
        const plain = await loaded({ lang });
        await openForm(plain.el, plain.t);
        await fill(plain.el, inputs(plain.el, plain.t).new, 'Exemplia-2026');
        await waitFor(() => expect(byRole(plain.el, 'meter').getAttribute('aria-valuenow')).to.equal('4'));
        fixtureCleanup();

        const { el, t } = await loaded({ lang, strengthWords: 'exemplia, univ-exemplia' });
        await openForm(el, t);
        await fill(el, inputs(el, t).new, 'Exemplia-2026');
        await waitFor(() => expect(visibleText(el)).to.contain(warning));
        expect(byRole(el, 'meter').getAttribute('aria-valuenow')).to.equal('2');
        fixtureCleanup();
      }
    }).timeout(15000);

    it('says it is loading until the dictionaries arrive', async () => {
      const engine = new ManualEngine();
      PasswordStrengthController.engine = () => engine;
      const { el } = await loaded();
      await openForm(el);
      expect(engine.prepared).to.deep.equal(['fr']);
      await typeInto(el, inputs(el).new, 'abc');
      expect(meterText(el)).to.equal("Chargement de l'indicateur de robustesse…");
      expect(visibleText(el)).to.contain("Chargement de l'indicateur de robustesse…");
      expect(ruleLine(el, 'too_weak')).to.contain(': à vérifier');
      await expect(el).to.be.accessible();
      expect(engine.scores, 'scored before the dictionaries arrived').to.have.length(0);
      engine.preparing.resolve();
      await waitFor(() => expect(engine.scores.map((score) => score.password)).to.deep.equal(['abc']));
      expect(engine.scores[0]!.userInputs).to.include.members(['cmartin', 'Claire', 'Martin']);
      engine.scores[0]!.answer.resolve(result(1));
      await waitFor(() => expect(meterText(el)).to.equal('Faible'));
    });

    it('a score the meter already shows costs the keystroke no second render; a different one is shown', async () => {
      const engine = new ManualEngine();
      engine.preparing.resolve();
      PasswordStrengthController.engine = () => engine;
      // Answers every score asked so far with `answer`, until the last one asked is for `password`.
      const answerUpTo = (password: string, answer: StrengthResult) =>
        waitFor(() => {
          for (const score of engine.scores) score.answer.resolve(answer);
          expect(engine.scores.at(-1)?.password).to.equal(password);
        });
      const advice = { score: 1, warning: null, suggestions: ['Ajoutez des mots'] } as const;
      const { el } = await loaded();
      await openForm(el);
      await typeInto(el, inputs(el).new, 'abc');
      await answerUpTo('abc', { ...advice, suggestions: [...advice.suggestions] });
      await waitFor(() => expect(meterText(el)).to.equal('Faible'));
      let updates = 0;
      el.addController({ hostUpdate: () => updates++ });
      await sendKeys({ type: 'd' });
      await el.updateComplete;
      await waitFor(() => expect(engine.scores.at(-1)?.password).to.equal('abcd'));
      const afterKey = updates;
      expect(afterKey, 'the keystroke itself renders').to.be.greaterThan(0);
      engine.scores.at(-1)!.answer.resolve({ ...advice, suggestions: [...advice.suggestions] });
      await new Promise((resolve) => setTimeout(resolve, 50));
      await el.updateComplete;
      expect(updates, 'an equal score renders nothing').to.equal(afterKey);
      expect(meterText(el)).to.equal('Faible');
      expect(visibleText(el)).to.contain('Ajoutez des mots');
      await sendKeys({ type: 'e' });
      await answerUpTo('abcde', { score: 1, warning: null, suggestions: ['Évitez les suites'] });
      await waitFor(() => expect(visibleText(el)).to.contain('Évitez les suites'));
      await sendKeys({ type: 'f' });
      await answerUpTo('abcdef', result(3));
      await waitFor(() => expect(meterText(el)).to.equal('Fort'));
      expect(visibleText(el)).not.to.contain('Évitez les suites');
    });

    it('when the dictionaries cannot be loaded, says so and leaves the strength rule to the server', async () => {
      const engine = new ManualEngine();
      PasswordStrengthController.engine = () => engine;
      const { el, setup } = await loaded();
      await openForm(el);
      engine.preparing.reject(new TypeError('Failed to fetch dynamically imported module'));
      await waitFor(() =>
        expect(meterText(el)).to.equal('Indicateur indisponible : le serveur vérifiera votre mot de passe.'),
      );
      await fillForm(el);
      expect(ruleLine(el, 'too_weak')).to.equal(
        'i Une robustesse au moins « Fort » sur l’indicateur ci-dessous : vérifiée par le serveur',
      );
      await expect(el).to.be.accessible();
      await submit(el);
      await waitFor(() => expect(setup.backend.currentPassword).to.equal(NEW_PASSWORD), 8000);
    }).timeout(12000);

    it('after a failed download, tries again when a field gets focus, not at every keystroke', async () => {
      const engine = new ManualEngine();
      engine.preparing.reject(new TypeError('Failed to fetch dynamically imported module'));
      PasswordStrengthController.engine = () => engine;
      const { el } = await loaded();
      await openForm(el);
      await waitFor(() =>
        expect(meterText(el)).to.equal('Indicateur indisponible : le serveur vérifiera votre mot de passe.'),
      );
      await typeInto(el, inputs(el).new, 'abcdef');
      await el.updateComplete;
      expect(engine.prepared, 'one try per focus').to.deep.equal(['fr', 'fr']);
      expect(meterText(el)).to.equal('Indicateur indisponible : le serveur vérifiera votre mot de passe.');
      engine.preparing = deferred<void>();
      engine.preparing.resolve();
      inputs(el).confirm.focus();
      await waitFor(() => expect(engine.scores.map((score) => score.password)).to.deep.equal(['abcdef']));
      engine.scores[0]!.answer.resolve(result(0));
      await waitFor(() => expect(meterText(el)).to.equal('Très faible'));
    });

    it('scores only the latest value and drops results for values typed over', async () => {
      const engine = new ManualEngine();
      engine.preparing.resolve();
      PasswordStrengthController.engine = () => engine;
      const { el } = await loaded();
      await openForm(el);
      const field = inputs(el).new;
      await fill(el, field, 'a');
      await fill(el, field, 'ab');
      await fill(el, field, 'abc');
      // One score on its way ("a"); "ab" was replaced by "abc" before it could be sent.
      expect(engine.scores.map((score) => score.password)).to.deep.equal(['a']);
      engine.scores[0]!.answer.resolve(result(4));
      await waitFor(() => expect(engine.scores.map((score) => score.password)).to.deep.equal(['a', 'abc']));
      await el.updateComplete;
      expect(meterText(el), 'the result for "a" is shown for "abc"').not.to.equal('Très fort');
      engine.scores[1]!.answer.resolve(result(1));
      await waitFor(() => expect(meterText(el)).to.equal('Faible'));
    });

    it('without a worker, scores on the main thread only once typing pauses, never between two keystrokes', async () => {
      const engine = new ManualEngine(false);
      engine.preparing.resolve();
      PasswordStrengthController.engine = () => engine;
      const { el } = await loaded();
      await openForm(el);
      const field = inputs(el).new;
      await waitFor(() => expect(meterText(el)).to.equal('Aucun mot de passe saisi'));
      await fill(el, field, 'V');
      // The first characters score at once: a few milliseconds, and the meter has something to say.
      expect(engine.scores.map((score) => score.password)).to.deep.equal(['V']);
      engine.scores[0]!.answer.resolve(result(0));
      await waitFor(() => expect(meterText(el)).to.equal('Très faible'));
      // A fast typist: one keystroke after another, well within the pause the scorer waits for.
      for (let length = 2; length <= NEW_PASSWORD.length; length++) {
        await fill(el, field, NEW_PASSWORD.slice(0, length));
      }
      expect(
        engine.scores.map((score) => score.password),
        'scored between two keystrokes',
      ).to.deep.equal(['V']);
      await waitFor(() => expect(engine.scores.map((score) => score.password)).to.deep.equal(['V', NEW_PASSWORD]));
      engine.scores[1]!.answer.resolve(result(4));
      await waitFor(() => expect(meterText(el)).to.equal('Très fort'));
    });

    it('a scorer that never answers does not hold « Valider »: the submit goes on, the server has the last word', async () => {
      const engine = new ManualEngine();
      engine.preparing.resolve();
      PasswordStrengthController.engine = () => engine;
      const { el, setup } = await loaded();
      await openForm(el);
      await fillForm(el);
      await submit(el);
      expect(button(el, FR.save).getAttribute('aria-disabled'), 'waiting for the score').to.equal('true');
      await waitFor(() => expect(setup.backend.currentPassword).to.equal(NEW_PASSWORD), 9000);
      await waitFor(() => expect(focused()).to.match(new RegExp(`^status: ${FR.saved}`)));
    }).timeout(15000);

    it('keeps typing responsive: as shipped, every score runs in the worker, none on the main thread', async () => {
      const scoreOnMainThread = mainThreadStrengthEngine.score;
      const mainThreadScores: string[] = [];
      mainThreadStrengthEngine.score = (language, password, userInputs) => {
        mainThreadScores.push(password);
        return scoreOnMainThread(language, password, userInputs);
      };
      try {
        const { el } = await loaded();
        await openForm(el);
        await waitFor(() => expect(meterText(el)).to.equal('Aucun mot de passe saisi'), 8000);
        const field = inputs(el).new;
        const long = 'p@$$w0rd!4e3i1o0s5'.repeat(4);
        field.focus();
        await sendKeys({ type: long });
        await waitFor(() => expect(byRole(el, 'meter').getAttribute('aria-valuenow')).to.equal('4'));
        expect(field.value).to.equal(long);
        // Every element shares the worker engine, and in this browser the worker runs.
        expect(PasswordStrengthController.engine).to.equal(sharedStrengthEngine);
        expect(sharedStrengthEngine().offMainThread).to.equal(true);
        expect(mainThreadScores, 'scores run on the main thread').to.deep.equal([]);
      } finally {
        mainThreadStrengthEngine.score = scoreOnMainThread;
      }
    }).timeout(15000);
  });

  describe('saving', () => {
    it('sends one POST, then empties the fields, announces the change, fires sel-saved and offers to close', async () => {
      const { el, setup } = await loaded();
      await openForm(el);
      const fields = inputs(el);
      await typeInto(el, fields.current, DEMO_PASSWORD);
      await typeInto(el, fields.new, NEW_PASSWORD);
      await typeInto(el, fields.confirm, NEW_PASSWORD);
      await expect(el).to.be.accessible();
      // Enter in a field submits, as in any form.
      await sendKeys({ press: 'Enter' });
      await waitFor(() => expect(focused()).to.match(new RegExp(`^status: ${FR.saved} Utilisez désormais`)));
      expect(posts(setup)).to.have.length(1);
      const request = posts(setup)[0]!;
      expect(new URL(request.url).pathname).to.equal(`${setup.apiBase}/account/password`);
      await waitFor(() => expect(request.body).to.not.equal(''));
      expect(JSON.parse(request.body)).to.deep.equal({ currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD });
      expect(setup.backend.currentPassword).to.equal(NEW_PASSWORD);
      expect(events.of('sel-saved').map((event) => event.detail)).to.deep.equal([{ section: 'password' }]);
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
    });

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
      expect(posts(setup)).to.have.length(1);
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

  describe('failures keep what was typed and say what happened', () => {
    async function failWith(fault: MemoryFault | MemoryFault['kind'], options: Options = {}) {
      const loadedElement = await loaded(options);
      loadedElement.setup.backend.setFault('password', fault);
      await openForm(loadedElement.el, loadedElement.t);
      const fields = await fillForm(loadedElement.el, {}, loadedElement.t);
      await submit(loadedElement.el, loadedElement.t);
      await waitFor(() => expect(loadedElement.setup.backend.calls.password).to.equal(1));
      return { ...loadedElement, fields };
    }

    function expectKept(fields: Record<Field, HTMLInputElement>): void {
      expect(fields.current.value).to.equal(DEMO_PASSWORD);
      expect(fields.new.value).to.equal(NEW_PASSWORD);
      expect(fields.confirm.value).to.equal(NEW_PASSWORD);
    }

    it('a wrong current password: said on that field, focus there, the new password kept', async () => {
      const { el, setup } = await loaded();
      await openForm(el);
      const fields = await fillForm(el, { current: 'Poitiers-2025!' });
      await submit(el);
      await waitFor(() => expect(focused()).to.equal(`input: ${FR.current}`));
      expect(fields.current.getAttribute('aria-invalid')).to.equal('true');
      expect(describedText(fields.current)).to.equal(
        "L'ancien mot de passe saisi est incorrect. Vérifiez-le (majuscules, disposition du clavier), puis validez à nouveau.",
      );
      expect(fields.new.value).to.equal(NEW_PASSWORD);
      expect(fields.confirm.value).to.equal(NEW_PASSWORD);
      expect(events.of('sel-error').at(-1)!.detail).to.deep.equal({
        section: 'password',
        operation: 'save',
        kind: 'validation',
        status: 422,
        code: 'wrong_current_password',
      });
      await expect(el).to.be.accessible();
      await typeInto(el, fields.current, DEMO_PASSWORD);
      expect(fields.current.getAttribute('aria-invalid')).to.equal('false');
      await submit(el);
      await waitFor(() => expect(visibleText(el)).to.contain(FR.saved));
      expect(setup.backend.currentPassword).to.equal(NEW_PASSWORD);
    });

    it('policy_violation: the server’s codes marked on the checklist, focus on the new password', async () => {
      const { el, fields } = await failWith({
        kind: 'validation',
        code: 'policy_violation',
        violations: ['breached', 'too_short'],
        once: true,
      });
      await waitFor(() => expect(focused()).to.equal(`input: ${FR.new}`));
      expect(describedText(fields.new)).to.contain(
        'Le serveur a refusé ce nouveau mot de passe : voyez les règles marquées ✗ dans la liste « Règles du nouveau mot de passe ».',
      );
      expect(ruleLine(el, 'breached')).to.equal(
        '✗ Ce mot de passe figure dans des fuites de données connues : choisissez-en un autre : non satisfaite',
      );
      expect(ruleLine(el, 'too_short')).to.equal('✗ Au moins 12 caractères : non satisfaite');
      expectKept(fields);
      await expect(el).to.be.accessible();
      // A new password is a new question: the server's verdict on the former one goes.
      await typeInto(el, fields.new, 'Tribord-Kayak-58');
      expect(ruleLine(el, 'breached')).to.equal('');
      expect(ruleLine(el, 'too_short')).to.equal('✓ Au moins 12 caractères : satisfaite');
    });

    it('policy_violation with a code the element does not know: shows the server’s own words', async () => {
      const problem = {
        type: 'about:blank',
        title: 'Unprocessable Content',
        status: 422,
        code: 'policy_violation',
        violations: ['too_similar'],
        detail: 'Trop proche de votre ancien mot de passe.',
      };
      const { el, fields } = await submitRefusedBy(problem);
      await waitFor(() => expect(focused()).to.equal(`input: ${FR.new}`));
      expect(describedText(fields.new)).to.contain(
        // The server's words come isolated (U+2068 … U+2069), so a right-to-left text in them cannot reorder the sentence.
        'Le serveur a refusé ce nouveau mot de passe. Motif indiqué : \u2068Trop proche de votre ancien mot de passe.\u2069',
      );
      expectKept(fields);
      await expect(el).to.be.accessible();
    });

    it('policy_violation with neither a known code nor the server’s words: still says the password was refused', async () => {
      const problem = { type: 'about:blank', title: 'Unprocessable Content', status: 422, code: 'policy_violation' };
      const { el, fields } = await submitRefusedBy(problem);
      await waitFor(() => expect(focused()).to.equal(`input: ${FR.new}`));
      expect(fields.new.getAttribute('aria-invalid')).to.equal('true');
      expect(describedText(fields.new)).to.contain(
        'Le serveur a refusé ce nouveau mot de passe sans en donner le motif. Choisissez-en un autre',
      );
      expectKept(fields);
      await expect(el).to.be.accessible();
    });

    it('403 change_not_allowed: explained, focus on the explanation', async () => {
      const { el, fields } = await failWith({ kind: 'forbidden', code: 'change_not_allowed' });
      await waitFor(() => expect(focused()).to.equal(`alert: ${alertText(el)}`));
      expect(alertText(el)).to.equal(
        "Le changement de mot de passe n'est pas autorisé pour votre compte depuis cette page. Contactez l'assistance informatique de votre établissement.",
      );
      expect(events.of('sel-error').at(-1)!.detail).to.deep.equal({
        section: 'password',
        operation: 'save',
        kind: 'forbidden',
        status: 403,
        code: 'change_not_allowed',
      });
      expectKept(fields);
      await expect(el).to.be.accessible();
    });

    it('429: « Valider » disabled with a countdown from Retry-After, then usable again', async () => {
      const { el, setup, fields } = await failWith({ kind: 'rate_limited', retryAfterSeconds: 2, once: true });
      const save = button(el, FR.save);
      await waitFor(() => expect(alertText(el)).to.equal('Trop de tentatives. Vous pourrez réessayer dans 2 s.'));
      expect(save.getAttribute('aria-disabled')).to.equal('true');
      expect(focused()).to.equal(`alert: ${alertText(el)}`);
      await expect(el).to.be.accessible();
      await waitFor(() => expect(alertText(el)).to.equal('Trop de tentatives. Vous pourrez réessayer dans 1 s.'), 2000);
      await waitFor(() => expect(save.getAttribute('aria-disabled')).to.equal('false'), 2000);
      expect(allByRole(el, 'alert')).to.deep.equal([]);
      // The message that had focus is gone: focus is on « Valider », usable again, not on the page's top.
      expect(focused()).to.equal(`button: ${FR.save}`);
      expectKept(fields);
      await submit(el);
      await waitFor(() => expect(setup.backend.currentPassword).to.equal(NEW_PASSWORD));
    }).timeout(8000);

    it('401: keeps every field, says the session ended, fires sel-unauthorized', async () => {
      const { el, fields } = await failWith('unauthorized');
      await waitFor(() => expect(alertText(el)).to.contain('Votre session a expiré'));
      expect(events.of('sel-unauthorized')).to.have.length(1);
      expect(events.of('sel-unauthorized')[0]!.detail).to.deep.equal({});
      expectKept(fields);
      await expect(el).to.be.accessible();
    });

    for (const [kind, words] of [
      ['network', 'Le serveur est injoignable. Vérifiez votre connexion, puis réessayez.'],
      ['server', 'Le service a rencontré une erreur. Réessayez plus tard.'],
    ] as const) {
      it(`${kind}: keeps every field, explains, and the retry works`, async () => {
        const { el, setup, fields } = await failWith({ kind, once: true });
        await waitFor(() => expect(alertText(el)).to.equal(words));
        expect(focused()).to.equal(`alert: ${alertText(el)}`);
        expect(events.of('sel-error').at(-1)!.detail).to.include({ section: 'password', operation: 'save', kind });
        expectKept(fields);
        await expect(el).to.be.accessible();
        await submit(el);
        await waitFor(() => expect(visibleText(el)).to.contain(FR.saved));
        expect(setup.backend.currentPassword).to.equal(NEW_PASSWORD);
      });
    }
  });

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
        await typeInto(el, fields.current, DEMO_PASSWORD);
        await typeInto(el, fields.new, NEW_PASSWORD);
        await typeInto(el, fields.confirm, NEW_PASSWORD);
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

  describe('language', () => {
    it('speaks English with lang="en", through the whole change', async () => {
      const { el, setup } = await loaded({ lang: 'en' });
      expect(getByRole(el.shadowRoot!, 'heading').textContent!.trim()).to.equal('Authentication');
      expect(visibleText(el)).to.contain('Password last changed: 14 March 2026.');
      expect(visibleText(el)).to.contain(
        'Protect your account with a strong password, changed regularly. Never share it with anyone, and log out every time you leave your workstation.',
      );
      await openForm(el, EN);
      expect(focused()).to.equal(`input: ${EN.current}`);
      expect(button(el, `Show password (${EN.new})`).getAttribute('aria-pressed')).to.equal('false');
      expect(button(el, EN.cancel)).to.exist;
      expect(visibleText(el)).to.contain('Rules for the new password');
      await typeInto(el, inputs(el, EN).new, 'azerty');
      await waitFor(() => expect(visibleText(el)).to.contain('This is a commonly used password.'));
      expect(meterText(el)).to.equal('Very weak');
      expect(ruleLine(el, 'too_short')).to.equal('✗ At least 12 characters: not met');
      await waitFor(() => expect(summary(el)).to.match(/^\d+ of 9 rules met\. Strength: Very weak\.$/), 3000);
      await expect(el).to.be.accessible();

      await fillForm(el, { current: 'wrong-one' }, EN);
      await submit(el, EN);
      await waitFor(() =>
        expect(describedText(inputs(el, EN).current)).to.contain('The current password you typed is wrong.'),
      );
      setup.backend.setFault('password', { kind: 'rate_limited', retryAfterSeconds: 30, once: true });
      await fill(el, inputs(el, EN).current, DEMO_PASSWORD);
      await submit(el, EN);
      await waitFor(() => expect(alertText(el)).to.equal('Too many attempts. You can try again in 30 s.'));
      expect(button(el, EN.save).getAttribute('aria-disabled')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('says the change is done in English', async () => {
      const { el } = await loaded({ lang: 'en' });
      await openForm(el, EN);
      await fillForm(el, {}, EN);
      await submit(el, EN);
      await waitFor(() => expect(focused()).to.match(new RegExp(`^status: ${EN.saved} From now on`)));
      expect(button(el, EN.close)).to.exist;
      await expect(el).to.be.accessible();
    });

    it('follows a change of language with the form open: labels, checklist and advice', async () => {
      const { el } = await loaded({ lang: 'fr' });
      await openForm(el);
      await typeInto(el, inputs(el).new, 'azerty');
      await waitFor(() => expect(visibleText(el)).to.contain('Ce mot de passe est couramment utilisé.'));
      el.setAttribute('lang', 'en');
      await waitFor(() => input(el, EN.new));
      expect(inputs(el, EN).new.value).to.equal('azerty');
      await waitFor(() => expect(visibleText(el)).to.contain('This is a commonly used password.'), 8000);
      expect(visibleText(el)).not.to.contain('couramment');
      expect(ruleLine(el, 'too_short')).to.equal('✗ At least 12 characters: not met');
    }).timeout(12000);
  });

  describe('several on a page', () => {
    it('two elements on a page keep their own ids, labels and forms', async () => {
      const setup = await mockBackend();
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <sel-password-change api-base=${setup.apiBase}></sel-password-change>
          <sel-password-change api-base=${setup.apiBase}></sel-password-change>
        </div>`,
      );
      const [first, second] = [...wrapper.querySelectorAll('sel-password-change')] as SelPasswordChange[];
      for (const el of [first!, second!]) {
        await waitFor(() => getByRole(el.shadowRoot!, 'button', FR.open));
        await openForm(el);
      }
      const ids = [...document.querySelectorAll('sel-password-change [id]')].map((element) => element.id);
      expect(new Set(ids).size).to.equal(ids.length);
      expect(queryAllByRole(wrapper, 'textbox', FR.new)).to.have.length(2);
      await fill(first!, inputs(first!).new, 'abc');
      expect(inputs(second!).new.value).to.equal('');
      expect(SelPasswordChange).to.equal(customElements.get('sel-password-change'));
    });
  });
});
