/* global CustomEvent */
// What scripts/check-demo.mjs checks of the demo page beyond its first render: that it never scrolls
// sideways (phones at 320 and 375 px, a desktop window with long event-log lines), and that a fault armed
// for "the next load" survives the reload that triggers it, then leaves « Panne programmée » behind.

/** How far the page scrolls sideways, in px (0 when it fits), and what sticks out. */
function sidewaysOverflow() {
  const width = document.documentElement.clientWidth;
  const over = document.documentElement.scrollWidth - width;
  const culprits = [...document.querySelectorAll('body *')]
    .filter((node) => node.getBoundingClientRect().right > width + 1)
    .slice(0, 3)
    .map((node) => `${node.localName}${node.id ? '#' + node.id : ''}.${[...node.classList].join('.')}`);
  return { over, culprits };
}

/** Returns the problems found at each width. */
export async function checkReflow(page) {
  const problems = [];
  for (const width of [320, 375, 1280]) {
    await page.setViewport({ width, height: 800 });
    if (width === 1280) {
      // Long lines in the event log, as a failed save writes them.
      await page.evaluate(() => {
        const detail = { section: 'phones', operation: 'save', kind: 'validation', status: 422, code: 'x'.repeat(200) };
        for (let i = 0; i < 3; i++) document.dispatchEvent(new CustomEvent('sel-error', { detail }));
      });
    }
    const { over, culprits } = await page.evaluate(sidewaysOverflow);
    if (over > 0) problems.push(`at ${width} px the page scrolls sideways by ${over} px (${culprits.join(', ')})`);
  }
  return problems;
}

/** Arms "fail the next load", reloads, and expects the failure, then no « Panne programmée » left. */
export async function checkLoadFault(page, url) {
  const problems = [];
  await page.select('#fault-operation', 'load');
  await page.select('#fault-kind', 'server');
  await page.click('#fault-arm');
  const armed = await page.$eval('#demo-status', (node) => node.textContent?.trim() ?? '');
  if (!armed) problems.push('arming a load fault says nothing');
  await page.goto(url, { waitUntil: 'load' });
  const failed = await page
    .waitForFunction(() => document.querySelector('sel-general-info')?.shadowRoot?.querySelector('[role="alert"]'), {
      timeout: 20_000,
      polling: 100,
    })
    .then(() => true)
    .catch(() => false);
  if (!failed) problems.push('the load fault was lost by the reload: the account loaded');
  const status = await page.$eval('#demo-status', (node) => node.textContent?.trim() ?? '');
  if (status) problems.push(`after the fault fired the panel still says « ${status} »`);
  return problems;
}

/** Arms "fail the next save", saves the liste rouge, and expects the failure, then no « Panne programmée ». */
export async function checkSaveFault(page) {
  const problems = [];
  await page.select('#fault-operation', 'save');
  await page.select('#fault-kind', 'server');
  await page.click('#fault-arm');
  const inRedlist = (selector) => `document.querySelector('sel-redlist')?.shadowRoot?.querySelector('${selector}')`;
  await page.evaluate(`${inRedlist('[part~="edit-button"]')}.click()`);
  await page.waitForFunction(`${inRedlist('input[type="radio"]:not(:checked)')}`, { timeout: 10_000 });
  await page.evaluate(`${inRedlist('input[type="radio"]:not(:checked)')}.click()`);
  await page.evaluate(`${inRedlist('form')}.requestSubmit()`);
  const failed = await page
    .waitForFunction(`${inRedlist('[role="alert"]')}`, { timeout: 10_000, polling: 100 })
    .then(() => true)
    .catch(() => false);
  if (!failed) problems.push('the save fault did not fire');
  const status = await page.$eval('#demo-status', (node) => node.textContent?.trim() ?? '');
  if (status) problems.push(`after the save fault fired the panel still says « ${status} »`);
  // The form is left open on its error; the next check reloads the page.
  return problems;
}
