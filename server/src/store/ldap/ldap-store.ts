/**
 * The university's directory as an `AccountStore` (SEL_STORE=ldap). Reads as the service account; writes
 * as the person through proxied authorization, so that the directory's own ACLs and password policy decide,
 * not this code. A PATCH is one modify that asserts the entryCSN it was given and reads back the new one;
 * a password change is a bind as the person (counted by ppolicy's lockout) and then the Password Modify
 * operation with the ppolicy control.
 */
import { EqualityFilter, ResultCodeError, type Client } from 'ldapts';
import type { AccountPatch, PasswordChange } from 'sel-widgets/core';
import {
  AccountLockedError,
  ChangeNotAllowedError,
  NotEditableError,
  PolicyViolationError,
  StaleVersionError,
  WrongCurrentPasswordError,
} from '../../domain/errors.js';
import type { AccountStore, StoredAccount } from '../account-store.js';
import { accountFromEntry, changesForPatch, personAttributes, sectionOf } from './account-mapping.js';
import { AccountMemo } from './account-memo.js';
import { ConnectionPool } from './connection-pool.js';
import { AssertionControl } from './controls/assertion-control.js';
import { PasswordPolicyControl, PPOLICY_ERRORS } from './controls/ppolicy-control.js';
import { PostReadControl } from './controls/post-read-control.js';
import { ProxiedAuthorizationControl } from './controls/proxied-authorization-control.js';
import { DirectoryEntry, parseGeneralizedTime } from './directory-entry.js';
import { resolveOptions, type LdapStoreOptions, type ResolvedLdapStoreOptions } from './options.js';
import { PASSWORD_MODIFY_OID, passwordModifyValue } from './password-modify.js';
import {
  directoryPolicyFrom,
  NO_DIRECTORY_POLICY,
  POLICY_ATTRIBUTES,
  violationFor,
  type DirectoryPolicy,
} from './password-policy.js';
import { TtlCache } from './ttl-cache.js';
import { READY, type Readiness } from '../../health/readiness.js';

/** An LDAP failure in words: the result code's name or the socket's error code, never a DN or a value. */
export function describeLdapError(error: unknown): string {
  if (error instanceof ResultCodeError) return `LDAP result ${error.code}: ${error.name}`;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : 'unknown error';
}

const RESULT = {
  constraintViolation: 19,
  invalidCredentials: 49,
  insufficientAccess: 50,
  unwillingToPerform: 53,
  assertionFailed: 122,
} as const;

/**
 * A version that is not the entry's entryCSN: a concurrent change (assertionFailed), or a value that is not
 * a CSN at all (invalidAttributeSyntax, inappropriateMatching), which cannot be current either.
 */
const STALE_CODES = new Set<number>([RESULT.assertionFailed, 21, 18]);

/** Without a structures branch: one map for every read, so that remembered accounts stay valid (AccountMemo). */
const NO_LABELS: ReadonlyMap<string, string> = new Map();

export class LdapStore implements AccountStore {
  readonly kind = 'ldap';
  private readonly options: ResolvedLdapStoreOptions;
  private readonly pool: ConnectionPool;
  private readonly policies: TtlCache<DirectoryPolicy>;
  private readonly structures: TtlCache<ReadonlyMap<string, string>>;
  private readonly accounts = new AccountMemo();
  /** What every read of a person asks for: the same list each time, so built once (and never changed). */
  private readonly attributes: string[];

  constructor(options: LdapStoreOptions) {
    this.options = resolveOptions(options);
    this.attributes = personAttributes(this.options);
    this.pool = new ConnectionPool(this.options);
    this.policies = new TtlCache(this.options.cacheTtlMs);
    this.structures = new TtlCache(this.options.cacheTtlMs);
  }

  async get(uid: string): Promise<StoredAccount | null> {
    const entry = await this.findPerson(uid);
    return entry ? this.toStored(entry) : null;
  }

  async update(uid: string, patch: AccountPatch, version: string): Promise<StoredAccount> {
    const section = sectionOf(patch);
    if (!this.options.editable[section]) throw new NotEditableError(section);
    const person = await this.findPerson(uid);
    if (!person) throw new StaleVersionError();
    // The post-read brings the whole entry as this very modify left it: the account and its new version
    // in one answer, with no second search that could see a later change under this version.
    const postRead = new PostReadControl(this.attributes);
    try {
      await this.pool.use((client) =>
        client.modify(person.dn, changesForPatch(patch, this.options), [
          new ProxiedAuthorizationControl(person.dn),
          new AssertionControl('entryCSN', version),
          postRead,
        ]),
      );
    } catch (error) {
      if (error instanceof ResultCodeError && STALE_CODES.has(error.code)) throw new StaleVersionError();
      // The directory's ACLs refused the person this attribute: not editable here, whatever our options say.
      if (error instanceof ResultCodeError && error.code === RESULT.insufficientAccess)
        throw new NotEditableError(section);
      throw error;
    }
    const after = postRead.values.size > 0 ? new DirectoryEntry(person.dn, Object.fromEntries(postRead.values)) : null;
    const current = after?.first('entryCSN') ? after : await this.findPerson(uid);
    if (!current) throw new StaleVersionError();
    return this.toStored(current);
  }

  async changePassword(uid: string, change: PasswordChange): Promise<void> {
    if (!this.options.editable.password) throw new ChangeNotAllowedError();
    const person = await this.findPerson(uid);
    if (!person) throw new WrongCurrentPasswordError();
    const policy = await this.policyFor(person);
    if (!policy.allowUserChange) throw new ChangeNotAllowedError();
    await this.verifyCurrentPassword(person, change.currentPassword, policy);

    const ppolicy = new PasswordPolicyControl();
    try {
      await this.pool.use((client) =>
        client.exop(
          PASSWORD_MODIFY_OID,
          passwordModifyValue({ oldPassword: change.currentPassword, newPassword: change.newPassword }),
          [new ProxiedAuthorizationControl(person.dn), ppolicy],
        ),
      );
    } catch (error) {
      if (!(error instanceof ResultCodeError)) throw error;
      const violation = violationFor(ppolicy.error);
      if (violation) throw new PolicyViolationError([violation]);
      if (ppolicy.error === PPOLICY_ERRORS.passwordModNotAllowed) throw new ChangeNotAllowedError();
      if (error.code === RESULT.insufficientAccess) throw new ChangeNotAllowedError();
      // The old password no longer matches (changed by someone else since the bind).
      if (error.code === RESULT.unwillingToPerform) throw new WrongCurrentPasswordError();
      throw error;
    }
  }

  async ready(): Promise<Readiness> {
    try {
      await this.pool.use((client) => client.search(this.options.peopleDn, { scope: 'base', attributes: ['1.1'] }));
      return READY;
    } catch (error) {
      return { ok: false, reason: `the directory does not answer (${describeLdapError(error)})` };
    }
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  /**
   * A bind as the person on a connection of its own: the only check of a password that ppolicy counts
   * towards lockout (a wrong old password in the Password Modify is not counted).
   */
  private async verifyCurrentPassword(person: DirectoryEntry, password: string, policy: DirectoryPolicy) {
    // An empty password would be an anonymous bind, which "succeeds".
    if (password === '') throw new WrongCurrentPasswordError();
    const ppolicy = new PasswordPolicyControl();
    let client: Client | undefined;
    try {
      client = await this.pool.connect();
      await client.bind(person.dn, password, ppolicy);
    } catch (error) {
      if (!(error instanceof ResultCodeError)) throw this.pool.translate(error);
      if (ppolicy.error === PPOLICY_ERRORS.accountLocked) throw await this.lockedError(person, policy);
      // The password is right but expired: changing it is exactly what the person should do now.
      if (error.code === RESULT.invalidCredentials && ppolicy.error === PPOLICY_ERRORS.passwordExpired) return;
      if (error.code === RESULT.invalidCredentials) throw new WrongCurrentPasswordError();
      throw this.pool.translate(error);
    } finally {
      await client?.unbind().catch(() => undefined);
    }
  }

  private async lockedError(person: DirectoryEntry, policy: DirectoryPolicy): Promise<AccountLockedError> {
    if (policy.lockoutDurationSeconds <= 0) return new AccountLockedError();
    const fresh = await this.findPerson(person.first(this.options.uidAttribute) ?? '').catch(() => undefined);
    const lockedAt = parseGeneralizedTime(fresh?.first('pwdAccountLockedTime'));
    if (!lockedAt) return new AccountLockedError(policy.lockoutDurationSeconds);
    const left = Math.ceil((lockedAt.getTime() + policy.lockoutDurationSeconds * 1000 - Date.now()) / 1000);
    return new AccountLockedError(Math.max(1, left));
  }

  private async findPerson(uid: string): Promise<DirectoryEntry | null> {
    const result = await this.pool.use((client) =>
      client.search(this.options.peopleDn, {
        scope: 'sub',
        filter: new EqualityFilter({ attribute: this.options.uidAttribute, value: uid }),
        attributes: this.attributes,
        sizeLimit: 2,
      }),
    );
    // Two entries with the same login is a directory to fix, not a person to guess.
    if (result.searchEntries.length !== 1) return null;
    return DirectoryEntry.from(result.searchEntries[0]!);
  }

  private async toStored(entry: DirectoryEntry): Promise<StoredAccount> {
    const [policy, structureLabels] = await Promise.all([this.policyFor(entry), this.structureLabels()]);
    const version = entry.first('entryCSN');
    if (!version) throw new Error('The directory gave no entryCSN: is the service account allowed to read it?');
    const known = this.accounts.find(entry.dn, version, policy, structureLabels);
    if (known) return known;
    const account = accountFromEntry(entry, { options: this.options, structureLabels, policy });
    return this.accounts.keep(entry.dn, policy, structureLabels, { account, version });
  }

  private policyFor(entry: DirectoryEntry): Promise<DirectoryPolicy> {
    const dn = entry.first('pwdPolicySubentry') ?? this.options.policyDn;
    if (!dn) return Promise.resolve(NO_DIRECTORY_POLICY);
    return this.policies.get(dn, async () => {
      const result = await this.pool.use((client) =>
        client.search(dn, { scope: 'base', attributes: POLICY_ATTRIBUTES }),
      );
      const policy = result.searchEntries[0];
      return policy ? directoryPolicyFrom(DirectoryEntry.from(policy)) : NO_DIRECTORY_POLICY;
    });
  }

  private structureLabels(): Promise<ReadonlyMap<string, string>> {
    const base = this.options.structuresDn;
    if (!base) return Promise.resolve(NO_LABELS);
    return this.structures.get(base, async () => {
      const result = await this.pool.use((client) =>
        client.search(base, {
          scope: 'sub',
          filter: '(supannCodeEntite=*)',
          attributes: ['supannCodeEntite', 'description', 'ou'],
        }),
      );
      const labels = new Map<string, string>();
      for (const raw of result.searchEntries) {
        const entry = DirectoryEntry.from(raw);
        const code = entry.first('supannCodeEntite');
        const label = entry.first('description') ?? entry.first('ou');
        if (code && label) labels.set(code.toUpperCase(), label);
      }
      return labels;
    });
  }
}
