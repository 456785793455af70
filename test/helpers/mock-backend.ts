/**
 * Each test gets its own backend behind its own base URL: stores are shared per adapter and adapters per
 * base URL, so a fresh base is what keeps one test's account from leaking into the next.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { MemoryAdapter, type MemoryAdapterOptions } from '../../src/mocks/memory-adapter.js';
import { createSelHandlers } from '../../src/mocks/handlers.js';

let worker: SetupWorker | undefined;
let started: Promise<unknown> | undefined;
let counter = 0;

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

export interface TestBackend {
  backend: MemoryAdapter;
  apiBase: string;
  /** Every request that reached the mock server for this base, in order. */
  requests: RecordedRequest[];
}

export async function mockBackend(options: MemoryAdapterOptions = {}): Promise<TestBackend> {
  worker ??= setupWorker();
  started ??= worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  await started;
  const apiBase = `/api/test-${Date.now()}-${++counter}`;
  const backend = new MemoryAdapter(options);
  const requests: RecordedRequest[] = [];
  worker.use(...createSelHandlers({ backend, baseUrl: apiBase }));
  worker.events.on('request:start', ({ request }) => {
    if (!new URL(request.url).pathname.startsWith(apiBase + '/')) return;
    const copy = request.clone();
    const recorded: RecordedRequest = { method: request.method, url: request.url, headers: request.headers, body: '' };
    requests.push(recorded);
    void copy.text().then((text) => (recorded.body = text));
  });
  return { backend, apiBase, requests };
}
