/** <sel-phones> in edit mode: one row per number, added, removed, retyped, cancelled. */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Phone } from '../../../src/contract/schemas.js';
import { visibleText, waitFor } from '../../helpers/queries.js';
import {
  allByRole,
  button,
  byRole,
  describedText,
  focused,
  press,
  requestsOf,
  retype,
  sectionTestSetup,
  statusText,
} from '../../helpers/section.js';
import { EDIT, MOBILE, OFFICE, chooseType, field, loaded, openForm, sentPhones, typeSelect } from './harness.js';

describe('<sel-phones> in edit mode', () => {
  const portal = sectionTestSetup();

  it('opens one row per number: a type select and a tel field named after its row and type, focus on the first', async () => {
    const { el } = await loaded();
    await openForm(el);
    const office = field(el, OFFICE);
    expect(office.value).to.equal('05 49 45 49 99');
    expect(office.type).to.equal('tel');
    expect(office.getAttribute('autocomplete')).to.equal('tel');
    expect(office.getAttribute('inputmode')).to.equal('tel');
    expect(field(el, MOBILE).value).to.equal('06 12 34 56 78');
    expect(typeSelect(el, 'Type du numéro 1').value).to.equal('office');
    expect(typeSelect(el, 'Type du numéro 2').value).to.equal('mobile');
    expect([...typeSelect(el, 'Type du numéro 1').options].map((option) => option.text.trim())).to.deep.equal([
      'Bureau',
      'Mobile',
      'Fax',
      'Autre',
    ]);
    expect(focused()).to.equal(`input: ${OFFICE}`);
    expect(visibleText(el)).to.contain('Une ligne laissée vide est ignorée.');
    expect(visibleText(el)).to.contain('par exemple 01 23 45 67 89');
    const confirm = button(el, 'Valider');
    expect(confirm.classList.contains('confirm')).to.equal(true);
    expect(confirm.getAttribute('part')).to.contain('confirm-button');
    expect(button(el, 'Annuler')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('« Ajouter un numéro » adds a row, focus in its field; the number is saved in E.164', async () => {
    const { el, setup } = await loaded();
    await openForm(el);
    await press(el, 'Ajouter un numéro');
    const added = field(el, 'Numéro 3 (Fax)');
    expect(focused()).to.equal('input: Numéro 3 (Fax)');
    await retype(el, added, '05 49 45 49 98');
    await press(el, 'Valider');
    await waitFor(() => expect(setup.backend.account.phones).to.have.length(3));
    expect(await sentPhones(setup)).to.deep.equal([
      { type: 'office', number: '+33549454999' },
      { type: 'mobile', number: '+33612345678' },
      { type: 'fax', number: '+33549454998' },
    ]);
    expect(requestsOf(setup, 'PATCH')[0]!.headers.get('If-Match')).to.equal('"1"');
    await waitFor(() => expect(statusText(el)).to.contain('Vos numéros de téléphone sont enregistrés.'));
    expect(portal.events.of('sel-saved').map((event) => event.detail)).to.deep.equal([{ section: 'phones' }]);
    expect(focused()).to.equal(`button: ${EDIT}`);
    expect(byRole(el, 'link', '05 49 45 49 98')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('« Supprimer » says which number it removes, announces it, and focus moves to the next row', async () => {
    const { el, setup } = await loaded();
    await openForm(el);
    button(el, 'Supprimer le numéro 05 49 45 49 99 (Bureau)').click();
    await waitFor(() =>
      expect(statusText(el)).to.contain(
        'Numéro 05 49 45 49 99 (Bureau) retiré de la liste. Validez pour enregistrer la modification.',
      ),
    );
    const remaining = field(el, 'Numéro 1 (Mobile)');
    expect(remaining.value).to.equal('06 12 34 56 78');
    expect(focused()).to.equal('input: Numéro 1 (Mobile)');
    await press(el, 'Valider');
    await waitFor(() =>
      expect(setup.backend.account.phones).to.deep.equal([{ type: 'mobile', number: '+33612345678' }]),
    );
  });

  it('removing the last row puts focus on « Ajouter un numéro »; removing every number saves an empty list', async () => {
    const { el, setup } = await loaded();
    await openForm(el);
    button(el, /^Supprimer le numéro 06 12 34 56 78/).click();
    await waitFor(() => expect(focused()).to.equal('button: Ajouter un numéro'));
    button(el, /^Supprimer le numéro 05 49 45 49 99/).click();
    await waitFor(() => expect(allByRole(el, 'textbox')).to.deep.equal([]));
    expect(focused()).to.equal('button: Ajouter un numéro');
    await press(el, 'Valider');
    await waitFor(() => expect(setup.backend.account.phones).to.deep.equal([]));
    expect(await sentPhones(setup)).to.deep.equal([]);
    await waitFor(() => expect(visibleText(el)).to.contain('Vos numéros de téléphone ont été supprimés.'));
    expect(visibleText(el)).to.contain("Aucun numéro de téléphone n'est enregistré.");
  });

  it('an empty row is named as such, removable, and dropped on save', async () => {
    const { el, setup } = await loaded();
    await openForm(el);
    await press(el, 'Ajouter un numéro');
    expect(button(el, 'Supprimer la ligne 3, vide (Fax)')).to.exist;
    await press(el, 'Ajouter un numéro');
    await retype(el, field(el, 'Numéro 4 (Autre)'), '0800 12 34 56');
    await press(el, 'Valider');
    await waitFor(() => expect(setup.backend.calls.save).to.equal(1));
    expect(await sentPhones(setup)).to.deep.equal([
      { type: 'office', number: '+33549454999' },
      { type: 'mobile', number: '+33612345678' },
      { type: 'other', number: '+33800123456' },
    ]);
  });

  it('changes the type of a number, and the field’s name follows', async () => {
    const { el, setup } = await loaded();
    await openForm(el);
    await chooseType(el, 'Type du numéro 1', 'other');
    expect(field(el, 'Numéro 1 (Autre)').value).to.equal('05 49 45 49 99');
    await press(el, 'Valider');
    await waitFor(() =>
      expect(setup.backend.account.phones[0]).to.deep.equal({ type: 'other', number: '+33549454999' }),
    );
  });

  it('at ten numbers « Ajouter un numéro » says why it adds nothing', async () => {
    const phones = Array.from({ length: 9 }, (_, i): Phone => ({ type: 'other', number: `+3354945491${i}` }));
    const { el } = await loaded({ phones });
    await openForm(el);
    const add = button(el, 'Ajouter un numéro');
    expect(add.getAttribute('aria-disabled')).to.equal('false');
    add.click();
    await el.updateComplete;
    expect(allByRole(el, 'textbox')).to.have.length(10);
    expect(add.getAttribute('aria-disabled')).to.equal('true');
    expect(describedText(add)).to.contain('Vous avez atteint le maximum de 10 numéros');
    add.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => expect(statusText(el)).to.contain('Vous avez atteint le maximum de 10 numéros'));
    expect(allByRole(el, 'textbox')).to.have.length(10);
    expect(focused()).to.equal('button: Ajouter un numéro');
    await expect(el).to.be.accessible();
  });

  it('more than ten stored numbers: saving is refused until enough are removed', async () => {
    const phones = Array.from({ length: 12 }, (_, i): Phone => ({ type: 'other', number: `+335494549${10 + i}` }));
    const { el, setup } = await loaded({ phones });
    await openForm(el);
    await press(el, 'Valider');
    const listError = el.shadowRoot!.querySelector('form #list-error')!;
    expect(listError.textContent).to.contain('Vous pouvez enregistrer 10 numéros au plus : supprimez-en 2.');
    expect(el.shadowRoot!.activeElement).to.equal(listError);
    button(el, /^Supprimer le numéro 05 49 45 49 10/).click();
    await el.updateComplete;
    button(el, /^Supprimer le numéro 05 49 45 49 11/).click();
    await waitFor(() => expect(el.shadowRoot!.querySelector('#list-error')).to.equal(null));
    await press(el, 'Valider');
    await waitFor(() => expect(setup.backend.account.phones).to.have.length(10));
  });

  it('« Annuler » and Escape leave without a request, edits forgotten, focus back on « Modifier… »', async () => {
    const { el, setup } = await loaded();
    await openForm(el);
    await retype(el, field(el, OFFICE), '05 49 45 49 98');
    await press(el, 'Annuler');
    expect(allByRole(el, 'textbox')).to.deep.equal([]);
    expect(focused()).to.equal(`button: ${EDIT}`);
    await openForm(el);
    expect(field(el, OFFICE).value).to.equal('05 49 45 49 99');
    await retype(el, field(el, OFFICE), '05 49 45 49 98');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(allByRole(el, 'textbox')).to.deep.equal([]);
    expect(focused()).to.equal(`button: ${EDIT}`);
    expect(requestsOf(setup, 'PATCH')).to.have.length(0);
    expect(visibleText(el)).to.contain('05 49 45 49 99');
  });
});
