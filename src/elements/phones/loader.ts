/**
 * The one door to the phone validation module. With its metadata it weighs more than the rest of the
 * library, so nothing imports it statically: `<sel-phones>` asks for it on first connect, and pages
 * without that element never download it, even from the all-in-one bundle. The specifier is a literal
 * so that Vite gives the module a chunk of its own.
 */
import type * as PhoneModule from '../../validation/phone.js';

export type PhoneTools = typeof PhoneModule;

/**
 * Memoises `importer`: every caller shares one import. A failed import is forgotten, so that « Réessayer »
 * after a dropped connection tries again instead of replaying the failure.
 */
export function createPhoneToolsLoader(importer: () => Promise<PhoneTools>): () => Promise<PhoneTools> {
  let pending: Promise<PhoneTools> | undefined;
  return () => {
    pending ??= importer().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

export const loadPhoneTools = createPhoneToolsLoader(() => import('../../validation/phone.js'));
