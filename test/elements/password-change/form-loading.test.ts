/**
 * The password form's code is a chunk of its own (form-loader.ts): the collapsed section shows without it,
 * hover or focus on « Changer de mot de passe… » fetches it, a press waits for it, a section that must open
 * on the form fetches it at once, and a failed download says so with « Réessayer ».
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SelPasswordChange } from '../../../src/sel-password-change.js';
import { loadPasswordForm, type PasswordForm } from '../../../src/elements/password-change/form-loader.js';
import type { Account } from '../../../src/contract/schemas.js';
import { demoAccount } from '../../../src/mocks/demo-account.js';
import { mockBackend } from '../../helpers/mock-backend.js';
import { deepActiveElement, getByRole, queryByRole, visibleText, waitFor } from '../../helpers/queries.js';

const OPEN = 'Changer de mot de passe…';
const CURRENT = 'Ancien mot de passe';
const NEW = 'Nouveau mot de passe';
const LOADING = 'Chargement du formulaire de changement de mot de passe…';
const FAILED = "Le formulaire de changement de mot de passe n'a pas pu être chargé";

async function loaded(change: Partial<Account> = {}) {
  const setup = await mockBackend({ account: { ...demoAccount(), ...change } });
  const el = await fixture<SelPasswordChange>(
    html`<sel-password-change api-base=${setup.apiBase}></sel-password-change>`,
  );
  await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="advice"]')).to.exist);
  return el;
}

const openButton = (el: SelPasswordChange) => getByRole(el.shadowRoot!, 'button', OPEN) as HTMLButtonElement;
const textbox = (el: SelPasswordChange, name: string) => getByRole(el, 'textbox', name) as HTMLInputElement;
const statusText = (el: SelPasswordChange) =>
  [...el.shadowRoot!.querySelectorAll('[role="status"]')].map((node) => node.textContent ?? '').join(' ');

/** Replaces the download for one test: `hold` keeps it pending until `release`, `fail` makes it fail. */
function downloadControl() {
  const original = SelPasswordChange.loadPasswordForm;
  let asked = 0;
  let fail = false;
  let release: () => void = () => undefined;
  const held = new Promise<PasswordForm>((resolve) => (release = () => void loadPasswordForm().then(resolve)));
  let hold = true;
  SelPasswordChange.loadPasswordForm = () => {
    asked++;
    if (fail) return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    return hold ? held : loadPasswordForm();
  };
  return {
    get asked() {
      return asked;
    },
    release,
    failing(value: boolean) {
      fail = value;
      hold = false;
    },
    restore() {
      SelPasswordChange.loadPasswordForm = original;
    },
  };
}

describe('<sel-password-change>: the form downloaded on demand', () => {
  let download: ReturnType<typeof downloadControl>;
  beforeEach(() => (download = downloadControl()));
  afterEach(() => download.restore());

  it('shows the section while the form never arrives; hover and focus fetch it; a press waits, then opens it', async () => {
    const el = await loaded({ passwordChangedAt: '2026-01-15T10:00:00Z' });
    // The whole collapsed section, with no form code asked for.
    expect(visibleText(el.shadowRoot!.querySelector('[part~="changed-at"]') as HTMLElement)).to.contain('2026');
    expect(openButton(el).getAttribute('aria-disabled')).to.equal('false');
    expect(download.asked, 'form asked for by the collapsed section').to.equal(0);
    await expect(el).to.be.accessible();

    openButton(el).dispatchEvent(new PointerEvent('pointerenter'));
    expect(download.asked).to.equal(1);
    openButton(el).focus();
    expect(download.asked).to.equal(2);

    openButton(el).click();
    await waitFor(() => expect(statusText(el)).to.contain(LOADING));
    expect(openButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(queryByRole(el, 'textbox', CURRENT)).to.equal(null);
    // A second press while waiting does nothing more.
    openButton(el).click();
    await expect(el).to.be.accessible();

    download.release();
    await waitFor(() => textbox(el, CURRENT));
    expect(deepActiveElement()).to.equal(textbox(el, CURRENT));
    expect(statusText(el)).not.to.contain(LOADING);
    // Editing works with the downloaded code: the checklist follows the typing.
    textbox(el, NEW).focus();
    await sendKeys({ type: 'abc' });
    await waitFor(() => expect(visibleText(el)).to.match(/✓[^✓○✗]*minuscule/i));
  });

  it('a failed download: the section says so, « Réessayer » has the focus and opens the form', async () => {
    const errors: unknown[][] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      download.failing(true);
      const el = await loaded();
      // A failed prefetch says nothing: the person has not asked for anything yet.
      openButton(el).dispatchEvent(new PointerEvent('pointerenter'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(queryByRole(el.shadowRoot!, 'alert')).to.equal(null);

      openButton(el).click();
      await waitFor(() => getByRole(el.shadowRoot!, 'button', 'Réessayer'));
      expect(getByRole(el.shadowRoot!, 'alert').textContent).to.contain(FAILED);
      expect(deepActiveElement()).to.equal(getByRole(el.shadowRoot!, 'button', 'Réessayer'));
      expect(queryByRole(el.shadowRoot!, 'button', OPEN)).to.equal(null);
      expect(statusText(el)).not.to.contain(LOADING);
      await expect(el).to.be.accessible();
      expect(String(errors[0]?.[0])).to.contain('<sel-password-change>');

      download.failing(false);
      getByRole(el.shadowRoot!, 'button', 'Réessayer').click();
      await waitFor(() => textbox(el, CURRENT));
      expect(deepActiveElement()).to.equal(textbox(el, CURRENT));
      expect(queryByRole(el.shadowRoot!, 'alert')).to.equal(null);
    } finally {
      console.error = consoleError;
    }
  });

  it('a section that must open on the form fetches it at once, says it is loading, then shows it', async () => {
    const el = await loaded({ passwordMustChange: true });
    expect(download.asked, 'fetched without any hover').to.equal(1);
    await waitFor(() => expect(statusText(el)).to.contain(LOADING));
    expect(el.shadowRoot!.querySelector('[part~="must-change"]')).to.exist;
    expect(queryByRole(el, 'textbox', CURRENT)).to.equal(null);
    await expect(el).to.be.accessible();

    download.release();
    await waitFor(() => textbox(el, CURRENT));
    expect(statusText(el)).not.to.contain(LOADING);
    // Opened by the page load: focus stays where it was.
    expect(el.contains(deepActiveElement())).to.equal(false);
  });

  it('a section that must open on the form, when the download fails: « Réessayer » shows the form', async () => {
    const consoleError = console.error;
    console.error = () => undefined;
    try {
      download.failing(true);
      const el = await loaded({ passwordMustChange: true });
      await waitFor(() => getByRole(el.shadowRoot!, 'button', 'Réessayer'));
      expect(getByRole(el.shadowRoot!, 'alert').textContent).to.contain(FAILED);
      download.failing(false);
      getByRole(el.shadowRoot!, 'button', 'Réessayer').click();
      await waitFor(() => textbox(el, CURRENT));
      expect(deepActiveElement()).to.equal(textbox(el, CURRENT));
    } finally {
      console.error = consoleError;
    }
  });

  it('the open form follows a live language switch both ways, its French coming with its code', async () => {
    download.failing(false);
    const setup = await mockBackend({ account: demoAccount() });
    const el = await fixture<SelPasswordChange>(
      html`<sel-password-change lang="en" api-base=${setup.apiBase}></sel-password-change>`,
    );
    const open = await waitFor(() => getByRole(el.shadowRoot!, 'button', 'Change password…'));
    open.click();
    await waitFor(() => textbox(el, 'Current password'));
    expect(visibleText(el)).to.contain('Rules for the new password');

    // Opened in English: the French it switches to is the French that came with the form's code.
    el.lang = 'fr';
    await waitFor(() => textbox(el, CURRENT));
    for (const name of [NEW, 'Confirmation du nouveau mot de passe']) expect(textbox(el, name)).to.exist;
    expect(visibleText(el)).to.contain('Règles du nouveau mot de passe');
    expect(visibleText(el), 'a message key on screen').not.to.match(/\bpassword\.[a-zA-Z]/);

    el.lang = 'en';
    await waitFor(() => textbox(el, 'New password'));
    expect(visibleText(el)).to.contain('Rules for the new password');
    expect(visibleText(el), 'a message key on screen').not.to.match(/\bpassword\.[a-zA-Z]/);
    await expect(el).to.be.accessible();
  });
});
