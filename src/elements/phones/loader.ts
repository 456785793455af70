/**
 * The one door to the phone validation module and the edit form's row logic (phone-editing.ts). With its
 * metadata it weighs about as much as the rest of the library, so nothing imports it statically:
 * `<sel-phones>` asks for it when editing starts (or is about to), and pages without that element never
 * download it, even from the all-in-one bundle. The specifier is a literal so that Vite gives the module
 * a chunk of its own.
 */
import type * as PhoneModule from '../../validation/phone.js';
import type * as EditingModule from './phone-editing.js';

export type PhoneTools = typeof PhoneModule;
export type PhoneEditing = typeof EditingModule;

/**
 * Memoises `importer`: every caller shares one import. A failed import is forgotten, so that « Réessayer »
 * after a dropped connection tries again instead of replaying the failure.
 */
export function createPhoneToolsLoader<T>(importer: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= importer().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

export const loadPhoneTools = createPhoneToolsLoader<PhoneEditing>(() => import('./phone-editing.js'));
