/**
 * A part of an element that is downloaded on demand (the phone rules, an edit form): `importer` is a
 * dynamic import with a literal specifier, so that Vite gives the part a chunk of its own.
 *
 * Memoises `importer`: every caller shares one import. A failed import is forgotten, so that « Réessayer »
 * after a dropped connection tries again instead of replaying the failure.
 */
import { litKit } from './lit-kit.js';
import type { LitReceiver } from '../lazy/lit.js';

export function lazyPart<T>(importer: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= importer().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

/**
 * A lazy part that renders with Lit: once downloaded, it is handed the entry's Lit (lazy/lit.ts explains why
 * it does not import it) before anyone calls into it.
 */
export function lazyLitPart<T extends LitReceiver>(importer: () => Promise<T>): () => Promise<T> {
  return lazyPart(async () => {
    const part = await importer();
    part.receiveLit(litKit);
    return part;
  });
}
