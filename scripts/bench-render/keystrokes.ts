/**
 * What one character costs the main thread, in `<sel-phones>` (validated and formatted as typed) and in the
 * new-password field of `<sel-password-change>` (checklist, strength request to the worker), typed up to
 * 128 characters one at a time.
 *
 * Keys are real (DevTools protocol input events), so the browser's own work on a character counts. Per
 * keystroke: from the `keydown` to the element re-rendered (`updateComplete`) and laid out (a forced
 * layout) after the `input` it caused, so style and layout are counted; each keystroke waits for the frame
 * to end, as between two real keystrokes. Beside it, each keystroke's main-thread CPU time from a trace
 * (main-thread-trace.ts), which also holds the meter's re-render when a score comes back from the worker,
 * and the long tasks (over 50 ms) a `longtask` PerformanceObserver saw.
 */
import type { Browser, Page } from 'puppeteer-core';
import { KEY_MARK, startTrace, stopTrace } from './main-thread-trace.js';
import { NAME_HELPER, WAIT_FOR_ACCOUNT, focusNewPassword, openPasswordForm, waitForFirstScore } from './page-probes.js';

export const LENGTHS = [64, 128] as const;
/** The keystrokes counted "at 64 characters": those that bring the field from 57 to 64 characters. */
const WINDOW = 8;

export interface FieldTyping {
  /** Milliseconds per keystroke near each length of LENGTHS, all runs together. */
  atLength: Map<number, number[]>;
  /** Main-thread CPU time per keystroke (trace), near each length of LENGTHS. */
  cpuAtLength: Map<number, number[]>;
  longTasks: number[];
}

// Digits with the spaces people type: what the phone field formats as typed.
const PHONE_TEXT = '06 12 34 56 78 '.repeat(9).slice(0, 128);
const PASSWORD_TEXT = 'Poitiers-Cmartin-2026!qwertyuiop'.repeat(4);

function emptyTyping(): FieldTyping {
  return {
    atLength: new Map(LENGTHS.map((length) => [length, []])),
    cpuAtLength: new Map(LENGTHS.map((length) => [length, []])),
    longTasks: [],
  };
}

/**
 * Starts recording, in the page, each keystroke's time: from the `keydown` (its timestamp is when the
 * browser dispatched the key, so a busy main thread's delay counts) to the element re-rendered and laid
 * out after the `input` it caused; and the long tasks meanwhile.
 */
function startRecording(hostTag: string): void {
  // An element's update, or nothing to wait for in the plain page (the host is the input itself).
  const host = document.querySelector(hostTag) as HTMLElement & { updateComplete?: Promise<unknown> };
  const record = {
    times: [] as number[],
    longTasks: [] as number[],
    observer: undefined as PerformanceObserver | undefined,
    listeners: new AbortController(),
  };
  const { signal } = record.listeners;
  let keyDownAt = 0;
  document.addEventListener('keydown', (event) => (keyDownAt = event.timeStamp), { capture: true, signal });
  window.addEventListener(
    'input',
    () => {
      const start = keyDownAt;
      void Promise.resolve(host.updateComplete).then(() => {
        void host.getBoundingClientRect();
        record.times.push(performance.now() - start);
      });
    },
    { signal },
  );
  record.observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) record.longTasks.push(entry.duration);
  });
  record.observer.observe({ type: 'longtask' });
  (window as unknown as { benchKeystrokes: typeof record }).benchKeystrokes = record;
}

async function stopRecording(): Promise<{ times: number[]; longTasks: number[] }> {
  const record = (
    window as unknown as {
      benchKeystrokes: {
        times: number[];
        longTasks: number[];
        observer: PerformanceObserver;
        listeners: AbortController;
      };
    }
  ).benchKeystrokes;
  // Long tasks are reported after they end: a moment later, the last one is in.
  await new Promise((resolve) => setTimeout(resolve, 100));
  record.observer.disconnect();
  record.listeners.abort();
  return { times: record.times, longTasks: record.longTasks };
}

/** The end of the frame that follows a keystroke, as between two real keystrokes. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}

/** Types `text` into the focused field with real key events, one at a time, returning each one's milliseconds. */
async function typeTimed(
  page: Page,
  hostTag: string,
  text: string,
): Promise<{ times: number[]; longTasks: number[]; cpu: number[] }> {
  await page.evaluate(startRecording, hostTag);
  await startTrace(page);
  for (const character of text) {
    await page.evaluate((name) => performance.mark(name), KEY_MARK);
    await page.keyboard.type(character);
    await page.evaluate(nextFrame);
  }
  await page.evaluate((name) => performance.mark(name), KEY_MARK);
  const cpu = await stopTrace(page);
  const recorded = await page.evaluate(stopRecording);
  if (recorded.times.length !== text.length) {
    throw new Error(`${hostTag}: ${recorded.times.length} input events for ${text.length} keys`);
  }
  if (cpu.length !== text.length) throw new Error(`${hostTag}: ${cpu.length} traced keystrokes for ${text.length}`);
  return { ...recorded, cpu };
}

async function measureField(page: Page, typing: FieldTyping, hostTag: string, text: string): Promise<void> {
  const { times, longTasks, cpu } = await typeTimed(page, hostTag, text);
  typing.longTasks.push(...longTasks);
  for (const length of LENGTHS) {
    typing.atLength.get(length)!.push(...times.slice(length - WINDOW, length));
    typing.cpuAtLength.get(length)!.push(...cpu.slice(length - WINDOW, length));
  }
}

export async function keystrokeCosts(
  browser: Browser,
  origin: string,
  runs: number,
  resetBackend: () => void,
): Promise<Record<'phone' | 'password' | 'plainPhone' | 'plainPassword', FieldTyping>> {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(NAME_HELPER);
  const phone = emptyTyping();
  const password = emptyTyping();
  const plainPhone = emptyTyping();
  const plainPassword = emptyTyping();
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
      // The first number: emptied, then typed.
      await page.evaluate(() =>
        (
          document.querySelector('sel-phones')!.shadowRoot!.querySelector('input[type="tel"]') as HTMLInputElement
        ).select(),
      );
      await page.keyboard.press('Backspace');
      await measureField(page, phone, 'sel-phones', PHONE_TEXT);
      // The first focus loads the dictionaries; typing starts once the meter works, as a person would see it.
      await page.evaluate(openPasswordForm);
      await page.evaluate(focusNewPassword);
      await page.keyboard.type('a');
      await page.evaluate(waitForFirstScore);
      await page.keyboard.press('Backspace');
      await measureField(page, password, 'sel-password-change', PASSWORD_TEXT);
      // The baseline: the same keys in the plain page's fields, what the browser itself spends on them.
      await page.goto(`${origin}/plain`, { waitUntil: 'load' });
      await page.evaluate(() => (document.querySelector('#phone-0') as HTMLInputElement).select());
      await page.keyboard.press('Backspace');
      await measureField(page, plainPhone, '#phone-0', PHONE_TEXT);
      await page.focus('#new');
      await measureField(page, plainPassword, '#new', PASSWORD_TEXT);
    }
  } finally {
    await page.close();
  }
  return { phone, password, plainPhone, plainPassword };
}
