/**
 * The CAS login for real: the server with `SEL_AUTH=cas` in front of a private LemonLDAP::NG, used in
 * Chromium as a person uses it. `/` sends the browser to the CAS login form, the person fills it, comes back
 * to « Mon compte » with their own account, saves a change; then they log out at the CAS server, whose
 * back-channel single logout ends the server's session: the next save is refused with 401, the elements
 * keep the choice and say the session ended, and the page offers to log in again.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { control, launchChromium } from '../e2e/chromium.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { dwhoSeed, startLemonLdap, type RunningLemonLdap } from '../support/lemonldap.js';

let cas: RunningLemonLdap;
let server: TestServer;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;

const textOf = (tag: string) =>
  page.$eval(tag, (element) => `${element.shadowRoot?.textContent ?? ''} ${element.textContent ?? ''}`);

before(async () => {
  cas = await startLemonLdap();
  server = await startTestServer(
    {
      SEL_AUTH: 'cas',
      SEL_CAS_URL: cas.casUrl,
      SEL_SESSION_KEYS: 'a-session-key-for-the-cas-round-trip-test-only',
    },
    { seed: await dwhoSeed() },
  );
  chromium = await launchChromium();
  page = await chromium.browser.newPage();
});

after(async () => {
  await chromium?.close();
  await server?.close();
  await cas?.stop();
});

describe('CAS login and single logout through a real CAS server', () => {
  it('sends the person to the CAS login form and back to their own « Mon compte » page', async () => {
    // In French, the page's first language (the browser here asks for English).
    await page.goto(`${server.url}/?lang=fr`, { waitUntil: 'load' });
    assert.ok(page.url().startsWith(cas.portalUrl.replace(/\/$/, '')), `on the CAS login page, not ${page.url()}`);
    await page.waitForSelector('#lform');
    await page.type('#userfield', 'dwho');
    await page.type('#passwordfield', 'dwho');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#lform button[type="submit"]')]);
    // The callback validated the ticket and returned to the page without the ticket in its address.
    await page.waitForFunction((origin) => location.origin === origin && location.pathname === '/', {}, server.url);
    assert.equal(new URL(page.url()).searchParams.has('ticket'), false);
    await page.waitForFunction(() =>
      document.querySelector('sel-general-info')?.shadowRoot?.textContent?.includes('dwho'),
    );
    assert.match(await textOf('sel-general-info'), /Doctor Who/);
  });

  it('saves a change as that person', async () => {
    await (await control(page, 'sel-redlist', 'button', 'Modifier… (liste rouge)')).click();
    await (await control(page, 'sel-redlist', 'radio', 'Non')).click();
    await (await control(page, 'sel-redlist', 'button', 'Valider')).click();
    const deadline = Date.now() + 15_000;
    while (!(await server.store.get('dwho'))!.account.redList) {
      assert.ok(Date.now() < deadline, 'the liste rouge choice reached the store');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  it('ends the session when the person logs out at the CAS server (back-channel single logout)', async () => {
    // The person logs out of the whole ENT in another tab: the CAS server tells every service.
    const other = await chromium.browser.newPage();
    await other.goto(`${cas.casUrl}/logout`, { waitUntil: 'load' });
    await other.close();

    // Back on « Mon compte », the next save is refused: nothing is saved, the choice is kept, it says why.
    await (await control(page, 'sel-redlist', 'button', 'Modifier… (liste rouge)')).click();
    await (await control(page, 'sel-redlist', 'radio', 'Oui')).click();
    await (await control(page, 'sel-redlist', 'button', 'Valider')).click();
    await page.waitForFunction(
      () => document.querySelector('sel-redlist')?.shadowRoot?.textContent?.includes('Votre session a expiré'),
      { timeout: 15_000 },
    );
    assert.equal((await server.store.get('dwho'))!.account.redList, true, 'nothing saved after the logout');
    const banner = await page.waitForSelector('#session-ended a');
    assert.ok(banner);
    assert.match(await banner.evaluate((link) => link.getAttribute('href') ?? ''), /^\/auth\/login\?return=/);
    const status = await page.evaluate(async () => (await fetch('/api/account', { redirect: 'manual' })).status);
    assert.equal(status, 401);
  });
});
