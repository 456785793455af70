/**
 * The first module (`dist/sel-widgets.js`) holds the collapsed password section, not the open form: the
 * form's state and handlers (password-editor.ts) come with its chunk, on hover, focus or press of
 * « Changer de mot de passe… ». Strings only that code uses must be in the chunk and nowhere in the entry.
 * Runs in Node after `npm run build:standalone` (`npm test` builds first).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';

/** Said or looked for only by the open form's editor: the busy status, the checklist summary, « Valider ». */
const EDITOR_ONLY = ['password.checking', 'password.rules.summary.one', 'password.strength.summary', 'sel-pc-confirm'];

const entry = readFileSync('dist/sel-widgets.js', 'utf8');
const formChunks = readdirSync('dist')
  .filter((name) => /^sel-widgets-password-form-.+\.js$/.test(name))
  .map((name) => readFileSync(`dist/${name}`, 'utf8'));

describe('the open password form in dist/sel-widgets.js', () => {
  it('has its chunk (the standalone build has run)', () => {
    assert.ok(formChunks.length > 0, 'no dist/sel-widgets-password-form-*.js: run npm run build:standalone');
  });

  for (const marker of EDITOR_ONLY) {
    it(`“${marker}” is in the form's chunk, not in the first module`, () => {
      assert.equal(entry.includes(marker), false, `the first module carries “${marker}”`);
      assert.ok(
        formChunks.some((code) => code.includes(marker)),
        `no password form chunk carries “${marker}”`,
      );
    });
  }
});
