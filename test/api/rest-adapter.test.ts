import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { RestAdapter, parseRetryAfter } from '../../src/api/rest-adapter.js';
import { SelError } from '../../src/api/errors.js';
import { configure, resetConfig } from '../../src/config.js';
import { demoAccount } from '../../src/mocks/demo-account.js';
import { accountResponse, fakeFetch, rejection, selError } from './fetch-doubles.js';

function problemResponse(status: number, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify({ status, title: 'x', ...body }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

describe('RestAdapter', () => {
  afterEach(() => {
    resetConfig();
    document.querySelectorAll('meta[name="csrf-token"]').forEach((meta) => meta.remove());
  });

  it('GETs /account with Accept: application/json and returns the account with its ETag', async () => {
    const { sent, fetch } = fakeFetch(() => accountResponse());
    const adapter = new RestAdapter({ baseUrl: '/api/sel/', fetch });
    const result = await adapter.getAccount();
    expect(result.version).to.equal('"7"');
    expect(result.account.uid).to.equal('cmartin');
    expect(sent[0]!.url).to.equal('/api/sel/account');
    expect(sent[0]!.init.method).to.equal('GET');
    expect(sent[0]!.headers.get('Accept')).to.equal('application/json');
    expect(sent[0]!.headers.has('X-CSRF-Token')).to.equal(false);
    expect(sent[0]!.init.credentials).to.equal('same-origin');
  });

  it('ignores unknown extra fields', async () => {
    const { fetch } = fakeFetch(() => accountResponse({ ...demoAccount(), eduPersonNickname: 'Clo' }));
    const { account } = await new RestAdapter({ baseUrl: '/x', fetch }).getAccount();
    expect(account).to.not.have.property('eduPersonNickname');
  });

  it('PATCHes exactly the patch with If-Match, Content-Type and the CSRF token', async () => {
    const { sent, fetch } = fakeFetch(() => accountResponse({ ...demoAccount(), redList: true }, { ETag: '"8"' }));
    const adapter = new RestAdapter({
      baseUrl: 'https://sel.example.org/v1',
      fetch,
      csrfToken: 'tok-1',
      credentials: 'include',
    });
    const result = await adapter.updateAccount({ redList: true }, '"7"');
    expect(result).to.deep.include({ version: '"8"' });
    expect(result.account.redList).to.equal(true);
    const [request] = sent;
    expect(request!.url).to.equal('https://sel.example.org/v1/account');
    expect(request!.init.method).to.equal('PATCH');
    expect(request!.headers.get('If-Match')).to.equal('"7"');
    expect(request!.headers.get('Content-Type')).to.equal('application/json');
    expect(request!.headers.get('X-CSRF-Token')).to.equal('tok-1');
    expect(request!.init.credentials).to.equal('include');
    expect(JSON.parse(String(request!.init.body))).to.deep.equal({ redList: true });
  });

  it('takes the CSRF token from the option, else configure(), else <meta name="csrf-token"> read at request time', async () => {
    const { sent, fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    const change = { currentPassword: 'a', newPassword: 'b' };
    const meta = Object.assign(document.createElement('meta'), { name: 'csrf-token', content: 'from-meta-1' });
    document.head.append(meta);
    await new RestAdapter({ baseUrl: '/x', fetch }).changePassword(change);
    meta.content = 'from-meta-2';
    await new RestAdapter({ baseUrl: '/x', fetch }).changePassword(change);
    configure({ csrfToken: () => 'from-configure' });
    await new RestAdapter({ baseUrl: '/x', fetch }).changePassword(change);
    await new RestAdapter({ baseUrl: '/x', fetch, csrfToken: () => 'from-option' }).changePassword(change);
    expect(sent.map((request) => request.headers.get('X-CSRF-Token'))).to.deep.equal([
      'from-meta-1',
      'from-meta-2',
      'from-configure',
      'from-option',
    ]);
  });

  it('POSTs the password change with only the two fields of the contract', async () => {
    const { sent, fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    const change = { currentPassword: 'old', newPassword: 'new', extra: 'not sent' } as never;
    await new RestAdapter({ baseUrl: '/x', fetch }).changePassword(change);
    expect(sent[0]!.url).to.equal('/x/account/password');
    expect(sent[0]!.init.method).to.equal('POST');
    expect(JSON.parse(String(sent[0]!.init.body))).to.deep.equal({ currentPassword: 'old', newPassword: 'new' });
  });

  const statuses: [number, string, Record<string, unknown>, Record<string, string>][] = [
    [401, 'unauthorized', {}, {}],
    [403, 'forbidden', { code: 'change_not_allowed' }, {}],
    [412, 'conflict', {}, {}],
    [428, 'conflict', {}, {}],
    [422, 'validation', { code: 'invalid', errors: [{ field: 'website', code: 'invalid_url' }] }, {}],
    [429, 'rate_limited', {}, { 'Retry-After': '42' }],
    [500, 'server', {}, {}],
    [503, 'server', {}, {}],
  ];
  for (const [status, kind, body, headers] of statuses) {
    it(`maps ${status} onto a SelError of kind ${kind}`, async () => {
      const { fetch } = fakeFetch(() => problemResponse(status, body, headers));
      const error = await selError(new RestAdapter({ baseUrl: '/x', fetch }).updateAccount({ website: null }, '"1"'));
      expect(error).to.be.instanceOf(SelError);
      expect(error.kind).to.equal(kind);
      expect(error.status).to.equal(status);
      if (status === 422) expect(error.fieldErrors).to.deep.equal([{ field: 'website', code: 'invalid_url' }]);
      if (status === 403) expect(error.code).to.equal('change_not_allowed');
      if (status === 429) expect(error.retryAfterSeconds).to.equal(42);
    });
  }

  it('reads when a locked account may try again (403 account_locked with Retry-After), and not without it', async () => {
    for (const [headers, expected] of [
      [{ 'Retry-After': '900' }, 900],
      [{}, undefined],
    ] as const) {
      const { fetch } = fakeFetch(() => problemResponse(403, { code: 'account_locked' }, headers));
      const error = await selError(
        new RestAdapter({ baseUrl: '/x', fetch }).changePassword({ currentPassword: 'a', newPassword: 'b' }),
      );
      expect(error.kind).to.equal('forbidden');
      expect(error.code).to.equal('account_locked');
      expect(error.retryAfterSeconds).to.equal(expected);
    }
  });

  it('carries policy violations and the server detail, and never the password, in a 422', async () => {
    const { fetch } = fakeFetch(() =>
      problemResponse(422, { code: 'policy_violation', violations: ['too_short', 'breached'], detail: 'Trop court.' }),
    );
    const error = await selError(
      new RestAdapter({ baseUrl: '/x', fetch }).changePassword({
        currentPassword: 'S3cret!old',
        newPassword: 'Tiny1!',
      }),
    );
    expect(error.kind).to.equal('validation');
    expect(error.code).to.equal('policy_violation');
    expect(error.violations).to.deep.equal(['too_short', 'breached']);
    expect(error.detail).to.equal('Trop court.');
    const everything = JSON.stringify({ ...error, message: error.message, stack: error.stack });
    expect(everything).to.not.contain('S3cret!old');
    expect(everything).to.not.contain('Tiny1!');
  });

  it('turns a body that is not JSON, not an object, or without a readable editable into invalid_response', async () => {
    const cases = [
      new Response('<html>Login</html>', { status: 200, headers: { ETag: '"1"' } }),
      accountResponse([demoAccount()]),
      accountResponse({ uid: 'x' }),
      accountResponse({ ...demoAccount(), editable: { website: 'yes' } }),
    ];
    for (const response of cases) {
      const { fetch } = fakeFetch(() => response);
      const error = await selError(new RestAdapter({ baseUrl: '/x', fetch }).getAccount());
      expect(error.kind).to.equal('invalid_response');
    }
  });

  it('turns a failed fetch into network', async () => {
    const fetch = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof globalThis.fetch;
    const error = await selError(new RestAdapter({ baseUrl: '/x', fetch }).getAccount());
    expect(error.kind).to.equal('network');
  });

  it('abandons a request after timeoutMs as a timeout, aborting the fetch', async () => {
    let seenSignal: AbortSignal | undefined;
    const fetch = ((_: unknown, init: RequestInit) =>
      new Promise((_resolve, reject) => {
        seenSignal = init.signal!;
        init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      })) as typeof globalThis.fetch;
    const error = await selError(new RestAdapter({ baseUrl: '/x', fetch, timeoutMs: 50 }).getAccount());
    expect(error.kind).to.equal('timeout');
    expect(seenSignal!.aborted).to.equal(true);
  });

  it('rejects with an AbortError, not a SelError, when the caller aborts', async () => {
    const fetch = ((_: unknown, init: RequestInit) =>
      new Promise((_resolve, reject) => {
        init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      })) as typeof globalThis.fetch;
    const controller = new AbortController();
    const pending = new RestAdapter({ baseUrl: '/x', fetch }).getAccount({ signal: controller.signal });
    controller.abort();
    const error = (await rejection(pending)) as DOMException;
    expect(error).to.not.be.instanceOf(SelError);
    expect(error.name).to.equal('AbortError');
  });

  it('refuses to be built without a baseUrl', () => {
    expect(() => new RestAdapter({ baseUrl: ' ' })).to.throw(TypeError);
  });

  describe('any payload (property)', () => {
    it('only ever yields an account or a SelError, never another exception', async () => {
      const payload = fc.oneof(
        fc.anything(),
        fc.record({ ...Object.fromEntries(Object.keys(demoAccount()).map((key) => [key, fc.anything()])) }),
        // A valid account with one field replaced by anything: the closest a buggy backend gets.
        fc
          .tuple(fc.constantFrom(...Object.keys(demoAccount())), fc.anything())
          .map(([key, value]) => ({ ...demoAccount(), [key]: value })),
      );
      await fc.assert(
        // Either JSON of any shape, or any text at all (an HTML login page, a truncated body).
        fc.asyncProperty(
          fc.oneof(
            payload.map((body) => JSON.stringify(body) ?? 'null'),
            fc.string(),
          ),
          async (text) => {
            const { fetch } = fakeFetch(() => new Response(text, { status: 200, headers: { ETag: '"1"' } }));
            try {
              const { account } = await new RestAdapter({ baseUrl: '/x', fetch }).getAccount();
              expect(account.uid).to.be.a('string');
              expect(account.phones).to.be.an('array');
            } catch (error) {
              expect(error).to.be.instanceOf(SelError);
              expect((error as SelError).kind).to.equal('invalid_response');
            }
          },
        ),
        { numRuns: 300 },
      );
    });

    it('maps any error status onto a SelError whatever the body', async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 400, max: 599 }), fc.string(), async (status, body) => {
          const { fetch } = fakeFetch(() => new Response(body, { status }));
          const error = await rejection(new RestAdapter({ baseUrl: '/x', fetch }).getAccount());
          expect(error).to.be.instanceOf(SelError);
        }),
        { numRuns: 100 },
      );
    });
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('30')).to.equal(30);
    expect(parseRetryAfter(new Date(Date.now() + 10_000).toUTCString())).to.be.within(9, 11);
    expect(parseRetryAfter(null)).to.equal(undefined);
    expect(parseRetryAfter('soon')).to.equal(undefined);
  });
});
