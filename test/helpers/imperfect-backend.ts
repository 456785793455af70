/**
 * A backend as real deployments get it wrong, behind a `RestAdapter` `fetch`: a proxy that weakens or drops
 * the ETag, a directory value the contract does not know, an absurd Retry-After. It checks If-Match
 * strictly, as RFC 9110 says an origin server must.
 */
import { RestAdapter } from '../../src/api/rest-adapter.js';
import { demoAccount } from '../../src/mocks/demo-account.js';

export interface ImperfectBackendOptions {
  /** How the ETag reaches the browser: as sent, weakened by a compressing proxy, or dropped. */
  etag?: 'strong' | 'weak' | 'none';
  /** Whether a PATCH answer carries the ETag (a proxy may drop it on PATCH only). */
  etagOnPatch?: boolean;
  /** Fields of the account body replaced as they are, even out of contract. */
  body?: Record<string, unknown>;
  /** Every PATCH is answered 429 with this Retry-After. */
  retryAfter?: string;
}

export function imperfectBackend(options: ImperfectBackendOptions = {}) {
  let account: Record<string, unknown> = { ...demoAccount(), ...options.body };
  let version = 1;
  const requests: { method: string; ifMatch: string | null }[] = [];
  const tag = () => `"v${version}"`;
  const shown = () => (options.etag === 'weak' ? `W/${tag()}` : tag());
  const answer = (withTag: boolean) =>
    new Response(JSON.stringify(account), {
      status: 200,
      headers: { 'Content-Type': 'application/json', ...(withTag && options.etag !== 'none' && { ETag: shown() }) },
    });
  const fetch = (async (_input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    const method = init.method ?? 'GET';
    requests.push({ method, ifMatch: headers.get('If-Match') });
    if (method === 'GET') return answer(true);
    if (options.retryAfter !== undefined) {
      return new Response(JSON.stringify({ status: 429, code: 'rate_limited' }), {
        status: 429,
        headers: { 'Content-Type': 'application/problem+json', 'Retry-After': options.retryAfter },
      });
    }
    // Strong comparison: W/"v1" never matches "v1".
    if (headers.get('If-Match') !== tag()) {
      return new Response(JSON.stringify({ status: 412, code: 'precondition_failed' }), {
        status: 412,
        headers: { 'Content-Type': 'application/problem+json' },
      });
    }
    account = { ...account, ...(JSON.parse(String(init.body)) as Record<string, unknown>) };
    version++;
    return answer(options.etagOnPatch ?? true);
  }) as typeof globalThis.fetch;
  return { adapter: new RestAdapter({ baseUrl: '/imperfect', fetch }), requests, account: () => account };
}
