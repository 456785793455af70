/**
 * A few connections to the directory, bound as the service account, shared by every request. Each use
 * borrows one connection for one operation. A directory that is down, slow or gone mid-answer never makes
 * a request hang: every wait (connecting, a free connection, an answer) is bounded, and the caller gets
 * `DirectoryUnavailableError` with a retry delay. A connection that failed is thrown away and a fresh one
 * replaces it at the next use, which is how the pool recovers when the directory comes back.
 */
import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { Client, ResultCodeError } from 'ldapts';
import { DirectoryUnavailableError } from '../../domain/errors.js';
import type { ResolvedLdapStoreOptions } from './options.js';

/** Result codes that mean "the directory cannot serve now", not "your request is wrong". */
const UNAVAILABLE_CODES = new Set([51 /* busy */, 52 /* unavailable */, 80 /* other: e.g. database error */]);

export class ConnectionPool {
  private readonly idle: Client[] = [];
  private readonly waiting: Array<{ resolve: (client: Client) => void; reject: (error: Error) => void }> = [];
  private size = 0;
  private inFlight = 0;
  private drained?: () => void;
  private closed = false;
  private readonly tls: ConnectionOptions | undefined;

  constructor(private readonly options: ResolvedLdapStoreOptions) {
    this.tls = options.caFile ? { ca: [readFileSync(options.caFile)] } : undefined;
  }

  /** A client of its own, not bound, with the pool's URL, TLS and timeouts (for a bind as a person). */
  async connect(): Promise<Client> {
    const secure = this.options.url.startsWith('ldaps:');
    const client = new Client({
      url: this.options.url,
      timeout: this.options.timeoutMs,
      connectTimeout: this.options.timeoutMs,
      // ldapts opens TLS at once whenever tlsOptions is set: give it only to ldaps://, StartTLS gets it below.
      ...(secure && this.tls ? { tlsOptions: this.tls } : {}),
    });
    if (this.options.startTls) await client.startTLS(this.tls ?? {});
    return client;
  }

  /** Runs `operation` on a connection bound as the service account. */
  async use<T>(operation: (client: Client) => Promise<T>): Promise<T> {
    if (this.closed) throw new DirectoryUnavailableError(this.options.retryAfterSeconds);
    this.inFlight += 1;
    let client: Client | undefined;
    try {
      client = await this.acquire();
      const result = await operation(client);
      this.release(client);
      return result;
    } catch (error) {
      if (client) {
        if (isDirectoryAnswer(error) && client.isBound) this.release(client);
        else this.discard(client);
      }
      throw this.translate(error);
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.drained?.();
    }
  }

  /** Turns failures of the connection itself into `DirectoryUnavailableError`; other errors pass. */
  translate(error: unknown): unknown {
    if (error instanceof DirectoryUnavailableError) return error;
    if (isDirectoryAnswer(error) && !UNAVAILABLE_CODES.has(error.code)) return error;
    return new DirectoryUnavailableError(this.options.retryAfterSeconds, { cause: error });
  }

  /** Waits for operations in flight, then closes every connection. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(new DirectoryUnavailableError(0));
    if (this.inFlight > 0) await new Promise<void>((resolve) => (this.drained = resolve));
    await Promise.all(this.idle.splice(0).map((client) => client.unbind().catch(() => undefined)));
    this.size = 0;
  }

  private async acquire(): Promise<Client> {
    for (;;) {
      const client = this.idle.pop();
      if (!client) break;
      // A connection the directory closed (a restart) would be reopened by ldapts unbound: never use it.
      if (client.isBound) return client;
      this.discard(client);
    }
    if (this.size < this.options.poolSize) {
      this.size += 1;
      try {
        return await this.openBound();
      } catch (error) {
        this.size -= 1;
        throw error;
      }
    }
    return this.waitForFree();
  }

  private async openBound(): Promise<Client> {
    const client = await this.connect();
    try {
      await client.bind(this.options.bindDn, this.options.bindPassword);
      return client;
    } catch (error) {
      await client.unbind().catch(() => undefined);
      throw error;
    }
  }

  private waitForFree(): Promise<Client> {
    return new Promise((resolve, reject) => {
      const waiter = {
        resolve: (client: Client) => {
          clearTimeout(timer);
          resolve(client);
        },
        reject: (error: Error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        reject(new DirectoryUnavailableError(this.options.retryAfterSeconds));
      }, this.options.timeoutMs);
      this.waiting.push(waiter);
    });
  }

  private release(client: Client): void {
    const waiter = this.waiting.shift();
    if (waiter) waiter.resolve(client);
    else this.idle.push(client);
  }

  private discard(client: Client): void {
    this.size -= 1;
    client.unbind().catch(() => undefined);
    // Someone waiting for a free connection gets a fresh one in its place.
    const waiter = this.waiting.shift();
    if (waiter) {
      this.size += 1;
      this.openBound().then(waiter.resolve, (error: unknown) => {
        this.size -= 1;
        waiter.reject(this.translate(error) as Error);
      });
    }
  }
}

function isDirectoryAnswer(error: unknown): error is ResultCodeError {
  return error instanceof ResultCodeError;
}
