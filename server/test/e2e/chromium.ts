/**
 * Chromium for the end-to-end tests, started as every browser check is (`scripts/chromium.mjs`), a page
 * that records console errors, uncaught errors and every CSP or Trusted Types violation, and what a person
 * does on the elements.
 */
import assert from 'node:assert/strict';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';

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

/**
 * A control inside one of the elements, found the way a screen reader finds it: by its role and accessible
 * name, through the shadow root.
 */
export async function control(page: Page, tag: string, role: string, name: string): Promise<ElementHandle<Element>> {
  const hostElement = await page.waitForSelector(tag);
  assert.ok(hostElement, tag);
  const element = await hostElement.waitForSelector(`::-p-aria([name="${name}"][role="${role}"])`);
  assert.ok(element, `${role} « ${name} » in ${tag}`);
  return element;
}

/** Types `text` in place of what a field holds, as a person does: select it all, delete, type. */
export async function replaceText(page: Page, field: ElementHandle<Element>, text: string): Promise<void> {
  await field.click({ count: 3 });
  await page.keyboard.press('Backspace');
  await field.type(text);
}
