/**
 * Password changes against a real slapd with the shipped ppolicy: the current password checked by a bind
 * (counted towards lockout), the new one set by the Password Modify operation, and each answer of ppolicy
 * turned into the contract's code. The outcome is checked with binds of our own: the new password works,
 * the old one no longer does.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  AccountLockedError,
  ChangeNotAllowedError,
  PolicyViolationError,
  WrongCurrentPasswordError,
} from '../../src/domain/errors.js';
import { canBind, personDn, useDirectory } from '../support/ldap-fixture.js';
import { DEMO_PASSWORDS, POLICY_DN } from '../support/slapd.js';

const directory = useDirectory();

/** Sets a person's password as an administrator would (pwdFailureTime is ppolicy's own to clear). */
async function resetPassword(uid: string, password: string): Promise<void> {
  await directory.admin.replace(personDn(uid), 'userPassword', [password]);
  await directory.admin.replace(personDn(uid), 'pwdAccountLockedTime', []);
  await directory.admin.replace(personDn(uid), 'pwdReset', []);
}

async function violationsOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof PolicyViolationError, String(error));
    return error.violations;
  }
  assert.fail('the change was accepted');
}

describe('LdapStore.changePassword', () => {
  test('success: the new password binds, the old one no longer does', async () => {
    const url = directory.slapd.url;
    await directory.store().changePassword('cmartin', {
      currentPassword: DEMO_PASSWORDS.cmartin,
      newPassword: 'Futuroscope-86360',
    });
    assert.equal(await canBind(url, personDn('cmartin'), 'Futuroscope-86360'), true);
    assert.equal(await canBind(url, personDn('cmartin'), DEMO_PASSWORDS.cmartin), false);
    // slapd hashed it (olcPPolicyHashCleartext): the directory never holds the text.
    const [stored] = await directory.admin.read(personDn('cmartin'), 'userPassword');
    assert.match(stored!, /^\{ARGON2\}/);
  });

  test('a wrong current password is WrongCurrentPasswordError, and ppolicy counts it', async () => {
    await resetPassword('pdurand', DEMO_PASSWORDS.pdurand);
    const failuresBefore = (await directory.admin.read(personDn('pdurand'), 'pwdFailureTime')).length;
    await assert.rejects(
      directory.store().changePassword('pdurand', { currentPassword: 'pas-le-bon', newPassword: 'Chasseneuil-86360' }),
      WrongCurrentPasswordError,
    );
    assert.equal((await directory.admin.read(personDn('pdurand'), 'pwdFailureTime')).length, failuresBefore + 1);
    assert.equal(await canBind(directory.slapd.url, personDn('pdurand'), DEMO_PASSWORDS.pdurand), true);
  });

  test('an empty current password is wrong, never an anonymous bind that "succeeds"', async () => {
    await assert.rejects(
      directory.store().changePassword('pdurand', { currentPassword: '', newPassword: 'Chasseneuil-86360' }),
      WrongCurrentPasswordError,
    );
  });

  test('too short (pwdMinLength) and too long (pwdMaxLength) are too_short and too_long', async () => {
    await resetPassword('pdurand', DEMO_PASSWORDS.pdurand);
    const store = directory.store();
    const current = DEMO_PASSWORDS.pdurand;
    assert.deepEqual(
      await violationsOf(store.changePassword('pdurand', { currentPassword: current, newPassword: 'Court-86!' })),
      ['too_short'],
    );
    const long = 'Un-mot-de-passe-bien-trop-long-pour-la-politique-du-serveur-86000';
    assert.equal(long.length, 65);
    assert.deepEqual(
      await violationsOf(store.changePassword('pdurand', { currentPassword: current, newPassword: long })),
      ['too_long'],
    );
    assert.equal(await canBind(directory.slapd.url, personDn('pdurand'), current), true);
  });

  test('the current password, or one of the last pwdInHistory, is in_history', async () => {
    await resetPassword('pdurand', DEMO_PASSWORDS.pdurand);
    const store = directory.store();
    assert.deepEqual(
      await violationsOf(
        store.changePassword('pdurand', {
          currentPassword: DEMO_PASSWORDS.pdurand,
          newPassword: DEMO_PASSWORDS.pdurand,
        }),
      ),
      ['in_history'],
    );
    await store.changePassword('pdurand', {
      currentPassword: DEMO_PASSWORDS.pdurand,
      newPassword: 'Vienne-Clain-86000',
    });
    await store.changePassword('pdurand', { currentPassword: 'Vienne-Clain-86000', newPassword: 'Vienne-Clain-86001' });
    assert.deepEqual(
      await violationsOf(
        store.changePassword('pdurand', { currentPassword: 'Vienne-Clain-86001', newPassword: 'Vienne-Clain-86000' }),
      ),
      ['in_history'],
    );
  });

  test('before pwdMinAge has passed, another change is too_young', async () => {
    await resetPassword('pdurand', DEMO_PASSWORDS.pdurand);
    const store = directory.store();
    // The administrator's reset counts as a change too: the policy tightens after the person's first change.
    await store.changePassword('pdurand', {
      currentPassword: DEMO_PASSWORDS.pdurand,
      newPassword: 'Marais-Poitevin-79',
    });
    await directory.admin.replace(POLICY_DN, 'pwdMinAge', ['3600']);
    try {
      assert.deepEqual(
        await violationsOf(
          store.changePassword('pdurand', { currentPassword: 'Marais-Poitevin-79', newPassword: 'Marais-Poitevin-80' }),
        ),
        ['too_young'],
      );
      assert.equal(await canBind(directory.slapd.url, personDn('pdurand'), 'Marais-Poitevin-79'), true);
    } finally {
      await directory.admin.replace(POLICY_DN, 'pwdMinAge', ['0']);
    }
  });

  test('after an administrator’s reset (pwdReset) the change goes through and clears it', async () => {
    await resetPassword('pdurand', 'Mot-de-passe-provisoire-1');
    await directory.admin.replace(personDn('pdurand'), 'pwdReset', ['TRUE']);
    const store = directory.store();
    const before = (await store.get('pdurand'))?.account as unknown as { passwordMustChange: boolean };
    assert.equal(before.passwordMustChange, true);
    await store.changePassword('pdurand', {
      currentPassword: 'Mot-de-passe-provisoire-1',
      newPassword: 'Parthenay-79200-ok',
    });
    const after = (await store.get('pdurand'))?.account as unknown as { passwordMustChange: boolean };
    assert.equal(after.passwordMustChange, false);
    assert.equal(await canBind(directory.slapd.url, personDn('pdurand'), 'Parthenay-79200-ok'), true);
  });

  test('the password section switched off in the options is ChangeNotAllowedError, nothing bound', async () => {
    await resetPassword('pdurand', DEMO_PASSWORDS.pdurand);
    const failuresBefore = await directory.admin.read(personDn('pdurand'), 'pwdFailureTime');
    await assert.rejects(
      directory.store({ editable: { password: false } }).changePassword('pdurand', {
        currentPassword: 'faux',
        newPassword: 'Niort-79000-Niort',
      }),
      ChangeNotAllowedError,
    );
    assert.deepEqual(await directory.admin.read(personDn('pdurand'), 'pwdFailureTime'), failuresBefore);
  });

  test('pwdMaxFailure wrong attempts lock the account: AccountLockedError with when to retry', async () => {
    const store = directory.store();
    const attempt = (password: string) =>
      store.changePassword('abernard', { currentPassword: password, newPassword: 'Angouleme-BD-16000' });
    for (let failure = 0; failure < 5; failure += 1)
      await assert.rejects(attempt('mauvais'), WrongCurrentPasswordError);
    // Even the right password is refused now, and the person is told for how long (pwdLockoutDuration 900 s).
    const locked = await attempt(DEMO_PASSWORDS.abernard).then(
      () => assert.fail('a locked account changed its password'),
      (error: unknown) => error,
    );
    assert.ok(locked instanceof AccountLockedError, String(locked));
    assert.ok(locked.retryAfterSeconds! > 880 && locked.retryAfterSeconds! <= 900, String(locked.retryAfterSeconds));
    assert.equal(await canBind(directory.slapd.url, personDn('abernard'), 'Angouleme-BD-16000'), false);
  });

  test('no error of the store carries a password', async () => {
    const secret = 'Secret-Tres-Secret-86';
    const errors = await Promise.allSettled([
      directory.store().changePassword('cmartin', { currentPassword: secret, newPassword: secret }),
      directory
        .store()
        .changePassword('pdurand', { currentPassword: DEMO_PASSWORDS.pdurand, newPassword: secret.slice(0, 5) }),
    ]);
    for (const outcome of errors) {
      assert.equal(outcome.status, 'rejected');
      const text = JSON.stringify(outcome.reason, Object.getOwnPropertyNames(outcome.reason)) + String(outcome.reason);
      assert.ok(!text.includes(secret) && !text.includes(secret.slice(0, 5)), text);
    }
  });
});
