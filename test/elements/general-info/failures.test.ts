/** Failed loads and saves: the address typed is kept, and the person is told what happened in words. */
import { expect, fixture, html } from '@open-wc/testing';
import type { SelGeneralInfo } from '../../../src/sel-general-info.js';
import { RestAdapter } from '../../../src/api/rest-adapter.js';
import { mockBackend } from '../../helpers/mock-backend.js';
import { deepActiveElement, visibleText, waitFor } from '../../helpers/queries.js';
import {
  alertText,
  allByRole,
  button,
  byRole,
  describedText,
  focused,
  press,
  requestsOf,
  sectionTestSetup,
} from '../../helpers/section.js';
import { EDIT, NEW_WEBSITE, failSave, loaded, openForm, type, website } from './harness.js';

describe('<sel-general-info>: failures', () => {
  const section = sectionTestSetup();

  describe('a failed save keeps the input and says what happened', () => {
    for (const [kind, words] of [
      ['network', 'Le serveur est injoignable'],
      ['server', 'Le service a rencontré une erreur'],
      ['invalid_response', 'Le serveur a envoyé une réponse inattendue'],
    ] as const) {
      it(`${kind}: keeps the address, explains, and lets the person retry`, async () => {
        const setup = await mockBackend();
        const el = await failSave(setup, kind);
        const alert = byRole(el, 'alert');
        expect(alert.textContent).to.contain(words);
        expect(website(el).value).to.equal(NEW_WEBSITE);
        expect(section.events.of('sel-error').at(-1)!.detail).to.include({
          section: 'website',
          operation: 'save',
          kind,
        });
        expect(deepActiveElement()).to.equal(alert);
        await expect(el).to.be.accessible();
        setup.backend.clearFault();
        await press(el, 'Valider');
        await waitFor(() => expect(setup.backend.account.website).to.equal(NEW_WEBSITE));
      });
    }

    it('timeout: an adapter that gives up says the server did not answer in time', async () => {
      const setup = await mockBackend();
      const adapter = new RestAdapter({ baseUrl: setup.apiBase, timeoutMs: 300 });
      const el = await fixture<SelGeneralInfo>(html`<sel-general-info .adapter=${adapter}></sel-general-info>`);
      await waitFor(() => button(el, EDIT));
      setup.backend.setFault('save', 'timeout');
      await openForm(el);
      await type(el, NEW_WEBSITE);
      await press(el, 'Valider');
      await waitFor(() => expect(alertText(el)).to.contain("n'a pas répondu à temps"));
      expect(website(el).value).to.equal(NEW_WEBSITE);
      expect(section.events.of('sel-error').at(-1)!.detail).to.include({ section: 'website', kind: 'timeout' });
    });

    it('401: keeps the address, says the session ended, and fires sel-unauthorized', async () => {
      const el = await failSave(await mockBackend(), 'unauthorized');
      expect(alertText(el)).to.contain('Votre session a expiré');
      expect(website(el).value).to.equal(NEW_WEBSITE);
      expect(section.events.of('sel-unauthorized')).to.have.length(1);
      expect(section.events.of('sel-error').at(-1)!.detail).to.deep.equal({
        section: 'website',
        operation: 'save',
        kind: 'unauthorized',
        status: 401,
        code: 'unauthorized',
      });
    });

    it('403: closes the form, says why and whom to ask, and reloads what is editable', async () => {
      const setup = await mockBackend();
      const el = await failSave(setup, 'forbidden');
      expect(allByRole(el, 'textbox')).to.have.length(0);
      const alert = byRole(el, 'alert');
      expect(alert.textContent).to.contain("Vous n'êtes pas autorisé(e) à modifier votre site web ici.");
      expect(alert.textContent).to.contain('contactez votre correspondant annuaire');
      // The form is gone, not what the person typed: the message repeats it.
      expect(visibleText(alert)).to.contain(`L'adresse que vous avez saisie : ${NEW_WEBSITE}.`);
      expect(deepActiveElement()).to.equal(alert);
      await waitFor(() => expect(setup.backend.calls.load).to.equal(2));
      await expect(el).to.be.accessible();
    });

    it('412 then 403: the account changed elsewhere to "not editable"; the retry is refused and the form closes', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      await openForm(el);
      await type(el, NEW_WEBSITE);
      setup.backend.changeElsewhere({ editable: { website: false, phones: true, redList: true, password: true } });
      await press(el, 'Valider');
      await waitFor(() => expect(alertText(el)).to.contain('modifié ailleurs'));
      await press(el, 'Valider');
      await waitFor(() => expect(allByRole(el, 'textbox')).to.have.length(0));
      expect(alertText(el)).to.contain("Vous n'êtes pas autorisé(e)");
      expect(allByRole(el, 'button', EDIT)).to.have.length(0);
      expect(visibleText(el)).to.contain('seul votre correspondant annuaire peut le changer');
      expect(section.events.of('sel-error').map((event) => event.detail.kind)).to.deep.equal(['conflict', 'forbidden']);
    });

    it('412: reloads the account, keeps the address typed, shows the saved one beside it, and the retry carries the new version', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      await openForm(el);
      await type(el, NEW_WEBSITE);
      setup.backend.changeElsewhere({ website: 'https://ailleurs.example.org/' });
      await press(el, 'Valider');
      await waitFor(() => byRole(el, 'alert'));
      const alert = byRole(el, 'alert');
      expect(alert.textContent).to.contain('modifié ailleurs');
      expect(visibleText(alert)).to.contain('Site web enregistré actuellement : https://ailleurs.example.org/.');
      expect(website(el).value).to.equal(NEW_WEBSITE);
      expect(deepActiveElement()).to.equal(alert);
      expect(setup.backend.calls.load).to.equal(2);
      expect(section.events.of('sel-error').at(-1)!.detail).to.include({ kind: 'conflict', status: 412 });
      await expect(el).to.be.accessible();
      await press(el, 'Valider');
      await waitFor(() => expect(setup.backend.account.website).to.equal(NEW_WEBSITE));
      expect(requestsOf(setup, 'PATCH').map((request) => request.headers.get('If-Match'))).to.deep.equal([
        '"1"',
        '"2"',
      ]);
    });

    it('412 during a removal: asks again, against the website saved now', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      await openForm(el);
      await type(el, '');
      await press(el, 'Valider');
      setup.backend.changeElsewhere({ website: 'https://ailleurs.example.org/' });
      await press(el, 'Confirmer la suppression');
      await waitFor(() => expect(alertText(el)).to.contain('https://ailleurs.example.org/'));
      expect(website(el).value).to.equal('');
      await press(el, 'Valider');
      expect(visibleText(el)).to.contain('votre site web https://ailleurs.example.org/ sera supprimé');
      await press(el, 'Confirmer la suppression');
      await waitFor(() => expect(setup.backend.account.website).to.equal(null));
    });

    it("422: shows the server's field error on the field, marked invalid, focus on it", async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      setup.backend.setFault('save', {
        kind: 'validation',
        fieldErrors: [{ field: 'website', code: 'no_host' }],
        once: true,
      });
      await openForm(el);
      await type(el, NEW_WEBSITE);
      await press(el, 'Valider');
      await waitFor(() => expect(website(el).getAttribute('aria-invalid')).to.equal('true'));
      expect(describedText(website(el))).to.contain("L'adresse doit contenir un nom de site complet");
      expect(website(el).value).to.equal(NEW_WEBSITE);
      expect(focused()).to.equal('input: Site web');
      expect(allByRole(el, 'alert')).to.have.length(0);
      expect(section.events.of('sel-error').at(-1)!.detail).to.include({ kind: 'validation', status: 422 });
      await expect(el).to.be.accessible();
      await press(el, 'Valider');
      await waitFor(() => expect(setup.backend.account.website).to.equal(NEW_WEBSITE));
    });

    it('422 with a code this library does not know still says the server refused the address', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      setup.backend.setFault('save', { kind: 'validation', fieldErrors: [{ field: 'website', code: 'blocklisted' }] });
      await openForm(el);
      await type(el, NEW_WEBSITE);
      await press(el, 'Valider');
      await waitFor(() =>
        expect(describedText(website(el))).to.contain(
          'Le serveur a refusé cette adresse. Vérifiez-la, puis validez à nouveau.',
        ),
      );
      expect(website(el).getAttribute('aria-invalid')).to.equal('true');
    });

    it('422 without a field error is said in the alert', async () => {
      // The contract always names the field; a backend that does not must still get a sentence.
      const el = await failSave(await mockBackend(), { kind: 'validation', fieldErrors: [] });
      expect(alertText(el)).to.contain('Le serveur a refusé la valeur saisie.');
      expect(website(el).getAttribute('aria-invalid')).to.equal('false');
    });

    it('429: disables « Valider » for Retry-After seconds and says how long; then focus is on « Valider »', async () => {
      const setup = await mockBackend();
      const el = await failSave(setup, { kind: 'rate_limited', retryAfterSeconds: 2, once: true });
      const save = button(el, 'Valider');
      expect(save.getAttribute('aria-disabled')).to.equal('true');
      const alert = byRole(el, 'alert');
      expect(alert.textContent).to.match(/réessayer dans 2 s/);
      expect(deepActiveElement()).to.equal(alert);
      expect(website(el).value).to.equal(NEW_WEBSITE);
      await expect(el).to.be.accessible();
      await waitFor(() => expect(save.getAttribute('aria-disabled')).to.equal('false'), 4000);
      // The message went with the wait; the focus did not fall back to the page.
      expect(allByRole(el, 'alert')).to.have.length(0);
      expect(deepActiveElement()).to.equal(save);
      await press(el, 'Valider');
      await waitFor(() => expect(setup.backend.account.website).to.equal(NEW_WEBSITE));
    }).timeout(8000);

    it('429, « Annuler », « Modifier… » again: the form says why « Valider » is still disabled', async () => {
      const setup = await mockBackend();
      const el = await failSave(setup, { kind: 'rate_limited', retryAfterSeconds: 3, once: true });
      await press(el, 'Annuler');
      await openForm(el);
      expect(button(el, 'Valider').getAttribute('aria-disabled')).to.equal('true');
      expect(alertText(el)).to.match(/Trop de tentatives. Vous pourrez réessayer dans [1-3] s./);
      await expect(el).to.be.accessible();
      await type(el, NEW_WEBSITE);
      await waitFor(() => expect(button(el, 'Valider').getAttribute('aria-disabled')).to.equal('false'), 5000);
      expect(allByRole(el, 'alert')).to.have.length(0);
      await press(el, 'Valider');
      await waitFor(() => expect(setup.backend.account.website).to.equal(NEW_WEBSITE));
    }).timeout(10000);

    it('a save that fails after « Annuler » is still reported, without taking the focus', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      setup.backend.latencyMs = 200;
      setup.backend.setFault('save', 'server');
      await openForm(el);
      await type(el, NEW_WEBSITE);
      await press(el, 'Valider');
      await press(el, 'Annuler');
      expect(focused()).to.equal(`button: ${EDIT}`);
      await waitFor(() => expect(alertText(el)).to.contain('Le service a rencontré une erreur'));
      expect(focused()).to.equal(`button: ${EDIT}`);
    });
  });

  describe('a failed load', () => {
    for (const [kind, words] of [
      ['invalid_response', 'réponse inattendue'],
      ['server', 'Le service a rencontré une erreur'],
      ['network', 'Le serveur est injoignable'],
    ] as const) {
      it(`${kind}: an error state with « Réessayer » that works`, async () => {
        const setup = await mockBackend();
        setup.backend.setFault('load', kind);
        const el = await fixture<SelGeneralInfo>(html`<sel-general-info api-base=${setup.apiBase}></sel-general-info>`);
        await waitFor(() => button(el, 'Réessayer'));
        expect(alertText(el)).to.contain(words);
        expect(section.events.of('sel-error').at(-1)!.detail).to.include({
          section: 'website',
          operation: 'load',
          kind,
        });
        await expect(el).to.be.accessible();
        setup.backend.clearFault();
        await press(el, 'Réessayer');
        await waitFor(() => expect(visibleText(el)).to.contain('Claire Martin'));
      });
    }

    it('401 on load fires sel-unauthorized', async () => {
      const setup = await mockBackend();
      setup.backend.setFault('load', 'unauthorized');
      const el = await fixture<SelGeneralInfo>(html`<sel-general-info api-base=${setup.apiBase}></sel-general-info>`);
      await waitFor(() => button(el, 'Réessayer'));
      expect(section.events.of('sel-unauthorized')).to.have.length(1);
    });

    it('without any backend, says it is not configured and logs one console error', async () => {
      const errors: unknown[][] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      try {
        const el = await fixture<SelGeneralInfo>(html`<sel-general-info></sel-general-info>`);
        // Said once the portal had the task it runs in and the next to call configure().
        await waitFor(() => expect(alertText(el)).to.contain("n'est pas configurée"));
        await expect(el).to.be.accessible();
      } finally {
        console.error = original;
      }
      expect(errors).to.have.length(1);
      expect(String(errors[0]![0])).to.contain('<sel-general-info>');
    });
  });
});
