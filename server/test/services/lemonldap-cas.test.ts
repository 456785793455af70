/**
 * A real LemonLDAP::NG portal as the CAS 3.0 server, spoken to over plain HTTP: what our server's CAS
 * client will meet. Demo authentication: dwho / dwho is « Doctor Who ».
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  casLogin,
  casLogout,
  startLemonLdap,
  submitCasLogin,
  validateServiceTicket,
  type RunningLemonLdap,
} from '../support/lemonldap.js';
import { startRecordingService, type RecordingService } from '../support/recording-service.js';

describe('LemonLDAP::NG as a CAS server', () => {
  let portal: RunningLemonLdap;
  let service: RecordingService;

  before(async () => {
    [portal, service] = await Promise.all([startLemonLdap(), startRecordingService()]);
  });
  after(async () => {
    await service?.stop();
    await portal?.stop();
  });

  test('the login form round trip redirects to the service with a service ticket', async () => {
    const answer = await submitCasLogin({
      casUrl: portal.casUrl,
      service: service.url,
      user: 'dwho',
      password: 'dwho',
    });
    assert.equal(answer.status, 302);
    const location = new URL(answer.location!);
    assert.equal(`${location.origin}${location.pathname}`, service.url);
    assert.match(location.searchParams.get('ticket') ?? '', /^ST-[\w-]+$/);
    assert.ok(answer.sessionCookie, 'no SSO session cookie was set');
  });

  test('/cas/p3/serviceValidate gives the user and the released attributes', async () => {
    const { ticket } = await casLogin({ casUrl: portal.casUrl, service: service.url, user: 'dwho', password: 'dwho' });
    const validation = await validateServiceTicket({ casUrl: portal.casUrl, service: service.url, ticket });
    assert.deepEqual(validation, {
      ok: true,
      user: 'dwho',
      attributes: { cn: ['Doctor Who'], mail: ['dwho@badwolf.org'] },
    });
  });

  test('a ticket is good once: validated again it is INVALID_TICKET', async () => {
    const { ticket } = await casLogin({
      casUrl: portal.casUrl,
      service: service.url,
      user: 'rtyler',
      password: 'rtyler',
    });
    const first = await validateServiceTicket({ casUrl: portal.casUrl, service: service.url, ticket });
    assert.equal(first.ok && first.user, 'rtyler');
    assert.deepEqual(await validateServiceTicket({ casUrl: portal.casUrl, service: service.url, ticket }), {
      ok: false,
      code: 'INVALID_TICKET',
    });
  });

  test('an unknown ticket is INVALID_TICKET, a ticket shown for another service is INVALID_SERVICE', async () => {
    assert.deepEqual(
      await validateServiceTicket({ casUrl: portal.casUrl, service: service.url, ticket: 'ST-made-up' }),
      { ok: false, code: 'INVALID_TICKET' },
    );
    const { ticket } = await casLogin({
      casUrl: portal.casUrl,
      service: service.url,
      user: 'msmith',
      password: 'msmith',
    });
    const elsewhere = await validateServiceTicket({
      casUrl: portal.casUrl,
      service: 'http://127.0.0.1:9/another-service',
      ticket,
    });
    assert.deepEqual(elsewhere, { ok: false, code: 'INVALID_SERVICE' });
  });

  test('a wrong password gives the form again, with no ticket and without echoing the password', async () => {
    const answer = await submitCasLogin({
      casUrl: portal.casUrl,
      service: service.url,
      user: 'dwho',
      password: 'not-the-password-51',
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.location, null);
    assert.equal(answer.ticket, null);
    assert.match(answer.body, /<input[^>]*name="user"/);
    assert.match(
      answer.body,
      /<input[^>]*name="password"[^>]*type="password"|<input[^>]*type="password"[^>]*name="password"/,
    );
    assert.ok(!answer.body.includes('not-the-password-51'), 'the page repeats the password');
  });
});

describe('LemonLDAP::NG back-channel single logout', () => {
  let portal: RunningLemonLdap;
  let service: RecordingService;

  before(async () => {
    [portal, service] = await Promise.all([startLemonLdap(), startRecordingService()]);
  });
  after(async () => {
    await service?.stop();
    await portal?.stop();
  });

  /** The LogoutRequest of a back-channel POST, and its SessionIndex. */
  function sessionIndexOf(post: { contentType: string; form: URLSearchParams }): string {
    assert.match(post.contentType, /^application\/x-www-form-urlencoded/);
    const request = post.form.get('logoutRequest') ?? '';
    assert.match(request, /<samlp:LogoutRequest\b[^>]*xmlns:samlp="urn:oasis:names:tc:SAML:2\.0:protocol"/);
    const index = /<samlp:SessionIndex>\s*([^<\s]+)\s*<\/samlp:SessionIndex>/.exec(request);
    assert.ok(index, `no SessionIndex in ${request}`);
    return index[1]!;
  }

  /** The old SSO cookie no longer logs anyone in: the login page shows the form instead of redirecting. */
  async function assertSessionEnded(sessionCookie: string): Promise<void> {
    const again = await fetch(`${portal.casUrl}/login?service=${encodeURIComponent(service.url)}`, {
      redirect: 'manual',
      headers: { cookie: sessionCookie },
    });
    assert.equal(again.status, 200);
    assert.match(await again.text(), /<input[^>]*name="user"/);
  }

  test('logging out at /cas/logout POSTs a LogoutRequest whose SessionIndex is the service ticket', async () => {
    const login = await casLogin({ casUrl: portal.casUrl, service: service.url, user: 'dwho', password: 'dwho' });
    // A service validates its ticket before it opens a session of its own; the logout names that ticket.
    const validation = await validateServiceTicket({
      casUrl: portal.casUrl,
      service: service.url,
      ticket: login.ticket,
    });
    assert.equal(validation.ok, true);
    assert.equal(service.posts.length, 0);

    await casLogout({ casUrl: portal.casUrl, sessionCookie: login.sessionCookie });
    const post = await service.nextPost();
    assert.equal(post.path, new URL(service.url).pathname);
    assert.equal(sessionIndexOf(post), login.ticket);
    await assertSessionEnded(login.sessionCookie);
  });

  test('logging out on the portal page (?logout=1) sends the same LogoutRequest', async () => {
    const login = await casLogin({ casUrl: portal.casUrl, service: service.url, user: 'rtyler', password: 'rtyler' });
    await validateServiceTicket({ casUrl: portal.casUrl, service: service.url, ticket: login.ticket });

    const answer = await fetch(`${portal.portalUrl}?logout=1`, {
      redirect: 'manual',
      headers: { cookie: login.sessionCookie },
    });
    await answer.arrayBuffer();
    const post = await service.nextPost();
    assert.equal(sessionIndexOf(post), login.ticket);
    await assertSessionEnded(login.sessionCookie);
  });
});
