/**
 * The directory's administrator in tests: root over the ldapi socket (SASL EXTERNAL), as an administrator
 * works on the server itself. Used to prepare a case (a policy value, an administrator's reset) and to
 * check what the directory holds after the store wrote, independently of the store.
 */
import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import { Attribute, Change, Client } from 'ldapts';
import type { Slapd } from './slapd.js';

const runFile = promisify(execFile);

export interface LdapAdmin {
  client: Client;
  /** The values of one attribute of an entry, as the directory holds them. */
  read(dn: string, attribute: string): Promise<string[]>;
  replace(dn: string, attribute: string, values: string[]): Promise<void>;
  close(): Promise<void>;
}

export async function ldapAdmin(slapd: Slapd): Promise<LdapAdmin> {
  const client = new Client({
    url: 'ldap://ldapi',
    timeout: 5_000,
    createConnection: (() => connect(slapd.socketPath)) as unknown as typeof connect,
  });
  // After a restart of slapd ldapts reconnects on its own, but anonymously: bind again first.
  const bound = async () => {
    if (!client.isBound) await client.bind('EXTERNAL');
  };
  await bound();
  return {
    client,
    async read(dn, attribute) {
      await bound();
      const { searchEntries } = await client.search(dn, { scope: 'base', attributes: [attribute] });
      const entry = searchEntries[0];
      if (!entry) return [];
      const key = Object.keys(entry).find((name) => name.toLowerCase() === attribute.toLowerCase());
      const value = key ? entry[key] : [];
      return (Array.isArray(value) ? value : [value]).map(String);
    },
    async replace(dn, attribute, values) {
      await bound();
      await client.modify(
        dn,
        new Change({ operation: 'replace', modification: new Attribute({ type: attribute, values }) }),
      );
    },
    close: () => client.unbind(),
  };
}

/** The directory's database in cn=config, where its ACLs (olcAccess) live. */
export const DATABASE_CONFIG_DN = 'olcDatabase={1}mdb,cn=config';

/**
 * Puts `rule` (an olcAccess value, without its `{n}` index) before every other ACL of the directory, as an
 * administrator tightening access would while the server runs; the function returned takes it away.
 */
export async function putAccessRuleFirst(admin: LdapAdmin, rule: string): Promise<() => Promise<void>> {
  const change = async (operation: 'add' | 'delete', value: string) => {
    if (!admin.client.isBound) await admin.client.bind('EXTERNAL');
    await admin.client.modify(
      DATABASE_CONFIG_DN,
      new Change({ operation, modification: new Attribute({ type: 'olcAccess', values: [value] }) }),
    );
  };
  await change('add', `{0}${rule}`);
  return () => change('delete', '{0}');
}

/**
 * The values of one attribute of one entry as OpenLDAP's own `ldapsearch` shows them to root over ldapi
 * (SASL EXTERNAL), in the directory's order: what an administrator checks by hand, e.g. the olcAccess lines
 * of a database. Base64 values (LDIF `::`) are decoded.
 */
export async function ldapsearchValues(slapd: Slapd, dn: string, attribute: string): Promise<string[]> {
  const { stdout } = await runFile('ldapsearch', [
    ...['-Q', '-LLL', '-o', 'ldif-wrap=no', '-Y', 'EXTERNAL', '-H', slapd.ldapiUrl],
    ...['-s', 'base', '-b', dn, attribute],
  ]);
  const wanted = attribute.toLowerCase();
  return stdout.split('\n').flatMap((line) => {
    const match = /^([^:]+)(::?) ?(.*)$/.exec(line);
    if (!match || match[1]!.toLowerCase() !== wanted) return [];
    return [match[2] === '::' ? Buffer.from(match[3]!, 'base64').toString('utf8') : match[3]!];
  });
}
