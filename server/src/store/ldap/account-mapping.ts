/**
 * The default SupAnn mapping, both ways: a person's entry → the contract's `Account`,
 * and a validated patch → the changes of one LDAP modify.
 */
import { Attribute, Change } from 'ldapts';
import type { Account, AccountPatch, Phone, PhoneType } from 'sel-widgets/core';
import { DirectoryEntry, parseGeneralizedTime } from './directory-entry.js';
import type { DirectoryPolicy } from './password-policy.js';
import { mergePasswordPolicy } from './password-policy.js';
import { phoneFromDirectory, phoneToDirectory } from './phone-format.js';
import type { ResolvedLdapStoreOptions } from './options.js';

/** Where each type of phone lives, in the order the person sees them. */
export const PHONE_ATTRIBUTES: Readonly<Record<PhoneType, string>> = {
  office: 'telephoneNumber',
  mobile: 'mobile',
  fax: 'facsimileTelephoneNumber',
  other: 'supannAutreTelephone',
};

/**
 * The person's recovery addresses: SupAnn's personal e-mail addresses. Every value counts as confirmed,
 * whoever wrote it (the service writes only addresses it confirmed, and an administrator's are trusted).
 */
export const RECOVERY_EMAILS_ATTRIBUTE = 'supannMailPerso';

const PERSON_ATTRIBUTES = [
  'displayName',
  'cn',
  'givenName',
  'sn',
  'mail',
  'eduPersonAffiliation',
  'eduPersonPrimaryAffiliation',
  'supannEntiteAffectation',
  'title',
  'labeledURI',
  ...Object.values(PHONE_ATTRIBUTES),
  'supannListeRouge',
  RECOVERY_EMAILS_ATTRIBUTE,
  // operational: the version, and what ppolicy keeps about the password
  'entryCSN',
  'pwdChangedTime',
  'pwdReset',
  'pwdPolicySubentry',
  'pwdAccountLockedTime',
];

export function personAttributes(options: ResolvedLdapStoreOptions): string[] {
  return [options.uidAttribute, ...PERSON_ATTRIBUTES, ...(options.endDateAttribute ? [options.endDateAttribute] : [])];
}

/** What ppolicy keeps about the password: optional in the contract, always given by this store. */
export interface PasswordStatus {
  passwordExpiresAt: string | null;
  passwordExpiryWarningDays?: number;
  passwordMustChange: boolean;
}

export interface MappingContext {
  options: ResolvedLdapStoreOptions;
  structureLabels: ReadonlyMap<string, string>;
  policy: DirectoryPolicy;
}

export function accountFromEntry(entry: DirectoryEntry, context: MappingContext): Account & PasswordStatus {
  const { options, structureLabels, policy } = context;
  const changedAt = parseGeneralizedTime(entry.first('pwdChangedTime'));
  const expiresAt =
    changedAt && policy.maxAgeSeconds > 0 ? new Date(changedAt.getTime() + policy.maxAgeSeconds * 1000) : undefined;
  const endDate = options.endDateAttribute ? parseGeneralizedTime(entry.first(options.endDateAttribute)) : undefined;
  const uid = entry.first(options.uidAttribute) ?? '';
  return {
    uid,
    displayName: entry.first('displayName') ?? entry.first('cn') ?? uid,
    ...optional('givenName', entry.first('givenName')),
    ...optional('surname', entry.first('sn')),
    mail: entry.first('mail') ?? null,
    affiliations: entry.all('eduPersonAffiliation'),
    primaryAffiliation: entry.first('eduPersonPrimaryAffiliation') ?? null,
    structures: entry
      .all('supannEntiteAffectation')
      .map((code) => ({ code, label: structureLabels.get(code.toUpperCase()) ?? code })),
    title: entry.first('title') ?? null,
    website: websiteFrom(entry.first('labeledURI')),
    phones: phonesFrom(entry, options),
    redList: entry.boolean('supannListeRouge') ?? false,
    recoveryEmails: entry.all(RECOVERY_EMAILS_ATTRIBUTE),
    passwordChangedAt: changedAt?.toISOString() ?? null,
    accountExpiresAt: endDate?.toISOString() ?? null,
    passwordExpiresAt: expiresAt?.toISOString() ?? null,
    ...expiryWarning(policy),
    passwordMustChange: entry.boolean('pwdReset') ?? false,
    directoryContact: options.directoryContact,
    editable: { ...options.editable, password: options.editable.password && policy.allowUserChange },
    passwordPolicy: mergePasswordPolicy(options.passwordRules, policy),
  };
}

/**
 * The policy's pwdExpireWarning in whole days, rounded up so that the page never warns later than the
 * directory would; only for passwords that expire (pwdMaxAge), and only when the policy says it.
 */
function expiryWarning(policy: DirectoryPolicy): Pick<PasswordStatus, 'passwordExpiryWarningDays'> {
  if (policy.maxAgeSeconds <= 0 || policy.expireWarningSeconds === undefined) return {};
  return { passwordExpiryWarningDays: Math.ceil(policy.expireWarningSeconds / 86_400) };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/** labeledURI is "URL label"; the page shows and edits the URL. */
function websiteFrom(labeledUri: string | undefined): string | null {
  const url = labeledUri?.trim().split(/\s+/)[0];
  return url ? url : null;
}

function phonesFrom(entry: DirectoryEntry, options: ResolvedLdapStoreOptions): Phone[] {
  const phones: Phone[] = [];
  for (const [type, attribute] of Object.entries(PHONE_ATTRIBUTES) as [PhoneType, string][]) {
    for (const value of entry.all(attribute)) {
      phones.push({ type, number: phoneFromDirectory(value, options.phoneRegion) });
    }
  }
  return phones;
}

/** The changes of one modify for a validated patch: every attribute of the part replaced as a whole. */
export function changesForPatch(patch: AccountPatch, options: ResolvedLdapStoreOptions): Change[] {
  if ('website' in patch) return [replace('labeledURI', patch.website === null ? [] : [patch.website])];
  if ('redList' in patch) return [replace('supannListeRouge', [patch.redList ? 'TRUE' : 'FALSE'])];
  return (Object.entries(PHONE_ATTRIBUTES) as [PhoneType, string][]).map(([type, attribute]) =>
    replace(
      attribute,
      patch.phones
        .filter((phone) => phone.type === type)
        .map((phone) => phoneToDirectory(phone.number, options.phoneWriteFormat, options.phoneRegion)),
    ),
  );
}

/**
 * The change that replaces the recovery addresses with `emails`, all of them (none deletes the attribute).
 * supannMailPerso matches without case (caseIgnoreIA5Match): two addresses that differ only in case are one
 * value to the directory, which would refuse the modify, so only the first is written.
 */
export function changesForRecoveryEmails(emails: readonly string[]): Change[] {
  const seen = new Set<string>();
  const values = emails.filter((email) => {
    const key = email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [replace(RECOVERY_EMAILS_ATTRIBUTE, values)];
}

/**
 * Whether the directory can hold the address: supannMailPerso is an IA5 string, so an address with
 * non-ASCII characters (SMTPUTF8) would be refused, and with the result code a malformed version gets too.
 */
export function isDirectoryEmail(email: string): boolean {
  return /^[\x21-\x7e]+$/.test(email);
}

function replace(type: string, values: string[]): Change {
  // A replace with no value deletes the attribute, and succeeds when it was absent already.
  return new Change({ operation: 'replace', modification: new Attribute({ type, values }) });
}
