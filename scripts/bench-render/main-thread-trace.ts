/**
 * Main-thread CPU time per keystroke, from a Chromium trace: the thread time (`tdur`, time the thread
 * actually ran, not time it waited for a core) of every top-level task of the page's main thread between a
 * keystroke's mark and the next one's. On a machine shared with other work, wall-clock times grow with the
 * load; thread time does much less, so this is the figure compared with the budget, wall clock beside it.
 * The interval of a keystroke holds its key events, the element's update, the frame after it, the strength
 * worker's answer when it comes in, and the benchmark's own mark (a few microseconds).
 */
import type { Page } from 'puppeteer-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  tdur?: number;
}

export const KEY_MARK = 'bench-keystroke';

export async function startTrace(page: Page): Promise<void> {
  await page.tracing.start({ categories: ['toplevel', 'blink.user_timing'] });
}

/** Milliseconds of main-thread CPU time for each interval between two consecutive marks named KEY_MARK. */
export async function stopTrace(page: Page): Promise<number[]> {
  const buffer = await page.tracing.stop();
  const { traceEvents } = JSON.parse(new TextDecoder().decode(buffer)) as { traceEvents: TraceEvent[] };
  const marks = traceEvents.filter((event) => event.name === KEY_MARK && event.cat.includes('blink.user_timing'));
  const first = marks[0];
  if (!first) throw new Error('no keystroke marks in the trace');
  const boundaries = [...new Set(marks.map((mark) => mark.ts))].sort((a, b) => a - b);
  const perInterval = new Array<number>(Math.max(0, boundaries.length - 1)).fill(0);
  for (const event of traceEvents) {
    if (event.pid !== first.pid || event.tid !== first.tid || event.ph !== 'X') continue;
    if (event.name !== 'ThreadControllerImpl::RunTask' || event.tdur === undefined) continue;
    // The interval whose start is the last boundary at or before the task's start.
    let low = 0;
    let high = boundaries.length - 1;
    if (event.ts < boundaries[0]! || event.ts >= boundaries[high]!) continue;
    while (high - low > 1) {
      const middle = (low + high) >> 1;
      if (boundaries[middle]! <= event.ts) low = middle;
      else high = middle;
    }
    perInterval[low]! += event.tdur / 1000;
  }
  return perInterval;
}
