/**
 * What a zxcvbn score of the new password costs the person typing it, as `<sel-password-change>` ships:
 *
 *   npm run bench:strength
 *
 * A keystroke has one frame (16 ms at 60 Hz) before typing feels sluggish; the worst case matters more than
 * the median. Scores run in a Web Worker (src/elements/password-change/strength-worker.ts), so each row gives:
 *
 * - worker, main thread: what a keystroke costs the page, sending the value to the worker;
 * - worker, latency: how long the meter waits for its answer (the score itself, off the main thread);
 * - fallback, main thread: the score run on the main thread, where no worker can run (a CSP without
 *   `worker-src` for the script, the library served from another origin). There the element scores only
 *   once typing pauses (150 ms), so this time delays at most the first keystroke after a pause.
 *
 * The worker is the real module, run in a Node worker thread behind a small shim for `self`. Repetitions,
 * keyboard walks and l33t-heavy strings are included because they are where zxcvbn's matchers do the most
 * work; random passwords are seeded so that runs are comparable. The scorer only scores the first 64
 * characters (see zxcvbn-loader), so the 128 rows show that the cut holds. Timings are wall-clock: on a busy
 * machine (see the load average printed first) they are pessimistic.
 */
import { availableParallelism, loadavg } from 'node:os';
import { Worker as ThreadWorker } from 'node:worker_threads';
import { loadStrengthScorer } from '../src/validation/password-strength.js';
import { WorkerStrengthEngine, type StrengthWorker } from '../src/elements/password-change/strength-engine.js';

const LENGTHS = [8, 32, 64, 128];
const WARM_UP_RUNS = 5;
const MEASURED_RUNS = 25;
const FRAME_BUDGET_MS = 16;
const USER_INPUTS = ['cmartin', 'Claire', 'Martin', 'poitiers', 'univ-poitiers'];
const RANDOM_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&*+-./:;=?@_~éèàç';

/** A small deterministic generator (xorshift32): the same "random" passwords on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
}

function repeatTo(pattern: string, length: number): string {
  return pattern.repeat(Math.ceil(length / pattern.length)).slice(0, length);
}

function randomPassword(length: number, random: () => number): string {
  let password = '';
  while (password.length < length) password += RANDOM_ALPHABET[Math.floor(random() * RANDOM_ALPHABET.length)];
  return password;
}

const SHAPES: Record<string, (length: number) => string> = {
  repetitive: (length) => 'a'.repeat(length),
  azerty: (length) => repeatTo('azertyuiopqsdfghjklmwxcvbn', length),
  qwerty: (length) => repeatTo('qwertyuiopasdfghjklzxcvbnm', length),
  l33t: (length) => repeatTo('p@$$w0rd!4e3i1o0s5', length),
  words: (length) => repeatTo('motdepasse-soleil-bonjour-', length),
  random: (length) => randomPassword(length, seededRandom(length)),
};

interface Timing {
  median: number;
  worst: number;
}

function summarise(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { median, worst: sorted[sorted.length - 1] ?? 0 };
}

function timeMainThread(run: () => void): Timing {
  for (let i = 0; i < WARM_UP_RUNS; i += 1) run();
  const times: number[] = [];
  for (let i = 0; i < MEASURED_RUNS; i += 1) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return summarise(times);
}

/** Per run: the synchronous part of sending the value (main thread), and the time until the answer. */
async function timeWorker(engine: WorkerStrengthEngine, password: string): Promise<{ send: Timing; answer: Timing }> {
  for (let i = 0; i < WARM_UP_RUNS; i += 1) await engine.score('fr', password, USER_INPUTS);
  const send: number[] = [];
  const answer: number[] = [];
  for (let i = 0; i < MEASURED_RUNS; i += 1) {
    const start = performance.now();
    const scored = engine.score('fr', password, USER_INPUTS);
    send.push(performance.now() - start);
    await scored;
    answer.push(performance.now() - start);
  }
  return { send: summarise(send), answer: summarise(answer) };
}

/**
 * The real worker module in a Node worker thread: `self` is shimmed onto the thread's port, and tsx loads
 * the TypeScript source. The engine sees it through the same three methods it uses of a browser `Worker`.
 */
function startWorkerThread(): { worker: StrengthWorker; stop: () => Promise<number> } {
  const workerModule = new URL('../src/elements/password-change/strength-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const shim = `
    const { parentPort } = require('node:worker_threads');
    globalThis.self = {
      addEventListener: (type, listener) => parentPort.on(type, (data) => listener({ data })),
      postMessage: (message) => parentPort.postMessage(message),
    };
    import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(workerModule)}, ${JSON.stringify(import.meta.url)}));
  `;
  const thread = new ThreadWorker(shim, { eval: true });
  const worker: StrengthWorker = {
    postMessage: (message: unknown) => thread.postMessage(message),
    terminate: () => void thread.terminate(),
    addEventListener: (type: string, listener: EventListenerOrEventListenerObject) => {
      const call = (event: Event) => (typeof listener === 'function' ? listener(event) : listener.handleEvent(event));
      if (type === 'message') thread.on('message', (data: unknown) => call(new MessageEvent('message', { data })));
      else if (type === 'error') thread.on('error', () => call(new Event('error')));
    },
  };
  return { worker, stop: () => thread.terminate() };
}

const format = (timing: Timing): string => `${timing.median.toFixed(2)} / ${timing.worst.toFixed(2)}`;

const load = loadavg().map((value) => value.toFixed(1));
console.log(`Load average ${load.join(' ')} on ${availableParallelism()} cores`);

let start = performance.now();
const { worker, stop } = startWorkerThread();
const engine = new WorkerStrengthEngine(() => worker);
await engine.prepare('fr');
console.log(`Worker: French dictionaries loaded in ${(performance.now() - start).toFixed(0)} ms`);
start = performance.now();
const scorer = await loadStrengthScorer('fr');
console.log(`Fallback: French dictionaries loaded on the main thread in ${(performance.now() - start).toFixed(0)} ms`);
console.log(
  `${WARM_UP_RUNS} warm-up runs, then ${MEASURED_RUNS} measured runs per row, with ${USER_INPUTS.length} user inputs; ` +
    'times in ms, median / worst\n',
);

const widths = [11, 7, 6, 22, 22, 24];
const row = (cells: string[]): string => cells.map((cell, i) => cell.padStart(widths[i] ?? 0)).join(' ');
console.log(row(['shape', 'length', 'score', 'worker: main thread', 'worker: meter latency', 'fallback: main thread']));
console.log(row(widths.map((width) => '-'.repeat(width))));

const worstOf = { send: { ms: 0, row: '' }, answer: { ms: 0, row: '' }, fallback: { ms: 0, row: '' } };
const keepWorst = (which: keyof typeof worstOf, ms: number, where: string) => {
  if (ms > worstOf[which].ms) worstOf[which] = { ms, row: where };
};
for (const [shape, make] of Object.entries(SHAPES)) {
  for (const length of LENGTHS) {
    const password = make(length);
    const where = `${shape}, ${length} characters`;
    const { send, answer } = await timeWorker(engine, password);
    const fallback = timeMainThread(() => scorer.score(password, USER_INPUTS));
    const { score } = await engine.score('fr', password, USER_INPUTS);
    keepWorst('send', send.worst, where);
    keepWorst('answer', answer.worst, where);
    keepWorst('fallback', fallback.worst, where);
    console.log(row([shape, String(length), String(score), format(send), format(answer), format(fallback)]));
  }
}
await stop();

const verdict = (ms: number) => (ms > FRAME_BUDGET_MS ? 'OVER' : 'within');
console.log(
  `\nAs shipped (worker): a keystroke costs the main thread at worst ${worstOf.send.ms.toFixed(2)} ms ` +
    `(${worstOf.send.row}), ${verdict(worstOf.send.ms)} the ${FRAME_BUDGET_MS} ms frame budget; ` +
    `the meter answers within ${worstOf.answer.ms.toFixed(2)} ms (${worstOf.answer.row}).`,
);
console.log(
  `Fallback (no worker): a score blocks the main thread for at worst ${worstOf.fallback.ms.toFixed(2)} ms ` +
    `(${worstOf.fallback.row}), ${verdict(worstOf.fallback.ms)} the ${FRAME_BUDGET_MS} ms frame budget; ` +
    'it runs only once typing pauses.',
);
