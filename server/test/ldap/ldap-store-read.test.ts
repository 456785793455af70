/**
 * Reading an account from a real slapd loaded with the shipped LDIF: every attribute of the default SupAnn
 * mapping, phone numbers in the forms directories hold, structure labels, and the password policy as the
 * directory's ppolicy entry merged with the server's rules. A read after a change shows it, wherever it was
 * made: through the server, or in the directory by an administrator or another application.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { personDn, useDirectory } from '../support/ldap-fixture.js';
import { DEMO_PASSWORDS, POLICY_DN, STRUCTURES_DN } from '../support/slapd.js';

const directory = useDirectory();

describe('LdapStore.get', () => {
  test('maps every attribute of the demo person with the default SupAnn mapping', async () => {
    const stored = await directory.store().get('cmartin');
    assert.ok(stored);
    assert.deepEqual(stored.account, {
      uid: 'cmartin',
      displayName: 'Claire Martin',
      givenName: 'Claire',
      surname: 'Martin',
      mail: 'claire.martin@univ-exemple.fr',
      affiliations: ['staff', 'employee', 'member'],
      primaryAffiliation: 'staff',
      structures: [
        { code: 'IMED', label: 'I-médias — Service commun informatique et multimédia' },
        { code: 'DSI-RES', label: 'Pôle réseaux et systèmes' },
      ],
      title: 'Ingénieure systèmes',
      // labeledURI "URL label": the page shows the URL
      website: 'https://perso.univ-exemple.fr/cmartin',
      // "+33 5 49 45 49 99" and "06.12.34.56.78" in the directory
      phones: [
        { type: 'office', number: '+33549454999' },
        { type: 'mobile', number: '+33612345678' },
      ],
      redList: false,
      // no supannMailPerso
      recoveryEmails: [],
      passwordChangedAt: null,
      accountExpiresAt: null,
      passwordExpiresAt: null,
      // pwdExpireWarning 1209600 s in the shipped policy
      passwordExpiryWarningDays: 14,
      passwordMustChange: false,
      directoryContact: null,
      editable: { website: true, phones: true, redList: true, password: true },
      passwordPolicy: { minLength: 12, maxLength: 64, historySize: 5 },
    });
  });

  test('the version is the entry’s entryCSN', async () => {
    const stored = await directory.store().get('cmartin');
    const [entryCsn] = await directory.admin.read(personDn('cmartin'), 'entryCSN');
    assert.equal(stored?.version, entryCsn);
  });

  test('reads phones in E.164, international with spaces and national forms, of every type', async () => {
    const stored = await directory.store().get('pdurand');
    // "+33549453000", "05 49 45 30 01", "+262 262 12 34 56" in the directory
    assert.deepEqual(stored?.account.phones, [
      { type: 'office', number: '+33549453000' },
      { type: 'fax', number: '+33549453001' },
      { type: 'other', number: '+262262123456' },
    ]);
    assert.equal(stored?.account.redList, true);
    assert.deepEqual(stored?.account.structures, [{ code: 'BU', label: 'Bibliothèque universitaire' }]);
  });

  test('a phone value that is not a number is kept as text rather than lost', async () => {
    await directory.admin.replace(personDn('abernard'), 'telephoneNumber', ['poste 4999']);
    const stored = await directory.store().get('abernard');
    assert.deepEqual(stored?.account.phones, [{ type: 'office', number: 'poste 4999' }]);
    await directory.admin.replace(personDn('abernard'), 'telephoneNumber', []);
  });

  test('absent attributes are null or empty, never invented', async () => {
    const account = (await directory.store().get('abernard'))?.account;
    assert.equal(account?.mail, null);
    assert.equal(account?.title, null);
    assert.equal(account?.website, null);
    assert.deepEqual(account?.phones, []);
    assert.equal(account?.redList, false);
  });

  test('without a structures branch, a structure is shown by its code', async () => {
    const stored = await directory.store({ structuresDn: undefined }).get('cmartin');
    assert.deepEqual(stored?.account.structures, [
      { code: 'IMED', label: 'IMED' },
      { code: 'DSI-RES', label: 'DSI-RES' },
    ]);
  });

  test('an unknown person, or a login that tries to widen the filter, is null', async () => {
    const store = directory.store();
    assert.equal(await store.get('nobody'), null);
    assert.equal(await store.get('*'), null);
    assert.equal(await store.get('cmartin)(uid=*'), null);
  });

  test('the policy is the directory’s entry merged with the server’s rules, the stricter bound winning', async () => {
    const store = directory.store({
      passwordRules: { minLength: 14, maxLength: 128, minUpper: 1, minDigit: 1, historySize: 3, minStrength: 3 },
    });
    const policy = (await store.get('cmartin'))?.account.passwordPolicy;
    // pwdMinLength 12 < 14, pwdMaxLength 64 < 128, pwdInHistory 5 > 3
    assert.deepEqual(policy, {
      minLength: 14,
      maxLength: 64,
      minUpper: 1,
      minDigit: 1,
      historySize: 5,
      minStrength: 3,
    });
  });

  test('the configured contact, end-date attribute and editable sections are served', async () => {
    await directory.admin.replace(personDn('abernard'), 'description', ['20270301120000Z']);
    const store = directory.store({
      endDateAttribute: 'description',
      directoryContact: { name: 'Correspondant annuaire', email: 'annuaire@univ-exemple.fr' },
      editable: { website: false, password: false },
    });
    const account = (await store.get('abernard'))?.account;
    assert.equal(account?.accountExpiresAt, '2027-03-01T12:00:00.000Z');
    assert.deepEqual(account?.directoryContact, { name: 'Correspondant annuaire', email: 'annuaire@univ-exemple.fr' });
    assert.deepEqual(account?.editable, { website: false, phones: true, redList: true, password: false });
  });

  test('after a change of password: when it was changed, when it expires (pwdMaxAge)', async () => {
    const store = directory.store();
    const before = Date.now();
    await store.changePassword('abernard', {
      currentPassword: DEMO_PASSWORDS.abernard,
      newPassword: 'Charente-Maritime-17',
    });
    const account = (await store.get('abernard'))?.account as unknown as Record<string, string>;
    const changedAt = Date.parse(account.passwordChangedAt!);
    assert.ok(changedAt >= before - 2_000 && changedAt <= Date.now() + 1_000, account.passwordChangedAt);
    // pwdMaxAge 31536000 s in the shipped policy
    assert.equal(Date.parse(account.passwordExpiresAt!) - changedAt, 31_536_000_000);
  });

  test('the warning window before expiry is the policy’s pwdExpireWarning, in days rounded up', async () => {
    const warningDays = async () =>
      ((await directory.store().get('cmartin'))?.account as unknown as Record<string, unknown>)[
        'passwordExpiryWarningDays'
      ];
    try {
      await directory.admin.replace(POLICY_DN, 'pwdExpireWarning', ['259201']);
      assert.equal(await warningDays(), 4, '3 days and 1 second');
      // No pwdExpireWarning: nothing said, the page warns at its own default.
      await directory.admin.replace(POLICY_DN, 'pwdExpireWarning', []);
      assert.equal(await warningDays(), undefined);
      // A password that never expires has nothing to warn about.
      await directory.admin.replace(POLICY_DN, 'pwdExpireWarning', ['1209600']);
      await directory.admin.replace(POLICY_DN, 'pwdMaxAge', ['0']);
      assert.equal(await warningDays(), undefined);
    } finally {
      await directory.admin.replace(POLICY_DN, 'pwdExpireWarning', ['1209600']);
      await directory.admin.replace(POLICY_DN, 'pwdMaxAge', ['31536000']);
    }
  });

  test('an administrator’s reset (pwdReset) shows as passwordMustChange', async () => {
    await directory.admin.replace(personDn('pdurand'), 'pwdReset', ['TRUE']);
    const account = (await directory.store().get('pdurand'))?.account as unknown as Record<string, unknown>;
    assert.equal(account.passwordMustChange, true);
    await directory.admin.replace(personDn('pdurand'), 'pwdReset', []);
  });
});

describe('LdapStore.get after a change', () => {
  test('a change made in the directory, not through the server, shows at the next read', async () => {
    const store = directory.store();
    const before = await store.get('pdurand');
    await directory.admin.replace(personDn('pdurand'), 'title', ['Directeur des études']);
    const after = await store.get('pdurand');
    const [entryCsn] = await directory.admin.read(personDn('pdurand'), 'entryCSN');
    assert.equal(after?.account.title, 'Directeur des études');
    assert.equal(after?.version, entryCsn);
    assert.notEqual(after?.version, before?.version);
  });

  test('an update gives the new account, and the next read the same one', async () => {
    const store = directory.store();
    const before = await store.get('cmartin');
    assert.ok(before);
    const saved = await store.update('cmartin', { redList: !before.account.redList }, before.version);
    const read = await store.get('cmartin');
    assert.equal(read?.account.redList, !before.account.redList);
    assert.equal(read?.version, saved.version);
    assert.deepEqual(read?.account, saved.account);
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
