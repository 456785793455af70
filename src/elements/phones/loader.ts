/**
 * The one door to the phone validation module and the edit form's row logic and markup (phone-editing.ts). With its
 * metadata it weighs about as much as the rest of the library, so nothing imports it statically:
 * `<sel-phones>` asks for it when editing starts (or is about to), and pages without that element never
 * download it, even from the all-in-one bundle. The specifier is a literal so that Vite gives the module
 * a chunk of its own.
 */
import { lazyPart } from '../shared/lazy-part.js';
import type * as PhoneModule from '../../validation/phone.js';
import type * as EditingModule from './phone-editing.js';

export type PhoneTools = typeof PhoneModule;
export type PhoneEditing = typeof EditingModule;

/** The memoised import (shared/lazy-part.ts), under the name the phones tests know it by. */
export const createPhoneToolsLoader = lazyPart;

/** The chunk's French messages join the catalog before anyone renders its form. */
export const loadPhoneTools = createPhoneToolsLoader<PhoneEditing>(async () => {
  return import('./phone-editing.js');
});
