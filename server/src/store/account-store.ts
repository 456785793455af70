/**
 * What the account service needs of a backend: the embedded file store and the LDAP directory both
 * implement it. A store maps one backend to the contract's wire types and knows nothing of HTTP; the
 * service above it applies the contract's rules (what is editable, input validation and normalisation,
 * the password policy and strength) before it calls a store.
 */
import type { Account, AccountPatch, PasswordChange } from 'sel-widgets/core';
import type { Readiness } from '../health/readiness.js';

/** An account and its version, the opaque value of its strong ETag (without the quotes). */
export interface StoredAccount {
  account: Account;
  version: string;
}

export interface AccountStore {
  readonly kind: 'file' | 'ldap';

  /** The person's account, or `null` when the backend has no such person. */
  get(uid: string): Promise<StoredAccount | null>;

  /**
   * Applies one validated, normalised patch (phones in E.164) if `version` is still the current one, in a
   * way that cannot race: two calls with the same version, exactly one wins and the other throws
   * `StaleVersionError`. Returns the account as it is after the change.
   */
  update(uid: string, patch: AccountPatch, version: string): Promise<StoredAccount>;

  /**
   * Verifies the current password (`WrongCurrentPasswordError`, `AccountLockedError`), then sets the new
   * one. The rules only the store can know are its own to check and report as `PolicyViolationError`
   * (`in_history`, `too_young`, and whatever the directory refuses); the rest of the policy was checked
   * by the service before.
   */
  changePassword(uid: string, change: PasswordChange): Promise<void>;

  /**
   * Replaces the person's confirmed recovery addresses (the service checked and confirmed each) if
   * `version` is still the current one (`StaleVersionError` otherwise), as `update` does; returns the
   * account as it is after the change, `recoveryEmails` holding the new list.
   */
  setRecoveryEmails(uid: string, emails: string[], version: string): Promise<StoredAccount>;

  /**
   * Checks the current password without changing anything (`WrongCurrentPasswordError`,
   * `AccountLockedError`): adding or removing a recovery address asks for it, as a stolen session must not
   * be enough to take over the account's recovery. Optional while a store cannot check it: recovery
   * addresses stay off on such a store (`editable.recoveryEmails: false`).
   */
  verifyPassword?(uid: string, password: string): Promise<void>;

  /** Whether the backend answers now, and if not why (for `/readyz`); never throws. */
  ready(): Promise<Readiness>;

  /** Lets writes in flight finish, then releases connections and files. */
  close(): Promise<void>;
}
