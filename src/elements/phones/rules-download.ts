/**
 * The phone rules (src/validation/phone.ts with its metadata, 34.5 kB brotli: about as much as the rest of the
 * library) are data the view does without: `<sel-phones>` downloads them when editing starts or is about to,
 * and a page without the element, or whose visitor never edits a number, never downloads them. The
 * specifier is a literal so that Vite gives the rules a chunk of their own; they render nothing and import
 * nothing of the first module.
 */
import type * as PhoneRulesModule from '../../validation/phone.js';

export type PhoneRules = typeof PhoneRulesModule;

/**
 * `importer` called once for every caller on the page; a failure is forgotten, so that « Réessayer » after a
 * dropped connection downloads again instead of replaying the failure.
 */
export function downloadOnce<T>(importer: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= importer().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

export const downloadPhoneRules = downloadOnce(() => import('../../validation/phone.js'));
