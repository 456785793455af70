/**
 * The phone list a PATCH may store: the elements' own rule (`checkPhones` of `sel-widgets/core`: at most
 * ten numbers, each valid, none twice), so that the server never refuses what the form accepted nor stores
 * what it refuses. Numbers without a country code are read as French, the elements' default region; the
 * elements themselves always send E.164, which is what is stored.
 */
import { checkPhones, type Phone } from 'sel-widgets/core';
import { ValidationError } from '../domain/errors.js';

export function normalisePhones(phones: Phone[]): Phone[] {
  const checked = checkPhones(phones);
  if (!checked.ok) throw new ValidationError([...checked.errors]);
  return checked.phones;
}
