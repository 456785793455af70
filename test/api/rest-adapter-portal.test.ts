/**
 * RestAdapter under real portal conditions: a CAS filter in front of the API that answers an expired
 * session with a redirect or a login page, markup that points an element at another origin, proxies that
 * weaken or drop the ETag, backends that send a value the contract does not know or an absurd Retry-After.
 * The redirect cases run against real HTTP responses (the test runner's /contract-api, and the msw worker)
 * with the browser's own fetch, because only the browser shows what a redirect does to a request.
 */
import { expect } from '@open-wc/testing';
import { http } from 'msw';
import { setupWorker } from 'msw/browser';
import { RestAdapter, parseRetryAfter } from '../../src/api/rest-adapter.js';
import { configure, resetConfig } from '../../src/config.js';
import { demoAccount } from '../../src/mocks/demo-account.js';
import { accountResponse, fakeFetch, selError } from './fetch-doubles.js';

/** A scope of the test server's contract API of this file's own: its faults reach no other file's page. */
const API = '/contract-api/scope/portal';

interface Seen {
  method: string;
  path: string;
  csrfToken: string | null;
  body: string;
}

async function endSessionAs(as: string): Promise<void> {
  await fetch(`${API}/__reset`, { method: 'POST' });
  await fetch(`${API}/__session-ends?as=${as}`, { method: 'POST' });
}

async function seen(): Promise<Seen[]> {
  return (await (await fetch(`${API}/__seen`)).json()) as Seen[];
}

describe('RestAdapter in front of a CAS filter (a real server, the browser fetch)', () => {
  const change = { currentPassword: 'Ancien-Secret-1', newPassword: 'Nouveau-Secret-2' };
  afterEach(() => fetch(`${API}/__reset`, { method: 'POST' }));

  for (const as of ['redirect', 'cas-redirect', 'temporary-redirect']) {
    it(`reads a ${as} as the end of the session and follows it nowhere, with no password or token replayed`, async () => {
      await endSessionAs(as);
      const adapter = new RestAdapter({ baseUrl: API, csrfToken: 'tok-9' });
      expect((await selError(adapter.changePassword(change))).kind).to.equal('unauthorized');
      expect((await selError(adapter.updateAccount({ redList: true }, '"1"'))).kind).to.equal('unauthorized');
      expect((await selError(adapter.getAccount())).kind).to.equal('unauthorized');
      // Nothing reached the login page: no body, If-Match or token replayed there.
      const requests = await seen();
      expect(requests.filter((request) => request.path.endsWith('/__login'))).to.deep.equal([]);
    });
  }

  it('does not take a 200 login page for a changed password', async () => {
    await endSessionAs('login-page');
    const adapter = new RestAdapter({ baseUrl: API });
    const error = await selError(adapter.changePassword(change));
    expect(error.kind).to.equal('invalid_response');
    expect(JSON.stringify({ ...error, message: error.message })).not.to.contain('Secret');
    expect((await selError(adapter.getAccount())).kind).to.equal('invalid_response');
  });
});

/**
 * The same filter answered by the msw worker, on a base URL of each test's own: the account loads (the
 * session was alive), then every PATCH and POST is answered `status` with a Location to the CAS login
 * page, which records whatever reaches it.
 */
const worker = setupWorker();
let backends = 0;

async function sessionEndsAfterLoad(status: number) {
  const baseUrl = `/api/portal-${Date.now()}-${++backends}`;
  const login = `${baseUrl}/cas/login`;
  const reached: string[] = [];
  const atLogin: string[] = [];
  const toLogin = ({ request }: { request: Request }) => {
    reached.push(`${request.method} ${new URL(request.url).pathname.slice(baseUrl.length)}`);
    return new Response(null, { status, headers: { Location: `${login}?service=${encodeURIComponent(request.url)}` } });
  };
  worker.use(
    http.get(`${baseUrl}/account`, () => {
      reached.push('GET /account');
      return accountResponse(demoAccount(), { ETag: '"1"' });
    }),
    http.patch(`${baseUrl}/account`, toLogin),
    http.post(`${baseUrl}/account/password`, toLogin),
    http.all(login, async ({ request }) => {
      atLogin.push(`${request.method} ${await request.text()}`);
      return new Response('<!doctype html><title>CAS</title>', { headers: { 'Content-Type': 'text/html' } });
    }),
  );
  return { baseUrl, reached, atLogin };
}

describe('RestAdapter in front of a CAS filter (the msw worker, the browser fetch)', () => {
  const change = { currentPassword: 'Ancien-Secret-1', newPassword: 'Nouveau-Secret-2' };
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());

  for (const status of [302, 303, 307]) {
    it(`a ${status} to the login page in answer to a PATCH and a POST is the end of the session, followed nowhere`, async () => {
      const { baseUrl, reached, atLogin } = await sessionEndsAfterLoad(status);
      const adapter = new RestAdapter({ baseUrl, csrfToken: 'tok-9' });
      const { version } = await adapter.getAccount();
      const saved = await selError(adapter.updateAccount({ redList: true }, version));
      expect(saved.kind).to.equal('unauthorized');
      // `redirect: 'manual'` gives an opaque redirect: the browser hides the status.
      expect(saved.status).to.equal(undefined);
      const changed = await selError(adapter.changePassword(change));
      expect(changed.kind).to.equal('unauthorized');
      expect(reached).to.deep.equal(['GET /account', 'PATCH /account', 'POST /account/password']);
      // Nothing reached the login page: no body (both passwords, on a 307), If-Match or token replayed there.
      expect(atLogin).to.deep.equal([]);
    });
  }

  it("a portal's fetch that follows the redirect: the login page it lands on is the end of the session", async () => {
    const { baseUrl, atLogin } = await sessionEndsAfterLoad(302);
    const following = ((input: RequestInfo | URL, init?: RequestInit) =>
      fetch(input, { ...init, redirect: 'follow' })) as typeof fetch;
    const adapter = new RestAdapter({ baseUrl, fetch: following });
    const { version } = await adapter.getAccount();
    expect((await selError(adapter.updateAccount({ redList: true }, version))).kind).to.equal('unauthorized');
    expect((await selError(adapter.changePassword(change))).kind).to.equal('unauthorized');
    // It did reach the login page: a 302 turns a POST into a bodiless GET, but replays a PATCH with its body.
    expect(atLogin).to.deep.equal(['PATCH {"redList":true}', 'GET ']);
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
    const { sent, fetch } = fakeFetch(() => followed);
    const error = await selError(
      new RestAdapter({ baseUrl: '/x', fetch }).changePassword({ currentPassword: 'a', newPassword: 'b' }),
    );
    expect(error.kind).to.equal('unauthorized');
    expect(sent[0]!.init.redirect).to.equal('manual');
  });

  it('succeeds a password change on 204 only', async () => {
    for (const status of [200, 201, 202]) {
      const { fetch } = fakeFetch(() => new Response('{}', { status }));
      const error = await selError(
        new RestAdapter({ baseUrl: '/x', fetch }).changePassword({ currentPassword: 'a', newPassword: 'b' }),
      );
      expect(error.kind).to.equal('invalid_response');
    }
  });

  it("sends the page's token to the page's origin and to allowed origins only", async () => {
    document.head.append(Object.assign(document.createElement('meta'), { name: 'csrf-token', content: 'page-tok' }));
    const { sent, fetch } = fakeFetch(() => new Response(null, { status: 204 }));
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
    const { sent, fetch } = fakeFetch(() => answer());
    const adapter = new RestAdapter({ baseUrl: 'https://elsewhere.example/api', fetch });
    await adapter.getAccount();
    answer = () => new Response(null, { status: 204 });
    await adapter.changePassword({ currentPassword: 'a', newPassword: 'b' });
    expect(sent[1]!.headers.get('X-CSRF-Token')).to.equal('from-backend');
  });

  it('sends a weak ETag back as its opaque tag, which a strict If-Match can match (RFC 9110 §13.1.1)', async () => {
    const { sent, fetch } = fakeFetch(() => accountResponse(demoAccount(), { ETag: 'W/"8"' }));
    const adapter = new RestAdapter({ baseUrl: '/x', fetch });
    const { version } = await adapter.getAccount();
    expect(version).to.equal('W/"8"');
    await adapter.updateAccount({ redList: true }, version);
    expect(sent[1]!.headers.get('If-Match')).to.equal('"8"');
  });

  it('reads an account without an ETag (version "") and an answer to a PATCH without one', async () => {
    const { fetch } = fakeFetch(() => accountResponse(demoAccount(), {}));
    const adapter = new RestAdapter({ baseUrl: '/x', fetch });
    expect((await adapter.getAccount()).version).to.equal('');
    const saved = await adapter.updateAccount({ redList: true }, '"1"');
    expect(saved.version).to.equal('');
    expect(saved.account.uid).to.equal('cmartin');
  });

  it('lists a field the contract does not know as unreadable instead of refusing the account', async () => {
    const body = { ...demoAccount(), phones: [{ type: 'home', number: '+33549454999' }], title: 42 };
    const { fetch } = fakeFetch(() => accountResponse(body));
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
