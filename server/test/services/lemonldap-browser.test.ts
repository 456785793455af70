/**
 * The LemonLDAP::NG login page in real Chromium, used the way a person does: the end-to-end test through
 * our server will go through this same page.
 *
 * Selectors that work on the LemonLDAP::NG 2.16 portal (bootstrap skin):
 *   form            `#lform` (posts to its own URL, hidden fields `token`, `url`, `skin`, `timezone`)
 *   login field     `#userfield` (name `user`; autofocused)
 *   password field  `#passwordfield` (name `password`)
 *   submit          `#lform button[type="submit"]` (« Connect »; the portal's language follows the browser's)
 *   refused login   `.message-negative[role="alert"] [trmsg]`: `trmsg` is the portal's error number
 *                   (5 = wrong login or password), its text « Wrong credentials »; the same form again
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium, type LaunchedChromium } from '../../../scripts/chromium.mjs';
import { startLemonLdap, validateServiceTicket, type RunningLemonLdap } from '../support/lemonldap.js';
import { startRecordingService, type RecordingService } from '../support/recording-service.js';

/** The portal's message after a refused login. */
const REFUSAL = '.message-negative[role="alert"] [trmsg]';

let portal: RunningLemonLdap;
let service: RecordingService;
let chromium: LaunchedChromium;
let browser: Browser;

before(async () => {
  [portal, service, chromium] = await Promise.all([startLemonLdap(), startRecordingService(), launchChromium()]);
  browser = chromium.browser;
});
after(async () => {
  await chromium?.close();
  await service?.stop();
  await portal?.stop();
});

/** Types into the field a person would click, as they would: key by key. */
async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.click(selector, { count: 3 });
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

test('a person logs in on the CAS page and lands on the service with a ticket', async () => {
  const page = await browser.newPage();
  await page.goto(`${portal.casUrl}/login?service=${encodeURIComponent(service.url)}`, { waitUntil: 'load' });

  // A wrong password first: the page comes back with its message and the form, still on the portal.
  await typeInto(page, '#userfield', 'dwho');
  await typeInto(page, '#passwordfield', 'pas-le-bon');
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#lform button[type="submit"]')]);
  assert.ok(page.url().startsWith(portal.casUrl), `left the portal for ${page.url()}`);
  // The portal's script fills in the message in the page's language after the page loaded.
  await page.waitForFunction(`document.querySelector('${REFUSAL}')?.textContent?.trim()`, { timeout: 10_000 });
  const refusal = await page.$eval(REFUSAL, (span) => ({
    code: span.getAttribute('trmsg'),
    text: span.textContent?.trim(),
  }));
  assert.equal(refusal.code, '5');
  assert.ok(refusal.text, 'the refusal has no text for a person to read');
  assert.ok(await page.$('#passwordfield'), 'no password field after a refused login');

  // Then the right one, submitted with the Enter key from the password field.
  await typeInto(page, '#userfield', 'dwho');
  await typeInto(page, '#passwordfield', 'dwho');
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);

  const landed = new URL(page.url());
  assert.equal(`${landed.origin}${landed.pathname}`, service.url);
  assert.equal(await page.$eval('h1', (heading) => heading.textContent), 'Service atteint');
  const ticket = landed.searchParams.get('ticket') ?? '';
  assert.match(ticket, /^ST-/);
  assert.deepEqual([...landed.searchParams.keys()], ['ticket'], 'the service URL carries more than the ticket');

  const validation = await validateServiceTicket({ casUrl: portal.casUrl, service: service.url, ticket });
  assert.equal(validation.ok && validation.user, 'dwho');
  await page.close();
});
