/**
 * Everything editing the numbers needs and viewing them does not: the phone rules, the form's row logic,
 * its state and handlers (phone-editor.ts) and its markup, in one chunk that `<sel-phones>` downloads when
 * editing starts (see loader.ts). The markup renders with the entry's Lit, which the element passes to the
 * editor it creates.
 */
import * as rules from '../../validation/phone.js';
import { remembered } from './remembered-rules.js';

/** The rules, with what every keystroke asks again of unchanged rows remembered (remembered-rules.ts). */
export const tools: typeof rules = {
  ...rules,
  parsePhone: remembered(rules.parsePhone),
  typeMismatch: remembered(rules.typeMismatch),
  exampleNumber: remembered(rules.exampleNumber),
};
// The editor holds the rows, their checks and the markup, and the element only creates it: nothing else of
// the chunk's modules is exported (the limit is, for the loader's test).
export { MAX_PHONES } from './rows.js';
export { PhoneEditor, type PhoneEditorHost } from './phone-editor.js';
