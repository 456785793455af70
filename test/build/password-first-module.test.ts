/**
 * The first module (`dist/sel-widgets.js`) holds the password form itself: « Changer de mot de passe… » opens
 * it with nothing to download. What waits for the first focus of a password field is data that renders
 * nothing: the strength worker, zxcvbn and the page language's lists, within the budget of that first focus.
 * Runs in Node after `npm run build:standalone` (`npm test` builds first).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { brotliCompressSync } from 'node:zlib';

/** Looked for only by the open form: « Valider », the meter, the checklist, the show/hide toggles. */
const FORM = ['sel-pc-confirm', 'sel-pc-meter', 'sel-pc-rule-list', 'sel-pc-toggle'];
/** zxcvbn's own words (a match pattern, a keyboard layout it knows): they come with the scorer, on first focus. */
const SCORER = ['bruteforce', 'azerty'];
/** The first focus of a password field, on a French page: the worker, zxcvbn and the French lists (brotli). */
const FIRST_FOCUS_BUDGET = 280_000;

const entry = readFileSync('dist/sel-widgets.js', 'utf8');

/** The file `code` names whose name starts with `prefix` (a hashed chunk name); stale copies in dist/ are not it. */
function named(code: string, prefix: string): string {
  const name = new RegExp(`${prefix}[\\w-]+\\.js`).exec(code)?.[0];
  assert.ok(name && existsSync(`dist/${name}`), `no ${prefix}*.js named: run npm run build:standalone`);
  return name;
}

describe('the password form in dist/sel-widgets.js', () => {
  for (const marker of FORM) {
    it(`the open form (“${marker}”) is in the first module`, () => {
      assert.ok(entry.includes(marker), `the first module lacks “${marker}”`);
    });
  }

  it('leaves the strength scorer out, and names where it comes from: the worker, or a chunk without one', () => {
    for (const marker of SCORER) assert.equal(entry.includes(marker), false, `the first module carries “${marker}”`);
    named(entry, 'sel-widgets-worker-strength-worker-');
    named(entry, 'sel-widgets-zxcvbn-loader-');
  });

  it(`its first password focus fits in ${FIRST_FOCUS_BUDGET / 1000} kB brotli`, () => {
    const worker = named(entry, 'sel-widgets-worker-strength-worker-');
    const workerCode = readFileSync(`dist/${worker}`, 'utf8');
    const files = [
      worker,
      named(workerCode, 'sel-widgets-worker-zxcvbn-loader-'),
      named(workerCode, 'sel-widgets-worker-fr-'),
    ];
    const total = files.reduce((sum, file) => sum + brotliCompressSync(readFileSync(`dist/${file}`)).length, 0);
    assert.ok(total <= FIRST_FOCUS_BUDGET, `${files.join(' + ')}: ${total} bytes`);
  });
});
