/**
 * The `passwordrules` attribute of the new password fields (WHATWG proposal, read by Safari's and
 * 1Password's generators): a generated password then meets the policy on the first try, forbidden
 * characters included. What the syntax cannot say (counts above one, "n classes of four", entropy,
 * strength) is left out; the checklist still checks it.
 */
import type { PasswordPolicy } from '../../contract/schemas.js';

/** The syntax's `special` class, as its proposal defines it (ASCII punctuation and the space). */
const SPECIAL = ' -~!@#$%^&*_+=`|(){}[]:;"\'<>,.?/';

/** A custom class `[...]`: the proposal wants `-` first and `]` last to read them as themselves. */
function customClass(characters: string[]): string {
  const middle = characters.filter((character) => character !== '-' && character !== ']').join('');
  return `[${characters.includes('-') ? '-' : ''}${middle}${characters.includes(']') ? ']' : ''}]`;
}

export function passwordRulesFor(policy: PasswordPolicy): string {
  const forbidden = new Set([...(policy.forbiddenChars ?? '')]);
  const allowedSpecials = [...SPECIAL].filter((character) => !forbidden.has(character));
  const restricted = allowedSpecials.length < SPECIAL.length;
  const special = restricted ? customClass(allowedSpecials) : 'special';
  const rules: string[] = [];
  if (policy.minLength > 0) rules.push(`minlength: ${policy.minLength}`);
  if (policy.maxLength > 0) rules.push(`maxlength: ${policy.maxLength}`);
  if ((policy.minLower ?? 0) > 0) rules.push('required: lower');
  if ((policy.minUpper ?? 0) > 0) rules.push('required: upper');
  if ((policy.minDigit ?? 0) > 0) rules.push('required: digit');
  if ((policy.minSpecial ?? 0) > 0 && allowedSpecials.length > 0) rules.push(`required: ${special}`);
  // Without an `allowed` line a generator may use any special character, forbidden ones included.
  if (restricted) rules.push(`allowed: lower, upper, digit${allowedSpecials.length > 0 ? `, ${special}` : ''}`);
  return rules.map((rule) => `${rule};`).join(' ');
}
