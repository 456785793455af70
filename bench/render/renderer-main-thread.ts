/**
 * The CPU time of a page's main thread as the Linux kernel counts it (`/proc/<pid>/task/<tid>/schedstat`,
 * nanoseconds the thread ran), read from outside the browser: a measure that needs no trace, no DevTools
 * timeline and no listener in the page, so nothing of the measurement itself is counted. It checks the
 * trace's figures: if tracing inflated them, this reads lower.
 *
 * Which thread: in Chromium on Linux a renderer's main thread is its process's first thread (thread id =
 * process id). Which renderer: among those of this page's browser (another browser on a shared machine is
 * not looked at), the page runs busy loops, and the renderer whose main thread
 * ran for far longer than any other meanwhile is the page's (on a busy machine the loop may get less than
 * its BUSY_MS of CPU, so the test is relative).
 */
import { readFile, readdir } from 'node:fs/promises';
import type { Page } from 'puppeteer-core';

const BUSY_MS = 200;
const BUSY_LOOPS = 3;

/** Nanoseconds the thread has run so far: the first field of its schedstat. */
async function ranNanoseconds(pid: number): Promise<number> {
  const text = await readFile(`/proc/${pid}/task/${pid}/schedstat`, 'utf8');
  return Number(text.split(' ')[0]);
}

/** The parent of a process: the field after the command's name, in parentheses, in its stat. */
async function parentOf(pid: number): Promise<number | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  return Number.isInteger(parent) && parent > 0 ? parent : undefined;
}

/** Whether `ancestor` started `pid`, or started what started it (a renderer comes from the browser's zygote). */
async function descendsFrom(pid: number, ancestor: number): Promise<boolean> {
  let current: number | undefined = pid;
  for (let level = 0; level < 4 && current !== undefined; level++) {
    current = await parentOf(current);
    if (current === ancestor) return true;
  }
  return false;
}

async function rendererPids(browserPid: number | undefined): Promise<number[]> {
  const pids: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const commandLine = await readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '');
    // The browser's own pages (its WebUI) and extensions never hold a web page.
    if (!commandLine.includes('--type=renderer') || /--top-chrome-webui|--extension-process/.test(commandLine)) {
      continue;
    }
    if (browserPid === undefined || (await descendsFrom(Number(name), browserPid))) pids.push(Number(name));
  }
  return pids;
}

export interface MainThreadClock {
  /** Milliseconds of CPU the page's main thread has used so far. */
  cpuMs(): Promise<number>;
}

/** The page's main-thread clock, or undefined where the kernel does not say (not Linux). */
export async function rendererMainThread(page: Page): Promise<MainThreadClock | undefined> {
  const pids = await rendererPids(page.browser().process()?.pid).catch(() => []);
  if (pids.length === 0) return undefined;
  const before = await Promise.all(pids.map(ranNanoseconds));
  // A few loops, not one: what another renderer does once (a spare one starting) does not add up as the
  // page's loops do, and on a busy machine each loop gets only a share of a core.
  for (let loop = 0; loop < BUSY_LOOPS; loop++) {
    await page.evaluate((busyMs) => {
      const end = performance.now() + busyMs;
      while (performance.now() < end);
    }, BUSY_MS);
  }
  const ran = await Promise.all(pids.map(async (pid, index) => (await ranNanoseconds(pid)) - before[index]!));
  const [most = 0, second = 0] = [...ran].sort((a, b) => b - a);
  if (most < 2 * second || most < 0.1 * BUSY_LOOPS * BUSY_MS * 1e6) {
    throw new Error(`no renderer's main thread stood out running the page's loops (${ran.map((ns) => ns / 1e6)} ms)`);
  }
  const pid = pids[ran.indexOf(most)]!;
  return { cpuMs: async () => (await ranNanoseconds(pid)) / 1e6 };
}
