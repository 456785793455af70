/**
 * The contract's rules, between the routes (HTTP) and a store (a backend): what is editable, what a value
 * must be, the whole password policy, and how many wrong current passwords an account may try. Knows
 * nothing of HTTP; throws the domain errors the routes turn into problem+json.
 */
import type { Account, AccountPatch, PasswordChange, StrengthLanguage } from 'sel-widgets/core';
import type { AccountStore, StoredAccount } from '../store/account-store.js';
import type { SharedState } from '../shared-state/shared-state.js';
import {
  ChangeNotAllowedError,
  NoSuchAccountError,
  NotEditableError,
  PolicyViolationError,
  RateLimitedError,
} from '../domain/errors.js';
import { patchSection } from '../domain/patch-section.js';
import { normaliseWebsite } from './check-website.js';
import { normalisePhones } from './check-phones.js';
import { passwordViolations, type ScorerLoader } from './password-rules.js';

export interface AccountServiceOptions {
  /** Wrong current passwords an account may send in one window before it gets 429. */
  maxPasswordFailures: number;
  passwordFailureWindowMs: number;
  loadScorer?: ScorerLoader;
}

export class AccountService {
  constructor(
    private readonly store: AccountStore,
    private readonly shared: SharedState,
    private readonly options: AccountServiceOptions,
  ) {}

  async getAccount(uid: string): Promise<StoredAccount> {
    const stored = await this.store.get(uid);
    if (!stored) throw new NoSuchAccountError();
    return stored;
  }

  async updateAccount(uid: string, patch: AccountPatch, version: string): Promise<StoredAccount> {
    const { account } = await this.getAccount(uid);
    const section = patchSection(patch);
    if (!account.editable[section]) throw new NotEditableError(section);
    return this.store.update(uid, normalisePatch(patch), version);
  }

  /** Changes the password; returns the account as it was read, for the notice that follows. */
  async changePassword(uid: string, change: PasswordChange, language: StrengthLanguage): Promise<Account> {
    const { account } = await this.getAccount(uid);
    if (!account.editable.password) throw new ChangeNotAllowedError();
    const violations = await passwordViolations(
      change.newPassword,
      change.currentPassword,
      account,
      language,
      this.options.loadScorer,
    );
    if (violations.length > 0) throw new PolicyViolationError(violations);

    // Counted before the check, reset by a right password: an account gets `maxPasswordFailures` wrong
    // guesses per window, and the next attempt is refused without being checked.
    const key = `password-attempts:${uid}`;
    const attempt = await this.shared.hit(key, this.options.passwordFailureWindowMs);
    if (attempt.count > this.options.maxPasswordFailures) {
      throw new RateLimitedError(Math.max(1, Math.ceil(attempt.resetInMs / 1000)));
    }
    try {
      await this.store.changePassword(uid, change);
    } catch (error) {
      // A store checks the current password first: its policy refusal (history) means the password was right.
      if (error instanceof PolicyViolationError) await this.shared.reset(key);
      throw error;
    }
    await this.shared.reset(key);
    return account;
  }
}

function normalisePatch(patch: AccountPatch): AccountPatch {
  if ('website' in patch) return { website: normaliseWebsite(patch.website) };
  if ('phones' in patch) return { phones: normalisePhones(patch.phones) };
  return { redList: patch.redList };
}
