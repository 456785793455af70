/**
 * The contract's rules, between the routes (HTTP) and a store (a backend): what is editable, what a value
 * must be, the whole password policy, how many wrong current passwords an account may try, and the
 * recovery addresses with their confirmation codes. Knows nothing of HTTP nor of mail: the routes send
 * what the service returns. Throws the domain errors the routes turn into problem+json.
 */
import type {
  Account,
  AccountPatch,
  PasswordChange,
  RecoveryEmailChange,
  RecoveryEmailConfirmation,
  StrengthLanguage,
} from 'sel-widgets/core';
import type { AccountStore, StoredAccount } from '../store/account-store.js';
import type { SharedState } from '../shared-state/shared-state.js';
import {
  ChangeNotAllowedError,
  CodeExpiredError,
  InvalidCodeError,
  NoSuchAccountError,
  NotEditableError,
  NotFoundError,
  PolicyViolationError,
  RateLimitedError,
  ValidationError,
} from '../domain/errors.js';
import { SharedStateUnavailableError } from '../shared-state/shared-state-unavailable-error.js';
import {
  CONFIRMATION_CODE_VALIDITY_MINUTES,
  generateConfirmationCode,
  normalizeConfirmationCode,
} from '../mail/confirmation-code.js';
import {
  ADDS_WINDOW_MS,
  addsKey,
  codeAttemptsKey,
  codeHash,
  MAX_ADDS_PER_WINDOW,
  MAX_CODE_ATTEMPTS,
  MAX_RECOVERY_EMAILS,
  normaliseRecoveryAddress,
  parsePending,
  pendingKey,
  recoveryAddressProblem,
  sameAddress,
  sameHash,
  type PendingRecoveryEmail,
} from './recovery-address.js';
import { patchSection } from '../domain/patch-section.js';
import { normaliseWebsite } from './check-website.js';
import { normalisePhones } from './check-phones.js';
import { passwordViolations, type ScorerLoader } from './password-rules.js';

export interface AccountServiceOptions {
  /** Wrong current passwords an account may send in one window before it gets 429. */
  maxPasswordFailures: number;
  passwordFailureWindowMs: number;
  loadScorer?: ScorerLoader;
  /**
   * Whether the server sends mail (`SEL_SMTP_URL`): recovery addresses are on only then, and only on a
   * store that can check a password without changing it.
   */
  recoveryEmails?: boolean;
  /** The clock of the confirmation codes (tests move it past their validity); `Date.now` by default. */
  now?: () => number;
}

/** A new address waiting for its code: what the route mails, and the account to answer with. */
export interface RecoveryEmailAdded {
  stored: StoredAccount;
  address: string;
  code: string;
  expiresAt: number;
}

/** The address a confirmation or a removal was about, and the account after it. */
export interface RecoveryEmailChanged {
  stored: StoredAccount;
  address: string;
}

const RECOVERY_OFF = 'Recovery addresses are not kept here.';
const CODE_VALIDITY_MS = CONFIRMATION_CODE_VALIDITY_MINUTES * 60_000;

export class AccountService {
  constructor(
    private readonly store: AccountStore,
    private readonly shared: SharedState,
    private readonly options: AccountServiceOptions,
  ) {}

  /** The account with its recovery addresses as the contract always sends them (empty and off when off). */
  async getAccount(uid: string): Promise<StoredAccount> {
    const stored = await this.store.get(uid);
    if (!stored) throw new NoSuchAccountError();
    return this.present(uid, stored);
  }

  async updateAccount(uid: string, patch: AccountPatch, version: string): Promise<StoredAccount> {
    const { account } = await this.getAccount(uid);
    const section = patchSection(patch);
    if (!account.editable[section]) throw new NotEditableError(section);
    return this.present(uid, await this.store.update(uid, normalisePatch(patch), version));
  }

  /**
   * Checks a new recovery address and the current password, then keeps it pending with the hash of a new
   * code (replacing any pending one) and returns the code for the route to mail: never stored in clear.
   */
  async addRecoveryEmail(uid: string, change: RecoveryEmailChange): Promise<RecoveryEmailAdded> {
    const { account, version } = await this.getAccount(uid);
    if (!account.editable.recoveryEmails) throw new NotFoundError(RECOVERY_OFF);
    const address = normaliseRecoveryAddress(change.email);
    const problem = recoveryAddressProblem(address, account);
    if (problem || address === undefined) throw new ValidationError([{ field: 'email', code: problem ?? 'invalid' }]);
    await this.checkCurrentPassword(uid, change.currentPassword);
    // Each add mails a stranger's address if the person typed it wrong: a bounded number per account.
    const adds = await this.shared.hit(addsKey(uid), ADDS_WINDOW_MS);
    if (adds.count > MAX_ADDS_PER_WINDOW) throw new RateLimitedError(Math.max(1, Math.ceil(adds.resetInMs / 1000)));

    const code = generateConfirmationCode();
    const expiresAt = this.now() + CODE_VALIDITY_MS;
    const pending: PendingRecoveryEmail = { email: address, hash: codeHash(uid, address, code), expiresAt };
    await this.shared.setValue(pendingKey(uid), JSON.stringify(pending), CODE_VALIDITY_MS);
    // A new code gets its own five tries.
    await this.shared.reset(codeAttemptsKey(uid));
    const shown = {
      ...account,
      pendingRecoveryEmail: { email: address, expiresAt: new Date(expiresAt).toISOString() },
    };
    return { stored: { account: shown, version }, address, code, expiresAt };
  }

  /**
   * Confirms the pending address with the code typed (`482 913` taken): the address joins the confirmed
   * ones. Every attempt is counted before the comparison, so that parallel guesses get five in all.
   */
  async confirmRecoveryEmail(uid: string, confirmation: RecoveryEmailConfirmation): Promise<RecoveryEmailChanged> {
    const { account, version } = await this.getAccount(uid);
    if (!account.editable.recoveryEmails) throw new NotFoundError(RECOVERY_OFF);
    const pending = parsePending(await this.shared.getValue(pendingKey(uid)));
    const now = this.now();
    if (!pending || pending.expiresAt <= now) {
      if (pending) await this.forgetPending(uid);
      throw new CodeExpiredError();
    }
    const attempts = await this.shared.hit(codeAttemptsKey(uid), Math.max(1, pending.expiresAt - now));
    if (attempts.count > MAX_CODE_ATTEMPTS) {
      await this.forgetPending(uid);
      throw new CodeExpiredError();
    }
    const typed = normalizeConfirmationCode(confirmation.code);
    if (typed === undefined || !sameHash(codeHash(uid, pending.email, typed), pending.hash)) {
      if (attempts.count < MAX_CODE_ATTEMPTS) throw new InvalidCodeError();
      // The fifth wrong code spends this one: the person adds the address again for a new code.
      await this.forgetPending(uid);
      throw new CodeExpiredError();
    }
    const confirmed = account.recoveryEmails ?? [];
    let next = confirmed;
    if (!confirmed.some((email) => sameAddress(email, pending.email))) {
      if (confirmed.length >= MAX_RECOVERY_EMAILS) throw new ValidationError([{ field: 'email', code: 'too_many' }]);
      next = [...confirmed, pending.email];
    }
    const updated = await this.store.setRecoveryEmails(uid, next, version);
    // Forgotten once kept: a confirmation that lost a race with another change can be sent again.
    await this.forgetPending(uid);
    return { stored: await this.present(uid, updated), address: pending.email };
  }

  /** Removes a confirmed address after the current password; returns it as kept, for the notice. */
  async removeRecoveryEmail(uid: string, change: RecoveryEmailChange): Promise<RecoveryEmailChanged> {
    const { account, version } = await this.getAccount(uid);
    if (!account.editable.recoveryEmails) throw new NotFoundError(RECOVERY_OFF);
    await this.checkCurrentPassword(uid, change.currentPassword);
    const confirmed = account.recoveryEmails ?? [];
    const typed = change.email.trim();
    const address = confirmed.find((email) => sameAddress(email, typed));
    if (address === undefined) throw new NotFoundError('This is not a recovery address of the account.');
    const updated = await this.store.setRecoveryEmails(
      uid,
      confirmed.filter((email) => email !== address),
      version,
    );
    return { stored: await this.present(uid, updated), address };
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

    await this.countedPasswordCheck(uid, () => this.store.changePassword(uid, change));
    return account;
  }

  /** The current password checked, with the same per-account count of wrong ones as a password change. */
  private async checkCurrentPassword(uid: string, password: string): Promise<void> {
    const verify = this.store.verifyPassword?.bind(this.store);
    if (!verify) throw new NotFoundError(RECOVERY_OFF);
    await this.countedPasswordCheck(uid, () => verify(uid, password));
  }

  private async countedPasswordCheck(uid: string, check: () => Promise<void>): Promise<void> {
    // Counted before the check, reset by a right password: an account gets `maxPasswordFailures` wrong
    // guesses per window, whatever asked for the password, and the next attempt is refused unchecked.
    const key = `password-attempts:${uid}`;
    const attempt = await this.shared.hit(key, this.options.passwordFailureWindowMs);
    if (attempt.count > this.options.maxPasswordFailures) {
      throw new RateLimitedError(Math.max(1, Math.ceil(attempt.resetInMs / 1000)));
    }
    try {
      await check();
    } catch (error) {
      // A store checks the current password first: its policy refusal (history) means the password was right.
      if (error instanceof PolicyViolationError) await this.shared.reset(key);
      throw error;
    }
    await this.shared.reset(key);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private recoveryOn(account: Account): boolean {
    return (
      this.options.recoveryEmails === true &&
      typeof this.store.verifyPassword === 'function' &&
      // A store may turn it off for one person (a directory that cannot write their entry).
      account.editable.recoveryEmails !== false
    );
  }

  private async present(uid: string, { account, version }: StoredAccount): Promise<StoredAccount> {
    const on = this.recoveryOn(account);
    let pending: PendingRecoveryEmail | undefined;
    if (on) {
      try {
        pending = parsePending(await this.shared.getValue(pendingKey(uid)));
      } catch (error) {
        // The account is still shown while Redis is away; only the pending address is not.
        if (!(error instanceof SharedStateUnavailableError)) throw error;
      }
    }
    const live = pending && pending.expiresAt > this.now() ? pending : undefined;
    return {
      version,
      account: {
        ...account,
        recoveryEmails: on ? [...(account.recoveryEmails ?? [])] : [],
        pendingRecoveryEmail: live ? { email: live.email, expiresAt: new Date(live.expiresAt).toISOString() } : null,
        editable: { ...account.editable, recoveryEmails: on },
      },
    };
  }

  private async forgetPending(uid: string): Promise<void> {
    await this.shared.deleteValue(pendingKey(uid));
    await this.shared.reset(codeAttemptsKey(uid));
  }
}

function normalisePatch(patch: AccountPatch): AccountPatch {
  if ('website' in patch) return { website: normaliseWebsite(patch.website) };
  if ('phones' in patch) return { phones: normalisePhones(patch.phones) };
  return { redList: patch.redList };
}
