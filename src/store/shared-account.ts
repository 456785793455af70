/**
 * One account state per adapter, shared by every element that uses that adapter: four elements on a
 * page make one GET, a save in one updates the others, and the version (ETag) sent with the next save
 * is always the newest one seen.
 *
 * Saves go one after another, each with the version the previous one returned: two sections saved
 * together must not send the same ETag (the second would get a 412 for a change that is its own page's).
 * A GET that may have been answered before a save was applied never puts older data back. A save is never
 * aborted: once sent, the server may apply it, so its outcome must reach the state even when the element
 * that asked has left the page.
 */
import type { SelAdapter, VersionedAccount } from '../api/adapter.js';
import { SelError, isAbortError, isSelError } from '../api/errors.js';
import type { AccountField } from '../contract/read-account.js';
import type { Account, AccountPatch, PasswordChange } from '../contract/schemas.js';
import { sessionAlive } from './session.js';

interface SharedLoad {
  promise: Promise<VersionedAccount>;
  controller: AbortController;
  /** Callers still waiting: when the last one aborts (its element left the page), the GET is aborted. */
  waiting: number;
  /** `writes` when it started, or -1 if a save was in flight then: its answer may predate that save. */
  mark: number;
}

export interface StoreCallOptions {
  signal?: AbortSignal;
}

export class SharedAccount {
  readonly adapter: SelAdapter;
  private current: VersionedAccount | undefined;
  private failure: SelError | undefined;
  private shared: SharedLoad | undefined;
  private readonly listeners = new Set<() => void>();
  /** Moves on when a save is sent and when it is answered: a load that saw it move is older than a save. */
  private writes = 0;
  private savesInFlight = 0;
  /** The tail of the saves: the next one starts when it settles. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(adapter: SelAdapter) {
    this.adapter = adapter;
  }

  get account(): Account | undefined {
    return this.current?.account;
  }

  get version(): string | undefined {
    return this.current?.version;
  }

  /** Fields of the held account that the backend sent in a shape the contract does not know. */
  get unreadable(): readonly AccountField[] {
    return this.current?.unreadable ?? [];
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
    // A GET in flight since before a save cannot tell what the server holds now: a forced load starts anew.
    const reusable = this.shared && (!force || this.shared.mark === this.writes) ? this.shared : undefined;
    const shared = reusable ?? this.startLoad();
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

  /**
   * Saves one part of the account with the newest version, after any save already queued; every subscriber
   * sees the result. The request is not aborted when the caller leaves (see the file's comment), so no
   * signal is taken.
   */
  update(patch: AccountPatch): Promise<Account> {
    const saved = this.queue.then(() => this.send(patch));
    this.queue = saved.catch(() => undefined);
    return saved;
  }

  /** The password change is never aborted either: the server may already have changed it. */
  async changePassword(change: PasswordChange): Promise<void> {
    await this.adapter.changePassword(change);
    sessionAlive();
    // The server moved passwordChangedAt: refresh what other sections show, without making the caller wait.
    void this.load({ force: true }).catch(() => undefined);
  }

  private async send(patch: AccountPatch): Promise<Account> {
    let { version } = this.current ?? (await this.load());
    // The last answer had no ETag (a PATCH through a proxy that drops it): ask for the account again.
    if (!version) ({ version } = await this.load({ force: true }));
    if (!version) {
      throw new SelError('invalid_response', 'The backend sends no ETag: nothing can be saved without one.', {
        code: 'missing_etag',
      });
    }
    this.savesInFlight++;
    this.writes++;
    let updated: VersionedAccount;
    try {
      updated = await this.adapter.updateAccount(patch, version);
    } catch (error) {
      this.savesInFlight--;
      this.writes++;
      if (isSelError(error) && error.kind === 'conflict') {
        // Someone saved elsewhere: fetch what the server has now, so that the element can show it and the
        // next attempt carries the new version. The caller still learns of the conflict.
        await this.load({ force: true }).catch(() => undefined);
      }
      throw error;
    }
    this.savesInFlight--;
    this.writes++;
    sessionAlive();
    this.set(updated);
    return updated.account;
  }

  private startLoad(): SharedLoad {
    const controller = new AbortController();
    const shared: SharedLoad = {
      controller,
      waiting: 0,
      mark: this.savesInFlight === 0 ? this.writes : -1,
      promise: this.adapter.getAccount({ signal: controller.signal }).then(
        (value) => {
          if (this.shared === shared) this.shared = undefined;
          this.failure = undefined;
          sessionAlive();
          // Answered perhaps before a save was applied: what the save returned is newer.
          if (shared.mark !== this.writes && this.current) {
            this.notify();
            return this.current;
          }
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

const stores = new WeakMap<SelAdapter, SharedAccount>();

/** The one store of an adapter: elements given the same adapter share it. */
export function sharedAccountFor(adapter: SelAdapter): SharedAccount {
  let store = stores.get(adapter);
  if (!store) {
    store = new SharedAccount(adapter);
    stores.set(adapter, store);
  }
  return store;
}
