/**
 * Time to first render and time per keystroke of the built elements, in Chromium.
 *
 *   npm run build:standalone && npx tsx scripts/bench-render.ts [runs]
 *
 * A local server sends a plain page holding the four elements with `api-base`, `dist/` as built, and the
 * HTTP contract answered by the mock backend without latency, so the figures are the elements' own cost
 * (download from loopback, parse, one GET, render), not a network's.
 *
 * - First render: from navigation start to the moment all four sections show the account, each load in a
 *   fresh browser context (cold cache). The phone rules, a lazy chunk, are part of it.
 * - Keystroke: what one character costs on the main thread, from the `input` event to the element's
 *   re-render (`updateComplete`), typing a phone number in `<sel-phones>` (validated and formatted as
 *   typed) and a new password in `<sel-password-change>` (checklist and strength meter).
 * Medians and worst cases over several runs; timings are wall clock, pessimistic on a busy machine.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { MemoryAdapter } from '../src/mocks/memory-adapter.js';
import { handleContractRequest, NETWORK_ERROR } from '../src/mocks/contract-http.js';

const RUNS = Number(process.argv[2] ?? 15);
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const API = '/api/sel';
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.map': 'application/json' };

const PAGE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>bench</title>
<script type="module" src="/dist/sel-widgets.js"></script></head>
<body>
<sel-general-info api-base="${API}"></sel-general-info>
<sel-phones api-base="${API}"></sel-phones>
<sel-redlist api-base="${API}"></sel-redlist>
<sel-password-change api-base="${API}"></sel-password-change>
</body></html>`;

let backend = new MemoryAdapter();

async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/') {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE);
    return;
  }
  if (url.pathname.startsWith(API + '/')) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
    const answer = await handleContractRequest(
      backend,
      new Request(url, {
        method: request.method ?? 'GET',
        headers: request.headers as Record<string, string>,
        ...(body && request.method !== 'GET' && { body }),
      }),
      url.pathname.slice(API.length),
    );
    if (answer === NETWORK_ERROR) {
      request.socket.destroy();
      return;
    }
    const headers: Record<string, string> = {};
    answer.headers.forEach((value, name) => (headers[name] = value));
    response.writeHead(answer.status, headers);
    response.end(Buffer.from(await answer.arrayBuffer()));
    return;
  }
  if (url.pathname.startsWith('/dist/')) {
    const path = normalize(join(DIST, url.pathname.slice('/dist/'.length)));
    if (path.startsWith(DIST)) {
      try {
        const content = await readFile(path);
        response.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(content);
        return;
      } catch {
        // falls through to 404
      }
    }
  }
  response.writeHead(404).end();
}

/** Resolves, in the page, when every section shows the account: the time since navigation start. */
const WAIT_FOR_ACCOUNT = `new Promise((resolve) => {
  const ready = () => ['sel-general-info', 'sel-phones', 'sel-redlist', 'sel-password-change'].every((tag) => {
    const root = document.querySelector(tag)?.shadowRoot;
    if (!root || !root.querySelector('[role="heading"]')) return false;
    return ![...root.querySelectorAll('[role="status"]')].some((node) => node.textContent.includes('Chargement'));
  }) && document.querySelector('sel-general-info').shadowRoot.textContent.includes('cmartin');
  const check = () => (ready() ? resolve(performance.now()) : requestAnimationFrame(check));
  check();
})`;

async function firstRender(browser: Browser, origin: string): Promise<number> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.goto(origin, { waitUntil: 'domcontentloaded' });
    return (await page.evaluate(WAIT_FOR_ACCOUNT)) as number;
  } finally {
    await context.close();
  }
}

/** Types `text` one character at a time into `input`, returning the milliseconds each character took. */
async function typeTimed(page: Page, selector: string, hostTag: string, text: string): Promise<number[]> {
  return page.evaluate(
    async (selector, hostTag, text) => {
      const host = document.querySelector(hostTag) as HTMLElement & { updateComplete: Promise<unknown> };
      const input = (host.shadowRoot?.querySelector(selector) ??
        host.querySelector(selector)) as HTMLInputElement | null;
      if (!input) throw new Error(`no ${selector} in ${hostTag}`);
      input.focus();
      input.value = '';
      const times: number[] = [];
      for (const character of text) {
        const start = performance.now();
        input.value += character;
        input.setSelectionRange(input.value.length, input.value.length);
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: character }));
        await host.updateComplete;
        times.push(performance.now() - start);
        // Let the frame end, as between two real keystrokes.
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      }
      return times;
    },
    selector,
    hostTag,
    text,
  );
}

async function keystrokes(browser: Browser, origin: string): Promise<{ phone: number[]; password: number[] }> {
  const page = await browser.newPage();
  await page.goto(origin, { waitUntil: 'domcontentloaded' });
  await page.evaluate(WAIT_FOR_ACCOUNT);
  const phone: number[] = [];
  const password: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    backend = new MemoryAdapter();
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.evaluate(WAIT_FOR_ACCOUNT);
    await page.evaluate(() => {
      (document.querySelector('sel-phones')!.shadowRoot!.querySelector('[part~="edit-button"]') as HTMLElement).click();
      (
        document.querySelector('sel-password-change')!.shadowRoot!.querySelector('[part~="open-button"]') as HTMLElement
      ).click();
    });
    await page.waitForFunction(
      () =>
        document.querySelector('sel-phones')!.shadowRoot!.querySelector('input[type="tel"]') &&
        document.querySelector('sel-password-change input[autocomplete="new-password"]'),
    );
    phone.push(...(await typeTimed(page, 'input[type="tel"]', 'sel-phones', '06 12 34 56 78')));
    // The first focus starts the dictionaries' download; type once they are there, as a person would.
    await page.focus('sel-password-change input[autocomplete="new-password"]');
    await page.waitForFunction(
      () => !document.querySelector('sel-password-change')?.textContent?.includes('Chargement'),
      { timeout: 30_000 },
    );
    password.push(
      ...(await typeTimed(
        page,
        'input[autocomplete="new-password"]',
        'sel-password-change',
        'Poitiers-Cmartin-2026!qwertyuiop',
      )),
    );
  }
  await page.close();
  return { phone, password };
}

function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? NaN;
  const worst = sorted.at(-1) ?? NaN;
  return `median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, worst ${worst.toFixed(1)} ms (n=${values.length})`;
}

async function main(): Promise<void> {
  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      console.error(error);
      response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  const profile = await mkdtemp(join(tmpdir(), 'sel-bench-'));
  const browser = await puppeteer.launch({
    executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
    userDataDir: profile,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    console.log(
      `Chromium ${await browser.version()}, ${availableParallelism()} cores, load ${loadavg()[0]!.toFixed(2)}`,
    );
    const renders: number[] = [];
    await firstRender(browser, origin); // warm-up: the server's first answers
    for (let run = 0; run < RUNS; run++) {
      backend = new MemoryAdapter();
      renders.push(await firstRender(browser, origin));
    }
    console.log(`first render, four sections, cold cache: ${summary(renders)}`);
    const typed = await keystrokes(browser, origin);
    console.log(`keystroke in <sel-phones> (validate, format as typed): ${summary(typed.phone)}`);
    console.log(`keystroke in <sel-password-change> new password (checklist, strength): ${summary(typed.password)}`);
  } finally {
    await browser.close();
    server.close();
    await rm(profile, { recursive: true, force: true });
  }
}

await main();
