/**
 * The administrator's page about the directory (docs/admin/directory.md), followed to the letter: its shell
 * blocks are taken from the page and run by bash, stopping at the first command that fails, with only what
 * the page asks the administrator to choose (suffix, branches, folders) set to the test's values, and the
 * directory's `ldapi:///` pointed at the test's socket. So a recipe that does not work as written, or that
 * loses the directory's own configuration, fails here.
 *
 * - A new directory built by the documented recipe, then the LDAP store on it.
 * - Two "existing university directories", each with its own ACLs (a root `manage … break` line, a helpdesk
 *   that writes everything, authenticated users who read everything), a second database before theirs,
 *   people under their own branch and no service account: one without eduPerson, ppolicy and
 *   olcAuthzPolicy, one that has them all. After the documented commands, their own ACL lines and
 *   settings are all there, the helpdesk writes what it wrote, and the store works with the documented
 *   service account, and nothing more.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Attribute, Change, Client, InsufficientAccessError } from 'ldapts';
import { ProxiedAuthorizationControl } from '../../src/store/ldap/controls/proxied-authorization-control.js';
import { LdapStore, type LdapStoreOptions } from '../../src/store/ldap/index.js';
import { ldapAdmin, ldapsearchValues, type LdapAdmin } from '../support/ldap-admin.js';
import { canBind } from '../support/ldap-fixture.js';
import { DEMO_PASSWORDS, SERVICE_PASSWORD, slapadd, startSlapdBuiltBy, type Slapd } from '../support/slapd.js';

const runFile = promisify(execFile);

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PAGE = join(ROOT, 'docs/admin/directory.md');
const LDIF_DIR = join(ROOT, 'server/ldap');
/** The names the shipped LDIF files use, which the documented commands replace. */
const SHIPPED_SUFFIX = 'dc=univ-exemple,dc=fr';

/** The `sh` blocks of one section of the page (its `###` heading, up to the next heading), joined in order. */
async function documentedCommands(heading: string): Promise<string> {
  const lines = (await readFile(PAGE, 'utf8')).split('\n');
  const start = lines.indexOf(`### ${heading}`);
  assert.ok(start >= 0, `docs/admin/directory.md has no "### ${heading}" section`);
  const blocks: string[] = [];
  let block: string[] | undefined;
  for (const line of lines.slice(start + 1)) {
    if (block) {
      if (line.startsWith('```')) {
        blocks.push(block.join('\n'));
        block = undefined;
      } else block.push(line);
    } else if (/^#{1,3} /.test(line)) break;
    else if (line === '```sh') block = [];
  }
  assert.ok(blocks.length > 0, `the section "${heading}" has no sh block`);
  return blocks.join('\n');
}

const shellQuote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

/** The commands with the administrator's choices (`NAME=…` lines of the page) set to the test's. */
function withChoices(commands: string, choices: Record<string, string>): string {
  let result = commands;
  for (const [name, value] of Object.entries(choices)) {
    const line = new RegExp(`^${name}=.*$`, 'gm');
    assert.equal(commands.match(line)?.length, 1, `the documented commands set ${name} once`);
    result = result.replace(line, `${name}=${shellQuote(value)}`);
  }
  return result;
}

/**
 * Runs the commands from the repository's root, as an administrator in a checkout would, with bash stopping
 * at the first command that fails (`-e`, and `pipefail` for a failure inside a pipe). `ldapi:///` (the
 * system's socket) becomes the test directory's.
 */
async function runAsDocumented(commands: string, slapd?: Slapd): Promise<string> {
  // Only root gives files away (chown); the test's slapd runs as the user running the tests, who owns them.
  const prelude = process.getuid?.() === 0 ? '' : 'chown() { :; }\n';
  const script = prelude + (slapd ? commands.replaceAll('ldapi:///', `${slapd.ldapiUrl}/`) : commands);
  try {
    const { stdout } = await runFile('bash', ['-euo', 'pipefail', '-c', script], { cwd: ROOT });
    return stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`the documented commands failed:\n${script}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`, {
      cause: error,
    });
  }
}

/** The olcAccess lines of an LDIF file, one value each, without their `{n}` and with spaces as slapd keeps them. */
function accessLinesOf(ldif: string): string[] {
  return ldif
    .replace(/\n /g, '')
    .split('\n')
    .filter((line) => line.startsWith('olcAccess: '))
    .map((line) => withoutPosition(line.slice('olcAccess: '.length)));
}

const withoutPosition = (value: string) => value.replace(/^\{\d+\}/, '').replace(/\s+/g, ' ');

function ssha(password: string): string {
  const salt = randomBytes(8);
  const digest = createHash('sha1').update(password).update(salt).digest();
  return `{SSHA}${Buffer.concat([digest, salt]).toString('base64')}`;
}

const replace = (type: string, ...values: string[]) =>
  new Change({ operation: 'replace', modification: new Attribute({ type, values }) });

async function boundClient(slapd: Slapd, dn: string, password: string): Promise<Client> {
  const client = new Client({ url: slapd.url, timeout: 5_000 });
  await client.bind(dn, password);
  return client;
}

/** The schemas of cn=config, in their order. */
async function schemaNames(slapd: Slapd): Promise<string[]> {
  const { stdout } = await runFile('ldapsearch', [
    ...['-Q', '-LLL', '-Y', 'EXTERNAL', '-H', slapd.ldapiUrl, '-b', 'cn=schema,cn=config', '-s', 'one', 'cn'],
  ]);
  return [...stdout.matchAll(/^cn: (.*)$/gm)].map((match) => match[1]!);
}

describe('a new directory, built with the commands of docs/admin/directory.md', () => {
  const suffix = 'dc=univ-nouvelle,dc=fr';
  const people = `ou=people,${suffix}`;
  let folder = '';
  let slapd: Slapd;
  let admin: LdapAdmin;
  let store: LdapStore;

  before(async () => {
    slapd = await startSlapdBuiltBy(async (dir) => {
      folder = dir;
      await runAsDocumented(
        withChoices(await documentedCommands('A new directory'), {
          SUFFIX: suffix,
          DB_DIR: join(dir, 'db'),
          CONFIG_DIR: join(dir, 'slapd.d'),
        }),
      );
      // "Then load your entries": the test's are the demonstration's, under the new suffix.
      const data = (await readFile(join(LDIF_DIR, '30-data.ldif'), 'utf8'))
        .replaceAll(SHIPPED_SUFFIX, suffix)
        .replace(/^dc: univ-exemple$/m, 'dc: univ-nouvelle');
      await slapadd(dir, 1, data);
    });
    admin = await ldapAdmin(slapd);
    store = new LdapStore({
      url: slapd.url,
      bindDn: `cn=sel-widgets,ou=services,${suffix}`,
      bindPassword: SERVICE_PASSWORD,
      peopleDn: people,
      structuresDn: `ou=structures,${suffix}`,
      policyDn: `cn=default,ou=policies,${suffix}`,
    });
  });
  after(async () => {
    await store?.close();
    await admin?.close().catch(() => undefined);
    await slapd?.stop();
  });

  test('the database has the chosen suffix and folder, the schemas and the password policy overlay', async () => {
    const database = 'olcDatabase={1}mdb,cn=config';
    assert.deepEqual(await ldapsearchValues(slapd, database, 'olcSuffix'), [suffix]);
    assert.deepEqual(await ldapsearchValues(slapd, database, 'olcDbDirectory'), [join(folder, 'db')]);
    assert.deepEqual(await ldapsearchValues(slapd, `olcOverlay={0}ppolicy,${database}`, 'olcPPolicyDefault'), [
      `cn=default,ou=policies,${suffix}`,
    ]);
    assert.deepEqual(await ldapsearchValues(slapd, 'cn=config', 'olcAuthzPolicy'), ['to']);
    assert.deepEqual(await schemaNames(slapd), [
      '{0}core',
      '{1}cosine',
      '{2}inetorgperson',
      '{3}eduperson',
      '{4}supann',
    ]);
    // Nothing of the shipped names is left: the sed replaced them all.
    const access = await ldapsearchValues(slapd, database, 'olcAccess');
    assert.ok(access.length > 0);
    assert.ok(
      access.every((line) => !line.includes(SHIPPED_SUFFIX)),
      access.join('\n'),
    );
  });

  test('the LDAP store: its start checks pass, it reads a person, the person changes a phone and a recovery address', async () => {
    assert.deepEqual(await store.verify(), []);
    const read = await store.get('cmartin');
    assert.equal(read?.account.displayName, 'Claire Martin');
    assert.deepEqual(read?.account.affiliations, ['staff', 'employee', 'member']);
    assert.deepEqual(
      read?.account.structures.map((structure) => structure.label),
      ['I-médias — Service commun informatique et multimédia', 'Pôle réseaux et systèmes'],
    );
    const changed = await store.update(
      'cmartin',
      { phones: [{ type: 'mobile', number: '+33612345679' }] },
      read!.version,
    );
    assert.deepEqual(changed.account.phones, [{ type: 'mobile', number: '+33612345679' }]);
    assert.deepEqual(await admin.read(`uid=cmartin,${people}`, 'mobile'), ['+33 6 12 34 56 79']);
    const recovery = await store.setRecoveryEmails('cmartin', ['claire.martin@exemple.org'], changed.version);
    assert.deepEqual(recovery.account.recoveryEmails, ['claire.martin@exemple.org']);
    assert.deepEqual(await admin.read(`uid=cmartin,${people}`, 'supannMailPerso'), ['claire.martin@exemple.org']);
  });
});

/** What differs between the two existing directories of the tests. */
interface University {
  name: string;
  /** The directory has the eduPerson schema (the SupAnn one it always has). */
  eduPerson: boolean;
  /** Its own ppolicy overlay and policy entry, and its own olcAuthzPolicy. */
  ppolicy: boolean;
  authzPolicy?: string;
}

const SUFFIX = 'dc=univ-existante,dc=fr';
const PEOPLE = `ou=personnels,${SUFFIX}`;
const SERVICE = `cn=mon-compte,ou=applications,${SUFFIX}`;
const HELPDESK = `cn=helpdesk,ou=admins,${SUFFIX}`;
const HELPDESK_PASSWORD = 'assistance-2026';
const THEIR_POLICY = `cn=standard,ou=politiques,${SUFFIX}`;
const ROOT_IDENTITY = 'gidNumber=0+uidNumber=0,cn=peercred,cn=external,cn=auth';
const person = (uid: string) => `uid=${uid},${PEOPLE}`;

/** The university's cn=config: a second database before its own, its ACLs, and root as administrator of cn=config. */
async function universityConfig(dir: string, university: University): Promise<string> {
  const schemas = await Promise.all(
    [
      '/etc/ldap/schema/core.ldif',
      '/etc/ldap/schema/cosine.ldif',
      '/etc/ldap/schema/inetorgperson.ldif',
      ...(university.eduPerson ? [join(LDIF_DIR, '10-eduperson.ldif')] : []),
      join(LDIF_DIR, '11-supann.ldif'),
    ].map((file) => readFile(file, 'utf8')),
  );
  const ppolicyOverlay = `dn: olcOverlay={0}ppolicy,olcDatabase={2}mdb,cn=config
objectClass: olcOverlayConfig
objectClass: olcPPolicyConfig
olcOverlay: {0}ppolicy
olcPPolicyDefault: ${THEIR_POLICY}
olcPPolicyUseLockout: TRUE`;
  return [
    `dn: cn=config
objectClass: olcGlobal
cn: config
olcPidFile: /run/slapd/slapd.pid
olcArgsFile: /run/slapd/slapd.args${university.authzPolicy ? `\nolcAuthzPolicy: ${university.authzPolicy}` : ''}`,
    `dn: cn=module{0},cn=config
objectClass: olcModuleList
cn: module{0}
olcModulePath: /usr/lib/ldap
olcModuleLoad: {0}back_mdb${university.ppolicy ? '\nolcModuleLoad: {1}ppolicy' : ''}`,
    `dn: cn=schema,cn=config
objectClass: olcSchemaConfig
cn: schema`,
    ...schemas,
    `dn: olcDatabase={-1}frontend,cn=config
objectClass: olcDatabaseConfig
objectClass: olcFrontendConfig
olcDatabase: {-1}frontend`,
    `dn: olcDatabase={0}config,cn=config
objectClass: olcDatabaseConfig
olcDatabase: {0}config
olcAccess: {0}to * by dn.exact=${ROOT_IDENTITY} manage by * break`,
    // Another database first, as an accesslog would be: the page finds the database of the suffix.
    `dn: olcDatabase={1}mdb,cn=config
objectClass: olcDatabaseConfig
objectClass: olcMdbConfig
olcDatabase: {1}mdb
olcSuffix: cn=accesslog
olcDbDirectory: ${join(dir, 'accesslog')}
olcRootDN: cn=admin,cn=accesslog`,
    `dn: olcDatabase={2}mdb,cn=config
objectClass: olcDatabaseConfig
objectClass: olcMdbConfig
olcDatabase: {2}mdb
olcSuffix: ${SUFFIX}
olcDbDirectory: ${join(dir, 'db')}
olcRootDN: cn=admin,${SUFFIX}
olcRootPW: ${ssha(randomBytes(12).toString('hex'))}
olcDbIndex: objectClass eq
olcDbIndex: uid eq
olcAccess: {0}to * by dn.exact=${ROOT_IDENTITY} manage by * break
olcAccess: {1}to attrs=userPassword by self write by dn.exact="${HELPDESK}" write by anonymous auth by * none
olcAccess: {2}to dn.subtree="ou=admins,${SUFFIX}" by self read by * none
olcAccess: {3}to * by dn.exact="${HELPDESK}" write by users read by * none`,
    ...(university.ppolicy ? [ppolicyOverlay] : []),
  ].join('\n\n');
}

/** The university's entries: no service account, people with or without eduPerson. */
function universityData(university: University): string {
  const personEntry = (uid: string, given: string, sn: string, password: string) => `dn: ${person(uid)}
objectClass: inetOrgPerson
objectClass: supannPerson${university.eduPerson ? '\nobjectClass: eduPerson\neduPersonAffiliation: staff' : ''}
uid: ${uid}
cn: ${given} ${sn}
displayName: ${given} ${sn}
givenName: ${given}
sn: ${sn}
supannEntiteAffectation: SCOL
telephoneNumber: +33 5 49 45 30 00
userPassword: ${ssha(password)}`;
  const policy = `dn: ou=politiques,${SUFFIX}
objectClass: organizationalUnit
ou: politiques

dn: ${THEIR_POLICY}
objectClass: device
objectClass: pwdPolicy
cn: standard
pwdAttribute: userPassword
pwdMinLength: 10
pwdInHistory: 3
pwdLockout: TRUE
pwdMaxFailure: 10`;
  return [
    `dn: ${SUFFIX}
objectClass: dcObject
objectClass: organization
dc: univ-existante
o: Université Existante`,
    ...['personnels', 'structures', 'applications', 'admins'].map(
      (ou) => `dn: ou=${ou},${SUFFIX}\nobjectClass: organizationalUnit\nou: ${ou}`,
    ),
    `dn: supannCodeEntite=SCOL,ou=structures,${SUFFIX}
objectClass: organizationalUnit
objectClass: supannEntite
supannCodeEntite: SCOL
ou: Scolarité`,
    `dn: ${HELPDESK}
objectClass: organizationalRole
objectClass: simpleSecurityObject
cn: helpdesk
userPassword: ${ssha(HELPDESK_PASSWORD)}`,
    personEntry('cmartin', 'Claire', 'Martin', DEMO_PASSWORDS.cmartin),
    personEntry('pdurand', 'Pierre', 'Durand', DEMO_PASSWORDS.pdurand),
    personEntry('abernard', 'Anne', 'Bernard', DEMO_PASSWORDS.abernard),
    ...(university.ppolicy ? [policy] : []),
  ].join('\n\n');
}

const UNIVERSITIES: University[] = [
  { name: 'without eduPerson, ppolicy nor olcAuthzPolicy', eduPerson: false, ppolicy: false },
  { name: 'with eduPerson, ppolicy and olcAuthzPolicy: any', eduPerson: true, ppolicy: true, authzPolicy: 'any' },
];

for (const university of UNIVERSITIES) {
  describe(`an existing directory ${university.name}, given the commands of docs/admin/directory.md`, () => {
    const database = 'olcDatabase={2}mdb,cn=config';
    let slapd: Slapd;
    let admin: LdapAdmin;
    let work = '';
    let ownAccess: string[] = [];
    let ownOtherDatabase: string[] = [];
    let ownConfig: string[] = [];
    let documentedAccess: string[] = [];
    let store: LdapStore;
    const storeOptions = (): LdapStoreOptions => ({
      url: slapd.url,
      bindDn: SERVICE,
      bindPassword: '',
      peopleDn: PEOPLE,
      structuresDn: `ou=structures,${SUFFIX}`,
      policyDn: university.ppolicy ? THEIR_POLICY : `cn=default,ou=policies,${SUFFIX}`,
    });

    before(async () => {
      slapd = await startSlapdBuiltBy(async (dir) => {
        await Promise.all(['slapd.d', 'db', 'accesslog'].map((folder) => mkdir(join(dir, folder))));
        await slapadd(dir, 0, await universityConfig(dir, university));
        await slapadd(dir, 2, universityData(university));
      });
      admin = await ldapAdmin(slapd);
      ownAccess = await ldapsearchValues(slapd, database, 'olcAccess');
      ownOtherDatabase = await ldapsearchValues(slapd, 'olcDatabase={1}mdb,cn=config', 'olcSuffix');
      ownConfig = await ldapsearchValues(slapd, 'cn=config', 'olcAuthzPolicy');
      work = await mkdtemp(join(tmpdir(), 'sel-documented-'));
      await runAsDocumented(
        withChoices(await documentedCommands('An existing directory'), {
          SUFFIX,
          PEOPLE,
          SERVICE,
          EDITED: join(work, 'edited'),
          PASSWORD_FILE: join(work, 'secrets', 'ldap-bind-password'),
        }),
        slapd,
      );
      documentedAccess = accessLinesOf(await readFile(join(work, 'edited', '50-existing-directory.ldif'), 'utf8'));
      // The file SEL_LDAP_BIND_PASSWORD_FILE names, read as the server reads it.
      const password = (await readFile(join(work, 'secrets', 'ldap-bind-password'), 'utf8')).replace(/\r?\n$/, '');
      store = new LdapStore({ ...storeOptions(), bindPassword: password });
    });
    after(async () => {
      await store?.close();
      await admin?.close().catch(() => undefined);
      await slapd?.stop();
      if (work) await rm(work, { recursive: true, force: true });
    });

    test("the directory's own ACL lines are all there, in their order, after the documented ones", async () => {
      assert.equal(ownAccess.length, 4);
      const access = await ldapsearchValues(slapd, database, 'olcAccess');
      assert.equal(access.length, ownAccess.length + documentedAccess.length, access.join('\n'));
      assert.deepEqual(access.slice(0, documentedAccess.length).map(withoutPosition), documentedAccess);
      assert.deepEqual(access.slice(documentedAccess.length).map(withoutPosition), ownAccess.map(withoutPosition));
      assert.ok(documentedAccess.every((line) => line.includes(SUFFIX) && !line.includes(SHIPPED_SUFFIX)));
      assert.deepEqual(await ldapsearchValues(slapd, 'olcDatabase={1}mdb,cn=config', 'olcSuffix'), ownOtherDatabase);
    });

    test('what it had is kept; what it lacked is added', async () => {
      const overlays = await runFile('ldapsearch', [
        ...['-Q', '-LLL', '-Y', 'EXTERNAL', '-H', slapd.ldapiUrl, '-b', database],
        ...['(objectClass=olcPPolicyConfig)', 'olcPPolicyDefault'],
      ]);
      const defaults = overlays.stdout.split('\n').filter((line) => line.startsWith('olcPPolicyDefault: '));
      assert.deepEqual(defaults, [`olcPPolicyDefault: ${storeOptions().policyDn}`]);
      assert.deepEqual(
        await ldapsearchValues(slapd, 'cn=config', 'olcAuthzPolicy'),
        ownConfig.length > 0 ? ownConfig : ['to'],
      );
      assert.deepEqual(await admin.read(storeOptions().policyDn!, 'pwdAttribute'), ['userPassword']);
      // A directory that had ppolicy gets no second policy branch.
      if (university.ppolicy) await assert.rejects(admin.read(`ou=policies,${SUFFIX}`, 'ou'));
      assert.deepEqual(await admin.read(SERVICE, 'authzTo'), [`{0}dn.onelevel:${PEOPLE}`]);
      assert.match((await admin.read(SERVICE, 'userPassword'))[0] ?? '', /^\{SSHA\}/);
      const schemas = await schemaNames(slapd);
      assert.equal(schemas.filter((name) => /^\{\d+\}eduperson$/.test(name)).length, 1, schemas.join(' '));
    });

    test('the helpdesk still writes what it wrote: phones, names, passwords', async () => {
      const helpdesk = await boundClient(slapd, HELPDESK, HELPDESK_PASSWORD);
      try {
        await helpdesk.modify(person('abernard'), replace('mobile', '+33 6 10 20 30 40'));
        await helpdesk.modify(person('abernard'), replace('displayName', 'Anne Bernard-Roux'));
        await helpdesk.modify(person('abernard'), replace('userPassword', 'Reinitialise-2026!'));
      } finally {
        await helpdesk.unbind();
      }
      assert.deepEqual(await admin.read(person('abernard'), 'mobile'), ['+33 6 10 20 30 40']);
      assert.deepEqual(await admin.read(person('abernard'), 'displayName'), ['Anne Bernard-Roux']);
      assert.equal(await canBind(slapd.url, person('abernard'), 'Reinitialise-2026!'), true);
    });

    test('the LDAP store with the documented service account: start checks, reading, a phone, a recovery address, a password', async () => {
      assert.deepEqual(await store.verify(), []);
      const read = await store.get('cmartin');
      assert.equal(read?.account.displayName, 'Claire Martin');
      assert.deepEqual(read?.account.structures, [{ code: 'SCOL', label: 'Scolarité' }]);

      const changed = await store.update(
        'cmartin',
        {
          phones: [
            { type: 'office', number: '+33549453000' },
            { type: 'mobile', number: '+33612345678' },
          ],
        },
        read!.version,
      );
      assert.deepEqual(await admin.read(person('cmartin'), 'mobile'), ['+33 6 12 34 56 78']);
      assert.equal(changed.version, (await admin.read(person('cmartin'), 'entryCSN'))[0]);

      // The directory's own lines only let people read their entry: the documented line lets them write this.
      const recovery = await store.setRecoveryEmails(
        'cmartin',
        ['claire.martin@exemple.org', 'c.martin@courriel.example'],
        changed.version,
      );
      assert.deepEqual(recovery.account.recoveryEmails, ['claire.martin@exemple.org', 'c.martin@courriel.example']);
      assert.deepEqual(await admin.read(person('cmartin'), 'supannMailPerso'), [
        'claire.martin@exemple.org',
        'c.martin@courriel.example',
      ]);
      assert.equal(
        (await admin.read(person('cmartin'), 'modifiersName'))[0]?.toLowerCase(),
        person('cmartin').toLowerCase(),
      );

      await store.changePassword('cmartin', {
        currentPassword: DEMO_PASSWORDS.cmartin,
        newPassword: 'Chauvigny-86300!',
      });
      assert.equal(await canBind(slapd.url, person('cmartin'), 'Chauvigny-86300!'), true);
      assert.equal(await canBind(slapd.url, person('cmartin'), DEMO_PASSWORDS.cmartin), false);
    });

    test('the service account: another person’s entry refused, nothing written by itself, no hash read', async () => {
      const password = (await readFile(join(work, 'secrets', 'ldap-bind-password'), 'utf8')).replace(/\r?\n$/, '');
      const service = await boundClient(slapd, SERVICE, password);
      try {
        const before = await admin.read(person('pdurand'), 'mobile');
        await assert.rejects(
          service.modify(person('pdurand'), replace('mobile', '+33 6 66 66 66 66'), [
            new ProxiedAuthorizationControl(person('cmartin')),
          ]),
          InsufficientAccessError,
        );
        await assert.rejects(
          service.modify(person('pdurand'), replace('mobile', '+33 6 66 66 66 66')),
          InsufficientAccessError,
        );
        // The person's own rights under proxied authorization: not their name, which only the helpdesk writes.
        await assert.rejects(
          service.modify(person('pdurand'), replace('displayName', 'P. D.'), [
            new ProxiedAuthorizationControl(person('pdurand')),
          ]),
          InsufficientAccessError,
        );
        // Nor another person's recovery addresses: a reset link must go only where its owner said.
        await assert.rejects(
          service.modify(person('pdurand'), replace('supannMailPerso', 'intrus@exemple.org'), [
            new ProxiedAuthorizationControl(person('cmartin')),
          ]),
          InsufficientAccessError,
        );
        assert.deepEqual(await admin.read(person('pdurand'), 'supannMailPerso'), []);
        // Acting for the helpdesk is not in its authzTo.
        await assert.rejects(
          service.modify(person('pdurand'), replace('mobile', '+33 6 66 66 66 66'), [
            new ProxiedAuthorizationControl(HELPDESK),
          ]),
        );
        assert.deepEqual(await admin.read(person('pdurand'), 'mobile'), before);

        const { searchEntries } = await service.search(PEOPLE, {
          scope: 'one',
          filter: '(uid=*)',
          attributes: ['uid', 'userPassword', 'pwdHistory'],
        });
        assert.equal(searchEntries.length, 3);
        for (const entry of searchEntries) {
          assert.deepEqual(entry.userPassword ?? [], []);
          assert.deepEqual(entry.pwdHistory ?? [], []);
        }
        const helpdesk = await service.search(HELPDESK, { scope: 'base', attributes: ['userPassword'] });
        assert.deepEqual(helpdesk.searchEntries[0]?.userPassword ?? [], []);
      } finally {
        await service.unbind();
      }
    });
  });
}
