/**
 * The shapes of a strength score, apart from the code that computes them: the lazy loader
 * (password-strength) and the module it loads (zxcvbn-loader) both use them without importing each other.
 */

export type StrengthLanguage = 'fr' | 'en';

export interface StrengthResult {
  score: 0 | 1 | 2 | 3 | 4;
  /** already translated into the scorer's language */
  warning: string | null;
  suggestions: string[];
}

export interface StrengthScorer {
  /** `userInputs`: words the person is likely to reuse (uid, names, the university's name). */
  score(password: string, userInputs?: string[]): StrengthResult;
}
