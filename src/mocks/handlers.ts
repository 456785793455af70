/**
 * MSW handlers implementing the HTTP contract over a `MemoryAdapter`: for Storybook, the demo page, our
 * element tests and portals' own tests. Switch faults and latency on the backend you pass in.
 *
 * ```ts
 * const backend = new MemoryAdapter({ latencyMs: 300 });
 * const worker = setupWorker(...createSelHandlers({ backend, baseUrl: '/api/sel' }));
 * backend.setFault('save', { kind: 'rate_limited', retryAfterSeconds: 30 });
 * ```
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { MemoryAdapter } from './memory-adapter.js';
import { handleContractRequest, NETWORK_ERROR } from './contract-http.js';

export interface SelHandlersOptions {
  /** The account, faults and latency behind the handlers; a fresh demo account by default. */
  backend?: MemoryAdapter;
  /** Where the contract is mounted, as the elements' `api-base`: `/api/sel` by default. */
  baseUrl?: string;
}

export function createSelHandlers(options: SelHandlersOptions = {}): HttpHandler[] {
  const backend = options.backend ?? new MemoryAdapter();
  const base = (options.baseUrl ?? '/api/sel').replace(/\/+$/, '');
  const respond = async ({ request }: { request: Request }) => {
    const path = new URL(request.url).pathname;
    const basePath = new URL(base, 'http://placeholder').pathname.replace(/\/+$/, '');
    const answer = await handleContractRequest(backend, request, path.slice(basePath.length));
    return answer === NETWORK_ERROR ? HttpResponse.error() : answer;
  };
  return [http.all(`${base}/account`, respond), http.all(`${base}/account/password`, respond)];
}
