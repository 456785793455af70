/** <sel-phones> saving: numbers read as people write them and sent in E.164, one request per « Valider ». */
import { expect } from '@open-wc/testing';
import { visibleText, waitFor } from '../../helpers/queries.js';
import { button, focused, press, retype, sectionTestSetup } from '../../helpers/section.js';
import { EDIT, OFFICE, chooseType, field, loaded, openForm, sentPhones } from './harness.js';

describe('<sel-phones> saving', () => {
  sectionTestSetup();

  it('reads numbers as people write them and sends E.164', async () => {
    const { el, setup } = await loaded({ phones: [] });
    await openForm(el);
    const inputs = [
      '+33 5 49 45 49 98',
      '0033 6 98 76 54 32',
      '05.49.45.49.97',
      '(05) 49-45-49-96',
      '+41 22 123 45 67',
    ];
    for (const [index, text] of inputs.entries()) {
      await press(el, 'Ajouter un numéro');
      await chooseType(el, `Type du numéro ${index + 1}`, 'other');
      await retype(el, field(el, `Numéro ${index + 1} (Autre)`), text);
    }
    await press(el, 'Valider');
    await waitFor(() => expect(setup.backend.calls.save).to.equal(1));
    expect((await sentPhones(setup)).map((phone) => phone.number)).to.deep.equal([
      '+33549454998',
      '+33698765432',
      '+33549454997',
      '+33549454996',
      '+41221234567',
    ]);
  });

  it('sends nothing when nothing changed, and says so', async () => {
    const { el, setup } = await loaded();
    await openForm(el);
    await retype(el, field(el, OFFICE), '+33 5 49 45 49 99');
    await press(el, 'Ajouter un numéro');
    await press(el, 'Valider');
    await waitFor(() =>
      expect(visibleText(el)).to.contain('Aucune modification : vos numéros de téléphone sont inchangés.'),
    );
    expect(setup.backend.calls.save).to.equal(0);
    expect(focused()).to.equal(`button: ${EDIT}`);
  });

  it('while saving: « Valider » disabled (one click, one request) and the fields read-only', async () => {
    const { el, setup } = await loaded();
    setup.backend.latencyMs = 400;
    await openForm(el);
    await retype(el, field(el, OFFICE), '05 49 45 49 98');
    const save = button(el, 'Valider');
    save.click();
    save.click();
    await el.updateComplete;
    expect(save.getAttribute('aria-disabled')).to.equal('true');
    expect(field(el, OFFICE).readOnly).to.equal(true);
    expect(visibleText(el)).to.contain('Enregistrement en cours');
    await expect(el).to.be.accessible();
    await waitFor(() => expect(setup.backend.account.phones[0]!.number).to.equal('+33549454998'));
    expect(setup.backend.calls.save).to.equal(1);
  }).timeout(5000);
});
