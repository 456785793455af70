/**
 * How long one zxcvbn score takes with the French scorer, the one the strength meter runs on every keystroke.
 *
 *   npx tsx scripts/bench-strength.ts
 *
 * A keystroke has one frame (16 ms at 60 Hz) before typing feels sluggish; the worst case matters more than
 * the median. Repetitions, keyboard walks and l33t-heavy strings are included because they are where
 * zxcvbn's matchers do the most work; random passwords are seeded so that runs are comparable. The scorer
 * only scores the first 64 characters (see zxcvbn-loader), so the 128 rows show that the cut holds.
 * Timings are wall-clock: on a busy machine (see the load average printed first) they are pessimistic.
 */
import { availableParallelism, loadavg } from 'node:os';
import { loadStrengthScorer } from '../src/validation/password-strength.js';

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

function median(sorted: number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function timeRuns(run: () => void): number[] {
  for (let i = 0; i < WARM_UP_RUNS; i += 1) run();
  const times: number[] = [];
  for (let i = 0; i < MEASURED_RUNS; i += 1) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

const load = loadavg().map((value) => value.toFixed(1));
console.log(`Load average ${load.join(' ')} on ${availableParallelism()} cores`);
const loadStart = performance.now();
const scorer = await loadStrengthScorer('fr');
console.log(`French scorer loaded in ${(performance.now() - loadStart).toFixed(0)} ms (dictionaries and graphs)`);
console.log(
  `${WARM_UP_RUNS} warm-up runs, then ${MEASURED_RUNS} measured runs per row, with ${USER_INPUTS.length} user inputs\n`,
);

const header = ['shape', 'length', 'median ms', 'worst ms', 'score'];
const widths = [12, 8, 11, 10, 6];
const row = (cells: string[]): string => cells.map((cell, i) => cell.padStart(widths[i] ?? 0)).join(' ');
console.log(row(header));
console.log(row(widths.map((width) => '-'.repeat(width))));

let worstOverall = { ms: 0, shape: '', length: 0 };
for (const [shape, make] of Object.entries(SHAPES)) {
  for (const length of LENGTHS) {
    const password = make(length);
    const times = timeRuns(() => scorer.score(password, USER_INPUTS));
    const worst = times[times.length - 1] ?? 0;
    if (worst > worstOverall.ms) worstOverall = { ms: worst, shape, length };
    const { score } = scorer.score(password, USER_INPUTS);
    console.log(row([shape, String(length), median(times).toFixed(2), worst.toFixed(2), String(score)]));
  }
}

const verdict = worstOverall.ms > FRAME_BUDGET_MS ? 'OVER' : 'within';
console.log(
  `\nWorst: ${worstOverall.ms.toFixed(2)} ms (${worstOverall.shape}, ${worstOverall.length} characters), ` +
    `${verdict} the ${FRAME_BUDGET_MS} ms frame budget.`,
);
