/**
 * `SelAdapter` over the HTTP contract (docs/openapi.yaml). Maps every status of the contract onto a
 * `SelError` kind, and every response body through the zod schemas: nothing unchecked reaches an element.
 */
import type { SelAdapter, RequestOptions, VersionedAccount } from './adapter.js';
import { SelError, isAbortError } from './errors.js';
import { problemSchema, type AccountPatch, type PasswordChange, type Problem } from '../contract/schemas.js';
import { readAccount } from '../contract/read-account.js';
import { getConfig, type CsrfTokenSource } from '../config.js';
import { isAllowedOrigin } from './origins.js';

export interface RestAdapterOptions {
  /** Base URL of the contract, absolute or relative to the page: `/api/sel`, `https://sel.example.org/v1`. */
  baseUrl: string;
  /** `fetch` credentials mode; `same-origin` by default, `include` for a backend on another origin. */
  credentials?: RequestCredentials;
  /**
   * CSRF token for non-GET requests; else `configure({ csrfToken })` or `<meta name="csrf-token">` (sent only
   * to the page's origin or `configure({ allowedOrigins })`), else the `X-CSRF-Token` header of the last
   * `GET /account` from this base.
   */
  csrfToken?: CsrfTokenSource;
  /** Milliseconds before a request is abandoned as a `timeout`; 15 000 by default. */
  timeoutMs?: number;
  /** A `fetch` to use instead of the global one (a portal's instrumented fetch, a test double). */
  fetch?: typeof fetch;
  /**
   * The backend's login (`https://moncompte.univ-exemple.fr/auth/login`): for a backend on another origin,
   * the elements then offer « Se connecter » when it answers that there is no session (see `SelAdapter`).
   */
  loginUrl?: string;
}

const DEFAULT_TIMEOUT_MS = 15_000;

export class RestAdapter implements SelAdapter {
  readonly baseUrl: string;
  /** The backend's login, from the `loginUrl` option. */
  readonly loginUrl: string | undefined;
  private readonly options: RestAdapterOptions;
  /** The token the backend itself sent with the last `GET /account`: it goes back to that backend only. */
  private tokenFromBackend: string | undefined;

  constructor(options: RestAdapterOptions) {
    if (!options || typeof options.baseUrl !== 'string' || options.baseUrl.trim() === '') {
      throw new TypeError('RestAdapter needs a baseUrl, such as "/api/sel".');
    }
    this.options = options;
    this.baseUrl = options.baseUrl.trim().replace(/\/+$/, '');
    this.loginUrl = options.loginUrl?.trim() || undefined;
  }

  async getAccount(options: RequestOptions = {}): Promise<VersionedAccount> {
    const response = await this.request('GET', '/account', undefined, {}, options.signal);
    this.tokenFromBackend = response.headers.get('X-CSRF-Token') || this.tokenFromBackend;
    return readVersionedAccount(response);
  }

  async updateAccount(patch: AccountPatch, version: string, options: RequestOptions = {}): Promise<VersionedAccount> {
    const ifMatch = { 'If-Match': strongForm(version) };
    const response = await this.request('PATCH', '/account', patch, ifMatch, options.signal);
    return readVersionedAccount(response);
  }

  async changePassword(change: PasswordChange, options: RequestOptions = {}): Promise<void> {
    // Only the two fields the contract names: nothing else the caller's object holds is sent.
    const body = { currentPassword: change.currentPassword, newPassword: change.newPassword };
    const response = await this.request('POST', '/account/password', body, {}, options.signal);
    // 204 is the contract's only success: a 200 with a login page (a filter in front of the API) changed nothing.
    if (response.status !== 204) {
      throw new SelError('invalid_response', `POST /account/password answered ${response.status}, not 204`, {
        status: response.status,
      });
    }
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
      // A CAS filter answers an expired session with a redirect to its login page. Followed, it would replay
      // the body (both passwords on a 307), If-Match and the CSRF token to the login URL, and its HTML page
      // would pass for an answer. Not followed, it is what it means: the session has ended.
      redirect: 'manual',
    };
    if (body !== undefined) init.body = JSON.stringify(body);

    try {
      const response = await doFetch(this.baseUrl + path, init);
      if (isRedirect(response)) {
        throw new SelError('unauthorized', `${method} ${path} was redirected: the session has ended`, {
          ...(response.status !== 0 && { status: response.status }),
        });
      }
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
    if (this.options.csrfToken !== undefined) return tokenOf(this.options.csrfToken);
    // The page's token is for the page's backend: not for any origin an api-base attribute may name.
    const fromPage = isAllowedOrigin(this.baseUrl) ? pageToken() : undefined;
    return fromPage ?? this.tokenFromBackend;
  }
}

function tokenOf(source: CsrfTokenSource): string | undefined {
  const token = typeof source === 'function' ? source() : source;
  return token || undefined;
}

/** `configure({ csrfToken })`, else `<meta name="csrf-token">`, read at request time (a portal may rotate it). */
function pageToken(): string | undefined {
  const configured = getConfig().csrfToken;
  if (configured !== undefined) return tokenOf(configured);
  if (typeof document === 'undefined') return undefined;
  const meta = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]');
  return meta?.content || undefined;
}

/** `redirect: 'manual'` gives an opaque redirect (status 0); a caller's own fetch may give a 3xx or follow it. */
function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || response.redirected || (response.status >= 300 && response.status < 400);
}

/**
 * The ETag to send in If-Match. A proxy that compresses responses weakens the origin's `"x"` into `W/"x"`;
 * If-Match compares strongly (RFC 9110 §13.1.1), so a weak tag would never match and every save would be
 * refused with 412. The opaque tag is the origin's own validator: that is what goes back.
 */
export function strongForm(version: string): string {
  return version.startsWith('W/') ? version.slice(2) : version;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The request was aborted.', 'AbortError');
}

async function readVersionedAccount(response: Response): Promise<VersionedAccount> {
  // Without an ETag the account can still be read; only a save (If-Match) needs it, and the store says so.
  // Cross-origin backends must list ETag in Access-Control-Expose-Headers for the browser to let us read it.
  const version = response.headers.get('ETag') ?? '';
  const read = readAccount(await readJson(response));
  if (!read.ok) {
    throw new SelError('invalid_response', `The account does not match the contract (${read.problem}).`, {
      status: response.status,
    });
  }
  return read.unreadable.length > 0
    ? { account: read.account, version, unreadable: read.unreadable }
    : { account: read.account, version };
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

/** Parses `Retry-After` as delta-seconds or an HTTP date, at most a day; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed), MAX_RETRY_AFTER_SECONDS);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(0, Math.ceil((date - now) / 1000)), MAX_RETRY_AFTER_SECONDS);
}

/** A day: a longer wait (or a number of seconds no clock can count) is a backend's mistake, not advice. */
export const MAX_RETRY_AFTER_SECONDS = 86_400;

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
    case 403: {
      // `account_locked` says when the directory lets the person try again.
      const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
      return new SelError('forbidden', `${where}: not allowed`, {
        ...details,
        ...(retryAfterSeconds !== undefined && { retryAfterSeconds }),
      });
    }
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
