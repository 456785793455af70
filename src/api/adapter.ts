import type { Account, AccountPatch, PasswordChange } from '../contract/schemas.js';

/** An account with the version (the HTTP ETag) a later `updateAccount` must send back. */
export interface VersionedAccount {
  account: Account;
  version: string;
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
