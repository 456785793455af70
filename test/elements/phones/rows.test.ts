import { expect } from '@open-wc/testing';
import type { PhoneType } from '../../../src/contract/schemas.js';
import {
  checkRows,
  placeServerErrors,
  rowsFromPhones,
  samePhones,
  type PhoneRow,
} from '../../../src/elements/phones/rows.js';
import * as rules from '../../../src/validation/phone.js';

let key = 0;
function row(type: PhoneType, draft: string, extra: Partial<PhoneRow> = {}): PhoneRow {
  return { key: ++key, type, draft, showFeedback: false, ...extra };
}

describe('phones-rows', () => {
  it('opens stored numbers written as the region reads them, flagged for feedback at once', () => {
    let next = 100;
    const rows = rowsFromPhones(
      [
        { type: 'office', number: '+33549454999' },
        { type: 'other', number: '+262262123456' },
      ],
      'FR',
      rules,
      () => ++next,
    );
    expect(rows).to.deep.equal([
      { key: 101, type: 'office', draft: '05 49 45 49 99', showFeedback: true },
      { key: 102, type: 'other', draft: '+262 262 12 34 56', showFeedback: true },
    ]);
    expect(rowsFromPhones([{ type: 'office', number: '+33549454999' }], 'RE', rules, () => 1)[0]!.draft).to.equal(
      '+33 5 49 45 49 99',
    );
  });

  it('reads each row, treats an empty one as dropped, and names the problem of a wrong one', () => {
    const { rows } = checkRows(
      [row('office', '05.49.45.49.99'), row('mobile', '  '), row('fax', '05 49'), row('other', 'poste 12')],
      'FR',
      rules,
    );
    expect(rows).to.deep.equal([
      { empty: false },
      { empty: true },
      { empty: false, error: { code: 'too_short' } },
      { empty: false, error: { code: 'not_a_number' } },
    ]);
  });

  it('refuses the same number twice, however it is written, and points to the first one', () => {
    const { rows } = checkRows(
      [row('office', '05 49 45 49 99'), row('mobile', '06 12 34 56 78'), row('other', '+33 5 49 45 49 99')],
      'FR',
      rules,
    );
    expect(rows[0]!.error).to.equal(undefined);
    expect(rows[2]!.error).to.deep.equal({ code: 'duplicate', row: 1 });
  });

  it('points a duplicate to the row that has the number first, empty and wrong rows counted in its position', () => {
    const { rows } = checkRows(
      [row('office', ''), row('fax', '05 49'), row('mobile', '06 12 34 56 78'), row('other', '0612345678')],
      'FR',
      rules,
    );
    expect(rows[3]!.error).to.deep.equal({ code: 'duplicate', row: 3 });
  });

  it('only warns about a mobile filed as a fax, or a landline filed as a mobile', () => {
    const { rows } = checkRows([row('fax', '06 12 34 56 78'), row('mobile', '05 49 45 49 99')], 'FR', rules);
    expect(rows[0]).to.deep.equal({ empty: false, warning: 'mobile_as_fax' });
    expect(rows[1]).to.deep.equal({ empty: false, warning: 'fixed_as_mobile' });
  });

  it('keeps the server’s error on a row that the client finds valid', () => {
    const [check] = checkRows([row('office', '05 49 45 49 99', { serverError: 'invalid_number' })], 'FR', rules).rows;
    expect(check!.error).to.deep.equal({ code: 'server' });
  });

  it('counts how many numbers are over the limit, empty rows aside', () => {
    const numbers = Array.from({ length: rules.MAX_PHONES + 2 }, (_, i) => row('other', `05 49 45 49 ${10 + i}`));
    expect(checkRows(numbers, 'FR', rules).excess).to.equal(2);
    expect(checkRows([...numbers.slice(0, rules.MAX_PHONES), row('other', '')], 'FR', rules).excess).to.equal(0);
  });

  it('sends the non-empty rows in order, in E.164, and remembers which row each came from', () => {
    const rows = [row('office', '05 49 45 49 99'), row('fax', ''), row('mobile', '+33 6 12 34 56 78')];
    const { phones, sentKeys } = checkRows(rows, 'FR', rules);
    expect(phones).to.deep.equal([
      { type: 'office', number: '+33549454999' },
      { type: 'mobile', number: '+33612345678' },
    ]);
    expect(sentKeys).to.deep.equal([rows[0]!.key, rows[2]!.key]);
    expect(samePhones(phones, [...phones])).to.equal(true);
    expect(samePhones(phones, [phones[1]!, phones[0]!])).to.equal(false);
    expect(samePhones(phones, [{ ...phones[0]!, type: 'other' }, phones[1]!])).to.equal(false);
  });

  it('places the server’s phones[i] errors on the row sent i-th; the rest is general', () => {
    const { byRow, general } = placeServerErrors(
      [
        { field: 'phones[1].number', code: 'invalid_number' },
        { field: 'phones[0]', code: 'duplicate' },
        { field: 'phones', code: 'too_many' },
        { field: 'phones[7].number', code: 'invalid_number' },
      ],
      [11, 13],
    );
    expect([...byRow]).to.deep.equal([
      [13, 'invalid_number'],
      [11, 'duplicate'],
    ]);
    expect(general.map((error) => error.field)).to.deep.equal(['phones', 'phones[7].number']);
  });
});
