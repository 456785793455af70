/**
 * One account state per adapter, shared by every element that uses that adapter: four elements on a
 * page make one GET, a save in one updates the others, and the version (ETag) sent with the next save
 * is always the newest one seen.
 */
import type { SelAdapter, VersionedAccount } from '../api/adapter.js';
import { SelError, isAbortError, isSelError } from '../api/errors.js';
import type { Account, AccountPatch, PasswordChange } from '../contract/schemas.js';

interface SharedLoad {
  promise: Promise<VersionedAccount>;
  controller: AbortController;
  /** Callers still waiting: when the last one aborts (its element left the page), the GET is aborted. */
  waiting: number;
}

export interface StoreCallOptions {
  signal?: AbortSignal;
}

export class AccountStore {
  readonly adapter: SelAdapter;
  private current: VersionedAccount | undefined;
  private failure: SelError | undefined;
  private shared: SharedLoad | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(adapter: SelAdapter) {
    this.adapter = adapter;
  }

  get account(): Account | undefined {
    return this.current?.account;
  }

  get version(): string | undefined {
    return this.current?.version;
  }

  /** Why the last load failed, while no newer load has started. */
  get loadError(): SelError | undefined {
    return this.failure;
  }

  get loading(): boolean {
    return this.shared !== undefined;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The account, loaded once: callers arriving while the GET is in flight share it. `force` loads again
   * even when an account is already held (the « Réessayer » button, a 412).
   */
  load(options: StoreCallOptions & { force?: boolean } = {}): Promise<VersionedAccount> {
    const { signal, force = false } = options;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this.current && !force && !this.shared) return Promise.resolve(this.current);
    const shared = this.shared ?? this.startLoad();
    shared.waiting++;
    if (!signal) return shared.promise;

    return new Promise<VersionedAccount>((resolve, reject) => {
      const onAbort = () => {
        shared.waiting--;
        if (shared.waiting === 0) shared.controller.abort(signal.reason);
        reject(abortReason(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  /** Saves one part of the account with the newest version; every subscriber sees the result. */
  async update(patch: AccountPatch, options: StoreCallOptions = {}): Promise<Account> {
    const { version } = this.current ?? (await this.load(options));
    try {
      const updated = await this.adapter.updateAccount(patch, version, options);
      this.set(updated);
      return updated.account;
    } catch (error) {
      if (isSelError(error) && error.kind === 'conflict') {
        // Someone saved elsewhere: fetch what the server has now, so that the element can show it and the
        // next attempt carries the new version. The caller still learns of the conflict.
        await this.load({ force: true }).catch(() => undefined);
      }
      throw error;
    }
  }

  async changePassword(change: PasswordChange, options: StoreCallOptions = {}): Promise<void> {
    await this.adapter.changePassword(change, options);
    // The server moved passwordChangedAt: refresh what other sections show, without making the caller wait.
    void this.load({ force: true }).catch(() => undefined);
  }

  private startLoad(): SharedLoad {
    const controller = new AbortController();
    const shared: SharedLoad = {
      controller,
      waiting: 0,
      promise: this.adapter.getAccount({ signal: controller.signal }).then(
        (value) => {
          if (this.shared === shared) this.shared = undefined;
          this.failure = undefined;
          this.set(value);
          return value;
        },
        (error: unknown) => {
          if (this.shared === shared) this.shared = undefined;
          // Aborted because every caller left: not a failure, the next caller simply starts again.
          if (!isAbortError(error) && !controller.signal.aborted) {
            this.failure = toSelError(error);
            this.notify();
            throw this.failure;
          }
          this.notify();
          throw error;
        },
      ),
    };
    // Nobody may be listening to this promise when every caller aborted; never report it as unhandled.
    shared.promise.catch(() => undefined);
    this.shared = shared;
    this.failure = undefined;
    this.notify();
    return shared;
  }

  private set(value: VersionedAccount): void {
    this.current = value;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Custom adapters may reject with anything; elements only ever deal with a `SelError`. */
export function toSelError(error: unknown): SelError {
  if (isSelError(error)) return error;
  return new SelError('server', 'The adapter failed with an unexpected error.', { cause: error });
}

const stores = new WeakMap<SelAdapter, AccountStore>();

/** The one store of an adapter: elements given the same adapter share it. */
export function storeFor(adapter: SelAdapter): AccountStore {
  let store = stores.get(adapter);
  if (!store) {
    store = new AccountStore(adapter);
    stores.set(adapter, store);
  }
  return store;
}
