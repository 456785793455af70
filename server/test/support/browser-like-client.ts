/**
 * What a page of the server does over HTTP: log in (following the login redirects by hand, keeping the
 * cookies as a browser does), then call the API with the CSRF token and its own `Origin`, as
 * `RestAdapter` does.
 */
export interface ApiCall {
  method?: string;
  body?: unknown;
  rawBody?: string;
  ifMatch?: string;
  csrf?: string | null;
  origin?: string | null;
  headers?: Record<string, string>;
}

export class BrowserLikeClient {
  /** The cookies the server set, by name, as a browser keeps them (the server's paths are all `/`). */
  readonly cookies = new Map<string, string>();
  csrf = '';

  constructor(readonly baseUrl: string) {}

  /** The `Cookie` header the browser sends: `NAME=VALUE; NAME=VALUE`. */
  get cookie(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Replaces every cookie with those of a `Cookie` header (another browser's, or a tampered one). */
  set cookie(header: string) {
    this.cookies.clear();
    for (const pair of header.split(';')) {
      const at = pair.indexOf('=');
      if (at > 0) this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }

  /** Fetches without following redirects and keeps the cookies the server sets, dropping those it expires. */
  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('Cookie', this.cookie);
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      if (at <= 0) continue;
      const name = pair.slice(0, at).trim();
      const expired = /max-age=0|expires=thu, 01 jan 1970/i.test(line);
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(at + 1).trim());
    }
    return response;
  }

  /** Logs in (dev or header mode) and reads the CSRF token from the page, as the elements do. */
  async login(headers: Record<string, string> = {}): Promise<void> {
    const login = await this.request('/auth/login?return=/', { headers });
    if (login.status !== 302) throw new Error(`login answered ${login.status}`);
    await this.readCsrfToken(headers);
  }

  /** Reads the session's CSRF token from the page, as the elements do. */
  async readCsrfToken(headers: Record<string, string> = {}): Promise<void> {
    const page = await this.request('/', { headers });
    const html = await page.text();
    const token = /<meta name="csrf-token" content="([^"]+)"/.exec(html)?.[1];
    if (!token) throw new Error(`no CSRF token on the page (${page.status})`);
    this.csrf = token;
  }

  async api(path: string, call: ApiCall = {}): Promise<Response> {
    const method = call.method ?? 'GET';
    const headers: Record<string, string> = { Accept: 'application/json', ...call.headers };
    if (call.body !== undefined || call.rawBody !== undefined) headers['Content-Type'] = 'application/json';
    if (call.ifMatch !== undefined) headers['If-Match'] = call.ifMatch;
    if (method !== 'GET') {
      const csrf = call.csrf === undefined ? this.csrf : call.csrf;
      if (csrf !== null) headers['X-CSRF-Token'] = csrf;
      const origin = call.origin === undefined ? new URL(this.baseUrl).origin : call.origin;
      if (origin !== null) headers['Origin'] = origin;
    }
    return this.request(`/api${path}`, {
      method,
      headers,
      ...(call.rawBody !== undefined
        ? { body: call.rawBody }
        : call.body !== undefined && { body: JSON.stringify(call.body) }),
    });
  }

  async version(): Promise<string> {
    const response = await this.api('/account');
    return response.headers.get('ETag') ?? '';
  }
}
