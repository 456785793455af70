/**
 * Fails when a production entry carries the mocks, which only `sel-widgets/mocks` may hold (no demo data or
 * mock code in what a portal loads in production): `MemoryAdapter`, the demo account or its demo password
 * in `dist/sel-widgets.js` or `dist/index.js`, or in any chunk they load (static imports, dynamic imports,
 * workers). Run after `npm run build`:
 *
 *   npm run check:no-mocks
 *
 * The mocks' own entry, `dist/mocks.js`, is the one place where they belong, so it is not followed unless a
 * production entry imports it, which is itself a failure.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { DEMO_PASSWORD } from '../src/mocks/demo-account.js';

const ENTRIES = ['dist/sel-widgets.js', 'dist/index.js'];
const FORBIDDEN = ['MemoryAdapter', DEMO_PASSWORD, 'demo-account', 'mocks.js'];
// Relative module specifiers in built code: `from "./x.js"`, `import("./x.js")`, `new URL("x.js", import.meta.url)`.
const SPECIFIER = /["'`](\.{0,2}\/?[\w./-]+\.js)["'`]/g;

function reachableFiles(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, specifier] of code.matchAll(SPECIFIER)) {
      const target = normalize(join(dirname(file), specifier!));
      if (target.startsWith('dist/') && existsSync(target)) queue.push(target);
    }
  }
  return [...seen];
}

let failures = 0;
for (const entry of ENTRIES) {
  if (!existsSync(entry)) {
    console.error(`${entry} is missing: run npm run build first.`);
    failures++;
    continue;
  }
  const files = reachableFiles(entry);
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    for (const word of FORBIDDEN.filter((forbidden) => code.includes(forbidden))) {
      console.error(`${file} (loaded by ${entry}) contains ${word === DEMO_PASSWORD ? 'the demo password' : word}`);
      failures++;
    }
  }
  console.log(`${entry}: ${files.length} files checked`);
}
if (failures > 0) process.exit(1);
console.log('no mock, demo account or demo password in the production entries');
