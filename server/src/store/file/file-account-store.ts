/**
 * The embedded store (`SEL_STORE=file`): one JSON file per account under `<dataDir>/accounts/`, each write
 * atomic, each account's changes serialised, passwords as scrypt hashes with a history of hashes.
 * One instance owns a data directory (a lock file in it says which): several instances need the LDAP store.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AccountPatch, PasswordChange } from 'sel-widgets/core';
import type { AccountStore, StoredAccount } from '../account-store.js';
import { PolicyViolationError, StaleVersionError, WrongCurrentPasswordError } from '../../domain/errors.js';
import { parseRecord, serialiseRecord, type AccountRecord } from './account-record.js';
import { removeLeftoverTempFiles, TEMP_SUFFIX, writeFileAtomic, type AtomicWriteHooks } from './atomic-write.js';
import { hashPassword, OWASP_SCRYPT, verifyPassword, type ScryptParams } from './password-hash.js';
import { KeyedQueue } from './keyed-queue.js';
import { readSeed } from './seed.js';
import { deepFreeze } from './deep-freeze.js';
import { DependencyState, SILENT_LOGGER, type OperationsLogger, type Readiness } from '../../health/readiness.js';
import { DataDirectoryLock } from './data-dir-lock.js';

export interface FileStoreOptions {
  dataDir: string;
  /** Accounts to create when the directory holds none; none by default (the server passes the demo ones in dev). */
  seedFile?: string | URL | undefined;
  /** Parameters of new hashes; OWASP's by default (tests lower them for speed). */
  hashParams?: ScryptParams;
  /** Where a crash is simulated in tests. */
  writeHooks?: AtomicWriteHooks;
  now?: () => Date;
  /** Where a data directory that stops taking writes is reported, once per change. */
  logger?: OperationsLogger;
}

const etag = (version: number): string => String(version);

export class FileAccountStore implements AccountStore {
  readonly kind = 'file';
  private readonly queue = new KeyedQueue();
  private readonly cache = new Map<string, AccountRecord>();
  private closed = false;
  private readonly writable: DependencyState;

  private constructor(
    private readonly accountsDir: string,
    private readonly options: FileStoreOptions,
    private readonly lock: DataDirectoryLock,
  ) {
    this.writable = new DependencyState('File store', options.logger ?? SILENT_LOGGER);
  }

  /**
   * Opens the directory (creating and seeding it on first start) and clears what a crash left behind.
   * Throws `DataDirectoryLockedError` while another live process has it open.
   */
  static async open(options: FileStoreOptions): Promise<FileAccountStore> {
    const accountsDir = join(options.dataDir, 'accounts');
    await mkdir(accountsDir, { recursive: true, mode: 0o700 });
    // Before anything else: the leftovers removed below could be another live instance's writes in flight.
    const lock = await DataDirectoryLock.acquire(options.dataDir);
    try {
      await removeLeftoverTempFiles(accountsDir);
      const store = new FileAccountStore(accountsDir, options, lock);
      if (options.seedFile !== undefined && (await readdir(accountsDir)).length === 0) {
        await store.seed(options.seedFile);
      }
      return store;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  async get(uid: string): Promise<StoredAccount | null> {
    const record = await this.read(uid);
    // The cached account is frozen: every reader may share it, and no copy is made per request.
    return record && { account: record.account, version: etag(record.version) };
  }

  update(uid: string, patch: AccountPatch, version: string): Promise<StoredAccount> {
    return this.exclusive(uid, async () => {
      const record = await this.read(uid);
      if (!record || etag(record.version) !== version) throw new StaleVersionError();
      const account = { ...record.account, ...patch };
      const next: AccountRecord = { ...record, account, version: record.version + 1 };
      await this.write(uid, next);
      return { account: next.account, version: etag(next.version) };
    });
  }

  setRecoveryEmails(uid: string, emails: string[], version: string): Promise<StoredAccount> {
    return this.exclusive(uid, async () => {
      const record = await this.read(uid);
      if (!record || etag(record.version) !== version) throw new StaleVersionError();
      // Kept in the account as served: the service shows them only while recovery is on.
      const account = { ...record.account, recoveryEmails: [...emails] };
      const next: AccountRecord = { ...record, account, version: record.version + 1 };
      await this.write(uid, next);
      return { account: next.account, version: etag(next.version) };
    });
  }

  async verifyPassword(uid: string, password: string): Promise<void> {
    const record = await this.read(uid);
    if (!record || !(await verifyPassword(password, record.passwordHash))) throw new WrongCurrentPasswordError();
  }

  changePassword(uid: string, change: PasswordChange): Promise<void> {
    return this.exclusive(uid, async () => {
      const record = await this.read(uid);
      if (!record || !(await verifyPassword(change.currentPassword, record.passwordHash))) {
        throw new WrongCurrentPasswordError();
      }
      const historySize = record.account.passwordPolicy.historySize ?? 0;
      if (historySize > 0) {
        for (const hash of [record.passwordHash, ...record.history].slice(0, historySize)) {
          if (await verifyPassword(change.newPassword, hash)) throw new PolicyViolationError(['in_history']);
        }
      }
      const now = (this.options.now ?? (() => new Date()))();
      // The version stays: only the editable parts move it, as the mock backend does, so a page that
      // changed its password does not see its next save refused as stale.
      await this.write(uid, {
        ...record,
        account: { ...record.account, passwordChangedAt: now.toISOString() },
        passwordHash: await hashPassword(change.newPassword, this.options.hashParams ?? OWASP_SCRYPT),
        history: [record.passwordHash, ...record.history].slice(0, Math.max(historySize - 1, 0)),
      });
    });
  }

  /**
   * Whether a write would succeed now: a file system remounted read-only after an error, or permissions
   * changed under the server, still let every read through, so only writing says it. The probe is named
   * like a temporary file, so that one a crash leaves behind is removed at the next start.
   */
  async ready(): Promise<Readiness> {
    if (this.closed) return { ok: false, reason: 'the store is closed' };
    const probe = join(this.accountsDir, `.ready-probe-${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
    try {
      await writeFile(probe, 'ok', { flag: 'wx', mode: 0o600 });
      await rm(probe);
      this.writable.up();
    } catch (error) {
      // The code (EROFS, EACCES, ENOSPC) says what to fix; the path is the administrator's to know, not the
      // load balancer's.
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      this.writable.down(`the data directory cannot be written (${code})`);
    }
    return this.writable.readiness;
  }

  /** Lets the writes in flight finish, then releases the data directory; safe to call twice. */
  async close(): Promise<void> {
    this.closed = true;
    await this.queue.drain();
    await this.lock.release();
  }

  private exclusive<T>(uid: string, task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the store is closed'));
    return this.queue.run(uid, task);
  }

  private fileOf(uid: string): string {
    // encodeURIComponent keeps a uid inside the directory: no "/" survives it.
    return join(this.accountsDir, `${encodeURIComponent(uid)}.json`);
  }

  private async read(uid: string): Promise<AccountRecord | null> {
    const cached = this.cache.get(uid);
    if (cached) return cached;
    let text: string;
    try {
      text = await readFile(this.fileOf(uid), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const record = deepFreeze(parseRecord(text, `the account file of ${uid}`));
    this.cache.set(uid, record);
    return record;
  }

  private async write(uid: string, record: AccountRecord): Promise<void> {
    await writeFileAtomic(this.fileOf(uid), serialiseRecord(record), this.options.writeHooks);
    this.cache.set(uid, deepFreeze(record));
  }

  private async seed(seedFile: string | URL): Promise<void> {
    const entries = await readSeed(seedFile);
    for (const { account, password } of entries) {
      const passwordHash = await hashPassword(password, this.options.hashParams ?? OWASP_SCRYPT);
      await this.write(account.uid, { version: 1, account, passwordHash, history: [] });
    }
  }
}
