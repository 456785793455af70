/**
 * The HTTP contract over a `MemoryAdapter`: a fetch-API `Request` in, a `Response` out. The MSW handlers
 * (browser, Storybook, tests) and the Node middleware behind the plain-HTML test both call this, so there
 * is one mock backend, and it speaks exactly what docs/openapi.yaml documents.
 */
import { MemoryAdapter, STATUS_OF_FAULT } from './memory-adapter.js';
import { SelError } from '../api/errors.js';
import { accountPatchSchema, passwordChangeSchema } from '../contract/request-schemas.js';

/** Returned instead of a `Response` when the connection must drop without an answer. */
export const NETWORK_ERROR = Symbol('network error');
export type ContractAnswer = Response | typeof NETWORK_ERROR;

const JSON_HEADERS = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };

export async function handleContractRequest(
  backend: MemoryAdapter,
  request: Request,
  path: string,
): Promise<ContractAnswer> {
  try {
    if (path === '/account' && request.method === 'GET') {
      const { account, version } = await backend.getAccount({ signal: request.signal });
      return Response.json(account, { headers: { ...JSON_HEADERS, ETag: version } });
    }
    if (path === '/account' && request.method === 'PATCH') {
      const version = request.headers.get('If-Match');
      if (!version) return problem(428, 'missing_if_match', 'Send the ETag of the account in If-Match.');
      const patch = accountPatchSchema.safeParse(await readJson(request));
      if (!patch.success)
        return problem(400, 'bad_request', 'The body must hold exactly one of website, phones, redList.');
      const updated = await backend.updateAccount(patch.data, version, { signal: request.signal });
      return Response.json(updated.account, { headers: { ...JSON_HEADERS, ETag: updated.version } });
    }
    if (path === '/account/password' && request.method === 'POST') {
      const change = passwordChangeSchema.safeParse(await readJson(request));
      if (!change.success) return problem(400, 'bad_request', 'The body must hold currentPassword and newPassword.');
      await backend.changePassword(change.data, { signal: request.signal });
      return new Response(null, { status: 204 });
    }
    if (path === '/account' || path === '/account/password') {
      return problem(405, 'method_not_allowed', `${request.method} is not allowed here.`);
    }
    return problem(404, 'not_found', 'No such resource.');
  } catch (error) {
    if (error instanceof SelError) return answerForError(error, request.signal);
    throw error;
  }
}

async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

async function answerForError(error: SelError, signal: AbortSignal): Promise<ContractAnswer> {
  switch (error.kind) {
    case 'network':
      return NETWORK_ERROR;
    case 'timeout':
      // A server that never answers: hold the request until the client gives up.
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      return NETWORK_ERROR;
    case 'invalid_response':
      // Looks like success, but the body is not an account.
      return Response.json({ uid: 42, displayName: null }, { headers: { ...JSON_HEADERS, ETag: '"broken"' } });
    default: {
      const status = error.status ?? (error.kind === 'not_configured' ? 500 : STATUS_OF_FAULT[error.kind]) ?? 500;
      const extra: Record<string, unknown> = {};
      if (error.fieldErrors) extra['errors'] = error.fieldErrors;
      if (error.violations) extra['violations'] = error.violations;
      const headers: Record<string, string> = {};
      if (error.retryAfterSeconds !== undefined) headers['Retry-After'] = String(error.retryAfterSeconds);
      return problem(status, error.code ?? error.kind, error.detail ?? error.message, extra, headers);
    }
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  412: 'Precondition Failed',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

function problem(
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  const body = { type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail, code, ...extra };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...headers },
  });
}
