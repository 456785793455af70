/**
 * RestAdapter under real portal conditions: a CAS filter in front of the API that answers an expired
 * session with a redirect or a login page, markup that points an element at another origin, proxies that
 * weaken or drop the ETag, backends that send a value the contract does not know or an absurd Retry-After.
 * The redirect cases run against a real HTTP server (the test runner's /contract-api) with the browser's
 * own fetch, because only the browser shows what a redirect does to a request.
 */
import { expect } from '@open-wc/testing';
import { RestAdapter, parseRetryAfter } from '../../src/api/rest-adapter.js';
import { SelError } from '../../src/api/errors.js';
import { configure, resetConfig } from '../../src/config.js';
import { demoAccount } from '../../src/mocks/demo-account.js';

/** A scope of the test server's contract API of this file's own: its faults reach no other file's page. */
const API = '/contract-api/scope/portal';

interface Seen {
  method: string;
  path: string;
  csrfToken: string | null;
  body: string;
}

async function rejection(promise: Promise<unknown>): Promise<SelError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(SelError);
    return error as SelError;
  }
  throw new Error('expected the promise to reject');
}

async function endSessionAs(as: string): Promise<void> {
  await fetch(`${API}/__reset`, { method: 'POST' });
  await fetch(`${API}/__session-ends?as=${as}`, { method: 'POST' });
}

async function seen(): Promise<Seen[]> {
  return (await (await fetch(`${API}/__seen`)).json()) as Seen[];
}

function recordingFetch(respond: () => Response) {
  const sent: { url: string; init: RequestInit; headers: Headers }[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    sent.push({ url: String(input), init, headers: new Headers(init.headers) });
    return respond();
  }) as typeof globalThis.fetch;
  return { sent, fetch };
}

function accountResponse(body: unknown, headers: Record<string, string> = { ETag: '"7"' }): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

describe('RestAdapter in front of a CAS filter (a real server, the browser fetch)', () => {
  const change = { currentPassword: 'Ancien-Secret-1', newPassword: 'Nouveau-Secret-2' };
  afterEach(() => fetch(`${API}/__reset`, { method: 'POST' }));

  for (const as of ['redirect', 'cas-redirect', 'temporary-redirect']) {
    it(`reads a ${as} as the end of the session and follows it nowhere, with no password or token replayed`, async () => {
      await endSessionAs(as);
      const adapter = new RestAdapter({ baseUrl: API, csrfToken: 'tok-9' });
      expect((await rejection(adapter.changePassword(change))).kind).to.equal('unauthorized');
      expect((await rejection(adapter.updateAccount({ redList: true }, '"1"'))).kind).to.equal('unauthorized');
      expect((await rejection(adapter.getAccount())).kind).to.equal('unauthorized');
      // Nothing reached the login page: no body, If-Match or token replayed there.
      const requests = await seen();
      expect(requests.filter((request) => request.path.endsWith('/__login'))).to.deep.equal([]);
    });
  }

  it('does not take a 200 login page for a changed password', async () => {
    await endSessionAs('login-page');
    const adapter = new RestAdapter({ baseUrl: API });
    const error = await rejection(adapter.changePassword(change));
    expect(error.kind).to.equal('invalid_response');
    expect(JSON.stringify({ ...error, message: error.message })).not.to.contain('Secret');
    expect((await rejection(adapter.getAccount())).kind).to.equal('invalid_response');
  });
});

describe('RestAdapter and what it is handed', () => {
  afterEach(() => {
    resetConfig();
    document.querySelectorAll('meta[name="csrf-token"]').forEach((meta) => meta.remove());
  });

  it('asks fetch not to follow redirects, and reads a followed one (a portal fetch) as the end of the session', async () => {
    const followed = new Response('<html>CAS</html>', { status: 200 });
    Object.defineProperty(followed, 'redirected', { value: true });
    const { sent, fetch } = recordingFetch(() => followed);
    const error = await rejection(
      new RestAdapter({ baseUrl: '/x', fetch }).changePassword({ currentPassword: 'a', newPassword: 'b' }),
    );
    expect(error.kind).to.equal('unauthorized');
    expect(sent[0]!.init.redirect).to.equal('manual');
  });

  it('succeeds a password change on 204 only', async () => {
    for (const status of [200, 201, 202]) {
      const { fetch } = recordingFetch(() => new Response('{}', { status }));
      const error = await rejection(
        new RestAdapter({ baseUrl: '/x', fetch }).changePassword({ currentPassword: 'a', newPassword: 'b' }),
      );
      expect(error.kind).to.equal('invalid_response');
    }
  });

  it("sends the page's token to the page's origin and to allowed origins only", async () => {
    document.head.append(Object.assign(document.createElement('meta'), { name: 'csrf-token', content: 'page-tok' }));
    const { sent, fetch } = recordingFetch(() => new Response(null, { status: 204 }));
    const change = { currentPassword: 'a', newPassword: 'b' };
    await new RestAdapter({ baseUrl: '/api/sel', fetch }).changePassword(change);
    await new RestAdapter({ baseUrl: `${location.origin}/api/sel`, fetch }).changePassword(change);
    await new RestAdapter({ baseUrl: 'https://elsewhere.example/api', fetch }).changePassword(change);
    configure({ csrfToken: 'configured-tok' });
    await new RestAdapter({ baseUrl: 'https://elsewhere.example/api', fetch }).changePassword(change);
    configure({ allowedOrigins: ['https://sel.univ.example'] });
    await new RestAdapter({ baseUrl: 'https://sel.univ.example/api', fetch }).changePassword(change);
    // The adapter's own option is the portal's code speaking: it goes where that adapter goes.
    await new RestAdapter({ baseUrl: 'https://elsewhere.example/api', fetch, csrfToken: 'own' }).changePassword(change);
    expect(sent.map((request) => request.headers.get('X-CSRF-Token'))).to.deep.equal([
      'page-tok',
      'page-tok',
      null,
      null,
      'configured-tok',
      'own',
    ]);
  });

  it('sends back the token the backend gave with its GET /account, to that backend', async () => {
    let answer = () => accountResponse(demoAccount(), { ETag: '"7"', 'X-CSRF-Token': 'from-backend' });
    const { sent, fetch } = recordingFetch(() => answer());
    const adapter = new RestAdapter({ baseUrl: 'https://elsewhere.example/api', fetch });
    await adapter.getAccount();
    answer = () => new Response(null, { status: 204 });
    await adapter.changePassword({ currentPassword: 'a', newPassword: 'b' });
    expect(sent[1]!.headers.get('X-CSRF-Token')).to.equal('from-backend');
  });

  it('sends a weak ETag back as its opaque tag, which a strict If-Match can match (RFC 9110 §13.1.1)', async () => {
    const { sent, fetch } = recordingFetch(() => accountResponse(demoAccount(), { ETag: 'W/"8"' }));
    const adapter = new RestAdapter({ baseUrl: '/x', fetch });
    const { version } = await adapter.getAccount();
    expect(version).to.equal('W/"8"');
    await adapter.updateAccount({ redList: true }, version);
    expect(sent[1]!.headers.get('If-Match')).to.equal('"8"');
  });

  it('reads an account without an ETag (version "") and an answer to a PATCH without one', async () => {
    const { fetch } = recordingFetch(() => accountResponse(demoAccount(), {}));
    const adapter = new RestAdapter({ baseUrl: '/x', fetch });
    expect((await adapter.getAccount()).version).to.equal('');
    const saved = await adapter.updateAccount({ redList: true }, '"1"');
    expect(saved.version).to.equal('');
    expect(saved.account.uid).to.equal('cmartin');
  });

  it('lists a field the contract does not know as unreadable instead of refusing the account', async () => {
    const body = { ...demoAccount(), phones: [{ type: 'home', number: '+33549454999' }], title: 42 };
    const { fetch } = recordingFetch(() => accountResponse(body));
    const read = await new RestAdapter({ baseUrl: '/x', fetch }).getAccount();
    expect(read.unreadable).to.deep.equal(['title', 'phones']);
    expect(read.account.phones).to.deep.equal([]);
    expect(read.account.redList).to.equal(false);
    expect(read.account.displayName).to.equal(demoAccount().displayName);
  });

  it('bounds Retry-After to a day', () => {
    expect(parseRetryAfter('99999999999999999999')).to.equal(86_400);
    expect(parseRetryAfter(new Date(Date.now() + 10 * 86_400_000).toUTCString())).to.equal(86_400);
    expect(parseRetryAfter('120')).to.equal(120);
  });
});
