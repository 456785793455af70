/**
 * The only module that imports zxcvbn-ts. It is itself reached only through the dynamic import in
 * password-strength (which it does not import back), so the dictionaries stay out of the elements' bundle and load the first time a
 * password is scored. Core, common passwords and keyboard graphs come with this chunk; the language's
 * lists and feedback texts are imported on demand so a page loads one language only.
 *
 * The lists are the trimmed ones of src/validation/dictionaries (scripts/generate-dictionaries.ts): the ranked
 * lists keep their most frequent entries only, which halves the download; the meter and the server read the
 * same files, so they agree on every score.
 */
import { ZxcvbnFactory, type OptionsDictionary, type TranslationKeys } from '@zxcvbn-ts/core';
import decompress from '@zxcvbn-ts/dictionary-compression/decompress';
import { adjacencyGraphs } from '@zxcvbn-ts/language-common';
import common from './dictionaries/common.js';
import type { StrengthLanguage, StrengthResult, StrengthScorer } from './password-strength-types.js';

/** A list as generated: the packages' prefix encoding, or a plain array when an entry could not be encoded. */
type EncodedLists = Record<string, string | string[]>;

interface LanguageData {
  lists: EncodedLists;
  translations: TranslationKeys;
}

// Literal specifiers, one per language, so bundlers give each language its own chunk.
const languageData: Record<StrengthLanguage, () => Promise<LanguageData>> = {
  fr: async () => (await import('./dictionaries/fr.js')).default,
  en: async () => (await import('./dictionaries/en.js')).default,
};

/** Fresh arrays, never the module's own: they are emptied once zxcvbn has ranked them. */
function decodeLists(lists: EncodedLists): OptionsDictionary {
  const decoded: OptionsDictionary = {};
  for (const [name, list] of Object.entries(lists))
    decoded[name] = typeof list === 'string' ? decompress(list) : [...list];
  return decoded;
}

/**
 * zxcvbn's l33t matcher runs every dictionary again on each substituted variant of the password; its default
 * of 100 variants costs hundreds of milliseconds on a 32-character password full of digits and symbols
 * (bench/strength.ts). The variants come full substitution first, then ones that differ only near the
 * end, so a few are enough: common l33t passwords ("P@ssw0rd", "Tr0ub4dor&3", "M4rs31ll3!") score the same.
 */
const L33T_VARIANTS = 5;

/**
 * Matching costs grow with the square of the length, and weakness shows in the first characters: a password
 * that is weak over its first 64 is rated weak; one that is strong there is strong. Counted in code points so
 * that the cut never splits an emoji.
 */
const MAX_SCORED_LENGTH = 64;

function scoredPart(password: string): string {
  return password.length <= MAX_SCORED_LENGTH ? password : [...password].slice(0, MAX_SCORED_LENGTH).join('');
}

/** zxcvbn lowercases user inputs but keeps accents, so "Hélène" alone would not catch "helene2026". */
function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

function expandUserInputs(userInputs: readonly string[]): string[] {
  const expanded = new Set<string>();
  for (const input of userInputs) {
    if (!input) continue;
    expanded.add(input);
    expanded.add(withoutAccents(input));
  }
  return [...expanded];
}

/**
 * zxcvbn turns each list into a table of ranks when it is built and matches against those tables only, yet
 * keeps the lists it was given: some 80 000 strings that would stay in memory for nothing (1.2 MB of the
 * worker's heap, bench/render.ts). Emptied in place, they are collected.
 */
function forgetListsOnceRanked(dictionary: OptionsDictionary): void {
  for (const list of Object.values(dictionary)) list.length = 0;
}

export async function createStrengthScorer(language: StrengthLanguage): Promise<StrengthScorer> {
  const { lists, translations } = await languageData[language]();
  const dictionary = { ...decodeLists(common.lists), ...decodeLists(lists) };
  const zxcvbn = new ZxcvbnFactory({
    dictionary,
    graphs: adjacencyGraphs,
    translations,
    l33tMaxSubstitutions: L33T_VARIANTS,
  });
  forgetListsOnceRanked(dictionary);
  return {
    score(password: string, userInputs: string[] = []): StrengthResult {
      const { score, feedback } = zxcvbn.check(scoredPart(password), expandUserInputs(userInputs));
      return { score, warning: feedback.warning || null, suggestions: [...feedback.suggestions] };
    },
  };
}
