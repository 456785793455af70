/**
 * The account resource of the real server over real HTTP, every answer checked against docs/openapi.yaml:
 * GET and PATCH with strong ETags, 428/412/400/422/403, problem+json with `Cache-Control: no-store`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertConforms } from '../../../test/helpers/openapi-conformance.js';
import { BrowserLikeClient, type ApiCall } from '../support/browser-like-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let client: BrowserLikeClient;

before(async () => {
  server = await startTestServer();
  client = new BrowserLikeClient(server.url);
  await client.login();
});
after(() => server.close());

/** Calls the API and checks the answer against the document before handing it back. */
async function conforming(path: '/account' | '/account/password', call: ApiCall, status: number): Promise<Response> {
  const response = await client.api(path, call);
  const copy = response.clone();
  assert.equal(response.status, status, `${call.method ?? 'GET'} ${path}: ${await copy.clone().text()}`);
  await assertConforms(path, call.method ?? 'GET', copy);
  return response;
}

async function problem(response: Response): Promise<Record<string, unknown>> {
  assert.equal(response.headers.get('Content-Type')?.split(';')[0], 'application/problem+json');
  assert.equal(response.headers.get('Cache-Control'), 'no-store');
  return (await response.json()) as Record<string, unknown>;
}

describe('GET /account', () => {
  it('answers the account with a strong ETag, no-store and the CSRF token', async () => {
    const response = await conforming('/account', {}, 200);
    assert.match(response.headers.get('ETag') ?? '', /^"[^"]+"$/);
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
    assert.equal(response.headers.get('X-CSRF-Token'), client.csrf);
    const account = (await response.json()) as { uid: string };
    assert.equal(account.uid, 'cmartin');
  });

  it('answers 401 problem+json without a session, never a redirect', async () => {
    const anonymous = new BrowserLikeClient(server.url);
    const response = await anonymous.api('/account');
    assert.equal(response.status, 401);
    assert.equal((await problem(response.clone()))['code'], 'unauthorized');
    await assertConforms('/account', 'GET', response);
  });
});

describe('PATCH /account', () => {
  it('saves the website and answers the new account with a new ETag', async () => {
    const before = await client.version();
    const response = await conforming(
      '/account',
      { method: 'PATCH', body: { website: 'https://perso.example.org/claire' }, ifMatch: before },
      200,
    );
    const after = response.headers.get('ETag');
    assert.ok(after && after !== before);
    assert.equal(((await response.json()) as { website: string }).website, 'https://perso.example.org/claire');
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
  });

  it('stores phones in E.164 whatever the way they were written', async () => {
    const body = {
      phones: [
        { type: 'office', number: '05 49 45 30 00' },
        { type: 'mobile', number: '+33 6 12 34 56 78' },
      ],
    };
    const response = await conforming('/account', { method: 'PATCH', body, ifMatch: await client.version() }, 200);
    const account = (await response.json()) as { phones: { number: string }[] };
    assert.deepEqual(
      account.phones.map((phone) => phone.number),
      ['+33549453000', '+33612345678'],
    );
  });

  it('changes the liste rouge', async () => {
    const response = await conforming(
      '/account',
      { method: 'PATCH', body: { redList: true }, ifMatch: await client.version() },
      200,
    );
    assert.equal(((await response.json()) as { redList: boolean }).redList, true);
  });

  it('removes the website with null', async () => {
    const response = await conforming(
      '/account',
      { method: 'PATCH', body: { website: null }, ifMatch: await client.version() },
      200,
    );
    assert.equal(((await response.json()) as { website: null }).website, null);
  });

  it('answers 428 without If-Match', async () => {
    const response = await conforming('/account', { method: 'PATCH', body: { redList: false } }, 428);
    assert.equal((await problem(response))['code'], 'missing_if_match');
  });

  it('answers 412 to a stale If-Match, and the account is unchanged', async () => {
    const stale = await client.version();
    await client.api('/account', { method: 'PATCH', body: { redList: false }, ifMatch: stale });
    const response = await conforming('/account', { method: 'PATCH', body: { redList: true }, ifMatch: stale }, 412);
    assert.equal((await problem(response))['code'], 'stale_version');
    const account = (await (await client.api('/account')).json()) as { redList: boolean };
    assert.equal(account.redList, false);
  });

  it('answers 400 to a body that is not exactly one part', async () => {
    const ifMatch = await client.version();
    for (const body of [{ uid: 'someone-else' }, { redList: true, website: null }, { redList: 'yes' }, [], 'text']) {
      const response = await conforming('/account', { method: 'PATCH', body, ifMatch }, 400);
      assert.equal((await problem(response))['code'], 'bad_request');
    }
  });

  it('answers 400 to a body that is not JSON', async () => {
    const response = await client.api('/account', {
      method: 'PATCH',
      rawBody: '{"redList": tru',
      ifMatch: await client.version(),
    });
    assert.equal(response.status, 400);
    assert.equal((await problem(response))['code'], 'bad_request');
  });

  it('answers 422 with field errors for a website that is not http(s)', async () => {
    const ifMatch = await client.version();
    for (const [website, code] of [
      ['javascript:alert(1)', 'unsupported_scheme'],
      ['perso.example.org', 'unsupported_scheme'],
      [`https://example.org/${'a'.repeat(2100)}`, 'too_long'],
      ['https://user:pw@example.org/', 'credentials'],
    ]) {
      const response = await conforming('/account', { method: 'PATCH', body: { website }, ifMatch }, 422);
      const body = await problem(response);
      assert.deepEqual(body['errors'], [{ field: 'website', code }], String(website));
    }
  });

  it('answers 422 for invalid, duplicate and too many phones', async () => {
    const ifMatch = await client.version();
    const cases: Array<[unknown[], unknown[]]> = [
      [[{ type: 'office', number: '+33 1 23' }], [{ field: 'phones[0].number', code: 'invalid_number' }]],
      [
        [
          { type: 'office', number: '+33549454999' },
          { type: 'other', number: '05 49 45 49 99' },
        ],
        [{ field: 'phones[1].number', code: 'duplicate' }],
      ],
      [
        Array.from({ length: 11 }, (_, index) => ({
          type: 'mobile',
          number: `+336123456${String(index).padStart(2, '0')}`,
        })),
        [{ field: 'phones', code: 'too_many' }],
      ],
    ];
    for (const [phones, errors] of cases) {
      const response = await conforming('/account', { method: 'PATCH', body: { phones }, ifMatch }, 422);
      assert.deepEqual((await problem(response))['errors'], errors);
    }
  });

  it('answers 400 to an unknown phone type', async () => {
    const body = { phones: [{ type: 'pager', number: '+33549454999' }] };
    await conforming('/account', { method: 'PATCH', body, ifMatch: await client.version() }, 400);
  });
});

describe('what is not editable', () => {
  it('answers 403 not_editable for a part the account may not change', async () => {
    const other = await startTestServer({ SEL_DEV_USER: 'pdurand' });
    try {
      const paul = new BrowserLikeClient(other.url);
      await paul.login();
      const response = await paul.api('/account', {
        method: 'PATCH',
        body: { website: 'https://example.org/' },
        ifMatch: await paul.version(),
      });
      assert.equal(response.status, 403);
      assert.equal((await problem(response.clone()))['code'], 'not_editable');
      await assertConforms('/account', 'PATCH', response);
    } finally {
      await other.close();
    }
  });
});

describe('every error is problem+json', () => {
  it('404 for an unknown path, under the API and elsewhere', async () => {
    for (const path of ['/api/nothing-here', '/nothing-here']) {
      const response = await client.request(path);
      assert.equal(response.status, 404);
      assert.equal((await problem(response))['code'], 'not_found');
    }
  });

  it('405 with Allow for a method the resource does not have', async () => {
    for (const [method, path, allow] of [
      ['DELETE', '/account', 'GET, HEAD, PATCH'],
      ['PUT', '/account', 'GET, HEAD, PATCH'],
      ['GET', '/account/password', 'POST'],
    ] as const) {
      const response = await client.api(path, { method });
      assert.equal(response.status, 405, `${method} ${path}`);
      assert.equal(response.headers.get('Allow'), allow);
      assert.equal((await problem(response))['code'], 'method_not_allowed');
    }
  });

  it('413 past the body limit', async () => {
    const body = { website: `https://example.org/${'a'.repeat(20_000)}` };
    const response = await client.api('/account', { method: 'PATCH', body, ifMatch: await client.version() });
    assert.equal(response.status, 413);
    assert.equal((await problem(response))['code'], 'payload_too_large');
  });
});
