/** <sel-phones> in English: the view, the form, the checks and the failures, every word of them. */
import { expect } from '@open-wc/testing';
import { visibleText, waitFor } from '../../helpers/queries.js';
import {
  alertText,
  allByRole,
  button,
  byRole,
  describedText,
  focused,
  press,
  retype,
  sectionTestSetup,
  statusText,
} from '../../helpers/section.js';
import { EDIT_EN, chooseType, field, leave, loaded, openForm, typeSelect } from './harness.js';

describe('<sel-phones> in English', () => {
  sectionTestSetup();

  it('speaks English with lang="en": view, form, names and messages', async () => {
    const { el, setup } = await loaded({ lang: 'en' });
    expect(byRole(el, 'heading').textContent!.trim()).to.equal('Phone numbers');
    expect(byRole(el, 'link', '05 49 45 49 99').closest('li')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Office: 05 49 45 49 99',
    );
    await openForm(el, EDIT_EN);
    const office = field(el, 'Number 1 (Office)');
    expect(typeSelect(el, 'Type of number 1').value).to.equal('office');
    expect(button(el, 'Remove the number 05 49 45 49 99 (Office)')).to.exist;
    expect(button(el, 'Save')).to.exist;
    expect(button(el, 'Cancel')).to.exist;
    await retype(el, office, '05 49');
    await leave(el, office);
    expect(describedText(office)).to.contain('This number is too short');
    expect(describedText(office)).to.contain('Example of a valid number: 01 23 45 67 89.');
    await expect(el).to.be.accessible();
    button(el, 'Add a number').click();
    await el.updateComplete;
    expect(focused()).to.equal('input: Number 3 (Fax)');
    button(el, 'Remove line 3, empty (Fax)').click();
    await waitFor(() => expect(statusText(el)).to.contain('Empty line taken off the list.'));
    await retype(el, office, '05 49 45 49 98');
    await press(el, 'Save');
    await waitFor(() => expect(visibleText(el)).to.contain('Your phone numbers are saved.'));
    expect(setup.backend.account.phones[0]!.number).to.equal('+33549454998');
  });

  it('names the types and says the other checks in English', async () => {
    const { el, setup } = await loaded({ lang: 'en', phones: [] });
    await openForm(el, EDIT_EN);
    const rows = [
      ['Office', 'abc', 'This is not a phone number'],
      ['Mobile', '06 12 34 56 78 99', 'This number is too long'],
      ['Fax', '+999 12 34 56', 'This number does not exist.'],
      ['Other', '05 49 45 49 99', null],
    ] as const;
    for (const [index, [type, typed]] of rows.entries()) {
      await press(el, 'Add a number');
      await retype(el, field(el, `Number ${index + 1} (${type})`), typed);
    }
    await press(el, 'Save');
    for (const [index, [type, , words]] of rows.entries()) {
      const input = field(el, `Number ${index + 1} (${type})`);
      if (words) expect(describedText(input), type).to.contain(words);
    }
    expect(describedText(field(el, 'Number 2 (Mobile)'))).to.contain('Example of a valid number: 06 12 34 56 78.');
    await retype(el, field(el, 'Number 1 (Office)'), '05 49 45 49 99');
    await leave(el, field(el, 'Number 1 (Office)'));
    expect(describedText(field(el, 'Number 4 (Other)'))).to.contain(
      'This number is already in the list (number 1): remove one of the two lines.',
    );
    await chooseType(el, 'Type of number 1', 'mobile');
    expect(describedText(field(el, 'Number 1 (Mobile)'))).to.contain(
      'Note: this is not a mobile number, and its type is “Mobile”.',
    );
    expect(setup.backend.calls.save).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('says a 412 and a 403 in English, the list kept', async () => {
    const { el, setup } = await loaded({ lang: 'en' });
    await openForm(el, EDIT_EN);
    await retype(el, field(el, 'Number 1 (Office)'), '05 49 45 49 98');
    setup.backend.changeElsewhere({ phones: [] });
    await press(el, 'Save');
    await waitFor(() => byRole(el, 'alert'));
    expect(alertText(el)).to.contain(
      'Your numbers were changed elsewhere in the meantime and have just been reloaded. Numbers saved at present: none.',
    );
    expect(field(el, 'Number 1 (Office)').value).to.equal('05 49 45 49 98');
    setup.backend.setFault('save', 'forbidden');
    await press(el, 'Save');
    await waitFor(() => expect(allByRole(el, 'textbox')).to.deep.equal([]));
    const alert = alertText(el);
    expect(alert).to.contain('You are not allowed to change your phone numbers here.');
    expect(alert).to.contain('The numbers you typed: 05 49 45 49 98 (Office), 06 12 34 56 78 (Mobile).');
  });
});
