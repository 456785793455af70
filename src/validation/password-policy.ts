/**
 * The password policy of the contract (§3 `PasswordPolicy`), checked without DOM, network or dictionaries,
 * so that the checklist of `<sel-password-change>` and the in-memory backend give the same verdict.
 *
 * Counting: every length and count is in Unicode code points of the NFC form of the text. NFC because a
 * person cannot see the difference between "é" typed as one code point and "e" followed by a combining
 * accent, and should not see the checklist disagree with what they typed; code points because the
 * contract counts them ("🔒" is one character, not two UTF-16 units). A sequence that NFC does not
 * compose still counts each of its code points: a family emoji joined with ZWJ is five.
 *
 * The `zxcvbn` strength rule (`minStrength`) is not here: it needs the dictionaries, see password-strength.
 */
import type { PasswordPolicy } from '../contract/schemas.js';

/** The policy violation codes this module can decide, in the order a person reads the checklist. */
export type PolicyRule =
  | 'too_short'
  | 'too_long'
  | 'missing_lower'
  | 'missing_upper'
  | 'missing_digit'
  | 'missing_special'
  | 'not_enough_classes'
  | 'forbidden_chars'
  | 'contains_personal_info'
  | 'low_entropy';

/** What a password must not contain when the policy sets `rejectPersonalInfo` (an `Account` fits). */
export interface PersonalInfo {
  uid?: string;
  givenName?: string;
  surname?: string;
}

export interface PolicyCheck {
  rule: PolicyRule;
  met: boolean;
  /** number the rule names (min/max count, bits) or the forbidden characters */
  param?: number | string;
}

export interface CharacterClasses {
  lower: number;
  upper: number;
  digit: number;
  other: number;
}

/** Pool sizes per class present, fixed by the contract so that client and server compute the same bits. */
const ENTROPY_POOL: Readonly<CharacterClasses> = { lower: 26, upper: 26, digit: 10, other: 33 };

/** Shorter names would match too many passwords by chance ("Li" in "Lily", "Al" in "Alpha"). */
const MIN_PERSONAL_TOKEN_LENGTH = 3;

const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const DIGIT = /\p{Nd}/u;

function codePoints(text: string): string[] {
  return [...text.normalize('NFC')];
}

export function codePointLength(text: string): number {
  return codePoints(text).length;
}

/**
 * Letters count by their case in any script ("é" is lower, "É" upper); letters without case (CJK, Arabic...)
 * and marks that NFC could not compose fall into "other", like symbols, spaces and emoji.
 */
export function characterClasses(text: string): CharacterClasses {
  const classes: CharacterClasses = { lower: 0, upper: 0, digit: 0, other: 0 };
  for (const character of codePoints(text)) {
    if (LOWER.test(character)) classes.lower += 1;
    else if (UPPER.test(character)) classes.upper += 1;
    else if (DIGIT.test(character)) classes.digit += 1;
    else classes.other += 1;
  }
  return classes;
}

function presentClassCount(classes: CharacterClasses): number {
  return Object.values(classes).filter((count) => count > 0).length;
}

function entropyOf(length: number, classes: CharacterClasses): number {
  let pool = 0;
  for (const name of Object.keys(ENTROPY_POOL) as (keyof CharacterClasses)[]) {
    if (classes[name] > 0) pool += ENTROPY_POOL[name];
  }
  // An empty password has no pool; log2(0) would turn 0 bits into NaN.
  return pool === 0 ? 0 : length * Math.log2(pool);
}

/** The contract's estimate: length × log2(pool), the pool being 26/26/10/33 for each class present. */
export function entropyBits(password: string): number {
  return entropyOf(codePointLength(password), characterClasses(password));
}

/** Case and accents removed, so that "Hélène" is found in "HELENE2026" and "helene2026". */
function fold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * The words of the uid and names a password must not contain: each whole value, each part of a compound
 * one ("Marie-Claire", "claire.martin") and the parts glued together ("jeanpierre"), 3+ characters each.
 */
function personalTokens(personal: PersonalInfo): string[] {
  const tokens = new Set<string>();
  for (const value of [personal.uid, personal.givenName, personal.surname]) {
    if (!value) continue;
    const folded = fold(value);
    const parts = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    for (const token of [folded, ...parts, parts.join('')]) {
      if ([...token].length >= MIN_PERSONAL_TOKEN_LENGTH) tokens.add(token);
    }
  }
  return [...tokens];
}

function containsPersonalInfo(password: string, personal: PersonalInfo | undefined): boolean {
  if (!personal) return false;
  const folded = fold(password);
  return personalTokens(personal).some((token) => folded.includes(token));
}

function containsAnyOf(characters: readonly string[], forbidden: string): boolean {
  const forbiddenSet = new Set(codePoints(forbidden));
  return characters.some((character) => forbiddenSet.has(character));
}

/** A rule is enabled by a positive number; 0, a missing value (or anything odd) leaves it out. */
function isSet(value: number | undefined): value is number {
  return typeof value === 'number' && value > 0;
}

/**
 * One entry per rule the policy enables, in checklist order (length first, then classes, then content).
 * `too_long` is listed whenever `maxLength` is positive, met or not: the list keeps the same shape as the
 * person types, and a UI that finds the upper bound noise may hide it while it is met.
 *
 * An empty password fails every rule that asks for something (length, classes, entropy) and meets the
 * rules that forbid something (too long, forbidden characters, personal information): it contains none of
 * it. A UI that does not want ticks on an empty field shows the list as neutral until the person types.
 */
export function checkPasswordPolicy(password: string, policy: PasswordPolicy, personal?: PersonalInfo): PolicyCheck[] {
  const characters = codePoints(password);
  const length = characters.length;
  const classes = characterClasses(password);
  const checks: PolicyCheck[] = [];
  const add = (rule: PolicyRule, met: boolean, param?: number | string): void => {
    checks.push(param === undefined ? { rule, met } : { rule, met, param });
  };

  if (isSet(policy.minLength)) add('too_short', length >= policy.minLength, policy.minLength);
  if (isSet(policy.maxLength)) add('too_long', length <= policy.maxLength, policy.maxLength);
  if (isSet(policy.minLower)) add('missing_lower', classes.lower >= policy.minLower, policy.minLower);
  if (isSet(policy.minUpper)) add('missing_upper', classes.upper >= policy.minUpper, policy.minUpper);
  if (isSet(policy.minDigit)) add('missing_digit', classes.digit >= policy.minDigit, policy.minDigit);
  if (isSet(policy.minSpecial)) add('missing_special', classes.other >= policy.minSpecial, policy.minSpecial);
  if (isSet(policy.minClasses)) {
    add('not_enough_classes', presentClassCount(classes) >= policy.minClasses, policy.minClasses);
  }
  if (policy.forbiddenChars) {
    add('forbidden_chars', !containsAnyOf(characters, policy.forbiddenChars), policy.forbiddenChars);
  }
  if (policy.rejectPersonalInfo) add('contains_personal_info', !containsPersonalInfo(password, personal));
  if (isSet(policy.minEntropyBits)) {
    add('low_entropy', entropyOf(length, classes) >= policy.minEntropyBits, policy.minEntropyBits);
  }
  return checks;
}

/** The rules of the policy the password does not meet, as the server's `violations` codes. */
export function policyViolations(password: string, policy: PasswordPolicy, personal?: PersonalInfo): PolicyRule[] {
  return checkPasswordPolicy(password, policy, personal)
    .filter((check) => !check.met)
    .map((check) => check.rule);
}
