/** <sel-phones> when a save or a load fails: every row kept, what happened said in words. */
import { expect, fixture, html } from '@open-wc/testing';
import type { SelPhones } from '../../../src/sel-phones.js';
import { RestAdapter } from '../../../src/api/rest-adapter.js';
import { mockBackend, type TestBackend } from '../../helpers/mock-backend.js';
import { visibleText, waitFor } from '../../helpers/queries.js';
import {
  alertText,
  allByRole,
  button,
  byRole,
  describedText,
  focused,
  press,
  requestsOf,
  retype,
  sectionTestSetup,
} from '../../helpers/section.js';
import { EDIT, MOBILE, OFFICE, field, loaded, openForm, type Fault } from './harness.js';

/** Opens the form on a backend whose saves fail with `fault`, changes a number, adds one and presses « Valider ». */
async function failSave(fault: Fault): Promise<{ el: SelPhones; setup: TestBackend }> {
  const { el, setup } = await loaded();
  setup.backend.setFault('save', fault);
  await openForm(el);
  await retype(el, field(el, OFFICE), '05 49 45 49 98');
  await press(el, 'Ajouter un numéro');
  await retype(el, field(el, 'Numéro 3 (Fax)'), '05 49 45 49 97');
  await press(el, 'Valider');
  await waitFor(() => expect(setup.backend.calls.save).to.equal(1));
  await waitFor(() => expect(visibleText(el)).not.to.contain('Enregistrement en cours'));
  await el.updateComplete;
  return { el, setup };
}

function expectListKept(el: SelPhones): void {
  expect(field(el, OFFICE).value).to.equal('05 49 45 49 98');
  expect(field(el, MOBILE).value).to.equal('06 12 34 56 78');
  expect(field(el, 'Numéro 3 (Fax)').value).to.equal('05 49 45 49 97');
}

function alertHasFocus(el: SelPhones): boolean {
  return el.shadowRoot!.activeElement === byRole(el, 'alert');
}

describe('<sel-phones>: save failures keep the list and say what happened', () => {
  const portal = sectionTestSetup();

  for (const [kind, words] of [
    ['network', 'Le serveur est injoignable'],
    ['server', 'Le service a rencontré une erreur'],
    ['invalid_response', 'Le serveur a envoyé une réponse inattendue'],
    ['validation', 'Le serveur a refusé la valeur saisie'],
  ] as const) {
    it(`${kind}: keeps every row, explains, and lets the person retry`, async () => {
      const { el, setup } = await failSave(kind);
      expect(alertText(el)).to.contain(words);
      expectListKept(el);
      expect(portal.events.of('sel-error').at(-1)!.detail).to.include({ section: 'phones', operation: 'save', kind });
      expect(alertHasFocus(el)).to.equal(true);
      await expect(el).to.be.accessible();
      setup.backend.clearFault();
      await press(el, 'Valider');
      await waitFor(() => expect(setup.backend.account.phones).to.have.length(3));
    });
  }

  it('401: keeps the rows, says the session ended, and fires sel-unauthorized', async () => {
    const { el } = await failSave('unauthorized');
    expect(alertText(el)).to.contain('Votre session a expiré');
    expectListKept(el);
    expect(portal.events.of('sel-unauthorized')).to.have.length(1);
    expect(portal.events.of('sel-error').at(-1)!.detail).to.deep.equal({
      section: 'phones',
      operation: 'save',
      kind: 'unauthorized',
      status: 401,
      code: 'unauthorized',
    });
  });

  it('403: closes the form and says why', async () => {
    const { el } = await failSave('forbidden');
    expect(allByRole(el, 'textbox')).to.deep.equal([]);
    expect(alertText(el)).to.contain("Vous n'êtes pas autorisé(e) à modifier vos numéros de téléphone ici.");
    // The form is gone, not what the person typed: the message repeats it.
    expect(alertText(el)).to.contain(
      'Les numéros que vous avez saisis : 05 49 45 49 98 (Bureau), 06 12 34 56 78 (Mobile), 05 49 45 49 97 (Fax).',
    );
    expect(alertHasFocus(el)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('412: reloads, keeps the edited list, says it changed elsewhere and shows what is saved; the retry carries the new version', async () => {
    const { el, setup } = await loaded();
    await openForm(el);
    await retype(el, field(el, OFFICE), '05 49 45 49 98');
    setup.backend.changeElsewhere({ phones: [{ type: 'office', number: '+33549454990' }] });
    await press(el, 'Valider');
    await waitFor(() => byRole(el, 'alert'));
    expect(alertText(el)).to.contain('Vos numéros ont été modifiés ailleurs entre-temps');
    expect(alertText(el)).to.contain('Numéros enregistrés actuellement : 05 49 45 49 90 (Bureau).');
    expect(field(el, OFFICE).value).to.equal('05 49 45 49 98');
    expect(field(el, MOBILE).value).to.equal('06 12 34 56 78');
    expect(setup.backend.calls.load).to.equal(2);
    expect(portal.events.of('sel-error').at(-1)!.detail).to.include({ kind: 'conflict', status: 412 });
    expect(alertHasFocus(el)).to.equal(true);
    await expect(el).to.be.accessible();
    await press(el, 'Valider');
    await waitFor(() => expect(setup.backend.account.phones[0]!.number).to.equal('+33549454998'));
    expect(requestsOf(setup, 'PATCH').map((request) => request.headers.get('If-Match'))).to.deep.equal(['"1"', '"2"']);
  });

  it('422: the server’s phones[i].number error lands on the row sent i-th, empty rows aside', async () => {
    const { el, setup } = await loaded();
    await openForm(el);
    // Row 2 is left empty, so row 3 is the second number sent: phones[1].
    await press(el, 'Ajouter un numéro');
    await press(el, 'Ajouter un numéro');
    button(el, /^Supprimer le numéro 06 12 34 56 78/).click();
    await waitFor(() => expect(focused()).to.equal('input: Numéro 2 (Fax)'));
    await retype(el, field(el, 'Numéro 3 (Autre)'), '0800 12 34 56');
    setup.backend.setFault('save', {
      kind: 'validation',
      fieldErrors: [{ field: 'phones[1].number', code: 'invalid_number' }],
      once: true,
    });
    await press(el, 'Valider');
    await waitFor(() => expect(field(el, 'Numéro 3 (Autre)').getAttribute('aria-invalid')).to.equal('true'));
    const refused = field(el, 'Numéro 3 (Autre)');
    expect(describedText(refused)).to.contain('Le serveur a refusé ce numéro');
    expect(describedText(refused)).to.contain('Exemple de numéro valide : 01 23 45 67 89.');
    expect(field(el, OFFICE).getAttribute('aria-invalid')).to.equal('false');
    expect(el.shadowRoot!.activeElement).to.equal(refused);
    expect(refused.value).to.equal('0 800 12 34 56');
    await expect(el).to.be.accessible();
    // Changing the number clears the server's verdict; the retry goes through.
    await retype(el, refused, '0800 12 34 57');
    expect(refused.getAttribute('aria-invalid')).to.equal('false');
    await press(el, 'Valider');
    await waitFor(() => expect(setup.backend.account.phones).to.have.length(2));
  });

  it('422 too_many from the server is said above the buttons', async () => {
    const { el } = await failSave({ kind: 'validation', fieldErrors: [{ field: 'phones', code: 'too_many' }] });
    expect(visibleText(el)).to.contain('Vous pouvez enregistrer 10 numéros au plus');
    expect(el.shadowRoot!.activeElement?.id).to.equal('list-error');
    expectListKept(el);
  });

  it('429: disables « Valider » for Retry-After seconds and says how long; then focus is on « Valider »', async () => {
    const { el, setup } = await failSave({ kind: 'rate_limited', retryAfterSeconds: 2, once: true });
    const save = button(el, 'Valider');
    expect(save.getAttribute('aria-disabled')).to.equal('true');
    expect(alertText(el)).to.match(/réessayer dans 2 s/);
    expect(alertHasFocus(el)).to.equal(true);
    expectListKept(el);
    await expect(el).to.be.accessible();
    await waitFor(() => expect(save.getAttribute('aria-disabled')).to.equal('false'), 4000);
    // The message went with the wait; the focus did not fall back to the page.
    expect(allByRole(el, 'alert')).to.deep.equal([]);
    expect(focused()).to.equal('button: Valider');
    await press(el, 'Valider');
    await waitFor(() => expect(setup.backend.account.phones).to.have.length(3));
  }).timeout(8000);

  it('429, « Annuler », « Modifier… » again: the form says why « Valider » is still disabled', async () => {
    const { el, setup } = await failSave({ kind: 'rate_limited', retryAfterSeconds: 3, once: true });
    await press(el, 'Annuler');
    await openForm(el);
    const save = button(el, 'Valider');
    expect(save.getAttribute('aria-disabled')).to.equal('true');
    expect(alertText(el)).to.match(/Trop de tentatives. Vous pourrez réessayer dans [1-3] s./);
    await expect(el).to.be.accessible();
    await retype(el, field(el, OFFICE), '05 49 45 49 98');
    await waitFor(() => expect(save.getAttribute('aria-disabled')).to.equal('false'), 5000);
    expect(allByRole(el, 'alert')).to.deep.equal([]);
    await press(el, 'Valider');
    await waitFor(() => expect(setup.backend.account.phones[0]!.number).to.equal('+33549454998'));
  }).timeout(10000);

  it('timeout: an adapter that gives up says the server did not answer in time', async () => {
    const setup = await mockBackend();
    const adapter = new RestAdapter({ baseUrl: setup.apiBase, timeoutMs: 300 });
    const el = await fixture<SelPhones>(html`<sel-phones .adapter=${adapter}></sel-phones>`);
    await waitFor(() => button(el, EDIT));
    setup.backend.setFault('save', 'timeout');
    await openForm(el);
    await retype(el, field(el, OFFICE), '05 49 45 49 98');
    await press(el, 'Valider');
    await waitFor(() => expect(alertText(el)).to.contain("n'a pas répondu à temps"));
    expect(field(el, OFFICE).value).to.equal('05 49 45 49 98');
  });

  it('« Annuler » while saving: the result is still said, in view mode', async () => {
    const { el, setup } = await loaded();
    setup.backend.latencyMs = 300;
    setup.backend.setFault('save', 'server');
    await openForm(el);
    await retype(el, field(el, OFFICE), '05 49 45 49 98');
    await press(el, 'Valider');
    await press(el, 'Annuler');
    await waitFor(() => expect(alertText(el)).to.contain('Le service a rencontré une erreur'));
    expect(allByRole(el, 'textbox')).to.deep.equal([]);
  });
});

describe('<sel-phones>: load failures', () => {
  const portal = sectionTestSetup();

  for (const [kind, words] of [
    ['invalid_response', 'réponse inattendue'],
    ['server', 'Le service a rencontré une erreur'],
    ['network', 'Le serveur est injoignable'],
  ] as const) {
    it(`${kind}: an error state with « Réessayer » that works`, async () => {
      const setup = await mockBackend();
      setup.backend.setFault('load', kind);
      const el = await fixture<SelPhones>(html`<sel-phones api-base=${setup.apiBase}></sel-phones>`);
      await waitFor(() => button(el, 'Réessayer'));
      expect(alertText(el)).to.contain(words);
      expect(portal.events.of('sel-error').at(-1)!.detail).to.include({ section: 'phones', operation: 'load', kind });
      await expect(el).to.be.accessible();
      setup.backend.clearFault();
      button(el, 'Réessayer').click();
      await waitFor(() => expect(byRole(el, 'link', '05 49 45 49 99')).to.exist);
    });
  }

  it('401 on load fires sel-unauthorized', async () => {
    const setup = await mockBackend();
    setup.backend.setFault('load', 'unauthorized');
    const el = await fixture<SelPhones>(html`<sel-phones api-base=${setup.apiBase}></sel-phones>`);
    await waitFor(() => button(el, 'Réessayer'));
    expect(portal.events.of('sel-unauthorized')).to.have.length(1);
  });
});
