import type { AccountField } from '../contract/read-account.js';
import type { Account, AccountPatch, PasswordChange } from '../contract/schemas.js';

/** An account with the version (the HTTP ETag) a later `updateAccount` must send back. */
export interface VersionedAccount {
  account: Account;
  /** The ETag; the empty string when the backend sent none (the account can be shown, not saved). */
  version: string;
  /**
   * Fields the backend sent that do not match the contract, replaced by empty stand-ins: the sections that
   * show or edit them say the answer was unexpected, the others work as usual.
   */
  unreadable?: readonly AccountField[];
}

export interface RequestOptions {
  /** Aborting rejects the promise with the signal's reason (an `AbortError`), never a `SelError`. */
  signal?: AbortSignal;
}

/**
 * What an element needs from a backend. Every failure rejects with a `SelError`.
 * Implement it to talk to something other than the HTTP contract (a GraphQL gateway, a portal bridge).
 */
export interface SelAdapter {
  getAccount(options?: RequestOptions): Promise<VersionedAccount>;
  updateAccount(patch: AccountPatch, version: string, options?: RequestOptions): Promise<VersionedAccount>;
  changePassword(change: PasswordChange, options?: RequestOptions): Promise<void>;
}
