/** The LDAP store's options from the environment: defaults, every variable, `_FILE` secrets, all problems at once. */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readLdapConfig } from '../../src/store/ldap/index.js';

const REQUIRED = {
  SEL_LDAP_URL: 'ldaps://annuaire.univ-exemple.fr',
  SEL_LDAP_PEOPLE_DN: 'ou=people,dc=univ-exemple,dc=fr',
  SEL_LDAP_BIND_DN: 'cn=sel-widgets,ou=services,dc=univ-exemple,dc=fr',
  SEL_LDAP_BIND_PASSWORD: 'service-secret',
};

describe('readLdapConfig', () => {
  test('the four required variables are enough; the rest is left to the defaults', () => {
    assert.deepEqual(readLdapConfig(REQUIRED), {
      problems: [],
      options: {
        url: 'ldaps://annuaire.univ-exemple.fr',
        peopleDn: 'ou=people,dc=univ-exemple,dc=fr',
        bindDn: 'cn=sel-widgets,ou=services,dc=univ-exemple,dc=fr',
        bindPassword: 'service-secret',
      },
    });
  });

  test('every optional variable is read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sel-ldap-config-'));
    try {
      await writeFile(join(dir, 'ca.pem'), 'not checked here');
      const { options, problems } = readLdapConfig({
        ...REQUIRED,
        SEL_LDAP_URL: 'ldap://annuaire.univ-exemple.fr:389',
        SEL_LDAP_STARTTLS: 'true',
        SEL_LDAP_CA_FILE: join(dir, 'ca.pem'),
        SEL_LDAP_STRUCTURES_DN: 'ou=structures,dc=univ-exemple,dc=fr',
        SEL_LDAP_POLICY_DN: 'cn=default,ou=policies,dc=univ-exemple,dc=fr',
        SEL_LDAP_UID_ATTRIBUTE: 'supannAliasLogin',
        SEL_LDAP_END_DATE_ATTRIBUTE: 'schacExpiryDate',
        SEL_LDAP_CONTACT_NAME: 'Correspondant annuaire',
        SEL_LDAP_CONTACT_EMAIL: 'annuaire@univ-exemple.fr',
        SEL_LDAP_EDITABLE: 'phones, redList',
        SEL_LDAP_PHONE_FORMAT: 'e164',
        SEL_LDAP_PHONE_REGION: 're',
        SEL_LDAP_POOL_SIZE: '8',
        SEL_LDAP_TIMEOUT_MS: '3000',
        SEL_LDAP_RETRY_AFTER: '30',
      });
      assert.deepEqual(problems, []);
      assert.deepEqual(options, {
        url: 'ldap://annuaire.univ-exemple.fr:389',
        startTls: true,
        caFile: join(dir, 'ca.pem'),
        peopleDn: REQUIRED.SEL_LDAP_PEOPLE_DN,
        bindDn: REQUIRED.SEL_LDAP_BIND_DN,
        bindPassword: 'service-secret',
        structuresDn: 'ou=structures,dc=univ-exemple,dc=fr',
        policyDn: 'cn=default,ou=policies,dc=univ-exemple,dc=fr',
        uidAttribute: 'supannAliasLogin',
        endDateAttribute: 'schacExpiryDate',
        directoryContact: { name: 'Correspondant annuaire', email: 'annuaire@univ-exemple.fr' },
        editable: { website: false, phones: true, redList: true, password: false },
        phoneWriteFormat: 'e164',
        phoneRegion: 'RE',
        poolSize: 8,
        timeoutMs: 3000,
        retryAfterSeconds: 30,
      });
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  test('the bind password from a file, without its trailing newline', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sel-ldap-config-'));
    try {
      await writeFile(join(dir, 'secret'), 'from-a-file\n');
      const { options } = readLdapConfig({
        ...REQUIRED,
        SEL_LDAP_BIND_PASSWORD: undefined,
        SEL_LDAP_BIND_PASSWORD_FILE: join(dir, 'secret'),
      });
      assert.equal(options?.bindPassword, 'from-a-file');
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  test('every problem is named at once, and no secret is repeated in them', () => {
    const { options, problems } = readLdapConfig({
      SEL_LDAP_URL: 'http://annuaire',
      SEL_LDAP_BIND_PASSWORD: 'leaked?',
      SEL_LDAP_BIND_PASSWORD_FILE: '/nonexistent/secret',
      SEL_LDAP_STARTTLS: 'maybe',
      SEL_LDAP_EDITABLE: 'phones,photo',
      SEL_LDAP_PHONE_FORMAT: 'dots',
      SEL_LDAP_PHONE_REGION: 'XX',
      SEL_LDAP_POOL_SIZE: '0',
      SEL_LDAP_CA_FILE: '/nonexistent/ca.pem',
    });
    assert.equal(options, undefined);
    const text = problems.join('\n');
    for (const name of [
      'SEL_LDAP_URL must be',
      'SEL_LDAP_PEOPLE_DN is required',
      'SEL_LDAP_BIND_DN is required',
      'SEL_LDAP_BIND_PASSWORD or SEL_LDAP_BIND_PASSWORD_FILE, not both',
      'SEL_LDAP_STARTTLS must be true or false',
      'SEL_LDAP_EDITABLE: unknown section photo',
      'SEL_LDAP_PHONE_FORMAT must be one of',
      'SEL_LDAP_PHONE_REGION must be a region code',
      'SEL_LDAP_POOL_SIZE must be a whole number',
      'SEL_LDAP_CA_FILE: no such file',
    ]) {
      assert.ok(text.includes(name), `${name} in:\n${text}`);
    }
    assert.ok(!text.includes('leaked?'));
  });
});
