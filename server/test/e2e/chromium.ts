/**
 * Chromium for the end-to-end tests, started as every browser check is (`scripts/chromium.mjs`), and a page
 * that records console errors, uncaught errors and every CSP or Trusted Types violation.
 */
import type { Browser, Page } from 'puppeteer-core';

export interface RecordingPage {
  page: Page;
  problems: string[];
  violations(): Promise<string[]>;
}

export { launchChromium } from '../../../scripts/chromium.mjs';

export async function recordingPage(browser: Browser): Promise<RecordingPage> {
  const page = await browser.newPage();
  page.setDefaultTimeout(20_000);
  // French first, as the university's staff read the page.
  await page.setExtraHTTPHeaders({ 'Accept-Language': 'fr-FR,fr;q=0.9' });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error instanceof Error ? error.message : String(error)}`));
  await page.evaluateOnNewDocument(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  return {
    page,
    problems,
    violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
  };
}
