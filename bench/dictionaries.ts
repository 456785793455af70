/**
 * The N table: what cutting the ranked zxcvbn lists to their first N entries saves and what it changes.
 *
 *   npm run bench:dictionaries
 *
 * For each N: the brotli bytes of the generated lists a French page loads (common + French, as
 * scripts/generate-dictionaries.ts writes them), and the share of a sample of passwords whose score differs
 * from the one given by the full lists. The sample is seeded and built from the packages' own lists at ranks
 * spread from the head to the tail (so that it is not tilted towards the head, which no cut changes): leaked
 * passwords with digits or years, French and English words with capitals, years and symbols, passphrases of
 * three words, first and last names with years, and random strings.
 */
import { brotliCompressSync, constants } from 'node:zlib';
import { ZxcvbnFactory, type OptionsDictionary } from '@zxcvbn-ts/core';
import compress from '@zxcvbn-ts/dictionary-compression/compress';
import { adjacencyGraphs } from '@zxcvbn-ts/language-common';
import { SOURCE_LISTS, trimLists } from '../scripts/generate-dictionaries.js';

const CUTS = [5_000, 10_000, 20_000, 30_000, 50_000, 100_000];
const PER_SHAPE = 80;
const SYMBOLS = [...'!?.#*-_@$'];
const RANDOM_ALPHABET = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&*+-./:;=?@_'];

/** xorshift32: the same sample on every run. */
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

const random = seededRandom(2026);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
/** A rank drawn evenly on a log scale, so that the head, the middle and the tail of a list all appear. */
function spreadEntry(list: readonly (string | number)[]): string {
  return String(list[Math.floor(Math.exp(random() * Math.log(list.length)))] ?? list[0]);
}
const year = () => String(1950 + Math.floor(random() * 77));
const digits = (count: number) => Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

const { common, fr, en } = SOURCE_LISTS;
const list = (lists: typeof common, name: string) => lists[name]!;

const SHAPES: Record<string, () => string> = {
  'leaked password + digits or year': () =>
    spreadEntry(list(common, 'passwords-common')) + (random() < 0.5 ? year() : digits(2)),
  'French word, capital, year, symbol': () =>
    capitalized(spreadEntry(list(fr, random() < 0.5 ? 'commonWords-fr' : 'wikipedia-fr'))) + year() + pick(SYMBOLS),
  'English word, capital, year, symbol': () =>
    capitalized(spreadEntry(list(en, random() < 0.5 ? 'commonWords-en' : 'wikipedia-en'))) + year() + pick(SYMBOLS),
  'passphrase of three French words': () =>
    Array.from({ length: 3 }, () => spreadEntry(list(fr, 'commonWords-fr'))).join(pick(['-', ' ', '.', ''])),
  'first name + year': () => capitalized(spreadEntry(list(fr, 'firstnames-fr'))) + year(),
  'English last name + digits': () => spreadEntry(list(en, 'lastnames-en')) + digits(3),
  'random string, 8 to 12': () =>
    Array.from({ length: 8 + Math.floor(random() * 5) }, () => pick(RANDOM_ALPHABET)).join(''),
};

function scorer(dictionary: OptionsDictionary): (password: string) => number {
  // The same options as src/validation/zxcvbn-loader.ts.
  const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, l33tMaxSubstitutions: 5 });
  return (password) => zxcvbn.check(password).score;
}

function brotliBytes(text: string): number {
  return brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

function encodedBytes(lists: Record<string, string[]>): number {
  const encoded = Object.fromEntries(Object.entries(lists).map(([name, words]) => [name, compress(words)]));
  return brotliBytes(JSON.stringify(encoded));
}

const sample = Object.entries(SHAPES).flatMap(([shape, make]) =>
  Array.from({ length: PER_SHAPE }, () => ({ shape, password: make() })),
);
const fullScore = scorer({ ...common, ...fr } as OptionsDictionary);
const reference = sample.map(({ password }) => fullScore(password));

console.log(`${sample.length} passwords (${PER_SHAPE} per shape), French page (common + French lists)\n`);
console.log('| N | lists, brotli | score changed | scored higher | of which, by shape |');
console.log('| ---: | ---: | ---: | ---: | :--- |');
for (const topN of [...CUTS, Infinity]) {
  const lists = { ...trimLists(common, topN), ...trimLists(fr, topN) };
  const score = scorer(lists);
  const changed = new Map<string, number>();
  let higher = 0;
  let different = 0;
  sample.forEach(({ shape, password }, index) => {
    const now = score(password);
    if (now === reference[index]) return;
    different++;
    if (now > reference[index]!) higher++;
    changed.set(shape, (changed.get(shape) ?? 0) + 1);
  });
  const percent = (count: number) => `${((100 * count) / sample.length).toFixed(1)} %`;
  const byShape = [...changed].map(([shape, count]) => `${shape}: ${count}`).join('; ') || '—';
  const label = Number.isFinite(topN) ? topN.toLocaleString('en') : 'all';
  console.log(
    `| ${label} | ${(encodedBytes(lists) / 1000).toFixed(1)} kB | ${percent(different)} | ${percent(higher)} | ${byShape} |`,
  );
}
