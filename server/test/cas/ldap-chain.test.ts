/**
 * The whole chain, every part real: a private slapd loaded from the shipped LDIF; LemonLDAP::NG as the CAS
 * server, authenticating people against that same directory; the server configured as an administrator
 * would (`SEL_STORE=ldap`, `SEL_AUTH=cas`, the same wiring as `main.ts`); Chromium. A person logs in on
 * the portal with their directory password, sees their account as the directory holds it, changes a phone
 * number (read back from the directory by its administrator) and their password (the new one binds, the
 * old one no longer does, and the portal takes the new one at the next login).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'puppeteer-core';
import { buildSharedState } from '../../src/config/build-shared-state.js';
import { buildStore } from '../../src/config/build-store.js';
import { SILENT_LOGGER } from '../../src/health/readiness.js';
import { loadConfig } from '../../src/config/load-config.js';
import { buildApp } from '../../src/http/app.js';
import type { AccountStore } from '../../src/store/account-store.js';
import type { SharedState } from '../../src/shared-state/shared-state.js';
import { control, launchChromium, replaceText } from '../e2e/chromium.js';
import { freePort } from '../support/free-port.js';
import { ldapAdmin, type LdapAdmin } from '../support/ldap-admin.js';
import { canBind, personDn } from '../support/ldap-fixture.js';
import { casLogin, startLemonLdap, validateServiceTicket, type RunningLemonLdap } from '../support/lemonldap.js';
import {
  DEMO_PASSWORDS,
  PEOPLE_DN,
  POLICY_DN,
  SERVICE_DN,
  SERVICE_PASSWORD,
  STRUCTURES_DN,
  startSlapd,
  type Slapd,
} from '../support/slapd.js';
import { logInOnPortalForm } from './portal-login-form.js';

const OLD_PASSWORD = DEMO_PASSWORDS.cmartin;
// Long enough for the shipped ppolicy (12 to 64), and passes the server's checklist: every class, no part
// of the person's name or login, strong enough.
const NEW_PASSWORD = 'Jaunay-Marigny-86130!';
// Only the directory holds this title: seeing it on the page shows the account was read from there.
const TITLE_IN_DIRECTORY = 'Ingénieure systèmes, pôle annuaire';

let slapd: Slapd;
let admin: LdapAdmin;
let portal: RunningLemonLdap;
let store: AccountStore;
let sharedState: SharedState;
let app: FastifyInstance;
let serverUrl: string;
/** Chromium, launched while the services start; `after` closes it whatever failed meanwhile. */
let chromium: ReturnType<typeof launchChromium> | undefined;
let page: Page;
/** Set by the first test: the others need the session it opens, and fail at once without it. */
let loggedIn = false;

/** The server as `main.ts` builds it, from the environment an administrator would write. */
async function startServer(casUrl: string): Promise<void> {
  const port = await freePort();
  const config = loadConfig({
    SEL_LISTEN: `127.0.0.1:${port}`,
    SEL_LOG_LEVEL: 'silent',
    SEL_AUTH: 'cas',
    SEL_CAS_URL: casUrl,
    SEL_SESSION_KEYS: 'a-session-key-for-the-ldap-chain-test-only',
    SEL_STORE: 'ldap',
    SEL_LDAP_URL: slapd.url,
    SEL_LDAP_PEOPLE_DN: PEOPLE_DN,
    SEL_LDAP_BIND_DN: SERVICE_DN,
    SEL_LDAP_BIND_PASSWORD: SERVICE_PASSWORD,
    SEL_LDAP_STRUCTURES_DN: STRUCTURES_DN,
    SEL_LDAP_POLICY_DN: POLICY_DN,
  });
  assert.equal(config.store, 'ldap');
  sharedState = await buildSharedState(config);
  store = await buildStore(config, SILENT_LOGGER);
  app = await buildApp(config, { store, sharedState });
  await app.listen({ host: '127.0.0.1', port });
  serverUrl = `http://127.0.0.1:${port}`;
}

/**
 * Waits until the element shows `text` (a saved status, a name), in its shadow root or in its light DOM,
 * where the password form lives so that password managers see it.
 */
async function waitForText(tag: string, text: string): Promise<void> {
  await page.waitForFunction(
    (selector, expected) => {
      const element = document.querySelector(selector);
      return `${element?.shadowRoot?.textContent ?? ''} ${element?.textContent ?? ''}`.includes(expected);
    },
    { timeout: 20_000, polling: 100 },
    tag,
    text,
  );
}

before(async () => {
  slapd = await startSlapd();
  admin = await ldapAdmin(slapd);
  await admin.replace(personDn('cmartin'), 'title', [TITLE_IN_DIRECTORY]);
  // Chromium starts meanwhile: each takes seconds on a busy machine.
  chromium = launchChromium();
  // A failed launch is reported where it is awaited below, not as an unhandled rejection meanwhile.
  chromium.catch(() => undefined);
  // The portal searches with the server's service account: the shipped ACLs give anonymous nothing to read.
  portal = await startLemonLdap({
    authentication: { ldapUrl: slapd.url, ldapBase: PEOPLE_DN, bindDn: SERVICE_DN, bindPassword: SERVICE_PASSWORD },
  });
  await startServer(portal.casUrl);
  page = await (await chromium).browser.newPage();
  page.setDefaultTimeout(20_000);
});

after(async () => {
  await (await chromium?.catch(() => undefined))?.close();
  await app?.close();
  await store?.close();
  await sharedState?.close();
  await portal?.stop();
  await admin?.close().catch(() => undefined);
  await slapd?.stop();
});

describe('the whole chain: LemonLDAP::NG on the directory, the page, the directory again', () => {
  it('logs in on the portal with the directory password and shows the account as the directory holds it', async () => {
    await page.goto(`${serverUrl}/?lang=fr`, { waitUntil: 'load' });
    assert.equal(new URL(page.url()).origin, new URL(portal.portalUrl).origin, `on the portal, not ${page.url()}`);
    await logInOnPortalForm(page, portal, { user: 'cmartin', password: OLD_PASSWORD });
    await page.waitForFunction((origin) => location.origin === origin && location.pathname === '/', {}, serverUrl);
    assert.equal(new URL(page.url()).searchParams.has('ticket'), false);
    await waitForText('sel-general-info', 'Claire Martin');
    await waitForText('sel-general-info', TITLE_IN_DIRECTORY);
    assert.equal(await page.$eval('html', (html) => html.lang), 'fr');
    loggedIn = true;
  });

  it('changes the mobile number on the page; the directory holds the new one', async () => {
    assert.ok(loggedIn, 'not logged in: see the first test');
    await (await control(page, 'sel-phones', 'button', 'Modifier… (numéros de téléphone)')).click();
    // The directory's numbers in the page's order: the office number, then the mobile.
    await replaceText(page, await control(page, 'sel-phones', 'textbox', 'Numéro 2 (Mobile)'), '06 45 78 12 90');
    await (await control(page, 'sel-phones', 'button', 'Valider')).click();
    await waitForText('sel-phones', 'Vos numéros de téléphone sont enregistrés.');
    // Read back by the directory's administrator, in the form the server writes (international).
    assert.deepEqual(await admin.read(personDn('cmartin'), 'mobile'), ['+33 6 45 78 12 90']);
    assert.deepEqual(await admin.read(personDn('cmartin'), 'telephoneNumber'), ['+33 5 49 45 49 99']);
  });

  it('changes the password on the page; the new one binds, the old one no longer', async () => {
    assert.ok(loggedIn, 'not logged in: see the first test');
    await (await control(page, 'sel-password-change', 'button', 'Changer de mot de passe…')).click();
    await (await control(page, 'sel-password-change', 'textbox', 'Ancien mot de passe')).type(OLD_PASSWORD);
    await (await control(page, 'sel-password-change', 'textbox', 'Nouveau mot de passe')).type(NEW_PASSWORD);
    await (
      await control(page, 'sel-password-change', 'textbox', 'Confirmation du nouveau mot de passe')
    ).type(NEW_PASSWORD);
    await (await control(page, 'sel-password-change', 'button', 'Valider')).click();
    await waitForText('sel-password-change', 'Votre mot de passe a été changé.');
    // Fresh connections, as any login would bind.
    assert.equal(await canBind(slapd.url, personDn('cmartin'), NEW_PASSWORD), true, 'the new password binds');
    assert.equal(await canBind(slapd.url, personDn('cmartin'), OLD_PASSWORD), false, 'the old password fails');
    assert.ok(!page.url().includes(NEW_PASSWORD) && !page.url().includes(OLD_PASSWORD), 'no password in the URL');
  });

  it('the portal takes the new password at the next login, and refuses the old one', async () => {
    const service = `${serverUrl}/auth/cas/callback`;
    const { ticket } = await casLogin({
      casUrl: portal.casUrl,
      service,
      user: 'cmartin',
      password: NEW_PASSWORD,
      portal,
    });
    const validation = await validateServiceTicket({ casUrl: portal.casUrl, service, ticket });
    assert.equal(validation.ok && validation.user, 'cmartin');
    await assert.rejects(
      casLogin({ casUrl: portal.casUrl, service, user: 'cmartin', password: OLD_PASSWORD, portal }),
      /PE_BADCREDENTIALS/,
    );
  });
});
