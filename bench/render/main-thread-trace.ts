/**
 * Main-thread CPU time per keystroke, from a Chromium trace: the thread time (`tdur`, time the thread
 * actually ran, not time it waited for a core) of every top-level task of the page's main thread from one
 * keystroke to the next. On a machine shared with other work, wall-clock times grow with the load; thread
 * time does much less, so this is the figure compared with the budget, wall clock beside it.
 *
 * A keystroke's interval starts with the task that dispatches its `keydown` (the page marks it from a
 * capturing listener: the task holding the mark begins the interval) and holds everything the page's main
 * thread did until the next key: the key events and the browser's editing, the element's handlers and
 * update, the frames that draw it, the strength worker's answer, garbage collection, idle tasks. The keys
 * come from the DevTools protocol's `Input.dispatchKeyEvent`, which the browser process turns into the same
 * input events a keyboard sends, so the page's main thread runs nothing of the driver's between two keys.
 *
 * Two depths of tracing: `light` (top-level tasks only) gives the totals; `detailed` adds DevTools'
 * timeline and V8's execution events to split each keystroke's time into script, style and layout, paint,
 * and the rest (the browser's input routing, editing, event dispatch, scheduling). Recording those events
 * costs time of its own, so the totals are read from the light trace, the shares from the detailed one.
 */
import type { Page } from 'puppeteer-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
}

export const KEY_MARK = 'bench-keystroke';

export type TraceDepth = 'light' | 'detailed';

const CATEGORIES: Record<TraceDepth, string[]> = {
  light: ['toplevel', 'blink.user_timing'],
  detailed: ['toplevel', 'blink.user_timing', 'devtools.timeline', 'v8.execute'],
};

export type Share = 'script' | 'styleLayout' | 'paint' | 'other';

/** Main-thread milliseconds of one keystroke, and (detailed traces only) what they were spent on. */
export interface KeystrokeTime {
  total: number;
  shares?: Record<Share, number>;
}

const TASK = 'ThreadControllerImpl::RunTask';

/** What an event's own time (its time minus its children's) counts as; anything unnamed is `other`. */
function shareOf(name: string): Share {
  if (
    name === 'FunctionCall' ||
    name === 'RunMicrotasks' ||
    name === 'EvaluateScript' ||
    name === 'V8.Execute' ||
    name === 'MinorGC' ||
    name === 'MajorGC' ||
    name.startsWith('v8.') ||
    name.startsWith('V8.')
  ) {
    return 'script';
  }
  if (
    name === 'UpdateLayoutTree' ||
    name === 'Layout' ||
    name === 'RecalcStyle' ||
    name === 'ScheduleStyleRecalculation'
  ) {
    return 'styleLayout';
  }
  if (
    name === 'PrePaint' ||
    name === 'Paint' ||
    name === 'Layerize' ||
    name === 'Commit' ||
    name === 'UpdateLayer' ||
    name === 'ScrollLayer'
  ) {
    return 'paint';
  }
  return 'other';
}

export async function startTrace(page: Page, depth: TraceDepth): Promise<void> {
  await page.tracing.start({ categories: CATEGORIES[depth] });
}

/** The interval a time falls in: the last boundary at or before it, or -1 outside them all. */
function intervalOf(boundaries: readonly number[], ts: number): number {
  if (ts < boundaries[0]! || ts >= boundaries[boundaries.length - 1]!) return -1;
  let low = 0;
  let high = boundaries.length - 1;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (boundaries[middle]! <= ts) low = middle;
    else high = middle;
  }
  return low;
}

/**
 * Each interval between two consecutive KEY_MARK marks, as main-thread milliseconds: the interval of a
 * mark starts where the top-level task holding it starts.
 */
export async function stopTrace(page: Page, depth: TraceDepth): Promise<KeystrokeTime[]> {
  const buffer = await page.tracing.stop();
  const { traceEvents } = JSON.parse(new TextDecoder().decode(buffer)) as { traceEvents: TraceEvent[] };
  const marks = traceEvents.filter((event) => event.name === KEY_MARK && event.cat.includes('blink.user_timing'));
  const first = marks[0];
  if (!first) throw new Error('no keystroke marks in the trace');
  const onMainThread = traceEvents
    .filter(
      (event) => event.pid === first.pid && event.tid === first.tid && event.ph === 'X' && event.dur !== undefined,
    )
    // Parents before their children: by start, then the longer first.
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks = onMainThread.filter((event) => event.name === TASK);
  const taskStartOf = (ts: number): number =>
    tasks.find((task) => task.ts <= ts && ts <= task.ts + task.dur!)?.ts ?? ts;
  const boundaries = [...new Set(marks.map((mark) => taskStartOf(mark.ts)))].sort((a, b) => a - b);
  const times: KeystrokeTime[] = Array.from({ length: Math.max(0, boundaries.length - 1) }, () => ({
    total: 0,
    ...(depth === 'detailed' && { shares: { script: 0, styleLayout: 0, paint: 0, other: 0 } }),
  }));
  // Each event's own thread time goes to its share; a task's own time (outside any named event) is `other`.
  // Only what runs inside a top-level task counts, as in the total.
  const open: { event: TraceEvent; interval: number }[] = [];
  for (const event of onMainThread) {
    while (open.length > 0 && open.at(-1)!.event.ts + open.at(-1)!.event.dur! <= event.ts) open.pop();
    const parent = open.at(-1);
    const root = open[0]?.event ?? event;
    const interval = root.name === TASK ? (parent ? parent.interval : intervalOf(boundaries, event.ts)) : -1;
    open.push({ event, interval });
    if (interval < 0 || event.tdur === undefined) continue;
    const own = event.tdur / 1000;
    const time = times[interval]!;
    if (!parent) time.total += own;
    if (time.shares) {
      time.shares[shareOf(event.name)] += own;
      if (parent) time.shares[shareOf(parent.event.name)] -= own;
    }
  }
  return times;
}
