/**
 * `SelAdapter` over an account held in memory, with the semantics of the HTTP contract (versions and
 * 412, 403 on a part that is not editable, 422 on invalid values, 429 after repeated wrong passwords),
 * optional latency and injected faults. For demos, Storybook and tests; the MSW handlers speak HTTP on
 * top of it, so the mocked HTTP backend and this adapter can never disagree.
 */
import type { SelAdapter, RequestOptions, VersionedAccount } from '../api/adapter.js';
import { SelError, type FieldError, type SelErrorKind } from '../api/errors.js';
import { accountSchema, type Account, type AccountPatch, type PasswordChange } from '../contract/schemas.js';
import { demoAccount, DEMO_PASSWORD } from './demo-account.js';
import { checkPasswordOnServer } from '../validation/server-password-check.js';
import { checkWebsite as checkWebsiteInput } from '../validation/website.js';

export type MemoryOperation = 'load' | 'save' | 'password';
export type MemoryFaultKind = Exclude<SelErrorKind, 'not_configured'>;

export interface MemoryFault {
  kind: MemoryFaultKind;
  /** The `Retry-After` to announce: 30 by default with `rate_limited`, none otherwise (`account_locked` may give one). */
  retryAfterSeconds?: number;
  /** With `validation`: the field errors of the 422; with `forbidden`: the problem code. */
  fieldErrors?: FieldError[];
  code?: string;
  violations?: string[];
  /** Fail only the next request of this operation, then succeed again. */
  once?: boolean;
}

export interface MemoryAdapterOptions {
  /** The account to start from; the demo account by default. */
  account?: Account;
  /** The password `changePassword` expects as current; the demo password by default. */
  currentPassword?: string;
  /** Milliseconds every request waits before answering. */
  latencyMs?: number;
  /** Keeps the account across page reloads (the demo uses `sessionStorage`). */
  persist?: { storage: Pick<Storage, 'getItem' | 'setItem'>; key: string };
}

interface PersistedState {
  account: Account;
  version: number;
  password: string;
}

const WRONG_PASSWORDS_BEFORE_LIMIT = 5;
const RATE_LIMIT_SECONDS = 60;

export class MemoryAdapter implements SelAdapter {
  latencyMs: number;
  /** How many times each operation was requested, faults included: lets tests count requests. */
  readonly calls: Record<MemoryOperation, number> = { load: 0, save: 0, password: 0 };
  private readonly faults = new Map<MemoryOperation, MemoryFault>();
  private state: PersistedState;
  private wrongPasswords = 0;
  private readonly persist: MemoryAdapterOptions['persist'];

  constructor(options: MemoryAdapterOptions = {}) {
    this.latencyMs = options.latencyMs ?? 0;
    this.persist = options.persist;
    this.state = this.restore() ?? {
      account: structuredClone(options.account ?? demoAccount()),
      version: 1,
      password: options.currentPassword ?? DEMO_PASSWORD,
    };
  }

  /** Makes every later request of `operation` fail with `fault` (until `clearFault`, or once). */
  setFault(operation: MemoryOperation, fault: MemoryFault | MemoryFaultKind): void {
    this.faults.set(operation, typeof fault === 'string' ? { kind: fault } : fault);
  }

  clearFault(operation?: MemoryOperation): void {
    if (operation) this.faults.delete(operation);
    else this.faults.clear();
  }

  /** A copy of the stored account, as the server has it now. */
  get account(): Account {
    return structuredClone(this.state.account);
  }

  get version(): string {
    return etag(this.state.version);
  }

  /** The password a change must name as current: shown on the demo page. */
  get currentPassword(): string {
    return this.state.password;
  }

  /** Changes the stored account as another session would: the version moves on, so a stale save gets 412. */
  changeElsewhere(change: Partial<Account>): void {
    this.commit({ ...this.state.account, ...change });
  }

  async getAccount(options: RequestOptions = {}): Promise<VersionedAccount> {
    this.calls.load++;
    await this.wait(options.signal);
    this.throwFault('load');
    return this.snapshot();
  }

  async updateAccount(patch: AccountPatch, version: string, options: RequestOptions = {}): Promise<VersionedAccount> {
    this.calls.save++;
    await this.wait(options.signal);
    // The elements' own list rule, downloaded at the first save of numbers as the elements download it, and
    // applied before the version is compared: from there to the commit nothing waits, as in a transaction.
    const phones = 'phones' in patch ? (await import('../validation/phone.js')).checkPhones(patch.phones) : undefined;
    this.throwFault('save', Object.keys(patch)[0]);
    if (version !== etag(this.state.version)) {
      throw new SelError('conflict', 'The account changed since it was read.', { status: 412, code: 'stale_version' });
    }
    const account = structuredClone(this.state.account);
    if ('website' in patch) {
      this.requireEditable('website');
      account.website = checkWebsite(patch.website);
    } else if (phones) {
      this.requireEditable('phones');
      if (!phones.ok) {
        throw new SelError('validation', 'Some phone numbers are invalid.', {
          status: 422,
          fieldErrors: [...phones.errors],
        });
      }
      account.phones = phones.phones;
    } else if ('redList' in patch) {
      this.requireEditable('redList');
      account.redList = patch.redList;
    }
    this.commit(account);
    return this.snapshot();
  }

  async changePassword(change: PasswordChange, options: RequestOptions = {}): Promise<void> {
    this.calls.password++;
    await this.wait(options.signal);
    this.throwFault('password');
    if (!this.state.account.editable.password) {
      throw new SelError('forbidden', 'The password is not changed here.', { status: 403, code: 'change_not_allowed' });
    }
    if (this.wrongPasswords >= WRONG_PASSWORDS_BEFORE_LIMIT) {
      throw new SelError('rate_limited', 'Too many wrong passwords.', {
        status: 429,
        retryAfterSeconds: RATE_LIMIT_SECONDS,
      });
    }
    if (change.currentPassword !== this.state.password) {
      this.wrongPasswords++;
      throw new SelError('validation', 'The current password is wrong.', {
        status: 422,
        code: 'wrong_current_password',
        fieldErrors: [{ field: 'currentPassword', code: 'wrong_current_password' }],
      });
    }
    this.wrongPasswords = 0;
    const violations = checkPasswordOnServer(change.newPassword, this.state.account, change.currentPassword);
    if (violations.length > 0) {
      throw new SelError('validation', 'The new password breaks the policy.', {
        status: 422,
        code: 'policy_violation',
        violations,
      });
    }
    this.state = {
      ...this.state,
      password: change.newPassword,
      account: { ...this.state.account, passwordChangedAt: new Date().toISOString() },
    };
    this.save();
  }

  private snapshot(): VersionedAccount {
    return { account: structuredClone(this.state.account), version: etag(this.state.version) };
  }

  private commit(account: Account): void {
    this.state = { ...this.state, account, version: this.state.version + 1 };
    this.save();
  }

  private requireEditable(part: keyof Account['editable']): void {
    if (!this.state.account.editable[part]) {
      throw new SelError('forbidden', `The ${part} is not editable here.`, { status: 403, code: 'not_editable' });
    }
  }

  /**
   * `patchedField`: the field a save sends. The contract's 422 on `PATCH /account` always names the refused
   * field, so a `validation` fault given without field errors refuses that one, with an unknown code.
   */
  private throwFault(operation: MemoryOperation, patchedField?: string): void {
    const fault = this.faults.get(operation);
    if (!fault) return;
    if (fault.once) this.faults.delete(operation);
    const retryAfterSeconds = fault.retryAfterSeconds ?? (fault.kind === 'rate_limited' ? 30 : undefined);
    const fieldErrors =
      fault.fieldErrors ??
      (fault.kind === 'validation' && patchedField ? [{ field: patchedField, code: 'rejected' }] : undefined);
    throw new SelError(fault.kind, `Injected fault on ${operation}: ${fault.kind}.`, {
      status: STATUS_OF_FAULT[fault.kind],
      ...(fault.code !== undefined && { code: fault.code }),
      ...(fieldErrors !== undefined && { fieldErrors }),
      ...(fault.violations !== undefined && { violations: fault.violations }),
      ...(retryAfterSeconds !== undefined && { retryAfterSeconds }),
    });
  }

  private async wait(signal: AbortSignal | undefined): Promise<void> {
    signal?.throwIfAborted();
    if (this.latencyMs <= 0) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, this.latencyMs);
      signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          reject(signal.reason);
        },
        { once: true },
      );
    });
  }

  private restore(): PersistedState | undefined {
    const raw = this.persist?.storage.getItem(this.persist.key);
    if (!raw) return undefined;
    try {
      const value = JSON.parse(raw) as Partial<PersistedState>;
      const account = accountSchema.safeParse(value.account);
      if (!account.success || typeof value.version !== 'number' || typeof value.password !== 'string') {
        return undefined;
      }
      return { account: account.data, version: value.version, password: value.password };
    } catch {
      return undefined;
    }
  }

  private save(): void {
    this.persist?.storage.setItem(this.persist.key, JSON.stringify(this.state));
  }
}

/** The HTTP status each fault kind stands for; the MSW handlers answer with it. */
export const STATUS_OF_FAULT: Record<MemoryFaultKind, number | undefined> = {
  network: undefined,
  timeout: undefined,
  invalid_response: 200,
  unauthorized: 401,
  forbidden: 403,
  conflict: 412,
  validation: 422,
  rate_limited: 429,
  server: 500,
};

function etag(version: number): string {
  return `"${version}"`;
}

/** The server refuses what the client refuses, with the same codes (docs/openapi.yaml lists them). */
function checkWebsite(website: string | null): string | null {
  if (website === null) return null;
  const check = checkWebsiteInput(website);
  // A server does not add a missing https:// for the client: only an exact, valid URL is stored.
  if (check.ok && (check.value === null || !check.suggested)) return check.value;
  throw new SelError('validation', 'The website is not a valid http(s) URL.', {
    status: 422,
    fieldErrors: [{ field: 'website', code: check.ok ? 'unsupported_scheme' : check.problem }],
  });
}
