/**
 * The phone list a PATCH may store: at most ten, each a valid number for libphonenumber-js's full (`max`)
 * metadata, stored in E.164, no number twice. Numbers without a country code are read as French, the
 * elements' default region; the elements themselves always send E.164.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Phone } from 'sel-widgets/core';
import { ValidationError } from '../domain/errors.js';
import type { FieldError } from '../domain/field-error.js';

export const MAX_PHONES = 10;
const DEFAULT_REGION = 'FR';

export function normalisePhones(phones: Phone[]): Phone[] {
  const errors: FieldError[] = [];
  if (phones.length > MAX_PHONES) errors.push({ field: 'phones', code: 'too_many' });
  const seen = new Set<string>();
  const normalised = phones.map((phone, index) => {
    const parsed = parsePhoneNumberFromString(phone.number, DEFAULT_REGION);
    if (!parsed?.isValid()) {
      errors.push({ field: `phones[${index}].number`, code: 'invalid_number' });
      return phone;
    }
    if (seen.has(parsed.number)) errors.push({ field: `phones[${index}].number`, code: 'duplicate' });
    seen.add(parsed.number);
    return { type: phone.type, number: parsed.number };
  });
  if (errors.length > 0) throw new ValidationError(errors);
  return normalised;
}
