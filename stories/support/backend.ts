/**
 * Mock backends for the stories. Each backend sits behind its own base URL, because stores are shared per
 * adapter and adapters per base: a story with its own base always starts from its own account.
 *
 * One MSW handler (`storyHandlers`, installed for every story in preview.ts) routes `/api/stories/<name>/…`
 * to the backend registered under that base. A docs page, which renders every story of a component at
 * once, therefore reaches every story's backend, not only the last one whose handlers were installed.
 */
import { http, HttpResponse, passthrough, type HttpHandler } from 'msw';
import { MemoryAdapter, type MemoryAdapterOptions } from '../../src/mocks/memory-adapter.js';
import { handleContractRequest, NETWORK_ERROR } from '../../src/mocks/contract-http.js';

const STORIES_BASE = '/api/stories';
const backends = new Map<string, MemoryAdapter>();

export const storyHandlers: HttpHandler[] = [
  http.all(`${STORIES_BASE}/:backend/*`, async ({ request, params }) => {
    const apiBase = `${STORIES_BASE}/${String(params['backend'])}`;
    const backend = backends.get(apiBase);
    // An unknown base is a mistake in a story: let it reach the static server and fail visibly.
    if (!backend) return passthrough();
    const path = new URL(request.url).pathname.slice(apiBase.length);
    const answer = await handleContractRequest(backend, request, path);
    return answer === NETWORK_ERROR ? HttpResponse.error() : answer;
  }),
];

export interface StoryBackend {
  backend: MemoryAdapter;
  apiBase: string;
}

export type BackendSetup = (backend: MemoryAdapter) => void;

/**
 * What every request waits by default: long enough to see the loading and saving states go by. The CI
 * check (scripts/check-stories.mjs) opens stories with `?mockLatency=0`: it waits for the end states the
 * play functions reach, and states meant to be looked at (loading, pending) wait forever anyway.
 */
function defaultLatency(): number {
  const fromUrl = Number(new URLSearchParams(globalThis.location?.search).get('mockLatency') ?? Number.NaN);
  return Number.isFinite(fromUrl) && fromUrl >= 0 ? fromUrl : 300;
}

function register(apiBase: string, options: MemoryAdapterOptions, setup?: BackendSetup): MemoryAdapter {
  const backend = new MemoryAdapter({ latencyMs: defaultLatency(), ...options });
  setup?.(backend);
  backends.set(apiBase, backend);
  return backend;
}

/**
 * A backend created once, when the stories file loads: the story keeps its account while the person
 * moves around Storybook. `parameters` is kept for stories written against the first version of this
 * helper; the handlers are installed for every story anyway.
 */
export function storyBackend(name: string, options: MemoryAdapterOptions = {}, setup?: BackendSetup) {
  const apiBase = `${STORIES_BASE}/${name}`;
  const backend = register(apiBase, options, setup);
  return { backend, apiBase, parameters: { msw: { handlers: { stories: storyHandlers } } } };
}

let renders = 0;

/**
 * A loader giving each render of a story a fresh backend behind a fresh base: reopening a story (or
 * « Remount ») starts again from the same state, faults included, as the play function expects.
 * The story reads it as `context.loaded` (see `loadedBackend`).
 */
export function backendLoader(name: string, options: MemoryAdapterOptions = {}, setup?: BackendSetup) {
  return async (): Promise<StoryBackend> => {
    const apiBase = `${STORIES_BASE}/${name}-${++renders}`;
    return { backend: register(apiBase, options, setup), apiBase };
  };
}

/** The backend a `backendLoader` made for this render. */
export function loadedBackend(context: { loaded: Record<string, unknown> }): StoryBackend {
  const { backend, apiBase } = context.loaded;
  if (!(backend instanceof MemoryAdapter) || typeof apiBase !== 'string') {
    throw new Error('This story has no backendLoader.');
  }
  return { backend, apiBase };
}

/** Long enough for a designer to look at a pending state: the request never ends while they look. */
export const FOREVER_MS = 24 * 60 * 60 * 1000;
