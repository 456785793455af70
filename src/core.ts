/**
 * `sel-widgets/core`: the contract and the rules without any element, for servers and tools. No Lit, no
 * DOM: it runs in Node as it runs in the browser, so a backend checks a password with the very code the
 * elements run and can never disagree with the checklist or the strength meter the person sees.
 *
 * - the wire schemas (zod) and their types, and the contract's problem, field and violation codes;
 * - the password policy: the per-rule check, the violations a backend answers with, the checklist;
 * - the zxcvbn strength scorer with the same dictionaries as the meter, loaded on first use per language;
 * - the website check (http(s) only, bounded length, normalised as it is stored).
 * - the phone list check (at most ten numbers, each valid, none twice), numbers stored in E.164.
 */
export * from './contract/schemas.js';
export * from './contract/request-schemas.js';
export * from './contract/problem-codes.js';
export {
  checkPasswordPolicy,
  policyViolations,
  codePointLength,
  characterClasses,
  entropyBits,
  type CharacterClasses,
  type PolicyRule,
  type PolicyCheck,
  type PersonalInfo,
} from './validation/password-policy.js';
export {
  buildChecklist,
  SERVER_ONLY_RULES,
  type ChecklistInput,
  type ChecklistItem,
  type ChecklistRule,
  type RuleState,
  type ServerOnlyRule,
  type StrengthStatus,
} from './validation/password-checklist.js';
export {
  loadStrengthScorer,
  isStrengthScorerLoaded,
  type StrengthLanguage,
  type StrengthResult,
  type StrengthScorer,
} from './validation/password-strength.js';
export { checkWebsite, MAX_WEBSITE_LENGTH, type WebsiteCheck, type WebsiteProblem } from './validation/website.js';
export { checkPhones, MAX_PHONES, type PhoneFieldError } from './validation/phone.js';
