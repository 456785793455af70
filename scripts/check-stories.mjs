// Opens every story of the static Storybook in Chromium and fails on a render error, a console error or an
// axe violation; opens every docs page and fails on a render error. Run after `npm run build-storybook`:
//
//   node scripts/check-stories.mjs [--filter <text in the id or title>] [--timeout <ms per story>]
//
// How it knows a story finished: the preview's own channel. A hook installed before any page script
// catches `window.__STORYBOOK_ADDONS_CHANNEL__` when the preview creates it and records the events that
// end a render in Storybook 10: STORY_FINISHED (after loaders, render, play function and afterEach; its
// status says whether it failed), STORY_ERRORED, STORY_THREW_EXCEPTION, PLAY_FUNCTION_THREW_EXCEPTION,
// UNHANDLED_ERRORS_WHILE_PLAYING, STORY_MISSING; DOCS_RENDERED for docs pages. (Polling
// `__STORYBOOK_PREVIEW__.currentRender.phase` for "completed" or "played" misses them: those phases last a
// moment, and the last one is "finished".)
//
// What fails a story:
// - a render error, an exception in its play function, an uncaught error in the page;
// - a console error, except in stories tagged `expect-console-error` (the "not configured" state logs one
//   by contract), and except the browser's "Failed to load resource: the server responded with a status
//   of 4xx/5xx" (or "net::ERR_FAILED") for a request the mock backend answered with that error on purpose:
//   the preview writes those down (`window.__SEL_SIMULATED_FAULTS__`, .storybook/preview.ts). A story
//   simulating a 412 does not fail for it; a missing file, or an error the story did not ask for, does;
// - an axe-core violation of a WCAG 2.0/2.1/2.2 A or AA rule in `#storybook-root`, once the story finished;
// - in a Playground story, a Controls panel that is not the element's public API, or a control that does not
//   change the element (scripts/check-story-controls.mjs).
//   The a11y addon's automatic run is switched off for these page loads (`globals=a11y.manual:!true`) so
//   axe runs once per story.
// The mock backend answers at once during the check (`mockLatency=0`, stories/support/backend.ts): the
// play functions wait for end states, and the states meant to be looked at (loading, pending) wait forever.
// Docs pages fail on render errors only: they render every story of a component at once, and the console
// and axe are judged story by story.
//
// One browser, one page, a fresh document per story; a crashed browser is relaunched and the story tried
// once more. Each story has a time limit.
/* global AbortController */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { judgeControls } from './check-story-controls.mjs';
import { launchChromium } from './chromium.mjs';

const options = parseOptions(process.argv.slice(2));
const STORY_TIMEOUT_MS = options.timeout ?? 20_000;
/** After a story finished: time for Lit's last updates and focus moves before axe looks. */
const SETTLE_MS = 150;
/** A docs page is done when no story on it has finished rendering for this long. */
const DOCS_QUIET_MS = 1000;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const FAILED_STATUS = /^Failed to load resource: the server responded with a status of (\d{3})\b/;
const FAILED_NETWORK = /^Failed to load resource: net::ERR_FAILED$/;
const AXE_PATH = '/__check__/axe.min.js';

const root = fileURLToPath(new URL('../storybook-static/', import.meta.url));
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let session;

/** Opens one entry and judges it: returns what went wrong, or that the browser crashed under it. */
async function checkEntry(entry) {
  const began = performance.now();
  const record = session.record(entry);
  const problems = [];
  let crashed;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), STORY_TIMEOUT_MS);
  try {
    const judge = entry.type === 'docs' ? judgeDocs : judgeStory;
    const outcome = await Promise.race([judge(entry, record, deadline.signal), session.crashed]);
    if (outcome?.crashed) crashed = outcome.crashed;
  } catch (error) {
    if (session.isDead()) {
      crashed = `the browser went away (${error.message})`;
    } else if (deadline.signal.aborted) {
      const [phase, hooked] = await session.page
        .evaluate(() => [
          window.__STORYBOOK_PREVIEW__?.currentRender?.phase,
          window.__STORYBOOK_ADDONS_CHANNEL__?.__storyCheckHooked === true,
        ])
        .catch(() => []);
      problems.push(
        hooked === false
          ? `timeout: the Storybook channel never appeared in ${STORY_TIMEOUT_MS} ms (did the preview load?)`
          : `timeout: not finished after ${STORY_TIMEOUT_MS} ms (render phase: ${phase ?? 'unknown'}): ` +
              'a play function waiting for a state that never comes, or a loader that never resolves?',
      );
    } else {
      problems.push(`check: ${error.message}`);
    }
  } finally {
    clearTimeout(timer);
    deadline.abort();
  }
  if (!crashed) {
    record.simulatedFaults = await session.page.evaluate(() => window.__SEL_SIMULATED_FAULTS__ ?? []).catch(() => []);
  }
  record.closed = true;
  if (!crashed) problems.unshift(...record.problems());
  // Whatever the story left running (a save that never ends, a countdown) stops here.
  await session.page.goto('about:blank').catch(() => undefined);
  return { problems, crashed, ms: Math.round(performance.now() - began) };
}

async function judgeStory(story, record, signal) {
  const { page } = session;
  await open(page, story, signal);
  await page.waitForFunction(() => window.__storyCheck.done === true, { timeout: 0, polling: 50, signal });
  const events = await page.evaluate(() => window.__storyCheck.events);
  for (const event of events) record.renderProblem(event);
  if (events.some((event) => event.type === 'storyMissing')) return;
  await sleep(SETTLE_MS);
  if (!(await page.evaluate(() => typeof window.axe?.run === 'function'))) {
    await page.addScriptTag({ url: AXE_PATH });
  }
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run('#storybook-root', { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((violation) => ({
      id: violation.id,
      help: violation.help,
      count: violation.nodes.length,
      targets: violation.nodes.slice(0, 3).map((node) => node.target.flat().join(' >>> ')),
    }));
  }, AXE_TAGS);
  for (const { id, help, count, targets } of violations) {
    record.problem(`axe: ${id}: ${help} (${count} node${count > 1 ? 's' : ''}: ${targets.join(' | ')})`);
  }
  // A Playground story's controls: the public API only, and each one changes the element.
  if (story.id.endsWith('--playground')) await judgeControls(page, story, (text) => record.problem(text));
  // Errors that came after the story finished (a late rejection) count too.
  const late = await page.evaluate((seen) => window.__storyCheck.events.slice(seen), events.length);
  for (const event of late) record.renderProblem(event);
}

async function judgeDocs(docs, record, signal) {
  const { page } = session;
  await open(page, docs, signal);
  await page.waitForFunction(
    (quietMs) => {
      const state = window.__storyCheck;
      return (state.docsRendered && performance.now() - state.lastEventAt > quietMs) || state.done;
    },
    { timeout: 0, polling: 100, signal },
    DOCS_QUIET_MS,
  );
  const events = await page.evaluate(() => window.__storyCheck.events);
  for (const event of events) if (event.type !== 'storyFinished') record.renderProblem(event);
}

function open(page, entry, signal) {
  const url = `${origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${entry.type}&globals=a11y.manual:!true&mockLatency=0`;
  signal.throwIfAborted();
  return page.goto(url, { waitUntil: 'domcontentloaded', timeout: STORY_TIMEOUT_MS });
}

/** One Chromium and one page; the listeners give everything they see to the entry being checked. */
async function openBrowser() {
  const chromium = await launchChromium({ profilePrefix: 'check-stories-' });
  const { browser } = chromium;
  let dead = false;
  let reportCrash;
  const crashed = new Promise((resolve) => (reportCrash = (why) => resolve({ crashed: why })));
  browser.on('disconnected', () => {
    if (!dead) reportCrash('the browser disconnected');
    dead = true;
  });
  const page = await browser.newPage();
  page.on('error', (error) => reportCrash(`the page crashed (${error.message})`));
  await page.setViewport({ width: 1024, height: 768 });
  await page.evaluateOnNewDocument(installChannelHook);

  let current;
  page.on('console', (message) => current?.console(message));
  page.on('pageerror', (error) => current?.problem(`page error: ${error.message}`));

  return {
    page,
    crashed,
    isDead: () => dead || !browser.connected,
    record(entry) {
      current = new EntryRecord(entry);
      return current;
    },
    async close() {
      dead = true;
      await chromium.close().catch(() => undefined);
    },
  };
}

/** What happened while one story (or docs page) was on screen. */
class EntryRecord {
  constructor(entry) {
    this.closed = false;
    this.judgeConsole = entry.type === 'story' && !(entry.tags ?? []).includes('expect-console-error');
    this.list = [];
    this.consoleErrors = [];
    /** `status url` or `network url` of the errors the mock backend answered on purpose. */
    this.simulatedFaults = [];
  }

  problem(text) {
    if (!this.closed) this.list.push(text);
  }

  renderProblem(event) {
    if (event.type === 'docsRendered') return;
    if (event.type === 'storyFinished') {
      if (event.status === 'error') this.problem(`render: the story finished with status "error"${event.detail}`);
      return;
    }
    this.problem(`render: ${event.type}${event.detail ? `: ${event.detail}` : ''}`);
  }

  console(message) {
    if (this.closed || message.type() !== 'error') return;
    this.consoleErrors.push({ text: message.text(), url: message.location()?.url ?? '' });
  }

  /** The console errors that are not the echo of a simulated fault, then everything else recorded. */
  problems() {
    const simulated = new Set(this.simulatedFaults);
    const unexpected = this.judgeConsole
      ? this.consoleErrors.filter(({ text, url }) => {
          const status = FAILED_STATUS.exec(text)?.[1];
          if (status) return !simulated.has(`${status} ${url}`);
          if (FAILED_NETWORK.test(text)) return !simulated.has(`network ${url}`);
          return true;
        })
      : [];
    return [...unexpected.map(({ text, url }) => `console: ${text}${url ? ` (${url})` : ''}`), ...this.list];
  }
}

/**
 * Runs in the page before any of its scripts: catches the Storybook channel as the preview creates it and
 * records the events that say how the render ended.
 */
function installChannelHook() {
  const state = { done: false, docsRendered: false, lastEventAt: performance.now(), events: [] };
  window.__storyCheck = state;
  const docsMode = new window.URLSearchParams(window.location.search).get('viewMode') === 'docs';
  const describe = (value) => {
    if (value == null) return '';
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.map(describe).join('; ');
    if (value.message || value.title) {
      return [value.name, value.message ?? value.title, value.description].filter(Boolean).join(': ');
    }
    try {
      return JSON.stringify(value).slice(0, 500);
    } catch {
      return String(value);
    }
  };
  const watched = [
    'storyFinished',
    'storyMissing',
    'storyErrored',
    'storyThrewException',
    'playFunctionThrewException',
    'unhandledErrorsWhilePlaying',
    'docsRendered',
  ];
  const hook = (channel) => {
    if (!channel || typeof channel.on !== 'function' || channel.__storyCheckHooked) return;
    channel.__storyCheckHooked = true;
    for (const type of watched) {
      channel.on(type, (payload) => {
        state.lastEventAt = performance.now();
        if (type === 'storyFinished') {
          const failed = (payload?.reporters ?? []).filter((report) => report.status === 'failed');
          const detail =
            failed.length > 0 ? ` (failed reports: ${failed.map((report) => report.type).join(', ')})` : '';
          state.events.push({ type, status: payload?.status, detail });
        } else {
          state.events.push({ type, detail: describe(payload) });
        }
        if (type === 'docsRendered') state.docsRendered = true;
        if (type === 'storyMissing') state.done = true;
        if (docsMode) return;
        // An exception ends the render; STORY_FINISHED follows, usually at once.
        if (type === 'storyFinished') state.done = true;
        else if (type === 'storyErrored' || type === 'storyThrewException') {
          window.setTimeout(() => (state.done = true), 500);
        }
      });
    }
  };
  let channel;
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    enumerable: true,
    get: () => channel,
    set: (value) => {
      channel = value;
      hook(value);
    },
  });
}

function serveStatic(directory) {
  const types = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.mjs': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
    '.woff2': 'font/woff2',
    '.woff': 'font/woff',
    '.png': 'image/png',
    '.map': 'application/json',
  };
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://localhost').pathname));
    // The browser asks for a favicon by itself; Storybook has none at this address.
    if (path === '/favicon.ico') return void response.writeHead(204).end();
    const file = path === AXE_PATH ? axePath : join(directory, path.endsWith('/') ? `${path}index.html` : path);
    if (file !== axePath && !file.startsWith(directory)) return void response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response
        .writeHead(200, {
          'Content-Type': types[extname(file)] ?? 'application/octet-stream',
          'Cache-Control': 'max-age=3600',
        })
        .end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function parseOptions(args) {
  const parsed = {};
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--filter') parsed.filter = args[++i];
    else if (args[i] === '--timeout') parsed.timeout = Number(args[++i]);
    else fail(`unknown option ${args[i]}`);
  }
  return parsed;
}

function fail(message) {
  console.error(`storybook check: ${message}`);
  process.exit(1);
}

// The run, once everything above is defined.

const index = JSON.parse(
  await readFile(join(root, 'index.json'), 'utf8').catch(() =>
    fail('no storybook-static/index.json: run `npm run build-storybook` first'),
  ),
);
const entries = Object.values(index.entries).filter(
  (entry) => !options.filter || entry.id.includes(options.filter) || entry.title.includes(options.filter),
);
const stories = entries.filter((entry) => entry.type === 'story');
const docsPages = entries.filter((entry) => entry.type === 'docs');
if (stories.length === 0) fail('no story to check');

const server = await serveStatic(root);
const origin = `http://127.0.0.1:${server.address().port}`;
const started = performance.now();
const failed = { story: [], docs: [] };
session = await openBrowser();

try {
  for (const entry of [...stories, ...docsPages]) {
    let result = await checkEntry(entry);
    if (result.crashed) {
      // One more try on a fresh browser: a crash is not the story's doing until it happens twice.
      process.stdout.write(`  ! ${entry.id}: ${result.crashed}; relaunching the browser and trying again\n`);
      await session.close();
      session = await openBrowser();
      result = await checkEntry(entry);
      if (result.crashed) {
        result.problems.push(`browser: ${result.crashed}, twice`);
        await session.close();
        session = await openBrowser();
      }
    }
    if (result.problems.length > 0) failed[entry.type].push(entry.id);
    process.stdout.write(`${result.problems.length > 0 ? '✗' : '✓'} ${entry.id} (${result.ms} ms)\n`);
    for (const problem of result.problems) process.stdout.write(`    ${problem}\n`);
  }
} finally {
  await session.close();
  server.close();
}

const all = [...failed.story, ...failed.docs];
if (all.length > 0) console.log(`\nfailed:\n${all.map((id) => `  ${id}`).join('\n')}`);
const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(`\nstorybook check: ${seconds} s`);
console.log(`storybook check: ${docsPages.length} docs pages checked, ${failed.docs.length} failed`);
console.log(`storybook check: ${stories.length} stories checked, ${failed.story.length} failed`);
process.exit(all.length > 0 ? 1 : 0);
