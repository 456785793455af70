/**
 * What a sighted person sees of each kind of message, read from the computed style of the rendered
 * element: errors in the error colour, successes in the success colour, warnings in theirs, titles bold.
 * A rule of one stylesheet outweighing another (the light-DOM reset of the password form did) shows here.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/index.js';
import type { SelGeneralInfo, SelPasswordChange, SelPhones, SelRedlist } from '../../../src/index.js';
import { DEMO_PASSWORD } from '../../../src/mocks/demo-account.js';
import { mockBackend, type TestBackend } from '../../helpers/mock-backend.js';
import { waitFor } from '../../helpers/queries.js';
import { button, fill, sectionTestSetup, textbox } from '../../helpers/section.js';

const ERROR = 'rgb(206, 5, 0)';
const SUCCESS = 'rgb(24, 117, 60)';
const WARNING = 'rgb(179, 64, 0)';

function look(element: Element): { color: string; weight: number; border: string } {
  const style = getComputedStyle(element);
  return { color: style.color, weight: Number(style.fontWeight), border: style.borderLeftColor };
}

function find<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

async function until<T extends Element>(root: ParentNode, selector: string): Promise<T> {
  return waitFor(() => find<T>(root, selector));
}

async function mounted<T extends HTMLElement>(setup: TestBackend, tag: string): Promise<T> {
  const el = document.createElement(tag) as T;
  el.setAttribute('api-base', setup.apiBase);
  el.lang = 'fr';
  const host = await fixture(html`<div></div>`);
  host.append(el);
  await waitFor(() => button(el, /^(Modifier…|Changer de mot de passe…)/), 8000);
  return el;
}

describe('message styles as rendered', () => {
  sectionTestSetup();

  it('<sel-password-change>: field errors and form errors in the error colour, the rules title bold, success green', async () => {
    const setup = await mockBackend();
    const el = await mounted<SelPasswordChange>(setup, 'sel-password-change');
    button(el, 'Changer de mot de passe…').click();
    const current = await waitFor(() => textbox(el, 'Ancien mot de passe'));
    const next = textbox(el, 'Nouveau mot de passe');
    const confirm = textbox(el, 'Confirmation du nouveau mot de passe');
    expect(look(find(el, '.sel-pc-rules-title')).weight, 'rules title').to.be.at.least(600);

    await fill(el, current, 'pas-le-bon-1');
    await fill(el, next, 'Velo-Rouge-Tuba-93!');
    await fill(el, confirm, 'Velo-Rouge-Tuba-93!');
    const save = button(el, 'Valider');
    const usable = (): boolean => !save.disabled && save.getAttribute('aria-disabled') !== 'true';
    await waitFor(() => expect(usable()).to.equal(true), 5000);
    save.click();
    const wrong = await waitFor(() => {
      const message = find(el, `#${current.getAttribute('aria-describedby')!.split(' ')[0]!}`);
      expect(message.textContent).to.contain("L'ancien mot de passe saisi est incorrect");
      return message;
    }, 5000);
    expect(look(wrong), 'wrong current password').to.include({ color: ERROR });
    expect(look(wrong).weight).to.be.at.least(600);

    setup.backend.setFault('password', { kind: 'server', once: true });
    await fill(el, current, DEMO_PASSWORD);
    save.click();
    const formError = await until(el, '.sel-pc-error[role="alert"]');
    expect(look(formError), 'form error').to.include({ color: ERROR, border: ERROR });

    save.click();
    const success = await until(el, '.sel-pc-success');
    expect(look(success), 'success box').to.include({ color: SUCCESS, border: SUCCESS });
    expect(look(find(success, 'p')), 'success text').to.include({ color: SUCCESS });
  });

  it('<sel-general-info>: the field error and a failed save in the error colour, success green', async () => {
    const setup = await mockBackend();
    const el = await mounted<SelGeneralInfo>(setup, 'sel-general-info');
    const root = el.shadowRoot!;
    find<HTMLButtonElement>(root, '[part~="edit-button"]').click();
    const input = await waitFor(() => textbox(el, 'Site web'));
    await fill(el, input, 'ftp://exemple.fr');
    find<HTMLFormElement>(root, 'form').requestSubmit();
    expect(look(await until(root, '[part~="field-error"]')), 'field error').to.include({ color: ERROR });

    setup.backend.setFault('save', { kind: 'server', once: true });
    await fill(el, input, 'https://exemple.fr/');
    find<HTMLFormElement>(root, 'form').requestSubmit();
    expect(look(await until(root, '#save-error')), 'save error').to.include({ color: ERROR, border: ERROR });

    find<HTMLFormElement>(root, 'form').requestSubmit();
    const status = await waitFor(() => {
      const region = find(root, '.message.success[role="status"]');
      expect(region.textContent).to.contain('exemple.fr');
      return region;
    });
    expect(look(status), 'saved').to.include({ color: SUCCESS, border: SUCCESS });
  });

  it('<sel-phones>: a wrong number in the error colour, a type warning in the warning colour', async () => {
    const setup = await mockBackend();
    const el = await mounted<SelPhones>(setup, 'sel-phones');
    const root = el.shadowRoot!;
    find<HTMLButtonElement>(root, '[part~="edit-button"]').click();
    // The form comes with the phone rules, downloaded on « Modifier… »: slow on a loaded machine.
    const first = await waitFor(() => textbox(el, /^Numéro 1 /), 8000);
    await fill(el, first, '12');
    find<HTMLFormElement>(root, 'form').requestSubmit();
    expect(look(await until(root, '[part~="field-error"]')), 'wrong number').to.include({ color: ERROR });

    await fill(el, first, '06 12 34 56 78');
    const select = find<HTMLSelectElement>(root, 'select');
    select.value = 'fax';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    first.dispatchEvent(new FocusEvent('blur'));
    await el.updateComplete;
    expect(look(await until(root, '[part~="field-warning"]')), 'type warning').to.include({ color: WARNING });
  });

  it('<sel-redlist>: a failed save in the error colour, the saved choice green', async () => {
    const setup = await mockBackend();
    const el = await mounted<SelRedlist>(setup, 'sel-redlist');
    const root = el.shadowRoot!;
    find<HTMLButtonElement>(root, '[part~="edit-button"]').click();
    (await until<HTMLInputElement>(root, 'input[type="radio"]:not(:checked)')).click();
    setup.backend.setFault('save', { kind: 'server', once: true });
    find<HTMLFormElement>(root, 'form').requestSubmit();
    expect(look(await until(root, '#save-error')), 'save error').to.include({ color: ERROR, border: ERROR });
    find<HTMLFormElement>(root, 'form').requestSubmit();
    const status = await waitFor(() => {
      const region = find(root, '.message.success[role="status"]');
      expect(region.textContent).to.match(/\S/);
      return region;
    });
    expect(look(status), 'saved').to.include({ color: SUCCESS, border: SUCCESS });
  });
});
