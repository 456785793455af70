/**
 * What the tests of <sel-password-change> share beyond test/helpers/section.ts: the element on its own test
 * backend, the form filled and sent, the checklist and the meter as read aloud, a strength engine answered
 * by hand, and the searches for a password left where it must not be.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { SelPasswordChange } from '../../../src/sel-password-change.js';
import { PasswordStrengthController } from '../../../src/elements/password-change/strength.js';
import { sharedStrengthEngine, type StrengthEngine } from '../../../src/elements/password-change/strength-engine.js';
import type { StrengthLanguage, StrengthResult } from '../../../src/validation/password-strength.js';
import { RestAdapter } from '../../../src/api/rest-adapter.js';
import type { Account } from '../../../src/contract/schemas.js';
import { DEMO_PASSWORD } from '../../../src/mocks/demo-account.js';
import { mockBackend, type TestBackend } from '../../helpers/mock-backend.js';
import { getByRole, waitFor } from '../../helpers/queries.js';
import { byRole, button, deferred, fill, sectionTestSetup, textbox, type Deferred } from '../../helpers/section.js';

export { SelPasswordChange };

/** Meets the demo policy, strength included, in French and in English. */
export const NEW_PASSWORD = 'Velo-Rouge-Tuba-93!';
/** Meets every rule the client can check, but not the strength the demo policy asks for (French dictionary). */
export const FRENCH_WORD_PASSWORD = 'Bonjour2026!';

export const FR = {
  open: 'Changer de mot de passe…',
  current: 'Ancien mot de passe',
  new: 'Nouveau mot de passe',
  confirm: 'Confirmation du nouveau mot de passe',
  save: 'Valider',
  cancel: 'Annuler',
  close: 'Fermer',
  saved: 'Votre mot de passe a été changé.',
};
export type Words = typeof FR;
export const EN: Words = {
  open: 'Change password…',
  current: 'Current password',
  new: 'New password',
  confirm: 'Confirm new password',
  save: 'Save',
  cancel: 'Cancel',
  close: 'Close',
  saved: 'Your password has been changed.',
};

export type Field = 'current' | 'new' | 'confirm';
export const FIELDS: readonly Field[] = ['current', 'new', 'confirm'];

/**
 * The setup of every password test file (test/helpers/section.ts), and the shipped strength engine put back
 * after each test, whatever engine the test gave the elements.
 */
export function passwordTestSetup(): ReturnType<typeof sectionTestSetup> {
  const setup = sectionTestSetup();
  const shipped = PasswordStrengthController.engine;
  afterEach(() => {
    PasswordStrengthController.engine = shipped;
  });
  return setup;
}

/**
 * Loads the shipped engine's dictionaries for `languages` once, before the file's tests: under the test
 * server a first load takes seconds, which strength.test.ts measures, and which the other files' waits are
 * not about. Never in strength.test.ts, whose first tests check that nothing loads before a focus.
 */
export function dictionariesLoadedFirst(...languages: StrengthLanguage[]): void {
  before(async function () {
    this.timeout(30000);
    await Promise.all(languages.map((language) => sharedStrengthEngine().prepare(language)));
  });
}

/** The elements created from now on, until the end of the test, score with `engine`. */
export function useEngine(engine: StrengthEngine): void {
  PasswordStrengthController.engine = () => engine;
}

export interface Options {
  lang?: 'fr' | 'en';
  /** Changes to the demo account, made before the element loads it. */
  account?: Partial<Account>;
  strengthWords?: string;
}

/** The element on a fresh test backend (or `setup`), once its section is shown. */
export async function loaded(options: Options = {}, setup?: TestBackend) {
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

export function inputs(el: SelPasswordChange, t: Words = FR): Record<Field, HTMLInputElement> {
  return { current: textbox(el, t.current), new: textbox(el, t.new), confirm: textbox(el, t.confirm) };
}

/** « Changer de mot de passe… », until « Ancien mot de passe » is there. */
export async function openForm(el: SelPasswordChange, t: Words = FR): Promise<void> {
  getByRole(el.shadowRoot!, 'button', t.open).click();
  await waitFor(() => textbox(el, t.current));
}

/** Fills the three fields as a password manager does; a valid change unless `values` says otherwise. */
export async function fillForm(
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
export async function submit(el: SelPasswordChange, t: Words = FR): Promise<void> {
  button(el, t.save).focus();
  button(el, t.save).click();
  await el.updateComplete;
}

/**
 * Submits a filled form to a server that answers the POST with `problem` (a 422 body the mock backend
 * does not produce): the account comes from the mock backend, the refusal from this answer.
 */
export async function submitRefusedBy(
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

/** What the strength meter says, as its value text. */
export function meterText(el: SelPasswordChange): string | null {
  return byRole(el, 'meter').getAttribute('aria-valuetext');
}

const flat = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** The checklist line of a rule, as read aloud: its text, then whether it is met. */
export function ruleLine(el: SelPasswordChange, rule: string): string {
  return flat(el.querySelector(`li.sel-pc-rule[data-rule="${rule}"]`)?.textContent);
}

export function ruleLines(el: SelPasswordChange): string[] {
  return [...el.querySelectorAll('li.sel-pc-rule')].map((item) => flat(item.textContent));
}

/** The polite summary of the checklist, in the form. */
export function summary(el: SelPasswordChange): string {
  return flat(el.querySelector('form [role="status"].sel-pc-visually-hidden')?.textContent);
}

/** Every attribute of every element of the document, shadow roots included, that contains `secret`. */
export function attributesHolding(secret: string): string[] {
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
export function stateHolding(el: SelPasswordChange, secret: string): string[] {
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

/** A strength engine answered by hand: for the loading state, its failure, and the order of scores. */
export class ManualEngine implements StrengthEngine {
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

/** A score without advice. */
export function result(score: StrengthResult['score']): StrengthResult {
  return { score, warning: null, suggestions: [] };
}
