/**
 * The zxcvbn strength score (`minStrength` of the policy and the strength meter), behind a lazy loader:
 * this module is tiny and safe to import from any element; the dictionaries arrive the first time
 * `loadStrengthScorer` is called, one language at a time.
 */

import type { StrengthLanguage, StrengthScorer } from './password-strength-types.js';

export type { StrengthLanguage, StrengthResult, StrengthScorer } from './password-strength-types.js';

/** The same modules, by the same literal specifiers, as the loader's: bundlers make one chunk of each. */
const languageLists: Record<StrengthLanguage, () => Promise<unknown>> = {
  fr: () => import('./dictionaries/fr.js'),
  en: () => import('./dictionaries/en.js'),
};

const pendingScorers = new Map<StrengthLanguage, Promise<StrengthScorer>>();
const loadedLanguages = new Set<StrengthLanguage>();

/** Loads once per language; concurrent and later calls share the same scorer. */
export function loadStrengthScorer(language: StrengthLanguage): Promise<StrengthScorer> {
  const pending = pendingScorers.get(language);
  if (pending) return pending;

  // The language's lists are asked for now, beside the loader that imports them: otherwise they would
  // only be requested once the loader has arrived, one more round trip on a slow network (on Fast 3G,
  // 0.56 s of the first score's wait, bench/render.ts). Its failure is the loader's to report.
  languageLists[language]().catch(() => undefined);
  // The literal specifier is what lets bundlers split the loader and its dictionaries into their own chunk.
  const loading = import('./zxcvbn-loader.js')
    .then(({ createStrengthScorer }) => createStrengthScorer(language))
    .then((scorer) => {
      loadedLanguages.add(language);
      return scorer;
    });
  pendingScorers.set(language, loading);
  // A chunk that failed to download (flaky network) must not be remembered: the next call tries again.
  loading.catch(() => pendingScorers.delete(language));
  return loading;
}

export function isStrengthScorerLoaded(language: StrengthLanguage): boolean {
  return loadedLanguages.has(language);
}
