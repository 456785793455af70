/**
 * Phone numbers as people type them, in and out of E.164. Pure functions: no DOM, no Lit, never throw.
 *
 * Validation runs on libphonenumber-js `/core` fed with phone-metadata.ts: Google's full rules (real number
 * ranges and types) for France, its overseas regions, the neighbours and a few frequent countries, and the
 * pattern-and-length rules for every other region. A number from anywhere can thus be saved, and a typo in a
 * French number is still caught. The sizes and the reasons: docs/performance.md.
 *
 * The list rule (at most MAX_PHONES numbers, each valid, none twice) is here too, once for the element, the
 * mock backend and the reference server (which reads it through `sel-widgets/core`).
 */
import {
  AsYouType,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/core';
import mobileExamples from 'libphonenumber-js/examples.mobile.json';
import type { Phone, PhoneType } from '../contract/schemas.js';
import metadata from './phone-metadata.js';

export type PhoneProblem = 'empty' | 'not_a_number' | 'too_short' | 'too_long' | 'invalid_for_region';
export type PhoneKind = 'mobile' | 'fixed' | 'other' | 'unknown';
export type ParsedPhone =
  { ok: true; e164: string; region: string | undefined; kind: PhoneKind } | { ok: false; problem: PhoneProblem };
export type TypeMismatch = 'mobile_as_fax' | 'fixed_as_mobile';

export const DEFAULT_REGION = 'FR' satisfies CountryCode;

/**
 * Regions of the French numbering plan: a ten-digit number starting with 0 reaches any of them from any
 * other (0262… from Paris is Réunion), although libphonenumber files 0262… as invalid for FR. A national
 * number typed in one of them is read in all of them. Saint-Pierre-et-Miquelon, New Caledonia, Polynesia
 * and Wallis-et-Futuna have numbering plans of their own and are not in it.
 */
const FRENCH_NUMBERING_PLAN = ['FR', 'RE', 'YT', 'GP', 'MQ', 'GF', 'BL', 'MF'];

/**
 * Landline examples for the French plan, where messages most often show one (the shipped examples are of
 * mobiles only). Other regions, and mobile rows, get libphonenumber's mobile example.
 */
const FIXED_LINE_EXAMPLES: Partial<Record<string, string>> = {
  FR: '+33123456789',
  RE: '+262262161234',
  YT: '+262269601234',
  GP: '+590590201234',
  MQ: '+596596301234',
  GF: '+594594101234',
  BL: '+590590271234',
  MF: '+590590271234',
};

// Beyond E.164's 15 digits plus the longest international prefixes ("0011"): no need to ask the metadata.
const MAX_DIGITS = 20;
const E164_MAX_LENGTH = 16; // "+" and 15 digits

const DIGIT_ZEROS = [0x30, 0x660, 0x6f0, 0xff10]; // ASCII, Arabic-Indic, Persian, fullwidth (as libphonenumber)
// Whitespace of every kind (people paste from PDFs and e-mails: NBSP, narrow NBSP, thin space), invisible
// marks (soft hyphen, zero-width, bidi marks from right-to-left text), and the punctuation people group with.
const SEPARATOR =
  /[\s\u00ad\u200b-\u200f\u2060\ufeff.\u2024\u00b7\-\u2010-\u2015\u2212\ufe63\uff0d/()[\]\uff08\uff09]/u;
const INVISIBLE = /[\s\u00ad\u200b-\u200f\u2060\ufeff]/u;
const PLUS = /[+\uff0b]/u;

type Canonical = { kind: 'number'; text: string; digits: number } | { kind: 'empty' } | { kind: 'not_a_number' };

function asciiDigit(char: string): string | undefined {
  const code = char.codePointAt(0) ?? 0;
  const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9);
  return zero === undefined ? undefined : String(code - zero);
}

/** The input as `+` and ASCII digits, or why it is not a phone number at all. */
function canonical(input: string): Canonical {
  let text = '';
  let digits = 0;
  let onlyInvisible = true;
  // A `tel:` link copied from a web page or a signature.
  const body = input.trim().replace(/^tel:/i, '');
  for (const char of body) {
    const digit = asciiDigit(char);
    if (digit !== undefined) {
      text += digit;
      digits++;
    } else if (PLUS.test(char) && text === '') {
      text = '+';
    } else if (!SEPARATOR.test(char)) {
      return { kind: 'not_a_number' };
    }
    if (!INVISIBLE.test(char)) onlyInvisible = false;
  }
  if (onlyInvisible) return { kind: 'empty' };
  return digits === 0 ? { kind: 'not_a_number' } : { kind: 'number', text, digits };
}

function isCountryCode(region: string): region is CountryCode {
  return /^[A-Z]{2}$/.test(region) && isSupportedCountry(region as CountryCode, metadata);
}

function regionOf(region: string | null | undefined): CountryCode {
  const upper = (region ?? '').trim().toUpperCase();
  return isCountryCode(upper) ? upper : DEFAULT_REGION;
}

/** `'fr'` gives `'FR'`; anything that is not a region the metadata knows gives `'FR'`. */
export function normalizeRegion(region: string | null | undefined): string {
  return regionOf(region);
}

/** Whether `region` (any case) is an ISO 3166 alpha-2 code the phone metadata knows. */
export function isSupportedRegion(region: string): boolean {
  return isCountryCode(region.trim().toUpperCase());
}

function parseIn(text: string, region: CountryCode): PhoneNumber | undefined {
  return parsePhoneNumberFromString(text, { defaultCountry: region, extract: false }, metadata);
}

/**
 * The number, if valid on its own in E.164: a national number can pass the rules of the region it was
 * read in and not those of its calling code (regions sharing +44 or +1 with only the length rules shipped),
 * and what is stored must stay valid wherever it is read.
 */
function validNumber(parsed: PhoneNumber | undefined): PhoneNumber | undefined {
  if (!parsed?.isValid()) return undefined;
  const international = parsePhoneNumberFromString(parsed.number, metadata);
  const same = international?.isValid() && international.number === parsed.number;
  // Japan's domestic-only ranges run past E.164's fifteen digits: they cannot be stored as E.164.
  return same && parsed.number.length <= E164_MAX_LENGTH ? international : undefined;
}

function lengthProblem(text: string, region: CountryCode): PhoneProblem {
  switch (validatePhoneNumberLength(text, region, metadata)) {
    case 'TOO_SHORT':
    case 'NOT_A_NUMBER': // "+3", "1": digits, but not enough to be anything
      return 'too_short';
    case 'TOO_LONG':
      return 'too_long';
    default: // a length the region does not use, an unknown country code, or digits outside its ranges
      return 'invalid_for_region';
  }
}

/**
 * Google's FR ranges overlap some overseas ones (0269… is both FR and Mayotte, 0596… both FR and
 * Martinique), but the line is where the overseas region says: its E.164 form is +262 269…, +596 596….
 */
function isOverseasLine(number: PhoneNumber): boolean {
  const kind = kindOf(number);
  return number.country !== 'FR' && (kind === 'fixed' || kind === 'mobile');
}

/** The valid number `input` denotes, dialled from `defaultRegion`, or the reason there is none. */
function resolve(input: string, defaultRegion: string): PhoneNumber | PhoneProblem {
  const number = canonical(input);
  if (number.kind !== 'number') return number.kind;
  if (number.digits > MAX_DIGITS) return 'too_long';
  const region = regionOf(defaultRegion);
  if (number.text.startsWith('+') || !FRENCH_NUMBERING_PLAN.includes(region)) {
    return validNumber(parseIn(number.text, region)) ?? lengthProblem(number.text, region);
  }
  const readings = [region, ...FRENCH_NUMBERING_PLAN.filter((r) => r !== region)]
    .map((r) => (isCountryCode(r) ? validNumber(parseIn(number.text, r)) : undefined))
    .filter((parsed) => parsed !== undefined);
  return readings.find(isOverseasLine) ?? readings[0] ?? lengthProblem(number.text, region);
}

function kindOf(number: PhoneNumber): PhoneKind {
  switch (number.getType()) {
    case 'MOBILE':
      return 'mobile';
    case 'FIXED_LINE':
      return 'fixed';
    case 'FIXED_LINE_OR_MOBILE': // North America: the number does not tell
    case undefined: // regions shipped with the length rules only
      return 'unknown';
    default: // toll-free and shared-cost 08…, premium, VoIP 09…, personal, pager, UAN, voicemail
      return 'other';
  }
}

/**
 * Reads a number as people write it: `05 49 45 49 99`, `05.49.45.49.99`, `(05) 49-45-49-99`,
 * `+33 (0)5 49 45 49 99`, `0033 5 49 45 49 99`, `tel:+33549454999`, with any kind of space, dash or dot,
 * and ASCII, fullwidth or Arabic-Indic digits. Letters (`poste 12`, vanity numbers) are refused: E.164
 * has no room for an extension and a silently dropped part would save a different number.
 */
export function parsePhone(input: string, defaultRegion: string): ParsedPhone {
  const resolved = resolve(input, defaultRegion);
  if (typeof resolved === 'string') return { ok: false, problem: resolved };
  return { ok: true, e164: resolved.number, region: resolved.country, kind: kindOf(resolved) };
}

function display(number: PhoneNumber, region: CountryCode): string {
  // Same calling code, same dialling: a Mayotte number reads nationally in Réunion, a Canadian one in the US.
  if (number.countryCallingCode === getCountryCallingCode(region, metadata)) {
    const national = number.formatNational();
    // Unless it would read back as another number (+33 596… nationally is 0596…, which is Martinique).
    const readBack = resolve(national, region);
    if (typeof readBack !== 'string' && readBack.number === number.number) return national;
  }
  return number.formatInternational();
}

/**
 * `05 49 45 49 99` for a number of the default region's calling code, `+262 262 12 34 56` otherwise.
 * What the server sent is returned as is when it is not a valid number: shown, never rewritten.
 */
export function formatPhoneForDisplay(e164: string, defaultRegion: string): string {
  const resolved = resolve(e164, defaultRegion);
  return typeof resolved === 'string' ? e164 : display(resolved, regionOf(defaultRegion));
}

/**
 * The formatter of the last long value and what it was given. A value longer than any number (MAX_DIGITS)
 * is not grouped any more as typing goes on: each key only adds digits at the end, and libphonenumber's
 * AsYouType, fed only the new ones, answers as it would for the whole value. Read again from the start at
 * every key, a long value cost the keystroke a third of a millisecond of script at 64 characters, and more
 * with every key. Shorter values are read from the start: fed piecemeal there, AsYouType sometimes groups
 * a number otherwise than it does whole.
 */
let longValue: { region: CountryCode; text: string; formatter: AsYouType; value: string } | undefined;

function formatCanonical(number: { text: string; digits: number }, region: CountryCode): string {
  const { text } = number;
  if (number.digits <= MAX_DIGITS) return new AsYouType(region, metadata).input(text);
  const last = longValue;
  if (last && last.region === region && text.startsWith(last.text)) {
    if (text.length > last.text.length) last.value = last.formatter.input(text.slice(last.text.length));
    last.text = text;
    return last.value;
  }
  const formatter = new AsYouType(region, metadata);
  const value = formatter.input(text);
  longValue = { region, text, formatter, value };
  return value;
}

/**
 * Groups the digits typed so far the way the region writes them (`054945` gives `05 49 45`). Input that is
 * not a phone number is returned untouched, so that the person sees what they typed next to the message.
 */
export function formatAsYouType(input: string, defaultRegion: string): string {
  const number = canonical(input);
  if (number.kind !== 'number') return input;
  try {
    return formatCanonical(number, regionOf(defaultRegion));
  } catch {
    longValue = undefined;
    // libphonenumber-js 1.13.16 throws on a few inputs (`06` in Cape Verde or Samoa, with any metadata):
    // unformatted is better than a keystroke that breaks the field.
    return input;
  }
}

/**
 * formatAsYouType, with the caret kept after the same digit it followed, so that typing in the middle of
 * a number does not throw the caret to the end when spaces come and go.
 */
export function formatAsYouTypeAt(
  input: string,
  caret: number,
  defaultRegion: string,
): { value: string; caret: number } {
  const value = formatAsYouType(input, defaultRegion);
  if (value === input) return { value, caret };
  const significant = (text: string): number =>
    [...text].filter((char) => PLUS.test(char) || asciiDigit(char) !== undefined).length;
  const before = significant(input.slice(0, Math.max(0, caret)));
  let seen = 0;
  let position = 0;
  while (position < value.length && seen < before) {
    if (significant(value.charAt(position)) === 1) seen++;
    position++;
  }
  return { value, caret: position };
}

/** A valid number of `region` written as it would be displayed there: `01 23 45 67 89`, `06 12 34 56 78`. */
export function exampleNumber(region: string, kind: 'fixed' | 'mobile' = 'fixed'): string {
  const country = regionOf(region);
  const fixed = kind === 'fixed' ? FIXED_LINE_EXAMPLES[country] : undefined;
  const mobile = mobileExamples[country];
  const example = fixed ?? (mobile ? `+${getCountryCallingCode(country, metadata)}${mobile}` : undefined);
  const parsed = example === undefined ? undefined : parseIn(example, country);
  return parsed ? display(parsed, country) : '';
}

/**
 * A mobile number filed as a fax, or a number that is certainly not a mobile filed as a mobile: a warning
 * only (people forward faxes to mobiles, and a type the metadata cannot tell yields no warning).
 */
export function typeMismatch(e164: string, type: PhoneType): TypeMismatch | null {
  const resolved = resolve(e164, DEFAULT_REGION);
  if (typeof resolved === 'string') return null;
  const kind = kindOf(resolved);
  if (type === 'fax' && kind === 'mobile') return 'mobile_as_fax';
  if (type === 'mobile' && (kind === 'fixed' || kind === 'other')) return 'fixed_as_mobile';
  return null;
}

/** The contract's limit on a person's numbers. */
export const MAX_PHONES = 10;

/** Why a list of numbers cannot be stored, as a server's 422 names it. */
export interface PhoneFieldError {
  readonly field: 'phones' | `phones[${number}].number`;
  readonly code: 'too_many' | 'invalid_number' | 'duplicate';
}

/**
 * What is wrong with a list of numbers, each already read (parsePhone): more than MAX_PHONES, a number that
 * is not valid, a number already in the list (however written: the second one is the duplicate). Empty
 * when the list may be stored.
 */
export function phoneListErrors(numbers: readonly ParsedPhone[]): PhoneFieldError[] {
  const errors: PhoneFieldError[] = [];
  if (numbers.length > MAX_PHONES) errors.push({ field: 'phones', code: 'too_many' });
  const seen = new Set<string>();
  numbers.forEach((number, index) => {
    const field = `phones[${index}].number` as const;
    if (!number.ok) errors.push({ field, code: 'invalid_number' });
    else if (seen.has(number.e164)) errors.push({ field, code: 'duplicate' });
    else seen.add(number.e164);
  });
  return errors;
}

/**
 * The list as a server stores it, each number in E.164, or the field errors it refuses it with. A number
 * without a country code is read as dialled from `defaultRegion` (France unless said otherwise).
 */
export function checkPhones(
  phones: readonly Phone[],
  defaultRegion: string = DEFAULT_REGION,
): { ok: true; phones: Phone[] } | { ok: false; errors: PhoneFieldError[] } {
  const numbers = phones.map((phone) => parsePhone(phone.number, defaultRegion));
  const errors = phoneListErrors(numbers);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    phones: phones.map((phone, index) => {
      const number = numbers[index];
      return { type: phone.type, number: number?.ok ? number.e164 : phone.number };
    }),
  };
}
