/**
 * The elements in Chromium, against the same sections as a plain HTML page: load times and bytes under
 * Chrome DevTools' Fast 3G and Fast 4G network presets, the JS heap after the first password focus, and the
 * main-thread cost of a keystroke at 64 and 128 characters.
 *
 *   npm run bench:render            (builds dist/sel-widgets.js first)
 *   npm run bench:render -- [--runs=5] [--keystroke-runs=3] [--heap-runs=3] [--only=network,heap,keystrokes]
 *
 * A local server (bench/render/server.ts) sends the page holding the four elements with `api-base`,
 * `dist/` as built, brotli-compressed as the size budgets count it, and the HTTP contract answered by the
 * mock backend; `/plain` is the baseline (bench/render/plain-page.ts). Each load is cold: a fresh
 * browser context, cache disabled. The presets are DevTools' (bench/render/network-presets.ts),
 * network only, no CPU throttling. Medians over the runs; timings are wall clock on this machine, so a busy
 * machine makes them pessimistic: the load average is printed with them.
 */
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Browser } from 'puppeteer-core';
import { loadElementsPage, loadPlainPage, type LoadFigures } from './render/cold-loads.js';
import { heapAfterFirstFocus } from './render/heap.js';
import { LENGTHS, keystrokeCosts, type FieldTyping } from './render/keystrokes.js';
import type { KeystrokeTime, Share } from './render/main-thread-trace.js';
import { FAST_3G, FAST_4G, LOOPBACK, type NetworkPreset } from './render/network-presets.js';
import { startBenchServer, type BenchServer } from './render/server.js';
import { MB, kB, median, ms, ratio, table, worst } from './render/stats.js';
import { launchChromium } from '../scripts/chromium.mjs';

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'keystroke-runs': { type: 'string', default: '3' },
    'heap-runs': { type: 'string', default: '3' },
    only: { type: 'string', default: 'network,heap,keystrokes' },
  },
});
const RUNS = Number(options.runs);
const KEYSTROKE_RUNS = Number(options['keystroke-runs']);
const HEAP_RUNS = Number(options['heap-runs']);
const PARTS = new Set(options.only.split(','));

type Medians = { [K in keyof LoadFigures]: number };

async function medianLoads(
  load: (browser: Browser, origin: string, preset: NetworkPreset) => Promise<LoadFigures>,
  browser: Browser,
  server: BenchServer,
  preset: NetworkPreset,
): Promise<Medians> {
  const runs: LoadFigures[] = [];
  for (let run = 0; run < RUNS; run++) {
    server.resetBackend();
    runs.push(await load(browser, server.origin, preset));
  }
  const of = (key: keyof LoadFigures): number => median(runs.map((figures) => figures[key]));
  return {
    firstModuleMs: of('firstModuleMs'),
    pageCompleteMs: of('pageCompleteMs'),
    pageCompleteBytes: of('pageCompleteBytes'),
    openFormBytes: of('openFormBytes'),
    firstScoreMs: of('firstScoreMs'),
    firstFocusBytes: of('firstFocusBytes'),
  };
}

async function networkTable(browser: Browser, server: BenchServer): Promise<void> {
  const rows: string[][] = [];
  for (const preset of [FAST_3G, FAST_4G]) {
    const elements = await medianLoads(loadElementsPage, browser, server, preset);
    const plain = await medianLoads(loadPlainPage, browser, server, preset);
    rows.push(
      [
        `${preset.name}: first module (plain: its HTML)`,
        ms(elements.firstModuleMs),
        ms(plain.firstModuleMs),
        ratio(elements.firstModuleMs, plain.firstModuleMs),
      ],
      [
        `${preset.name}: page complete`,
        ms(elements.pageCompleteMs),
        ms(plain.pageCompleteMs),
        ratio(elements.pageCompleteMs, plain.pageCompleteMs),
      ],
      [`${preset.name}: first password focus to first score`, ms(elements.firstScoreMs), 'no meter', '—'],
    );
    if (preset === FAST_3G) {
      rows.push(
        [
          'bytes: page complete',
          kB(elements.pageCompleteBytes),
          kB(plain.pageCompleteBytes),
          ratio(elements.pageCompleteBytes, plain.pageCompleteBytes),
        ],
        ['bytes: opening the password form', kB(elements.openFormBytes), '0', '—'],
        ['bytes: first password focus', kB(elements.firstFocusBytes), '0', '—'],
      );
    }
  }
  console.log(`\nCold loads, medians of ${RUNS} runs each (bytes: on the wire, headers included)\n`);
  console.log(table(['total', 'elements', 'plain HTML page', 'ratio'], rows));
}

async function heapTable(browser: Browser, server: BenchServer): Promise<void> {
  const runs = [];
  for (let run = 0; run < HEAP_RUNS; run++) {
    server.resetBackend();
    runs.push(await heapAfterFirstFocus(browser, server.origin));
  }
  const before = median(runs.map((figures) => figures.pageBeforeFocus));
  const page = median(runs.map((figures) => figures.page));
  const worker = median(runs.map((figures) => figures.worker));
  const total = median(runs.map((figures) => figures.page + figures.worker));
  console.log(`\nJS heap after a full GC, medians of ${HEAP_RUNS} runs\n`);
  console.log(
    table(
      ['heap', 'used'],
      [
        ['page, all four sections shown, before any password focus', MB(before)],
        ['page, after the first password focus and score', MB(page)],
        ['strength worker, after the first score', MB(worker)],
        ['page and worker together', MB(total)],
      ],
    ),
  );
}

/** The median of one share of the detailed trace's keystrokes. */
function medianShare(times: readonly KeystrokeTime[], share: Share | 'total'): string {
  return `${median(times.map((time) => (share === 'total' ? time.total : (time.shares?.[share] ?? NaN)))).toFixed(2)}`;
}

function typingRows(field: string, typing: FieldTyping): string[][] {
  return [
    ...LENGTHS.map((length) => {
      const cpu = typing.cpuAtLength.get(length)!;
      const detailed = typing.detailedAtLength.get(length)!;
      const wall = typing.atLength.get(length)!;
      const untraced = typing.untracedAtLength.get(length)!;
      return [
        `${field}, at ${length} characters`,
        `${median(cpu).toFixed(2)} ms`,
        `${worst(cpu).toFixed(2)} ms`,
        untraced.length > 0 ? `${median(untraced).toFixed(2)} ms` : '—',
        medianShare(detailed, 'total'),
        medianShare(detailed, 'script'),
        medianShare(detailed, 'styleLayout'),
        medianShare(detailed, 'paint'),
        medianShare(detailed, 'other'),
        `${median(wall).toFixed(2)} ms`,
      ];
    }),
    [
      `${field}, long tasks (> 50 ms) while typing`,
      String(typing.longTasks.length),
      typing.longTasks.length > 0 ? ms(worst(typing.longTasks)) : '—',
      ...Array<string>(7).fill(''),
    ],
  ];
}

async function keystrokeTable(browser: Browser, server: BenchServer): Promise<void> {
  const { phone, password, plainPhone, plainPassword } = await keystrokeCosts(
    browser,
    server.origin,
    KEYSTROKE_RUNS,
    server.resetBackend,
  );
  console.log(
    `\nMain thread per keystroke (the 8 keystrokes up to each length), ${KEYSTROKE_RUNS} runs of 128 characters per field, loopback.` +
      "\nCPU: light trace (totals); untraced: nothing recording in the browser, the kernel's count of the main thread's" +
      ' CPU. Detailed trace (its own recording costs more): total, then the median of each share' +
      ' (script and GC, style and layout, paint, the rest), ms. Wall clock: keydown to laid out.\n',
  );
  console.log(
    table(
      [
        'keystroke',
        'main-thread CPU, median',
        'CPU, worst',
        'CPU untraced, median',
        'detailed: total',
        'script',
        'style+layout',
        'paint',
        'rest',
        'keydown to laid out, median',
      ],
      [
        ...typingRows('<sel-phones>', phone),
        ...typingRows('plain page, phone field', plainPhone),
        ...typingRows('new password', password),
        ...typingRows('plain page, new password field', plainPassword),
      ],
    ),
  );
}

async function main(): Promise<void> {
  const server = await startBenchServer();
  const chromium = await launchChromium({ profilePrefix: 'sel-bench-', protocolTimeout: 120_000 });
  const { browser } = chromium;
  try {
    console.log(
      `Chromium ${await browser.version()}, ${availableParallelism()} cores, load ${loadavg()[0]!.toFixed(2)}`,
    );
    // Warm-up: the server compresses each file once, on its first request.
    await loadElementsPage(browser, server.origin, LOOPBACK);
    if (PARTS.has('network')) await networkTable(browser, server);
    if (PARTS.has('heap')) await heapTable(browser, server);
    if (PARTS.has('keystrokes')) await keystrokeTable(browser, server);
    console.log(
      `\nencodings sent: ${[...server.encodingsUsed].join(', ')}; load at the end ${loadavg()[0]!.toFixed(2)}`,
    );
  } finally {
    await chromium.close();
    await server.close();
  }
}

await main();
