/**
 * LemonLDAP::NG authenticating against the directory the LDAP store uses: a private slapd loaded from the
 * shipped LDIF, the portal searching it with the server's service account (the shipped ACLs give anonymous
 * nothing to read) and binding as the person. A login that fails says why: the portal's error and what it
 * logged, for a wrong password and for each way the portal's LDAP settings can be wrong.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { casLogin, startLemonLdap, validateServiceTicket, type RunningLemonLdap } from '../support/lemonldap.js';
import { DEMO_PASSWORDS, PEOPLE_DN, SERVICE_DN, SERVICE_PASSWORD, startSlapd, type Slapd } from '../support/slapd.js';

// Never contacted: the portal only redirects the browser there.
const SERVICE = 'http://127.0.0.1:9/auth/cas/callback';

/** The error `casLogin` rejects with, which must never hold the password it was given. */
async function loginError(portal: RunningLemonLdap, user: string, password: string): Promise<string> {
  const error = await casLogin({ casUrl: portal.casUrl, service: SERVICE, user, password, portal }).then(
    () => assert.fail(`the login of ${user} succeeded`),
    (reason: unknown) => (reason instanceof Error ? reason.message : String(reason)),
  );
  assert.ok(!error.includes(password), 'the message holds no password');
  return error;
}

describe('LemonLDAP::NG with LDAP authentication against the shipped directory', () => {
  let slapd: Slapd;
  let portal: RunningLemonLdap;
  const misconfigured: RunningLemonLdap[] = [];

  /** A portal with the given LDAP settings, stopped after the file's tests. */
  async function portalWith(settings: { ldapUrl?: string; bindDn?: string; bindPassword?: string }) {
    const started = await startLemonLdap({
      authentication: { ldapUrl: settings.ldapUrl ?? slapd.url, ldapBase: PEOPLE_DN, ...settings },
    });
    misconfigured.push(started);
    return started;
  }

  before(async () => {
    slapd = await startSlapd();
    portal = await startLemonLdap({
      authentication: { ldapUrl: slapd.url, ldapBase: PEOPLE_DN, bindDn: SERVICE_DN, bindPassword: SERVICE_PASSWORD },
    });
  });
  after(async () => {
    await Promise.all([portal, ...misconfigured].map((running) => running?.stop()));
    await slapd?.stop();
  });

  test('a person logs in with their directory password; the ticket gives their uid, name and mail', async () => {
    const { ticket } = await casLogin({
      casUrl: portal.casUrl,
      service: SERVICE,
      user: 'cmartin',
      password: DEMO_PASSWORDS.cmartin,
      portal,
    });
    const validation = await validateServiceTicket({ casUrl: portal.casUrl, service: SERVICE, ticket });
    assert.deepEqual(validation, {
      ok: true,
      user: 'cmartin',
      attributes: { cn: ['Claire Martin'], mail: ['claire.martin@univ-exemple.fr'] },
    });
  });

  test('a wrong password is refused, and the failure says so', async () => {
    const error = await loginError(portal, 'pdurand', 'Pas-le-bon-2026!');
    assert.match(error, /PE_BADCREDENTIALS/);
    assert.match(error, /Bad password for pdurand/);
  });

  test('an account the directory locked (ppolicy) is refused as locked, even with the right password', async () => {
    // pwdMaxFailure 5 in the shipped policy: five wrong passwords lock abernard for 15 minutes.
    for (let attempt = 1; attempt <= 5; attempt++) await loginError(portal, 'abernard', `Pas-le-bon-${attempt}-2026!`);
    const error = await loginError(portal, 'abernard', DEMO_PASSWORDS.abernard);
    assert.match(error, /PE_PP_ACCOUNT_LOCKED/);
  });

  test('a wrong password for the search account: the failure names the LDAP error and the refused bind', async () => {
    const wrong = await portalWith({ bindDn: SERVICE_DN, bindPassword: 'not-the-service-secret' });
    const error = await loginError(wrong, 'cmartin', DEMO_PASSWORDS.cmartin);
    assert.match(error, /PE_LDAPERROR/);
    assert.match(error, /Invalid credentials/);
  });

  test('no search account: the shipped ACLs let anonymous find nobody, and the failure says what the search got', async () => {
    const anonymous = await portalWith({});
    const error = await loginError(anonymous, 'cmartin', DEMO_PASSWORDS.cmartin);
    assert.match(error, /PE_LDAPERROR/);
    assert.match(error, /No such object/);
  });

  test('an LDAP server that does not answer: the failure says it cannot be reached', async () => {
    // A port of our own that nothing listens on: slapd stopped, or a wrong port in the settings.
    const stopped = await startSlapd();
    const url = stopped.url;
    await stopped.stop();
    const unreachable = await portalWith({ ldapUrl: url, bindDn: SERVICE_DN, bindPassword: SERVICE_PASSWORD });
    const error = await loginError(unreachable, 'cmartin', DEMO_PASSWORDS.cmartin);
    assert.match(error, /PE_LDAPCONNECTFAILED/);
    assert.match(error, /Connection refused/);
  });
});
