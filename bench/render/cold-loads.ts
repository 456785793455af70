/**
 * One cold load (fresh browser context, no cache) under a network preset, of the elements' page or of the
 * plain HTML page, with the times and bytes of the three totals:
 * - first module: `dist/sel-widgets.js` downloaded (the plain page: its HTML document downloaded);
 * - page complete: all four sections show the account (the plain page: parsed, it has nothing else);
 * - first password focus: from the focus of the new-password field, with a password typed at once, to the
 *   meter's first score; the bytes fetched meanwhile (the worker, zxcvbn, the page language's lists).
 *   The plain page has no meter: nothing to fetch, nothing to wait for.
 */
import type { Browser } from 'puppeteer-core';
import type { NetworkPreset } from './network-presets.js';
import { NetworkSession } from './network-session.js';
import {
  NAME_HELPER,
  WAIT_FOR_ACCOUNT,
  firstModuleLoaded,
  focusNewPassword,
  openPasswordForm,
  plainTimings,
  waitForFirstScore,
} from './page-probes.js';

export interface LoadFigures {
  firstModuleMs: number;
  pageCompleteMs: number;
  pageCompleteBytes: number;
  /** What « Changer de mot de passe… » fetches: the form's chunk (a person's hover fetches it before the press). */
  openFormBytes: number;
  firstScoreMs: number;
  firstFocusBytes: number;
}

const TYPED_PASSWORD = 'Tr0ub4dour&3-Poitiers';

export async function loadElementsPage(browser: Browser, origin: string, preset: NetworkPreset): Promise<LoadFigures> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.evaluateOnNewDocument(NAME_HELPER);
    const network = await NetworkSession.attach(page, preset);
    await page.goto(`${origin}/`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const pageCompleteMs = (await page.evaluate(WAIT_FOR_ACCOUNT)) as number;
    const firstModuleMs = await page.evaluate(firstModuleLoaded);
    const pageCompleteBytes = network.takeBytes();
    await page.evaluate(openPasswordForm);
    const openFormBytes = network.takeBytes();
    const focusedAt = await page.evaluate(focusNewPassword);
    await page.keyboard.type(TYPED_PASSWORD);
    const scoredAt = await page.evaluate(waitForFirstScore);
    return {
      firstModuleMs,
      pageCompleteMs,
      pageCompleteBytes,
      openFormBytes,
      firstScoreMs: scoredAt - focusedAt,
      firstFocusBytes: network.takeBytes(),
    };
  } finally {
    await context.close();
  }
}

export async function loadPlainPage(browser: Browser, origin: string, preset: NetworkPreset): Promise<LoadFigures> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.evaluateOnNewDocument(NAME_HELPER);
    const network = await NetworkSession.attach(page, preset);
    await page.goto(`${origin}/plain`, { waitUntil: 'load', timeout: 60_000 });
    const { document, complete } = await page.evaluate(plainTimings);
    return {
      firstModuleMs: document,
      pageCompleteMs: complete,
      pageCompleteBytes: network.takeBytes(),
      openFormBytes: 0,
      firstScoreMs: 0,
      firstFocusBytes: 0,
    };
  } finally {
    await context.close();
  }
}
