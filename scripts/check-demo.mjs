// Checks what `npm run demo:mock` gives a new user: the demo "Mon compte" page served by Vite, with the mock
// backend in its service worker. Opens it in Chromium and fails unless the four sections show the demo
// account, the page logs no console error, axe finds no WCAG A/AA violation, the page never scrolls sideways,
// and a fault armed for the next load fires after the reload (scripts/check-demo-behaviour.mjs).
//
//   node scripts/check-demo.mjs
//
import { createRequire } from 'node:module';
import { createServer } from 'vite';
import { checkLoadFault, checkReflow, checkSaveFault } from './check-demo-behaviour.mjs';
import { launchChromium } from './chromium.mjs';

const TAGS = ['sel-general-info', 'sel-phones', 'sel-redlist', 'sel-password-change'];
const TIMEOUT_MS = 60_000;
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

async function main() {
  const server = await createServer({ configFile: 'vite.demo.config.ts', server: { port: 0 }, logLevel: 'warn' });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  const chromium = await launchChromium({ profilePrefix: 'sel-demo-check-' });
  const { browser } = chromium;
  const problems = [];
  /** Once a fault is armed on purpose, the browser's echo of the failed request is no problem. */
  let faultArmed = false;
  try {
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' && !faultArmed) problems.push(`console error: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && !faultArmed) problems.push(`HTTP ${response.status()} for ${response.url()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    const started = Date.now();
    await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT_MS });
    // Each section is ready when its heading is there and it no longer says it is loading.
    await page.waitForFunction(
      (tags) =>
        tags.every((tag) => {
          const root = document.querySelector(tag)?.shadowRoot;
          const loading = [...(root?.querySelectorAll('[role="status"]') ?? [])].some((node) =>
            node.textContent?.includes('Chargement'),
          );
          return root?.querySelector('[role="heading"]') && !loading;
        }) && document.querySelector('sel-general-info')?.shadowRoot?.textContent?.includes('cmartin'),
      { timeout: TIMEOUT_MS, polling: 100 },
      TAGS,
    );
    const readyMs = Date.now() - started;
    const password = await page.$eval('#demo-password', (node) => node.textContent?.trim() ?? '');
    if (!password) problems.push('the demo account password is not shown');
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      });
      return result.violations.map((violation) => `${violation.id}: ${violation.nodes.length} node(s)`);
    });
    problems.push(...violations.map((violation) => `axe ${violation}`));
    problems.push(...(await checkReflow(page)));
    // Last: it leaves the page on a failed load.
    faultArmed = true;
    problems.push(...(await checkSaveFault(page)));
    problems.push(...(await checkLoadFault(page, url)));
    if (problems.length === 0) {
      console.log(`demo page: the four sections rendered in ${readyMs} ms, axe clean, no sideways scroll, faults kept`);
    }
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  } finally {
    await chromium.close();
    await server.close();
  }
  if (problems.length > 0) {
    console.error(`demo page check failed:\n- ${problems.join('\n- ')}`);
    process.exitCode = 1;
  }
}

await main();
