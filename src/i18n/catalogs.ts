/**
 * The catalogs as elements get them: French, the reference language and the contract's default, is in the
 * first module; English is downloaded the first time an element is in English (its `lang`, an ancestor's,
 * or `<html lang>`), once for the whole page. The French that only an edit form shows comes with that
 * form's chunk and is added here when it arrives (`addFrenchMessages`).
 */
import { fr } from './fr.js';
import type { Language, Messages } from './messages.js';

/**
 * French, completed by each edit form's chunk as it arrives. Typed as whole: a key of an edit form is only
 * asked for once that form is here, and its chunk adds its messages before the form renders.
 */
const french: Partial<Messages> = { ...fr };
const loaded: Partial<Record<Language, Messages>> = { fr: french as Messages };
let english: Promise<Messages> | undefined;

/** The catalog of `language` if it is here already. */
export function loadedCatalog(language: Language): Messages | undefined {
  return loaded[language];
}

/** The catalog of `language`, downloading it if needed. A failed download is forgotten: the next call retries. */
export function loadCatalog(language: Language): Promise<Messages> {
  const ready = loaded[language];
  if (ready) return Promise.resolve(ready);
  english ??= import('./catalog-en.js').then(
    (module) => (loaded.en = module.en),
    (error: unknown) => {
      english = undefined;
      throw error;
    },
  );
  return english;
}

/** The French messages an edit form's chunk brought (its loader calls this before the form renders: elements already holding the catalog see them at once). */
export function addFrenchMessages(messages: Partial<Messages>): void {
  Object.assign(french, messages);
}
