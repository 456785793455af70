/**
 * What one character costs the main thread, in `<sel-phones>` (validated and formatted as typed) and in the
 * new-password field of `<sel-password-change>` (checklist, strength request to the worker), typed up to
 * 128 characters one at a time, and the same keys in the plain page's fields: the browser's own cost of a
 * character, the floor under any script.
 *
 * Keys are real (DevTools protocol input events, which the browser turns into keyboard input), one every
 * KEY_INTERVAL_MS as a quick typist's, and the driver sends the page nothing else while typing: no script
 * evaluated per key, no animation frame requested. Per keystroke, each field is typed twice:
 * - with a light trace, the main-thread CPU time of everything from this key to the next
 *   (main-thread-trace.ts); with a detailed trace, the same time split into script, style and layout,
 *   paint and the rest;
 * - the wall-clock time from the `keydown` to the element re-rendered (`updateComplete`) and laid out (a
 *   forced layout) after the `input` it caused, and the long tasks (over 50 ms) a `longtask`
 *   PerformanceObserver saw.
 * Then a third time with nothing recording in the browser (no trace, no listener of the bench's): the
 * main thread's CPU time from one key to the next as the kernel counts it (renderer-main-thread.ts).
 */
import type { Browser, Page } from 'puppeteer-core';
import { KEY_MARK, startTrace, stopTrace, type KeystrokeTime, type TraceDepth } from './main-thread-trace.js';
import { NAME_HELPER, WAIT_FOR_ACCOUNT, focusNewPassword, openPasswordForm, waitForFirstScore } from './page-probes.js';
import { rendererMainThread, type MainThreadClock } from './renderer-main-thread.js';

export const LENGTHS = [64, 128] as const;
/** The keystrokes counted "at 64 characters": those that bring the field from 57 to 64 characters. */
const WINDOW = 8;
/** 20 characters a second: a quick typist, and time for the frame and the worker's answer after each key. */
const KEY_INTERVAL_MS = 50;

export interface FieldTyping {
  /** Milliseconds per keystroke near each length of LENGTHS, all runs together. */
  atLength: Map<number, number[]>;
  /** Main-thread CPU time per keystroke (light trace), near each length of LENGTHS. */
  cpuAtLength: Map<number, number[]>;
  /** The same keystrokes under a detailed trace: its total, and each share. */
  detailedAtLength: Map<number, KeystrokeTime[]>;
  /** The same keystrokes with nothing recording in the browser: main-thread CPU as the kernel counts it. */
  untracedAtLength: Map<number, number[]>;
  longTasks: number[];
}

// Digits with the spaces people type: what the phone field formats as typed.
const PHONE_TEXT = '06 12 34 56 78 '.repeat(9).slice(0, 128);
const PASSWORD_TEXT = 'Poitiers-Cmartin-2026!qwertyuiop'.repeat(4);

function emptyTyping(): FieldTyping {
  return {
    atLength: new Map(LENGTHS.map((length) => [length, []])),
    cpuAtLength: new Map(LENGTHS.map((length) => [length, []])),
    detailedAtLength: new Map(LENGTHS.map((length) => [length, []])),
    untracedAtLength: new Map(LENGTHS.map((length) => [length, []])),
    longTasks: [],
  };
}

/**
 * Starts recording, in the page, each keystroke's time: from the `keydown` (its timestamp is when the
 * browser dispatched the key, so a busy main thread's delay counts) to the element re-rendered and laid
 * out after the `input` it caused; and the long tasks meanwhile.
 */
function startRecording(hostTag: string, markName: string): void {
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
  // First of all listeners (on the window, capturing): the trace's boundary between two keystrokes.
  window.addEventListener(
    'keydown',
    (event) => {
      keyDownAt = event.timeStamp;
      performance.mark(markName);
    },
    { capture: true, signal },
  );
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

function pause(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, milliseconds)));
}

/**
 * Types `text` into the focused field with real key events, one every KEY_INTERVAL_MS, under a trace of
 * `depth`; returns each keystroke's wall-clock milliseconds and main-thread time.
 */
async function typeTimed(
  page: Page,
  hostTag: string,
  text: string,
  depth: TraceDepth,
): Promise<{ times: number[]; longTasks: number[]; cpu: KeystrokeTime[] }> {
  await page.evaluate(startRecording, hostTag, KEY_MARK);
  await startTrace(page, depth);
  let next = Date.now();
  for (const character of text) {
    await pause(next - Date.now());
    next += KEY_INTERVAL_MS;
    await page.keyboard.type(character);
  }
  await pause(next - Date.now());
  // The end of the last keystroke's interval: a mark of the driver's, after it.
  await page.evaluate((name) => performance.mark(name), KEY_MARK);
  const cpu = await stopTrace(page, depth);
  const recorded = await page.evaluate(stopRecording);
  if (recorded.times.length !== text.length) {
    throw new Error(`${hostTag}: ${recorded.times.length} input events for ${text.length} keys`);
  }
  if (cpu.length !== text.length) throw new Error(`${hostTag}: ${cpu.length} traced keystrokes for ${text.length}`);
  return { ...recorded, cpu };
}

/**
 * Types `text` into the focused field, one key every KEY_INTERVAL_MS, with nothing recording in the
 * browser; returns each keystroke's main-thread milliseconds, read from `clock` just before each key and
 * once after the last key's interval.
 */
async function typeUntraced(page: Page, clock: MainThreadClock, text: string): Promise<number[]> {
  const readings: number[] = [];
  let next = Date.now();
  for (const character of text) {
    await pause(next - Date.now());
    next += KEY_INTERVAL_MS;
    readings.push(await clock.cpuMs());
    await page.keyboard.type(character);
  }
  await pause(next - Date.now());
  readings.push(await clock.cpuMs());
  return readings.slice(1).map((reading, index) => reading - readings[index]!);
}

/** Empties the focused field as a person would: everything selected, then deleted. */
async function emptyFocusedField(page: Page): Promise<void> {
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
}

/**
 * The field is typed three times, emptied in between: the light trace's run for the totals, the detailed
 * trace's, and (where the kernel says) the untraced one.
 */
async function measureField(page: Page, typing: FieldTyping, hostTag: string, text: string): Promise<void> {
  const light = await typeTimed(page, hostTag, text, 'light');
  await emptyFocusedField(page);
  const detailed = await typeTimed(page, hostTag, text, 'detailed');
  const clock = await rendererMainThread(page);
  let untraced: number[] = [];
  if (clock) {
    await emptyFocusedField(page);
    untraced = await typeUntraced(page, clock, text);
  }
  typing.longTasks.push(...light.longTasks, ...detailed.longTasks);
  for (const length of LENGTHS) {
    typing.atLength.get(length)!.push(...light.times.slice(length - WINDOW, length));
    typing.cpuAtLength.get(length)!.push(...light.cpu.slice(length - WINDOW, length).map((time) => time.total));
    typing.detailedAtLength.get(length)!.push(...detailed.cpu.slice(length - WINDOW, length));
    typing.untracedAtLength.get(length)!.push(...untraced.slice(length - WINDOW, length));
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
