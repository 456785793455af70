/**
 * A few connections to the directory, bound as the service account, shared by every request. LDAP answers
 * many operations on one connection at once (each carries its message id), so operations are spread over
 * the connections rather than queued for one of their own: the least busy connection takes the next one,
 * and a new connection opens while every open one is busy and the pool is not full.
 *
 * A directory that is down, slow or gone mid-answer never makes a request hang: connecting and every
 * operation are bounded by `timeoutMs`, and the caller gets `DirectoryUnavailableError` with a retry delay.
 * A connection that failed is thrown away and a fresh one replaces it at the next use, which is how the
 * pool recovers when the directory comes back. Each failure and each answer after one is told to the
 * directory's `DependencyState`, which logs the changes (not every request) with their cause.
 */
import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { Client, ResultCodeError } from 'ldapts';
import { DirectoryUnavailableError } from '../../domain/errors.js';
import { DependencyState, SILENT_LOGGER } from '../../health/readiness.js';
import { PasswordPolicyControl, PPOLICY_ERRORS } from './controls/ppolicy-control.js';
import {
  bindProblem,
  CHANGE_AFTER_RESET_PROBLEM,
  describeLdapError,
  DirectoryRefusalError,
  startTlsProblem,
  UNAVAILABLE_CODES,
} from './directory-problems.js';
import type { ResolvedLdapStoreOptions } from './options.js';

interface Connection {
  ready: Promise<Client>;
  client?: Client;
  busy: number;
}

export class ConnectionPool {
  private connections: Connection[] = [];
  private inFlight = 0;
  private drained?: () => void;
  private closed = false;
  private readonly tls: ConnectionOptions | undefined;

  constructor(
    private readonly options: ResolvedLdapStoreOptions,
    private readonly state = new DependencyState('directory', SILENT_LOGGER),
  ) {
    this.tls = options.caFile ? { ca: [readFileSync(options.caFile)] } : undefined;
  }

  /**
   * A client of its own, not bound, with the pool's URL, TLS and timeouts (for a bind as a person). A
   * directory that refuses StartTLS throws `DirectoryRefusalError`: retrying will not make it accept.
   */
  async connect(): Promise<Client> {
    const secure = this.options.url.startsWith('ldaps:');
    const client = new Client({
      url: this.options.url,
      timeout: this.options.timeoutMs,
      connectTimeout: this.options.timeoutMs,
      // ldapts opens TLS at once whenever tlsOptions is set: give it only to ldaps://, StartTLS gets it below.
      ...(secure && this.tls ? { tlsOptions: this.tls } : {}),
    });
    if (this.options.startTls) {
      try {
        await client.startTLS(this.tls ?? {});
      } catch (error) {
        await client.unbind().catch(() => undefined);
        if (error instanceof ResultCodeError && !UNAVAILABLE_CODES.has(error.code)) {
          throw new DirectoryRefusalError(startTlsProblem(error), { cause: error });
        }
        throw error;
      }
    }
    return client;
  }

  /** Runs `operation` on a connection bound as the service account. */
  async use<T>(operation: (client: Client) => Promise<T>): Promise<T> {
    if (this.closed) throw new DirectoryUnavailableError(this.options.retryAfterSeconds);
    this.inFlight += 1;
    let connection: Connection | undefined;
    try {
      connection = this.pick();
      connection.busy += 1;
      const client = await connection.ready;
      try {
        const result = await operation(client);
        this.state.up();
        return result;
      } catch (error) {
        // An answer of the directory leaves the connection as it was; anything else means it is gone.
        if (!(isDirectoryAnswer(error) && client.isBound)) this.drop(connection);
        throw error;
      }
    } catch (error) {
      throw this.translate(error);
    } finally {
      if (connection) connection.busy -= 1;
      this.inFlight -= 1;
      if (this.inFlight === 0) this.drained?.();
    }
  }

  /**
   * Turns failures of the connection itself into `DirectoryUnavailableError`; the directory's answers pass.
   * A refused bind of the service account is one of those failures: no request can be served without it.
   */
  translate(error: unknown): unknown {
    if (error instanceof DirectoryUnavailableError) return error;
    if (isDirectoryAnswer(error) && !UNAVAILABLE_CODES.has(error.code)) {
      this.state.up();
      return error;
    }
    this.state.down(describeLdapError(error));
    return new DirectoryUnavailableError(this.options.retryAfterSeconds, { cause: error });
  }

  /** Waits for operations in flight, then closes every connection. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.inFlight > 0) await new Promise<void>((resolve) => (this.drained = resolve));
    const connections = this.connections.splice(0);
    await Promise.all(
      connections.map((connection) => connection.ready.then((client) => client.unbind()).catch(() => undefined)),
    );
  }

  private pick(): Connection {
    // A connection the directory closed (a restart) would be reopened by ldapts unbound: never use it.
    for (const connection of [...this.connections]) {
      if (connection.client && !connection.client.isBound) this.drop(connection);
    }
    let least: Connection | undefined;
    for (const connection of this.connections) if (!least || connection.busy < least.busy) least = connection;
    if (least && (least.busy === 0 || this.connections.length >= this.options.poolSize)) return least;
    const opened: Connection = { ready: this.openBound(), busy: 0 };
    opened.ready.then(
      (client) => (opened.client = client),
      () => this.drop(opened),
    );
    this.connections.push(opened);
    return opened;
  }

  /**
   * A client of its own bound as the service account (the pool's connections, and the checks at start). A
   * refused bind throws `DirectoryRefusalError` naming the variables to check; ppolicy's control tells a
   * locked or expired service account from a wrong password.
   */
  async openBound(): Promise<Client> {
    const client = await this.connect();
    const ppolicy = new PasswordPolicyControl();
    try {
      await client.bind(this.options.bindDn, this.options.bindPassword, ppolicy);
    } catch (error) {
      await client.unbind().catch(() => undefined);
      if (error instanceof ResultCodeError && !UNAVAILABLE_CODES.has(error.code)) {
        throw new DirectoryRefusalError(bindProblem(error, ppolicy.error), { cause: error });
      }
      throw error;
    }
    // The bind succeeded, but ppolicy lets a reset account do nothing but change its password.
    if (ppolicy.error === PPOLICY_ERRORS.changeAfterReset) {
      await client.unbind().catch(() => undefined);
      throw new DirectoryRefusalError(CHANGE_AFTER_RESET_PROBLEM);
    }
    return client;
  }

  private drop(connection: Connection): void {
    const index = this.connections.indexOf(connection);
    if (index < 0) return;
    this.connections.splice(index, 1);
    connection.ready.then((client) => client.unbind()).catch(() => undefined);
  }
}

function isDirectoryAnswer(error: unknown): error is ResultCodeError {
  return error instanceof ResultCodeError;
}
