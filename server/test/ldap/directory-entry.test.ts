/**
 * An entry as ldapts gives it: attributes found by their name in any spelling, one value or several,
 * absent ones empty, binary values as text, and ldapts' own `dn` key never taken for an attribute.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DirectoryEntry } from '../../src/store/ldap/directory-entry.js';

const entry = () =>
  new DirectoryEntry('uid=cmartin,ou=people,dc=univ-exemple,dc=fr', {
    dn: 'uid=cmartin,ou=people,dc=univ-exemple,dc=fr',
    entryCSN: '20260314093000.123456Z#000000#000#000000',
    mobile: ['+33 6 12 34 56 78', '+33 7 12 34 56 78'],
    displayName: Buffer.from('Claire Martin'),
    pwdReset: 'TRUE',
    pwdGraceUseTime: '3',
    title: [],
  });

describe('DirectoryEntry', () => {
  test('finds an attribute by the directory’s spelling of its name and by any other', () => {
    const person = entry();
    assert.equal(person.first('entryCSN'), '20260314093000.123456Z#000000#000#000000');
    assert.equal(person.first('entrycsn'), '20260314093000.123456Z#000000#000#000000');
    assert.equal(person.first('ENTRYCSN'), '20260314093000.123456Z#000000#000#000000');
    assert.deepEqual(person.all('Mobile'), ['+33 6 12 34 56 78', '+33 7 12 34 56 78']);
    assert.equal(person.first('mobile'), '+33 6 12 34 56 78');
  });

  test('gives binary values as text, absent and empty attributes as nothing', () => {
    const person = entry();
    assert.equal(person.first('displayname'), 'Claire Martin');
    assert.deepEqual(person.all('title'), []);
    assert.equal(person.first('title'), undefined);
    assert.equal(person.first('telephoneNumber'), undefined);
    assert.deepEqual(person.all('telephoneNumber'), []);
  });

  test('reads booleans and numbers', () => {
    const person = entry();
    assert.equal(person.boolean('PWDRESET'), true);
    assert.equal(person.number('pwdGraceUseTime'), 3);
    assert.equal(person.number('entryCSN'), undefined);
  });

  test('never takes ldapts’ own dn key for an attribute, in any spelling', () => {
    const person = entry();
    assert.equal(person.first('dn'), undefined);
    assert.equal(person.first('DN'), undefined);
    assert.equal(person.dn, 'uid=cmartin,ou=people,dc=univ-exemple,dc=fr');
  });
});
