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
  /**
   * Where the person logs in to this backend (`https://moncompte.univ-exemple.fr/auth/login`), for a backend
   * on another origin than the page, whose session the portal's login does not open. With it, a load refused
   * as `unauthorized` offers « Se connecter »: the login opens in a popup, `?return=/auth/done` appended, and
   * the account loads again once the popup closes. Without it, the elements say to log in to the portal again.
   */
  readonly loginUrl?: string;
  getAccount(options?: RequestOptions): Promise<VersionedAccount>;
  updateAccount(patch: AccountPatch, version: string, options?: RequestOptions): Promise<VersionedAccount>;
  changePassword(change: PasswordChange, options?: RequestOptions): Promise<void>;
}
