/**
 * The recovery addresses on a real slapd: read from supannMailPerso (every value, as confirmed), replaced as
 * a whole by one modify made as the person under the version it was given, and the directory's ACLs as the
 * last word. What the directory holds is read back with a search of the administrator's own.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  NotEditableError,
  StaleVersionError,
  ValidationError,
  WrongCurrentPasswordError,
} from '../../src/domain/errors.js';
import { putAccessRuleFirst } from '../support/ldap-admin.js';
import { personDn, useDirectory } from '../support/ldap-fixture.js';
import { DEMO_PASSWORDS, PEOPLE_DN } from '../support/slapd.js';

const directory = useDirectory();

async function version(uid: string): Promise<string> {
  const [csn] = await directory.admin.read(personDn(uid), 'entryCSN');
  return csn!;
}

const held = (uid: string) => directory.admin.read(personDn(uid), 'supannMailPerso');

describe('LdapStore: recovery addresses read from supannMailPerso', () => {
  test('every value, in the directory’s order, counts as a confirmed address', async () => {
    await directory.admin.replace(personDn('abernard'), 'supannMailPerso', [
      'anne.bernard@exemple.org',
      'a.bernard@courriel.example',
    ]);
    try {
      const stored = await directory.store().get('abernard');
      assert.deepEqual(stored?.account.recoveryEmails, ['anne.bernard@exemple.org', 'a.bernard@courriel.example']);
    } finally {
      await directory.admin.replace(personDn('abernard'), 'supannMailPerso', []);
    }
  });

  test('a person without supannMailPerso has none', async () => {
    assert.deepEqual(await held('pdurand'), []);
    assert.deepEqual((await directory.store().get('pdurand'))?.account.recoveryEmails, []);
  });
});

describe('LdapStore.setRecoveryEmails', () => {
  test('one address, then two, then none (the attribute deleted), each read back from the directory', async () => {
    const store = directory.store();
    const one = await store.setRecoveryEmails('cmartin', ['claire.martin@exemple.org'], await version('cmartin'));
    assert.deepEqual(one.account.recoveryEmails, ['claire.martin@exemple.org']);
    assert.deepEqual(await held('cmartin'), ['claire.martin@exemple.org']);
    assert.equal(one.version, await version('cmartin'));

    const two = await store.setRecoveryEmails(
      'cmartin',
      ['claire.martin@exemple.org', 'c.martin@courriel.example'],
      one.version,
    );
    assert.deepEqual(two.account.recoveryEmails, ['claire.martin@exemple.org', 'c.martin@courriel.example']);
    assert.deepEqual(await held('cmartin'), ['claire.martin@exemple.org', 'c.martin@courriel.example']);
    assert.notEqual(two.version, one.version);

    const none = await store.setRecoveryEmails('cmartin', [], two.version);
    assert.deepEqual(none.account.recoveryEmails, []);
    assert.deepEqual(await held('cmartin'), []);
    assert.equal(none.version, await version('cmartin'));
    // The rest of the account is the one read after the modify, not a list alone.
    assert.equal(none.account.displayName, 'Claire Martin');
  });

  test('an empty list when there is none already succeeds, and still gives a new version', async () => {
    assert.deepEqual(await held('pdurand'), []);
    const before = await version('pdurand');
    const stored = await directory.store().setRecoveryEmails('pdurand', [], before);
    assert.deepEqual(stored.account.recoveryEmails, []);
    assert.equal(stored.version, await version('pdurand'));
  });

  test('two addresses that differ only in case are one value to the directory: the first is kept', async () => {
    const stored = await directory
      .store()
      .setRecoveryEmails(
        'pdurand',
        ['Pierre.Durand@exemple.org', 'pierre.durand@EXEMPLE.org'],
        await version('pdurand'),
      );
    assert.deepEqual(stored.account.recoveryEmails, ['Pierre.Durand@exemple.org']);
    assert.deepEqual(await held('pdurand'), ['Pierre.Durand@exemple.org']);
    await directory.store().setRecoveryEmails('pdurand', [], stored.version);
  });

  test('the modify is made as the person: the directory records them as its modifier', async () => {
    const stored = await directory
      .store()
      .setRecoveryEmails('cmartin', ['claire.martin@exemple.org'], await version('cmartin'));
    const [modifier] = await directory.admin.read(personDn('cmartin'), 'modifiersName');
    assert.equal(modifier?.toLowerCase(), personDn('cmartin').toLowerCase());
    await directory.store().setRecoveryEmails('cmartin', [], stored.version);
  });

  test('a stale version is StaleVersionError, and nothing is written', async () => {
    const store = directory.store();
    const old = await version('cmartin');
    const stored = await store.setRecoveryEmails('cmartin', ['claire.martin@exemple.org'], old);
    await assert.rejects(store.setRecoveryEmails('cmartin', [], old), StaleVersionError);
    await assert.rejects(store.setRecoveryEmails('cmartin', ['autre@exemple.org'], 'W/"abc"'), StaleVersionError);
    assert.deepEqual(await held('cmartin'), ['claire.martin@exemple.org']);
    assert.equal(await version('cmartin'), stored.version);
    await store.setRecoveryEmails('cmartin', [], stored.version);
  });

  test('two writes with the same version: exactly one wins, the other is StaleVersionError', async () => {
    const store = directory.store();
    const same = await version('cmartin');
    const outcomes = await Promise.allSettled([
      store.setRecoveryEmails('cmartin', ['a@exemple.org'], same),
      store.update('cmartin', { redList: true }, same),
    ]);
    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const lost = outcomes.filter((outcome) => outcome.status === 'rejected');
    assert.equal(won.length, 1);
    assert.ok(lost[0]?.reason instanceof StaleVersionError, String(lost[0]?.reason));
    const current = await store.get('cmartin');
    await store.setRecoveryEmails('cmartin', [], current!.version);
    await store.update('cmartin', { redList: false }, await version('cmartin'));
  });

  test('an unknown person gets StaleVersionError, not a write elsewhere', async () => {
    await assert.rejects(
      directory.store().setRecoveryEmails('nobody', ['a@exemple.org'], await version('cmartin')),
      StaleVersionError,
    );
  });

  test('an address the directory cannot hold (not ASCII) is a validation error, not a stale version', async () => {
    const before = await version('cmartin');
    await assert.rejects(
      directory.store().setRecoveryEmails('cmartin', ['josé@exemple.org'], before),
      (error: unknown) =>
        error instanceof ValidationError && error.fieldErrors.some((field) => field.field === 'email'),
    );
    assert.equal(await version('cmartin'), before);
  });

  test('an ACL that takes the self write away: NotEditableError, and nothing is written', async () => {
    const remove = await putAccessRuleFirst(
      directory.admin,
      `to dn.onelevel="${PEOPLE_DN}" attrs=supannMailPerso by users read by * none`,
    );
    try {
      const before = await version('cmartin');
      await assert.rejects(
        directory.store().setRecoveryEmails('cmartin', ['claire.martin@exemple.org'], before),
        NotEditableError,
      );
      assert.deepEqual(await held('cmartin'), []);
      assert.equal(await version('cmartin'), before);
    } finally {
      await remove();
    }
  });
});

describe('LdapStore.verifyPassword', () => {
  test('the right password passes, a wrong one or an unknown person is WrongCurrentPasswordError', async () => {
    const store = directory.store();
    await store.verifyPassword('pdurand', DEMO_PASSWORDS.pdurand);
    await assert.rejects(store.verifyPassword('pdurand', 'not-the-password'), WrongCurrentPasswordError);
    await assert.rejects(store.verifyPassword('pdurand', ''), WrongCurrentPasswordError);
    await assert.rejects(store.verifyPassword('nobody', DEMO_PASSWORDS.pdurand), WrongCurrentPasswordError);
  });
});
