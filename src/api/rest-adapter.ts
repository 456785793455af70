/**
 * `SelAdapter` over the HTTP contract (docs/openapi.yaml). Maps every status of the contract onto a
 * `SelError` kind, and every response body through the zod schemas: nothing unchecked reaches an element.
 */
import type { SelAdapter, RequestOptions, VersionedAccount } from './adapter.js';
import { SelError, isAbortError } from './errors.js';
import {
  accountSchema,
  problemSchema,
  type AccountPatch,
  type PasswordChange,
  type Problem,
} from '../contract/schemas.js';
import { getConfig, type CsrfTokenSource } from '../config.js';

export interface RestAdapterOptions {
  /** Base URL of the contract, absolute or relative to the page: `/api/sel`, `https://sel.example.org/v1`. */
  baseUrl: string;
  /** `fetch` credentials mode; `same-origin` by default, `include` for a backend on another origin. */
  credentials?: RequestCredentials;
  /** CSRF token for non-GET requests; else `configure({ csrfToken })`, else `<meta name="csrf-token">`. */
  csrfToken?: CsrfTokenSource;
  /** Milliseconds before a request is abandoned as a `timeout`; 15 000 by default. */
  timeoutMs?: number;
  /** A `fetch` to use instead of the global one (a portal's instrumented fetch, a test double). */
  fetch?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 15_000;

export class RestAdapter implements SelAdapter {
  readonly baseUrl: string;
  private readonly options: RestAdapterOptions;

  constructor(options: RestAdapterOptions) {
    if (!options || typeof options.baseUrl !== 'string' || options.baseUrl.trim() === '') {
      throw new TypeError('RestAdapter needs a baseUrl, such as "/api/sel".');
    }
    this.options = options;
    this.baseUrl = options.baseUrl.trim().replace(/\/+$/, '');
  }

  async getAccount(options: RequestOptions = {}): Promise<VersionedAccount> {
    const response = await this.request('GET', '/account', undefined, {}, options.signal);
    return readVersionedAccount(response);
  }

  async updateAccount(patch: AccountPatch, version: string, options: RequestOptions = {}): Promise<VersionedAccount> {
    const response = await this.request('PATCH', '/account', patch, { 'If-Match': version }, options.signal);
    return readVersionedAccount(response);
  }

  async changePassword(change: PasswordChange, options: RequestOptions = {}): Promise<void> {
    // Only the two fields the contract names: nothing else the caller's object holds is sent.
    const body = { currentPassword: change.currentPassword, newPassword: change.newPassword };
    await this.request('POST', '/account/password', body, {}, options.signal);
  }

  private async request(
    method: 'GET' | 'PATCH' | 'POST',
    path: string,
    body: unknown,
    extraHeaders: Record<string, string>,
    callerSignal: AbortSignal | undefined,
  ): Promise<Response> {
    callerSignal?.throwIfAborted();
    const headers: Record<string, string> = { Accept: 'application/json', ...extraHeaders };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET') {
      const token = this.csrfToken();
      if (token) headers['X-CSRF-Token'] = token;
    }

    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const forwardAbort = () => controller.abort(callerSignal?.reason);
    callerSignal?.addEventListener('abort', forwardAbort, { once: true });

    const doFetch = this.options.fetch ?? globalThis.fetch.bind(globalThis);
    const init: RequestInit = {
      method,
      headers,
      credentials: this.options.credentials ?? 'same-origin',
      signal: controller.signal,
      cache: 'no-store',
    };
    if (body !== undefined) init.body = JSON.stringify(body);

    try {
      const response = await doFetch(this.baseUrl + path, init);
      if (!response.ok) throw await errorFromResponse(response, method, path);
      return response;
    } catch (error) {
      if (error instanceof SelError) throw error;
      if (callerSignal?.aborted) throw abortReason(callerSignal);
      if (timedOut) {
        throw new SelError('timeout', `${method} ${path}: no answer within ${timeoutMs} ms`, { cause: error });
      }
      if (isAbortError(error)) throw error;
      throw new SelError('network', `${method} ${path}: the server could not be reached`, { cause: error });
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', forwardAbort);
    }
  }

  private csrfToken(): string | undefined {
    const source = this.options.csrfToken ?? getConfig().csrfToken;
    if (source !== undefined) {
      const token = typeof source === 'function' ? source() : source;
      return token || undefined;
    }
    // Read at request time: a portal may rotate the token in the page after login.
    if (typeof document === 'undefined') return undefined;
    const meta = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]');
    return meta?.content || undefined;
  }
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The request was aborted.', 'AbortError');
}

async function readVersionedAccount(response: Response): Promise<VersionedAccount> {
  const version = response.headers.get('ETag');
  const json = await readJson(response);
  const parsed = accountSchema.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    throw new SelError('invalid_response', `The account does not match the contract (${fields}).`, {
      status: response.status,
    });
  }
  if (!version) {
    // Without the ETag no later PATCH can be sent (If-Match). Cross-origin backends must also list it in
    // Access-Control-Expose-Headers for the browser to let us read it.
    throw new SelError('invalid_response', 'The account response has no ETag header.', { status: response.status });
  }
  return { account: parsed.data, version };
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new SelError('invalid_response', 'The response body is not JSON.', { status: response.status, cause: error });
  }
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    const parsed = problemSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Parses `Retry-After` as delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

async function errorFromResponse(response: Response, method: string, path: string): Promise<SelError> {
  const { status } = response;
  const problem = await readProblem(response);
  const details = {
    status,
    ...(problem.code !== undefined && { code: problem.code }),
    ...(problem.detail !== undefined && { detail: problem.detail }),
    ...(problem.errors !== undefined && { fieldErrors: problem.errors }),
    ...(problem.violations !== undefined && { violations: problem.violations }),
  };
  const where = `${method} ${path} answered ${status}`;
  switch (status) {
    case 401:
      return new SelError('unauthorized', `${where}: the session has ended`, details);
    case 403:
      return new SelError('forbidden', `${where}: not allowed`, details);
    case 409:
    case 412:
    case 428:
      // 428 means the version was missing: like a stale one, the cure is to reload the account.
      return new SelError('conflict', `${where}: the account changed or its version was missing`, details);
    case 400:
    case 422:
      return new SelError('validation', `${where}: the server refused the input`, details);
    case 429: {
      const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
      return new SelError('rate_limited', `${where}: too many attempts`, {
        ...details,
        ...(retryAfterSeconds !== undefined && { retryAfterSeconds }),
      });
    }
    default:
      return new SelError('server', `${where}`, details);
  }
}
