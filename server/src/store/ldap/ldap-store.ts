/**
 * The university's directory as an `AccountStore` (SEL_STORE=ldap). Reads as the service account; writes
 * as the person through proxied authorization, so that the directory's own ACLs and password policy decide,
 * not this code. A PATCH, or a new list of recovery addresses (supannMailPerso), is one modify that asserts
 * the entryCSN it was given and reads back the new one; a password change is a bind as the person (counted
 * by ppolicy's lockout) and then the Password Modify operation with the ppolicy control.
 *
 * `verify()` checks at start what the options name (the bind, the people branch, the policy entry, the
 * structures branch) and returns the directory's refusals; `ready()` checks the bind, the people and the
 * policy again for `/readyz`. A refusal met later while serving (an entry gone or hidden by an ACL) is logged
 * once per change of state, like an outage.
 */
import {
  EqualityFilter,
  ResultCodeError,
  type Change,
  type Client,
  type SearchOptions,
  type SearchResult,
} from 'ldapts';
import type { AccountPatch, PasswordChange } from 'sel-widgets/core';
import {
  AccountLockedError,
  ChangeNotAllowedError,
  DirectoryUnavailableError,
  type DomainError,
  NotEditableError,
  PolicyViolationError,
  StaleVersionError,
  ValidationError,
  WrongCurrentPasswordError,
} from '../../domain/errors.js';
import { patchSection } from '../../domain/patch-section.js';
import type { AccountStore, StoredAccount } from '../account-store.js';
import {
  accountFromEntry,
  changesForPatch,
  changesForRecoveryEmails,
  isDirectoryEmail,
  personAttributes,
} from './account-mapping.js';
import { ConnectionPool } from './connection-pool.js';
import { AssertionControl } from './controls/assertion-control.js';
import { PasswordPolicyControl, PPOLICY_ERRORS } from './controls/ppolicy-control.js';
import { PostReadControl } from './controls/post-read-control.js';
import { ProxiedAuthorizationControl } from './controls/proxied-authorization-control.js';
import { DirectoryEntry, parseGeneralizedTime } from './directory-entry.js';
import { ACCESS, DirectoryRefusalError, entryProblem, findingOf, isRefusal } from './directory-problems.js';
import {
  DEFAULT_PASSWORD_RULES,
  resolveOptions,
  type LdapStoreOptions,
  type ResolvedLdapStoreOptions,
} from './options.js';
import { PASSWORD_MODIFY_OID, passwordModifyValue } from './password-modify.js';
import {
  directoryPolicyOf,
  mergePasswordPolicy,
  NO_DIRECTORY_POLICY,
  POLICY_ATTRIBUTES,
  violationFor,
  type DirectoryPolicy,
} from './password-policy.js';
import { TtlCache } from './ttl-cache.js';
import { DependencyState, READY, type Readiness } from '../../health/readiness.js';

export { describeLdapError } from './directory-problems.js';

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

/** The labels without a structures branch, or when it cannot be read: the page shows the codes. */
const NO_LABELS: ReadonlyMap<string, string> = new Map();

/** Whether a branch or an entry is there and visible: nothing of it is read. */
const EXISTS: SearchOptions = { scope: 'base', attributes: ['1.1'] };
const POLICY_SEARCH: SearchOptions = { scope: 'base', attributes: POLICY_ATTRIBUTES };
const STRUCTURES_SEARCH: SearchOptions = {
  scope: 'sub',
  filter: '(supannCodeEntite=*)',
  attributes: ['supannCodeEntite', 'description', 'ou'],
};

export class LdapStore implements AccountStore {
  readonly kind = 'ldap';
  private readonly options: ResolvedLdapStoreOptions;
  private readonly pool: ConnectionPool;
  private readonly policies: TtlCache<DirectoryPolicy>;
  private readonly structures: TtlCache<ReadonlyMap<string, string>>;
  /** What every read of a person asks for: the same list each time, so built once (and never changed). */
  private readonly attributes: string[];
  /**
   * Whether each thing the store reads answers, logged once per change of state: the directory itself (an
   * outage, a refused bind; told by the pool), and the entries the options name, which an administrator
   * may delete or hide by an ACL while the server runs. One state per policy entry: people with different
   * pwdPolicySubentry values would otherwise make one state flap between their causes.
   */
  private readonly directory: DependencyState;
  private readonly peopleBranch: DependencyState;
  private readonly structuresBranch: DependencyState;
  private readonly policyEntries = new Map<string, DependencyState>();

  constructor(options: LdapStoreOptions) {
    this.options = resolveOptions(options);
    this.attributes = personAttributes(this.options);
    this.directory = new DependencyState('directory', this.options.logger);
    this.peopleBranch = new DependencyState('directory people branch', this.options.logger);
    this.structuresBranch = new DependencyState('directory structures branch', this.options.logger);
    this.pool = new ConnectionPool(this.options, this.directory);
    this.policies = new TtlCache(this.options.cacheTtlMs);
    this.structures = new TtlCache(this.options.cacheTtlMs);
  }

  /**
   * The checks at start: binds as the service account and reads the people branch, the policy entry and the
   * structures branch the options name, on a connection of its own (a refusal here is reported, not logged
   * as a failing directory). Returns every refusal, each naming its variable and what to check, for the
   * server to stop with all of them at once. An outage is no refusal: it is logged (warn, with its cause),
   * and the store opens, answers 503 and reports not ready until the directory answers.
   */
  async verify(): Promise<string[]> {
    const { peopleDn, policyDn, structuresDn } = this.options;
    const problems: string[] = [];
    const warnings: [Record<string, unknown>, string][] = [];
    let client: Client | undefined;
    try {
      client = await this.pool.openBound();
      const bound = client;
      const check = async (name: string, access: string, read: () => Promise<unknown>): Promise<void> => {
        try {
          await read();
        } catch (error) {
          if (!isRefusal(error)) throw error;
          problems.push(entryProblem(name, access, error));
        }
      };
      await check('SEL_LDAP_PEOPLE_DN', ACCESS.people, () => bound.search(peopleDn, EXISTS));
      if (policyDn) {
        await check('SEL_LDAP_POLICY_DN', ACCESS.policy, async () =>
          directoryPolicyOf((await bound.search(policyDn, POLICY_SEARCH)).searchEntries),
        );
      }
      if (structuresDn) {
        await check('SEL_LDAP_STRUCTURES_DN', ACCESS.structures, async () => {
          if (labelsOf(await bound.search(structuresDn, STRUCTURES_SEARCH)).size > 0) return;
          warnings.push([
            {},
            'SEL_LDAP_STRUCTURES_DN: no entry with supannCodeEntite and a description or an ou under it: ' +
              'the page shows structure codes, not their names',
          ]);
        });
      }
    } catch (error) {
      const finding = findingOf(error);
      if ('problem' in finding) problems.push(finding.problem);
      else this.directory.down(finding.outage);
    } finally {
      await client?.unbind().catch(() => undefined);
    }
    if (!policyDn) warnings.push(this.builtInPolicyWarning());
    if (problems.length === 0) for (const [fields, message] of warnings) this.options.logger.warn(fields, message);
    return problems;
  }

  async get(uid: string): Promise<StoredAccount | null> {
    const entry = await this.findPerson(uid);
    return entry ? this.toStored(entry) : null;
  }

  async update(uid: string, patch: AccountPatch, version: string): Promise<StoredAccount> {
    const section = patchSection(patch);
    if (!this.options.editable[section]) throw new NotEditableError(section);
    return this.modifyAsPerson(uid, version, changesForPatch(patch, this.options), () => new NotEditableError(section));
  }

  async setRecoveryEmails(uid: string, emails: string[], version: string): Promise<StoredAccount> {
    // Checked before the modify: the directory refuses such a value with the result code of a malformed
    // version, which `modifyAsPerson` reads as stale.
    if (!emails.every(isDirectoryEmail)) throw new ValidationError([{ field: 'email', code: 'invalid' }]);
    return this.modifyAsPerson(
      uid,
      version,
      changesForRecoveryEmails(emails),
      // The recovery addresses are no section of a PATCH, but the directory refusing them is the same 403.
      () => new NotEditableError('recoveryEmails'),
    );
  }

  /**
   * One modify of the person's entry as the person (proxied authorization: the directory's ACLs decide), if
   * their entry's entryCSN is still `version`; returns the account as the modify left it. `refused` is the
   * error for a change the ACLs do not allow the person.
   */
  private async modifyAsPerson(
    uid: string,
    version: string,
    changes: Change[],
    refused: () => DomainError,
  ): Promise<StoredAccount> {
    const person = await this.findPerson(uid);
    if (!person) throw new StaleVersionError();
    // The post-read brings the whole entry as this very modify left it: the account and its new version
    // in one answer, with no second search that could see a later change under this version.
    const postRead = new PostReadControl(this.attributes);
    try {
      await this.pool.use((client) =>
        client.modify(person.dn, changes, [
          new ProxiedAuthorizationControl(person.dn),
          new AssertionControl('entryCSN', version),
          postRead,
        ]),
      );
    } catch (error) {
      if (error instanceof ResultCodeError && STALE_CODES.has(error.code)) throw new StaleVersionError();
      // The directory's ACLs refused the person this attribute: not editable here, whatever our options say.
      if (error instanceof ResultCodeError && error.code === RESULT.insufficientAccess) throw refused();
      throw error;
    }
    const after = postRead.values.size > 0 ? new DirectoryEntry(person.dn, Object.fromEntries(postRead.values)) : null;
    const current = after?.first('entryCSN') ? after : await this.findPerson(uid);
    if (!current) throw new StaleVersionError();
    return this.toStored(current);
  }

  /**
   * A bind as the person, as the first step of a password change is: counted by ppolicy's lockout, and a
   * right password that has expired is still the person's password.
   */
  async verifyPassword(uid: string, password: string): Promise<void> {
    const person = await this.findPerson(uid);
    if (!person) throw new WrongCurrentPasswordError();
    await this.verifyCurrentPassword(person, password, await this.policyFor(person));
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

  /**
   * The bind, the people branch and the policy entry, as every page needs them (the structures are not:
   * without them the page shows codes). The failures are logged by the states, so that a directory that
   * breaks while nobody is served, the instance being out of the load balancer, is still in the log.
   */
  async ready(): Promise<Readiness> {
    try {
      await this.readPeople((client) => client.search(this.options.peopleDn, EXISTS));
      if (this.options.policyDn) await this.policyAt(this.options.policyDn);
      return READY;
    } catch (error) {
      const finding = findingOf(error);
      return 'outage' in finding
        ? { ok: false, reason: `the directory does not answer (${finding.outage})` }
        : { ok: false, reason: `the directory refuses the configuration: ${finding.problem}` };
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
    const result = await this.readPeople((client) =>
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
    return { account: accountFromEntry(entry, { options: this.options, structureLabels, policy }), version };
  }

  /** A search under the people branch; the branch gone or hidden answers like an unavailable directory. */
  private readPeople(operation: (client: Client) => Promise<SearchResult>): Promise<SearchResult> {
    return this.readConfigured(this.peopleBranch, 'SEL_LDAP_PEOPLE_DN', ACCESS.people, () => this.pool.use(operation));
  }

  /**
   * A read of an entry the configuration names. A refusal of the directory (the entry gone, hidden by an
   * ACL, or not what it should be) is logged once per change of state, with the variable to check, and
   * thrown as `DirectoryUnavailableError`: a 503 that the person can retry later, not a 500 with a stack for
   * every page. An outage is already that, logged by the pool.
   */
  private async readConfigured<T>(
    state: DependencyState,
    name: string,
    access: string,
    read: () => Promise<T>,
  ): Promise<T> {
    try {
      const value = await read();
      state.up();
      return value;
    } catch (error) {
      if (!isRefusal(error)) throw error;
      const refusal = new DirectoryRefusalError(entryProblem(name, access, error), { cause: error });
      state.down(refusal.message);
      throw new DirectoryUnavailableError(this.options.retryAfterSeconds, { cause: refusal });
    }
  }

  private policyFor(entry: DirectoryEntry): Promise<DirectoryPolicy> {
    const dn = entry.first('pwdPolicySubentry') ?? this.options.policyDn;
    if (!dn) return Promise.resolve(NO_DIRECTORY_POLICY);
    return this.policyAt(dn);
  }

  /**
   * The policy entry at `dn`. One that cannot be read answers 503, not a policy of the store's own: the
   * page would show a checklist that promises passwords the directory refuses, and a password section that
   * the directory may not allow at all.
   */
  private policyAt(dn: string): Promise<DirectoryPolicy> {
    return this.policies.get(dn, () => {
      let state = this.policyEntries.get(dn);
      if (!state) {
        state = new DependencyState('directory password policy', this.options.logger);
        this.policyEntries.set(dn, state);
      }
      const name = dn === this.options.policyDn ? 'SEL_LDAP_POLICY_DN' : `the pwdPolicySubentry ${this.loggableDn(dn)}`;
      return this.readConfigured(state, name, ACCESS.policy, async () =>
        directoryPolicyOf((await this.pool.use((client) => client.search(dn, POLICY_SEARCH))).searchEntries),
      );
    });
  }

  /** A policy DN as the log may show it: an administrator's entry, never one that could name a person. */
  private loggableDn(dn: string): string {
    const compact = (text: string) => text.replace(/\s+/g, '').toLowerCase();
    const entry = compact(dn);
    const people = compact(this.options.peopleDn);
    const names = new Set(['uid', this.options.uidAttribute.toLowerCase()]);
    const personal = entry.endsWith(people) || [...names].some((name) => `,${entry}`.includes(`,${name}=`));
    return personal ? '(an entry of the people branch)' : dn;
  }

  private structureLabels(): Promise<ReadonlyMap<string, string>> {
    const base = this.options.structuresDn;
    if (!base) return Promise.resolve(NO_LABELS);
    return this.structures.get(base, async () => {
      try {
        return await this.readConfigured(this.structuresBranch, 'SEL_LDAP_STRUCTURES_DN', ACCESS.structures, async () =>
          labelsOf(await this.pool.use((client) => client.search(base, STRUCTURES_SEARCH))),
        );
      } catch (error) {
        // The labels only name codes the page shows anyway: without them it shows the codes (until the
        // cache's TTL, when they are read again) rather than no page at all.
        if (error instanceof DirectoryUnavailableError && error.cause instanceof DirectoryRefusalError) {
          return NO_LABELS;
        }
        throw error;
      }
    });
  }

  /**
   * What the page shows people without pwdPolicySubentry when no policy entry is named, said once at start:
   * otherwise nobody would expect it to differ from the directory's default policy.
   */
  private builtInPolicyWarning(): [Record<string, unknown>, string] {
    const shown = mergePasswordPolicy(this.options.passwordRules, NO_DIRECTORY_POLICY);
    const { minLength, maxLength, ...others } = shown;
    const builtIn =
      minLength === DEFAULT_PASSWORD_RULES.minLength && maxLength === DEFAULT_PASSWORD_RULES.maxLength
        ? ' (the built-in default)'
        : '';
    const rules = Object.entries(others)
      .map(([rule, value]) => (value === true ? rule : `${rule} ${String(value)}`))
      .join(', ');
    return [
      { passwordPolicy: shown },
      `SEL_LDAP_POLICY_DN is not set: to people without pwdPolicySubentry the page shows passwords of ` +
        `${minLength} to ${maxLength} characters${builtIn}` +
        (rules ? ` with the server's own rules (${rules})` : '') +
        `, and no password expiry date or lockout duration: not the directory's default policy ` +
        `(olcPPolicyDefault), which the server does not read. The directory applies its own policy to a new ` +
        `password only when it is written, and may refuse one the page accepted. Set SEL_LDAP_POLICY_DN to the entry ` +
        `olcPPolicyDefault names to show its figures.`,
    ];
  }
}

/** The structures' labels by their code in capitals: the description, or else the ou. */
function labelsOf(result: SearchResult): ReadonlyMap<string, string> {
  const labels = new Map<string, string>();
  for (const raw of result.searchEntries) {
    const entry = DirectoryEntry.from(raw);
    const code = entry.first('supannCodeEntite');
    const label = entry.first('description') ?? entry.first('ou');
    if (code && label) labels.set(code.toUpperCase(), label);
  }
  return labels;
}
