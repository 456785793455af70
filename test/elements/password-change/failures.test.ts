/**
 * Refusals and failures of a change: each said where it belongs (on the field it is about, or once above
 * « Valider ») and focused, with the events a portal hears, and nothing typed lost.
 */
import { expect } from '@open-wc/testing';
import { DEMO_PASSWORD } from '../../../src/mocks/demo-account.js';
import type { MemoryFault } from '../../../src/mocks/memory-adapter.js';
import { visibleText, waitFor } from '../../helpers/queries.js';
import { alertText, allByRole, button, describedText, focused, retype } from '../../helpers/section.js';
import {
  FR,
  NEW_PASSWORD,
  fillForm,
  loaded,
  openForm,
  dictionariesLoadedFirst,
  passwordTestSetup,
  ruleLine,
  submit,
  submitRefusedBy,
  type Field,
  type Options,
} from './support.js';

const portal = passwordTestSetup();
dictionariesLoadedFirst('fr');

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
    expect(portal.events.of('sel-error').at(-1)!.detail).to.deep.equal({
      section: 'password',
      operation: 'save',
      kind: 'validation',
      status: 422,
      code: 'wrong_current_password',
    });
    await expect(el).to.be.accessible();
    await retype(el, fields.current, DEMO_PASSWORD);
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
    await retype(el, fields.new, 'Tribord-Kayak-58');
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
    expect(portal.events.of('sel-error').at(-1)!.detail).to.deep.equal({
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
    expect(portal.events.of('sel-unauthorized')).to.have.length(1);
    expect(portal.events.of('sel-unauthorized')[0]!.detail).to.deep.equal({});
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
      expect(portal.events.of('sel-error').at(-1)!.detail).to.include({ section: 'password', operation: 'save', kind });
      expectKept(fields);
      await expect(el).to.be.accessible();
      await submit(el);
      await waitFor(() => expect(visibleText(el)).to.contain(FR.saved));
      expect(setup.backend.currentPassword).to.equal(NEW_PASSWORD);
    });
  }
});
