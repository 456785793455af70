/**
 * The account built from an entry is given again while its version (entryCSN), its policy entry and its
 * structure labels are the ones it was built from, and never once any of them changed, wherever the change
 * was made: through the server, or in the directory by an administrator or another application.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { personDn, useDirectory } from '../support/ldap-fixture.js';
import { POLICY_DN, STRUCTURES_DN } from '../support/slapd.js';

const directory = useDirectory();

describe('LdapStore.get of an entry read before', () => {
  test('an unchanged entry gives the same account, built once and frozen', async () => {
    const store = directory.store();
    const first = await store.get('abernard');
    const second = await store.get('abernard');
    assert.ok(first && second);
    assert.equal(second.account, first.account);
    assert.equal(Object.isFrozen(second.account), true);
    assert.equal(Object.isFrozen(second.account.phones), true);
  });

  test('a change made in the directory, not through the server, shows at the next GET', async () => {
    const store = directory.store();
    const before = await store.get('pdurand');
    await directory.admin.replace(personDn('pdurand'), 'title', ['Directeur des études']);
    const after = await store.get('pdurand');
    const [entryCsn] = await directory.admin.read(personDn('pdurand'), 'entryCSN');
    assert.equal(after?.account.title, 'Directeur des études');
    assert.equal(after?.version, entryCsn);
    assert.notEqual(after?.version, before?.version);
  });

  test('a PATCH gives the new account, and the next GET the same one', async () => {
    const store = directory.store();
    const before = await store.get('cmartin');
    assert.ok(before);
    const saved = await store.update('cmartin', { redList: !before.account.redList }, before.version);
    const read = await store.get('cmartin');
    assert.equal(read?.account.redList, !before.account.redList);
    assert.equal(read?.version, saved.version);
    assert.equal(read?.account, saved.account);
  });

  test('a new policy entry or structure label shows once the caches read them again, the entry unchanged', async () => {
    const store = directory.store({ cacheTtlMs: 50 });
    const before = await store.get('abernard');
    assert.ok(before);
    const [minLength] = await directory.admin.read(POLICY_DN, 'pwdMinLength');
    const structure = `supannCodeEntite=IMED,${STRUCTURES_DN}`;
    const [label] = await directory.admin.read(structure, 'description');
    try {
      await directory.admin.replace(POLICY_DN, 'pwdMinLength', ['14']);
      await directory.admin.replace(structure, 'description', ['Service commun informatique (nouveau nom)']);
      await sleep(100);
      const after = await store.get('abernard');
      assert.equal(after?.version, before.version, 'the person’s entry did not change');
      assert.equal(after?.account.passwordPolicy.minLength, 14);
      const imed = after?.account.structures.find((item) => item.code === 'IMED');
      assert.equal(imed?.label, 'Service commun informatique (nouveau nom)');
    } finally {
      await directory.admin.replace(POLICY_DN, 'pwdMinLength', [minLength!]);
      await directory.admin.replace(structure, 'description', [label!]);
    }
  });
});
