/**
 * The JavaScript heap after the first password focus, page and strength worker together: a cold load on
 * loopback, the form opened, the new-password field focused and a password typed, the first score shown;
 * then a full garbage collection in each (`HeapProfiler.collectGarbage`) before `Runtime.getHeapUsage`, so
 * the figure is what stays, not garbage waiting for a collection.
 */
import type { Browser, CDPSession } from 'puppeteer-core';
import { NAME_HELPER, WAIT_FOR_ACCOUNT, focusNewPassword, openPasswordForm, waitForFirstScore } from './page-probes.js';

export interface HeapFigures {
  /** The page's heap once all four sections show the account, before any password focus. */
  pageBeforeFocus: number;
  page: number;
  worker: number;
}

async function usedHeap(session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.enable');
  await session.send('HeapProfiler.collectGarbage');
  return (await session.send('Runtime.getHeapUsage')).usedSize;
}

export async function heapAfterFirstFocus(browser: Browser, origin: string): Promise<HeapFigures> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.evaluateOnNewDocument(NAME_HELPER);
    const pageSession = await page.createCDPSession();
    await page.goto(`${origin}/`, { waitUntil: 'domcontentloaded' });
    await page.evaluate(WAIT_FOR_ACCOUNT);
    const pageBeforeFocus = await usedHeap(pageSession);
    await page.evaluate(openPasswordForm);
    await page.evaluate(focusNewPassword);
    await page.keyboard.type('Tr0ub4dour&3-Poitiers');
    await page.evaluate(waitForFirstScore);
    const workers = page.workers();
    if (workers.length !== 1) throw new Error(`expected the strength worker alone, found ${workers.length} workers`);
    const worker = await usedHeap(workers[0]!.client);
    return { pageBeforeFocus, page: await usedHeap(pageSession), worker };
  } finally {
    await context.close();
  }
}
