/**
 * The section before and around the form: what it says, its load failures, « Changer de mot de passe… »
 * opening the form in the light DOM where password managers find it, the show/hide toggles, closing, the
 * form's looks on a hostile page, and two elements on one page.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { accessibilityTree, findAxNode, type AxNode } from '../../helpers/a11y-tree.js';
import { mockBackend } from '../../helpers/mock-backend.js';
import { getByRole, queryAllByRole, queryByRole, visibleText, waitFor } from '../../helpers/queries.js';
import { button, fill, focused, requestsOf, retype, textbox } from '../../helpers/section.js';
import {
  EN,
  FR,
  NEW_PASSWORD,
  SelPasswordChange,
  fillForm,
  inputs,
  loaded,
  openForm,
  passwordTestSetup,
  ruleLine,
} from './support.js';

const portal = passwordTestSetup();

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
      expect(portal.events.of('sel-error').at(-1)!.detail).to.include({ section: 'password', operation: 'load', kind });
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
    for (const name of [FR.current, FR.new, FR.confirm]) expect(textbox(el, name).type).to.equal('password');
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
      expect(textbox(el, name).type).to.equal('text');
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
    expect(requestsOf(setup, 'POST')).to.have.length(0);
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
    await retype(el, inputs(el).new, 'abc');
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
    expect(requestsOf(setup, 'POST')).to.have.length(0);
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
