/**
 * The catalogs as elements get them: French, the reference language and the contract's default, is in the
 * first module; English is downloaded the first time an element is in English (its `lang`, an ancestor's,
 * or `<html lang>`), once for the whole page.
 */
import { fr } from './fr.js';
import type { Language, Messages } from './messages.js';

const loaded: Partial<Record<Language, Messages>> = { fr };
let english: Promise<Messages> | undefined;

/** The catalog of `language` if it is here already. */
export function loadedCatalog(language: Language): Messages | undefined {
  return loaded[language];
}

/** The catalog of `language`, downloading it if needed. A failed download is forgotten: the next call retries. */
export function loadCatalog(language: Language): Promise<Messages> {
  const ready = loaded[language];
  if (ready) return Promise.resolve(ready);
  english ??= import('./english.js').then(
    (module) => (loaded.en = module.en),
    (error: unknown) => {
      english = undefined;
      throw error;
    },
  );
  return english;
}
