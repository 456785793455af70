/**
 * What one character costs the main thread, in `<sel-phones>` (validated and formatted as typed) and in the
 * new-password field of `<sel-password-change>` (checklist, strength request to the worker), typed up to
 * 128 characters one at a time.
 *
 * Per keystroke: from the `input` event to the element re-rendered (`updateComplete`) and laid out (a
 * forced layout), so style and layout are counted; each keystroke waits for the frame to end, as between
 * two real keystrokes. Beside it, every main-thread task of the typing (`Performance.getMetrics`
 * TaskDuration, which also holds the meter's re-render when a score comes back from the worker) divided by
 * the number of keystrokes, and the long tasks (over 50 ms) a `longtask` PerformanceObserver saw.
 */
import type { Browser, Page } from 'puppeteer-core';
import { NAME_HELPER, WAIT_FOR_ACCOUNT, focusNewPassword, openPasswordForm, waitForFirstScore } from './page-probes.js';

export const LENGTHS = [64, 128] as const;
/** The keystrokes counted "at 64 characters": those that bring the field from 57 to 64 characters. */
const WINDOW = 8;

export interface FieldTyping {
  /** Milliseconds per keystroke near each length of LENGTHS, all runs together. */
  atLength: Map<number, number[]>;
  /** Every main-thread task during the typing, per keystroke, one figure per run. */
  taskPerKeystroke: number[];
  longTasks: number[];
}

// Digits with the spaces people type: what the phone field formats as typed.
const PHONE_TEXT = '06 12 34 56 78 '.repeat(9).slice(0, 128);
const PASSWORD_TEXT = 'Poitiers-Cmartin-2026!qwertyuiop'.repeat(4);

function emptyTyping(): FieldTyping {
  return { atLength: new Map(LENGTHS.map((length) => [length, []])), taskPerKeystroke: [], longTasks: [] };
}

/** Types `text` into the field, returning each keystroke's milliseconds and the long tasks seen meanwhile. */
async function typeTimed(
  page: Page,
  hostTag: string,
  selector: string,
  text: string,
): Promise<{ times: number[]; longTasks: number[] }> {
  return page.evaluate(
    async (hostTag, selector, text) => {
      const host = document.querySelector(hostTag) as HTMLElement & { updateComplete: Promise<unknown> };
      const input = (host.shadowRoot?.querySelector(selector) ?? host.querySelector(selector)) as HTMLInputElement;
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longTasks.push(entry.duration);
      });
      observer.observe({ type: 'longtask' });
      input.focus();
      const times: number[] = [];
      for (const character of text) {
        const start = performance.now();
        input.value += character;
        input.setSelectionRange(input.value.length, input.value.length);
        input.dispatchEvent(
          new InputEvent('input', { bubbles: true, composed: true, data: character, inputType: 'insertText' }),
        );
        await host.updateComplete;
        void host.getBoundingClientRect();
        times.push(performance.now() - start);
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      }
      // Long tasks are reported after they end: a frame later, the last one is in.
      await new Promise((resolve) => setTimeout(resolve, 100));
      observer.disconnect();
      return { times, longTasks };
    },
    hostTag,
    selector,
    text,
  );
}

async function taskSeconds(page: Page): Promise<number> {
  return (await page.metrics()).TaskDuration ?? NaN;
}

async function measureField(
  page: Page,
  typing: FieldTyping,
  hostTag: string,
  selector: string,
  text: string,
): Promise<void> {
  const before = await taskSeconds(page);
  const { times, longTasks } = await typeTimed(page, hostTag, selector, text);
  const after = await taskSeconds(page);
  typing.taskPerKeystroke.push(((after - before) * 1000) / times.length);
  typing.longTasks.push(...longTasks);
  for (const length of LENGTHS) typing.atLength.get(length)!.push(...times.slice(length - WINDOW, length));
}

export async function keystrokeCosts(
  browser: Browser,
  origin: string,
  runs: number,
  resetBackend: () => void,
): Promise<{ phone: FieldTyping; password: FieldTyping }> {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(NAME_HELPER);
  const phone = emptyTyping();
  const password = emptyTyping();
  try {
    for (let run = 0; run < runs; run++) {
      resetBackend();
      await page.goto(`${origin}/`, { waitUntil: 'domcontentloaded' });
      await page.evaluate(WAIT_FOR_ACCOUNT);
      await page.evaluate(() =>
        (
          document.querySelector('sel-phones')!.shadowRoot!.querySelector('[part~="edit-button"]') as HTMLElement
        ).click(),
      );
      await page.waitForFunction(() =>
        document.querySelector('sel-phones')!.shadowRoot!.querySelector('input[type="tel"]'),
      );
      // The first field: cleared, then typed.
      await page.evaluate(() => {
        (
          document.querySelector('sel-phones')!.shadowRoot!.querySelector('input[type="tel"]') as HTMLInputElement
        ).value = '';
      });
      await measureField(page, phone, 'sel-phones', 'input[type="tel"]', PHONE_TEXT);
      // The first focus loads the dictionaries; typing starts once the meter works, as a person would see it.
      await page.evaluate(openPasswordForm);
      await page.evaluate(focusNewPassword);
      await page.keyboard.type('a');
      await page.evaluate(waitForFirstScore);
      await page.evaluate(() => {
        (document.querySelector('sel-password-change input[autocomplete="new-password"]') as HTMLInputElement).value =
          '';
      });
      await measureField(page, password, 'sel-password-change', 'input[autocomplete="new-password"]', PASSWORD_TEXT);
    }
  } finally {
    await page.close();
  }
  return { phone, password };
}
