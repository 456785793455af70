/**
 * The standalone build's lazy chunks (phone rules, edit forms, the strength scorer) import nothing: an
 * import in a chunk would point back at `./sel-widgets.js`, and a portal loading that file with a query
 * (`sel-widgets.js?v=2`) would then run a second copy of the library. Runs in Node after
 * `npm run build:standalone` (`npm test` builds first).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';

const chunks = readdirSync('dist').filter((name) => /^sel-widgets-.+\.js$/.test(name));

/** Static imports and re-exports of a minified ES module: `import{a}from"./x.js"`, `export*from"./x.js"`. */
function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{][^;(]*?)?from\s*["'`]([^"'`]+)["'`]/g)].map(
    (match) => match[1]!,
  );
}

describe('lazy chunks of dist/sel-widgets.js', () => {
  it('exist (the standalone build has run)', () => {
    assert.ok(chunks.length > 0, 'no dist/sel-widgets-*.js: run npm run build:standalone');
  });

  for (const chunk of chunks) {
    it(`${chunk} has no static import`, () => {
      assert.deepEqual(staticImports(readFileSync(`dist/${chunk}`, 'utf8')), []);
    });
  }

  it('the check itself finds an import back into the entry', () => {
    assert.deepEqual(staticImports('const a=1;import{b as c}from"./sel-widgets.js";'), ['./sel-widgets.js']);
    assert.deepEqual(staticImports('export*from"./sel-widgets.js"'), ['./sel-widgets.js']);
  });
});
