/**
 * LemonLDAP::NG's login form filled in Chromium as a person fills it. When the portal keeps the browser on
 * its own page instead of sending it back to the service, the error says why: the portal's error code and
 * what it logged meanwhile, rather than a wait that times out further on.
 */
import type { Page } from 'puppeteer-core';
import { loginFailureMessage, portalErrorOf } from '../support/cas-login.js';
import type { RunningLemonLdap } from '../support/lemonldap.js';

/** Logs in on the portal's form the page shows now; resolves once the browser has left the portal. */
export async function logInOnPortalForm(
  page: Page,
  portal: RunningLemonLdap,
  credentials: { user: string; password: string },
): Promise<void> {
  const position = portal.logPosition();
  await page.waitForSelector('#lform');
  await page.type('#userfield', credentials.user);
  await page.type('#passwordfield', credentials.password);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#lform button[type="submit"]')]);
  if (new URL(page.url()).origin !== new URL(portal.portalUrl).origin) return;
  throw new Error(
    loginFailureMessage({
      user: credentials.user,
      outcome: `stayed on the portal's page ${new URL(page.url()).pathname}`,
      portalError: portalErrorOf(await page.content()),
      logged: portal.loggedProblems(position),
    }),
  );
}
