/** What a person does with a <sel-general-info>, for the test files of this folder. */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/sel-general-info.js';
import type { SelGeneralInfo } from '../../../src/sel-general-info.js';
import type { TestBackend } from '../../helpers/mock-backend.js';
import { visibleText, waitFor } from '../../helpers/queries.js';
import { byRole, fill, press, textbox } from '../../helpers/section.js';

export const DEMO_WEBSITE = 'https://perso.univ-exemple.fr/cmartin';
export const NEW_WEBSITE = 'https://nouveau.example.org/page';
export const EDIT = 'Modifier… (site web)';
export const EDIT_EN = 'Edit… (website)';

export type Fault = Parameters<TestBackend['backend']['setFault']>[1];

/** The element in `lang`, once the account is on screen. */
export async function loaded(setup: TestBackend, lang = 'fr'): Promise<SelGeneralInfo> {
  const el = await fixture<SelGeneralInfo>(
    html`<sel-general-info api-base=${setup.apiBase} lang=${lang}></sel-general-info>`,
  );
  // The first test of a file also waits for the mock service worker to start.
  await waitFor(() => expect(visibleText(el)).to.contain(lang === 'fr' ? 'Site web' : 'Website'), 5000);
  return el;
}

/** « Site web » (or « Website »), the field of the open form. */
export function website(el: SelGeneralInfo, name = 'Site web'): HTMLInputElement {
  return textbox(el, name);
}

/** « Modifier… »: the form is there with the next render, nothing to wait for. */
export async function openForm(el: SelGeneralInfo, edit = EDIT): Promise<void> {
  await press(el, edit);
  expect(el.shadowRoot!.querySelector('form'), 'the form, at once').to.exist;
}

/** Types into « Site web » the way the `input` event reports it, without judging each keystroke. */
export async function type(el: SelGeneralInfo, value: string, name = 'Site web'): Promise<void> {
  await fill(el, website(el, name), value);
}

/** Opens the form on an account whose saves fail with `fault`, types a new website and presses « Valider ». */
export async function failSave(setup: TestBackend, fault: Fault): Promise<SelGeneralInfo> {
  const el = await loaded(setup);
  setup.backend.setFault('save', fault);
  await openForm(el);
  await type(el, NEW_WEBSITE);
  await press(el, 'Valider');
  await waitFor(() => byRole(el, 'alert'));
  return el;
}
