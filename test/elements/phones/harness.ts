/** What a person does with a <sel-phones>, for the test files of this folder. */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/sel-phones.js';
import type { SelPhones } from '../../../src/sel-phones.js';
import type { Phone } from '../../../src/contract/schemas.js';
import { mockBackend, type TestBackend } from '../../helpers/mock-backend.js';
import { waitFor } from '../../helpers/queries.js';
import { button, byRole, requestsOf, textbox } from '../../helpers/section.js';

export const EDIT = 'Modifier… (numéros de téléphone)';
export const EDIT_EN = 'Edit… (phone numbers)';
/** The demo account's two numbers, as their fields are named. */
export const OFFICE = 'Numéro 1 (Bureau)';
export const MOBILE = 'Numéro 2 (Mobile)';

export type Fault = Parameters<TestBackend['backend']['setFault']>[1];

export interface Options {
  lang?: string;
  region?: string;
  phones?: Phone[];
  editable?: boolean;
}

/** The element on its own backend (or `setup`'s), once the list, or the sentence saying there is none, is on show. */
export async function loaded(
  options: Options = {},
  setup?: TestBackend,
): Promise<{ el: SelPhones; setup: TestBackend }> {
  setup ??= await mockBackend();
  if (options.phones) setup.backend.changeElsewhere({ phones: options.phones });
  if (options.editable === false) {
    setup.backend.changeElsewhere({ editable: { website: true, phones: false, redList: true, password: true } });
  }
  const el = await fixture<SelPhones>(
    html`<sel-phones api-base=${setup.apiBase} lang=${options.lang ?? 'fr'} default-region=${options.region ?? 'FR'}>
    </sel-phones>`,
  );
  await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="list"], [part~="empty"]')).to.exist);
  return { el, setup };
}

/** Presses « Modifier… » and waits for the form: the first press may wait for the phone rules. */
export async function openForm(el: SelPhones, name = EDIT): Promise<void> {
  button(el, name).click();
  await waitFor(() => expect(el.shadowRoot!.querySelector('form')).to.exist, 8000);
  await el.updateComplete;
}

export function field(el: SelPhones, name: string | RegExp): HTMLInputElement {
  return textbox(el, name);
}

export function typeSelect(el: SelPhones, name: string | RegExp): HTMLSelectElement {
  return byRole(el, 'combobox', name) as HTMLSelectElement;
}

/** Chooses `value` in a row's type select, as a person does. */
export async function chooseType(el: SelPhones, name: string | RegExp, value: string): Promise<void> {
  const select = typeSelect(el, name);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** Leaves a field without pressing anything: the number is judged and tidied. */
export async function leave(el: SelPhones, input: HTMLInputElement): Promise<void> {
  input.blur();
  await el.updateComplete;
}

/** The numbers of the last PATCH. */
export async function sentPhones(setup: TestBackend): Promise<Phone[]> {
  await waitFor(() => expect(requestsOf(setup, 'PATCH').at(-1)?.body).to.not.equal(''));
  return (JSON.parse(requestsOf(setup, 'PATCH').at(-1)!.body) as { phones: Phone[] }).phones;
}
