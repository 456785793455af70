/**
 * A part of an element that is downloaded on demand (the phone rules, an edit form): `importer` is a
 * dynamic import with a literal specifier, so that Vite gives the part a chunk of its own.
 *
 * Memoises `importer`: every caller shares one import. A failed import is forgotten, so that « Réessayer »
 * after a dropped connection tries again instead of replaying the failure.
 *
 * A part that renders imports no Lit: the element passes it the entry's (lit-kit.ts says why).
 */
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
