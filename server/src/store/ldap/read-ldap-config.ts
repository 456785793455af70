/**
 * The LDAP store's options from the environment (the SEL_LDAP_* names, plus the ones universities differ
 * on). Every problem is collected, so that the server stops at start with one message naming them all.
 * Secrets may come from a file: `SEL_LDAP_BIND_PASSWORD_FILE`.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { CountryCode } from 'libphonenumber-js/max';
import { isSupportedCountry } from 'libphonenumber-js/max';
import type { DirectoryContact } from 'sel-widgets/core';
import type { EditableSections, LdapStoreOptions } from './options.js';
import type { PhoneWriteFormat } from './phone-format.js';
import { readBoolean } from '../../config/read-boolean.js';

/** Every variable this reader knows, with what it means, for `--help` and docs/admin/configuration.md. */
export const LDAP_ENVIRONMENT: Readonly<Record<string, string>> = {
  SEL_LDAP_URL: 'the directory: ldaps://host:636, or ldap://host:389 with SEL_LDAP_STARTTLS=true (required)',
  SEL_LDAP_PEOPLE_DN: 'the people branch, e.g. ou=people,dc=univ-exemple,dc=fr (required)',
  SEL_LDAP_BIND_DN: 'the service account (required)',
  SEL_LDAP_BIND_PASSWORD: 'its password, or SEL_LDAP_BIND_PASSWORD_FILE: a file holding it (required)',
  SEL_LDAP_STRUCTURES_DN: 'where structure labels are read (supannCodeEntite → description or ou); none: codes',
  SEL_LDAP_POLICY_DN:
    "the ppolicy entry for people without pwdPolicySubentry (slapd's olcPPolicyDefault); none: a built-in " +
    'policy, which the start log describes',
  SEL_LDAP_STARTTLS: 'true: upgrade an ldap:// connection with StartTLS (default false)',
  SEL_LDAP_CA_FILE: "PEM file of the CA of the directory's certificate (default: Node's CAs)",
  SEL_LDAP_UID_ATTRIBUTE: 'the attribute holding the login (default uid)',
  SEL_LDAP_END_DATE_ATTRIBUTE: "the attribute holding the account's end date, GeneralizedTime (default none)",
  SEL_LDAP_CONTACT_NAME: 'the directory correspondent shown for what cannot be changed here: name',
  SEL_LDAP_CONTACT_EMAIL: '… e-mail',
  SEL_LDAP_CONTACT_URL: '… web page',
  SEL_LDAP_EDITABLE: 'the editable sections, comma-separated among website,phones,redList,password (default all)',
  SEL_LDAP_PHONE_FORMAT: 'how phones are written: international (+33 5 49 45 30 00, default), national, e164',
  SEL_LDAP_PHONE_REGION: 'region of numbers written without a country code (default FR)',
  SEL_LDAP_POOL_SIZE: 'connections kept to the directory (default 4)',
  SEL_LDAP_TIMEOUT_MS: 'longest wait for the directory before answering 503, in ms (default 5000)',
  SEL_LDAP_RETRY_AFTER: 'the Retry-After of a 503 when the directory is unavailable, in seconds (default 10)',
};

const SECTIONS: (keyof EditableSections)[] = ['website', 'phones', 'redList', 'password'];
const PHONE_FORMATS: PhoneWriteFormat[] = ['international', 'national', 'e164'];

type Env = Readonly<Record<string, string | undefined>>;

export function readLdapConfig(env: Env): { options?: LdapStoreOptions; problems: string[] } {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const text = env[name]?.trim();
    return text ? text : undefined;
  };
  const required = (name: string): string => {
    const text = value(name);
    if (text === undefined) problems.push(`${name} is required with SEL_STORE=ldap.`);
    return text ?? '';
  };
  const positiveInteger = (name: string): number | undefined => {
    const text = value(name);
    if (text === undefined) return undefined;
    if (!/^\d+$/.test(text) || Number(text) < 1) {
      problems.push(`${name} must be a whole number above 0 (got "${text}").`);
      return undefined;
    }
    return Number(text);
  };

  const url = required('SEL_LDAP_URL');
  if (url && !/^ldaps?:\/\/[^/]+\/?$/i.test(url))
    problems.push(`SEL_LDAP_URL must be ldap://host[:port] or ldaps://host[:port].`);
  const startTls = readBoolean(value('SEL_LDAP_STARTTLS'), 'SEL_LDAP_STARTTLS', problems);
  if (startTls && url.toLowerCase().startsWith('ldaps:'))
    problems.push('SEL_LDAP_STARTTLS is for ldap:// URLs: ldaps:// is already encrypted.');
  const caFile = value('SEL_LDAP_CA_FILE');
  if (caFile && !existsSync(caFile)) problems.push(`SEL_LDAP_CA_FILE: no such file.`);

  const options: LdapStoreOptions = {
    url,
    startTls,
    caFile,
    peopleDn: required('SEL_LDAP_PEOPLE_DN'),
    bindDn: required('SEL_LDAP_BIND_DN'),
    bindPassword: readSecret(env, 'SEL_LDAP_BIND_PASSWORD', problems),
    structuresDn: value('SEL_LDAP_STRUCTURES_DN'),
    policyDn: value('SEL_LDAP_POLICY_DN'),
    uidAttribute: value('SEL_LDAP_UID_ATTRIBUTE'),
    endDateAttribute: value('SEL_LDAP_END_DATE_ATTRIBUTE'),
    directoryContact: readContact(value),
    editable: readEditable(value('SEL_LDAP_EDITABLE'), problems),
    phoneWriteFormat: readChoice(value('SEL_LDAP_PHONE_FORMAT'), PHONE_FORMATS, 'SEL_LDAP_PHONE_FORMAT', problems),
    phoneRegion: readRegion(value('SEL_LDAP_PHONE_REGION'), problems),
    poolSize: positiveInteger('SEL_LDAP_POOL_SIZE'),
    timeoutMs: positiveInteger('SEL_LDAP_TIMEOUT_MS'),
    retryAfterSeconds: positiveInteger('SEL_LDAP_RETRY_AFTER'),
  };
  // Leave the defaults to the store rather than spelling `undefined` for every absent variable.
  for (const key of Object.keys(options) as (keyof LdapStoreOptions)[]) {
    if (options[key] === undefined) delete options[key];
  }
  return problems.length ? { problems } : { options, problems };
}

function readSecret(env: Env, name: string, problems: string[]): string {
  const direct = env[name];
  const file = env[`${name}_FILE`]?.trim();
  if (direct && file) problems.push(`Set ${name} or ${name}_FILE, not both.`);
  if (file) {
    try {
      // One trailing newline is the editor's, not the secret's.
      return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch {
      problems.push(`${name}_FILE: the file cannot be read.`);
      return '';
    }
  }
  if (!direct) problems.push(`${name} (or ${name}_FILE) is required with SEL_STORE=ldap.`);
  return direct ?? '';
}

function readChoice<T extends string>(text: string | undefined, choices: T[], name: string, problems: string[]) {
  if (text === undefined) return undefined;
  if ((choices as string[]).includes(text)) return text as T;
  problems.push(`${name} must be one of ${choices.join(', ')} (got "${text}").`);
  return undefined;
}

function readRegion(text: string | undefined, problems: string[]): CountryCode | undefined {
  if (text === undefined) return undefined;
  const region = text.toUpperCase();
  if (isSupportedCountry(region)) return region;
  problems.push(`SEL_LDAP_PHONE_REGION must be a region code such as FR or RE (got "${text}").`);
  return undefined;
}

function readEditable(text: string | undefined, problems: string[]): EditableSections | undefined {
  if (text === undefined) return undefined;
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !(SECTIONS as string[]).includes(name));
  if (unknown.length)
    problems.push(`SEL_LDAP_EDITABLE: unknown section ${unknown.join(', ')} (use ${SECTIONS.join(', ')}).`);
  return {
    website: names.includes('website'),
    phones: names.includes('phones'),
    redList: names.includes('redList'),
    password: names.includes('password'),
  };
}

function readContact(value: (name: string) => string | undefined): DirectoryContact | undefined {
  const contact: DirectoryContact = {};
  const name = value('SEL_LDAP_CONTACT_NAME');
  const email = value('SEL_LDAP_CONTACT_EMAIL');
  const url = value('SEL_LDAP_CONTACT_URL');
  if (name) contact.name = name;
  if (email) contact.email = email;
  if (url) contact.url = url;
  return Object.keys(contact).length ? contact : undefined;
}
