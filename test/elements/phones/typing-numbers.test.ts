/**
 * <sel-phones> as the person types a number: grouped as they type without fighting them, judged once they
 * leave the field (or press « Valider »), with a valid example in every message, before any request.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { visibleText, waitFor } from '../../helpers/queries.js';
import { describedText, press, retype, sectionTestSetup } from '../../helpers/section.js';
import { MOBILE, OFFICE, chooseType, field, leave, loaded, openForm } from './harness.js';

describe('<sel-phones>: formatting as the person types', () => {
  sectionTestSetup();

  it('groups the digits as they come', async () => {
    const { el } = await loaded();
    await openForm(el);
    const input = field(el, OFFICE);
    await retype(el, input, '');
    const seen: string[] = [];
    for (const digit of '0549454998') {
      await sendKeys({ type: digit });
      seen.push(input.value);
    }
    expect(seen).to.deep.equal([
      '0',
      '05',
      '05 4',
      '05 49',
      '05 49 4',
      '05 49 45',
      '05 49 45 4',
      '05 49 45 49',
      '05 49 45 49 9',
      '05 49 45 49 98',
    ]);
    expect(input.selectionStart).to.equal(input.value.length);
  });

  it('keeps the caret after the digit just typed in the middle of a number', async () => {
    const { el } = await loaded();
    await openForm(el);
    const input = field(el, OFFICE);
    await retype(el, input, '054945');
    expect(input.value).to.equal('05 49 45');
    input.setSelectionRange(4, 4); // "05 4|9 45"
    await sendKeys({ type: '1' });
    expect(input.value).to.equal('05 41 94 5');
    expect(input.selectionStart).to.equal(5); // "05 41| 94 5"
    await sendKeys({ type: '2' });
    expect(input.value).to.equal('05 41 29 45');
    expect(input.selectionStart).to.equal(7); // "05 41 2|9 45"
  });

  it('backspace right after a space removes it, and the next one removes a digit; tidied on leaving', async () => {
    const { el } = await loaded();
    await openForm(el);
    const input = field(el, OFFICE);
    await retype(el, input, '054945');
    input.setSelectionRange(6, 6); // "05 49 |45"
    await sendKeys({ press: 'Backspace' });
    expect(input.value).to.equal('05 4945');
    expect(input.selectionStart).to.equal(5);
    await sendKeys({ press: 'Backspace' });
    expect(input.value).to.equal('05 445');
    expect(input.selectionStart).to.equal(4);
    await leave(el, input);
    expect(input.value).to.equal('05 44 5');
  });

  it('leaves what is not a number as typed, next to its message', async () => {
    const { el } = await loaded();
    await openForm(el);
    const input = field(el, OFFICE);
    await retype(el, input, '05 49 poste 12');
    await leave(el, input);
    expect(input.value).to.equal('05 49 poste 12');
  });
});

describe('<sel-phones>: checks before any request', () => {
  sectionTestSetup();

  const cases = [
    ['abc', "Ce n'est pas un numéro de téléphone"],
    ['05 49', 'Ce numéro est trop court'],
    ['05 49 45 49 99 99', 'Ce numéro est trop long'],
    ['+999 12 34 56', "Ce numéro n'existe pas"],
  ] as const;
  for (const [typed, words] of cases) {
    it(`« ${typed} »: ${words}, with a valid example, tied to the field, after the person leaves it`, async () => {
      const { el, setup } = await loaded();
      await openForm(el);
      const input = field(el, OFFICE);
      await retype(el, input, typed);
      expect(input.getAttribute('aria-invalid'), 'not judged while typing').to.equal('false');
      expect(visibleText(el)).to.not.contain(words);
      await leave(el, input);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(describedText(input)).to.contain(words);
      expect(describedText(input)).to.contain('Exemple de numéro valide : 01 23 45 67 89.');
      await expect(el).to.be.accessible();
      await press(el, 'Valider');
      expect(setup.backend.calls.save).to.equal(0);
      expect(el.shadowRoot!.activeElement).to.equal(input);
    });
  }

  it('a mobile row’s message shows a mobile example; the region’s own example in RE', async () => {
    const inFrance = await loaded();
    await openForm(inFrance.el);
    const mobile = field(inFrance.el, MOBILE);
    await retype(inFrance.el, mobile, '06 12');
    await leave(inFrance.el, mobile);
    expect(describedText(mobile)).to.contain('Exemple de numéro valide : 06 12 34 56 78.');
    const inReunion = await loaded({ region: 'RE' });
    await openForm(inReunion.el);
    const office = field(inReunion.el, OFFICE);
    await retype(inReunion.el, office, '0262 12');
    await leave(inReunion.el, office);
    expect(describedText(office)).to.contain('Exemple de numéro valide : 0262 16 12 34.');
  });

  it('on « Valider »: every problem shown at once, focus on the first invalid field, nothing sent', async () => {
    const { el, setup } = await loaded();
    await openForm(el);
    await press(el, 'Ajouter un numéro');
    await sendKeys({ type: '12' });
    // Typing in another row: the fax row is left (and judged), the mobile row being typed is not yet.
    await retype(el, field(el, MOBILE), '06 12');
    expect(field(el, 'Numéro 3 (Fax)').getAttribute('aria-invalid')).to.equal('true');
    expect(field(el, MOBILE).getAttribute('aria-invalid')).to.equal('false');
    await press(el, 'Valider');
    expect(field(el, MOBILE).getAttribute('aria-invalid')).to.equal('true');
    expect(field(el, 'Numéro 3 (Fax)').getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, MOBILE));
    expect(setup.backend.calls.save).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('a message, once shown, goes as soon as the number is right', async () => {
    const { el } = await loaded();
    await openForm(el);
    const input = field(el, OFFICE);
    await retype(el, input, '05 49 45');
    await leave(el, input);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
    await sendKeys({ type: '4' });
    expect(describedText(input), 'still wrong: the message follows').to.contain('trop court');
    await sendKeys({ type: '998' });
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(describedText(input)).to.not.contain('trop court');
    await sendKeys({ press: 'Backspace' });
    expect(input.getAttribute('aria-invalid'), 'right once: not judged again before leaving').to.equal('false');
  });

  it('refuses the same number twice, however it is written', async () => {
    const { el, setup } = await loaded();
    await openForm(el);
    await retype(el, field(el, MOBILE), '+33 5 49 45 49 99');
    await chooseType(el, 'Type du numéro 2', 'other');
    await press(el, 'Valider');
    const second = field(el, 'Numéro 2 (Autre)');
    expect(second.getAttribute('aria-invalid')).to.equal('true');
    expect(describedText(second)).to.contain('Ce numéro figure déjà dans la liste (numéro 1)');
    expect(field(el, OFFICE).getAttribute('aria-invalid')).to.equal('false');
    expect(el.shadowRoot!.activeElement).to.equal(second);
    expect(setup.backend.calls.save).to.equal(0);
  });

  it('a mobile filed as a fax is a warning, not an error: the save goes through', async () => {
    const { el, setup } = await loaded();
    await openForm(el);
    await chooseType(el, 'Type du numéro 2', 'fax');
    const fax = field(el, 'Numéro 2 (Fax)');
    expect(fax.getAttribute('aria-invalid')).to.equal('false');
    expect(describedText(fax)).to.contain("Attention : ce numéro est celui d'un mobile, et son type est « Fax ».");
    await expect(el).to.be.accessible();
    await press(el, 'Valider');
    await waitFor(() => expect(setup.backend.account.phones[1]).to.deep.equal({ type: 'fax', number: '+33612345678' }));
  });

  it('a landline filed as a mobile is a warning too', async () => {
    const { el } = await loaded();
    await openForm(el);
    await chooseType(el, 'Type du numéro 1', 'mobile');
    const input = field(el, 'Numéro 1 (Mobile)');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(describedText(input)).to.contain("Attention : ce n'est pas un numéro de mobile");
  });

  it('a stored number that is not valid is flagged when the form opens', async () => {
    const { el } = await loaded({ phones: [{ type: 'office', number: '05 49 poste 12' }] });
    expect(visibleText(el)).to.contain('05 49 poste 12');
    await openForm(el);
    expect(field(el, OFFICE).getAttribute('aria-invalid')).to.equal('true');
    expect(describedText(field(el, OFFICE))).to.contain("Ce n'est pas un numéro de téléphone");
  });
});
