/**
 * The mock backend (the code behind the MSW handlers, the demo and Storybook) must answer exactly what
 * docs/openapi.yaml documents: every answer's status is listed for its operation, its content type is the
 * documented one, its body validates against the documented schema and the documented headers are there.
 * So the mocks cannot drift from the document that backend developers implement.
 *
 * Runs in Node (`npm run test:contract`), with the same `handleContractRequest` the MSW handlers call.
 * Deliberately broken answers (`invalid_response`) and dropped connections have no documented form and are
 * left out.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryAdapter, type MemoryFault, type MemoryOperation } from '../../src/mocks/memory-adapter.js';
import { DEMO_PASSWORD } from '../../src/mocks/demo-account.js';
import { handleContractRequest, NETWORK_ERROR } from '../../src/mocks/contract-http.js';
import { assertConforms } from '../helpers/openapi-conformance.js';

const BASE = 'http://mock.invalid/api/sel';

interface Call {
  method: 'GET' | 'PATCH' | 'POST';
  path: '/account' | '/account/password';
  body?: unknown;
  /** `current` sends the version the backend holds now; a string is sent as is; undefined sends none. */
  ifMatch?: 'current' | string;
}

async function call(backend: MemoryAdapter, { method, path, body, ifMatch }: Call): Promise<Response> {
  const headers = new Headers({ Accept: 'application/json' });
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  if (ifMatch === 'current') headers.set('If-Match', (await backend.getAccount()).version);
  else if (ifMatch !== undefined) headers.set('If-Match', ifMatch);
  const request = new Request(BASE + path, {
    method,
    headers,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const answer = await handleContractRequest(backend, request, path);
  assert.notEqual(answer, NETWORK_ERROR, `${method} ${path} dropped the connection`);
  return answer as Response;
}

async function expectConforming(backend: MemoryAdapter, request: Call, status: number): Promise<void> {
  const response = await call(backend, request);
  assert.equal(response.status, status, `${request.method} ${request.path}: expected ${status}`);
  await assertConforms(request.path, request.method, response);
}

const GET_ACCOUNT: Call = { method: 'GET', path: '/account' };
const PATCH_WEBSITE: Call = {
  method: 'PATCH',
  path: '/account',
  body: { website: 'https://perso.example.org/' },
  ifMatch: 'current',
};
const CHANGE_PASSWORD: Call = {
  method: 'POST',
  path: '/account/password',
  body: { currentPassword: DEMO_PASSWORD, newPassword: 'Un-nouveau-mot-de-passe-2026' },
};

describe('the mock backend answers what docs/openapi.yaml documents', () => {
  describe('successes', () => {
    it('GET /account: 200 with an Account and an ETag', async () => {
      await expectConforming(new MemoryAdapter(), GET_ACCOUNT, 200);
    });

    for (const body of [
      { website: 'https://perso.example.org/' },
      { website: null },
      { phones: [{ type: 'mobile', number: '+33612345678' }] },
      { phones: [] },
      { redList: true },
    ]) {
      it(`PATCH /account ${JSON.stringify(body)}: 200 with the updated Account`, async () => {
        await expectConforming(new MemoryAdapter(), { ...PATCH_WEBSITE, body }, 200);
      });
    }

    it('POST /account/password: 204 without a body', async () => {
      await expectConforming(new MemoryAdapter(), CHANGE_PASSWORD, 204);
    });
  });

  describe('refusals that come from the request itself', () => {
    it('PATCH without If-Match: 428', async () => {
      await expectConforming(new MemoryAdapter(), { ...PATCH_WEBSITE, ifMatch: undefined }, 428);
    });

    it('PATCH with a stale If-Match: 412', async () => {
      await expectConforming(new MemoryAdapter(), { ...PATCH_WEBSITE, ifMatch: '"0"' }, 412);
    });

    it('PATCH with a body that is not an AccountPatch: 400', async () => {
      await expectConforming(new MemoryAdapter(), { ...PATCH_WEBSITE, body: { uid: 'someone-else' } }, 400);
    });

    it('PATCH with an invalid website: 422 with field errors', async () => {
      await expectConforming(new MemoryAdapter(), { ...PATCH_WEBSITE, body: { website: 'javascript:alert(1)' } }, 422);
    });

    it('PATCH with eleven phones: 422 too_many', async () => {
      const phones = Array.from({ length: 11 }, (_, index) => ({ type: 'office', number: `+3354945490${index % 10}` }));
      phones[10] = { type: 'mobile', number: '+33612345678' };
      await expectConforming(new MemoryAdapter(), { ...PATCH_WEBSITE, body: { phones } }, 422);
    });

    it('POST /account/password with a wrong current password: 422 wrong_current_password', async () => {
      const body = { currentPassword: 'not-the-password', newPassword: 'Un-nouveau-mot-de-passe-2026' };
      await expectConforming(new MemoryAdapter(), { ...CHANGE_PASSWORD, body }, 422);
    });

    it('POST /account/password with a password the policy refuses: 422 with violations', async () => {
      const body = { currentPassword: DEMO_PASSWORD, newPassword: 'court' };
      await expectConforming(new MemoryAdapter(), { ...CHANGE_PASSWORD, body }, 422);
    });

    it('POST /account/password after five wrong passwords: 429 with Retry-After', async () => {
      const backend = new MemoryAdapter();
      const body = { currentPassword: 'not-the-password', newPassword: 'Un-nouveau-mot-de-passe-2026' };
      for (let attempt = 0; attempt < 5; attempt++) await call(backend, { ...CHANGE_PASSWORD, body });
      await expectConforming(backend, { ...CHANGE_PASSWORD, body }, 429);
    });

    it('POST /account/password with a body that is not a PasswordChange: 400', async () => {
      await expectConforming(new MemoryAdapter(), { ...CHANGE_PASSWORD, body: { password: 'x' } }, 400);
    });

    it('POST when the password is not editable: 403 change_not_allowed', async () => {
      const backend = new MemoryAdapter();
      backend.changeElsewhere({ editable: { website: true, phones: true, redList: true, password: false } });
      await expectConforming(backend, CHANGE_PASSWORD, 403);
    });
  });

  describe('every fault switch of the mocks', () => {
    const faults: Array<[MemoryFault, number]> = [
      [{ kind: 'unauthorized' }, 401],
      [{ kind: 'forbidden' }, 403],
      [{ kind: 'conflict' }, 412],
      [{ kind: 'validation', fieldErrors: [{ field: 'website', code: 'invalid_url' }] }, 422],
      [{ kind: 'validation' }, 422],
      [{ kind: 'rate_limited', retryAfterSeconds: 12 }, 429],
      [{ kind: 'server' }, 500],
    ];
    const operations: Array<[MemoryOperation, Call]> = [
      ['load', GET_ACCOUNT],
      ['save', PATCH_WEBSITE],
      ['password', CHANGE_PASSWORD],
    ];
    for (const [operation, request] of operations) {
      for (const [fault, status] of faults) {
        it(`${request.method} ${request.path} with the ${fault.kind} fault${fault.fieldErrors ? ' and field errors' : ''}: ${status}`, async () => {
          const backend = new MemoryAdapter();
          const ifMatch = request.ifMatch === 'current' ? (await backend.getAccount()).version : undefined;
          backend.setFault(operation, fault);
          await expectConforming(backend, { ...request, ifMatch }, status);
        });
      }
    }
  });
});
