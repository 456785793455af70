/**
 * Phone numbers between the directory and the contract. French directories hold numbers in every form
 * people typed over the years (`+33 5 49 45 30 00`, `05.49.45.30.00`, `+33549453000`); the contract speaks
 * E.164. Numbers are read in any form with the full (`max`) metadata, so that a number of any region is
 * recognised, and written in the form the university chose (by default the international form with spaces).
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type PhoneWriteFormat = 'international' | 'national' | 'e164';

/**
 * E.164 of a number as the directory holds it. A value that is not a phone number is given back trimmed,
 * as text: dropping it would delete it from the directory at the next save of the phones.
 */
export function phoneFromDirectory(value: string, defaultRegion: CountryCode): string {
  const parsed = parsePhoneNumberFromString(value, defaultRegion);
  // The parser finds digits inside any text ("poste 4999" → +334999): only a number of a possible length is one.
  return parsed?.isPossible() ? parsed.number : value.trim();
}

/** The directory's form of an E.164 number (the service validated it). */
export function phoneToDirectory(e164: string, format: PhoneWriteFormat, defaultRegion: CountryCode): string {
  const parsed = parsePhoneNumberFromString(e164, defaultRegion);
  if (!parsed) return e164;
  switch (format) {
    case 'e164':
      return parsed.number;
    case 'national':
      // A number of another region has no national form a reader here could dial.
      return parsed.country === defaultRegion ? parsed.formatNational() : parsed.formatInternational();
    case 'international':
      return parsed.formatInternational();
  }
}
