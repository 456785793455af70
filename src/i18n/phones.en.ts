/** The English of phones.fr.ts: the same keys, or the build fails. */
import type { EnglishOf } from './messages.js';
import type { phonesFr } from './phones.fr.js';

export const phonesEn: EnglishOf<typeof phonesFr> = {
  'phones.title': 'Phone numbers',
  'phones.edit': 'Edit… (phone numbers)',
  'phones.type.office': 'Office',
  'phones.type.mobile': 'Mobile',
  'phones.type.fax': 'Fax',
  'phones.type.other': 'Other',
  'phones.itemType': '{type}:',
  'phones.none': 'No phone number is recorded.',
  'phones.notEditable': 'Your phone numbers cannot be changed here.',
  'phones.toolsFailed':
    'The number checker could not be loaded: your numbers cannot be changed for now. Check your connection, then try again.',

  'phones.help':
    'Type each number the way you write it, for example {example}. A number from another country starts with + and the country code. A line left empty is ignored. {max} numbers at most.',
  'phones.typeLabel': 'Type',
  'phones.typeLabelRow': 'of number {row}',
  'phones.numberLabel': 'Number {row} ({type})',
  'phones.add': 'Add a number',
  'phones.maxReached': 'You have reached the maximum of {max} numbers: remove one to add another.',
  'phones.remove': 'Remove',
  'phones.removeNamed': 'Remove the number {number} ({type})',
  'phones.removeEmpty': 'Remove line {row}, empty ({type})',
  'phones.removed': 'Number {number} ({type}) taken off the list. Save to record the change.',
  'phones.removedEmpty': 'Empty line taken off the list.',

  'phones.error.not_a_number':
    'This is not a phone number: use digits, with spaces, dots, dashes and a leading + if you wish. Example of a valid number: {example}.',
  'phones.error.too_short': 'This number is too short: some digits are missing. Example of a valid number: {example}.',
  'phones.error.too_long': 'This number is too long: it has too many digits. Example of a valid number: {example}.',
  'phones.error.invalid_for_region':
    'This number does not exist. Check the digits; for a number from another country, start with + and the country code. Example of a valid number: {example}.',
  'phones.error.duplicate': 'This number is already in the list (number {row}): remove one of the two lines.',
  'phones.error.server':
    'The server refused this number. Check it, then save again. Example of a valid number: {example}.',
  'phones.error.tooMany': 'You can record {max} numbers at most: remove {extra}.',
  'phones.warning.mobile_as_fax':
    'Note: this is a mobile number, and its type is “Fax”. Check the type; you can still save.',
  'phones.warning.fixed_as_mobile':
    'Note: this is not a mobile number, and its type is “Mobile”. Check the type; you can still save.',

  'phones.saved': 'Your phone numbers are saved.',
  'phones.savedNone': 'Your phone numbers have been removed.',
  'phones.unchanged': 'Nothing changed: your phone numbers are the same.',
  'phones.conflict':
    'Your numbers were changed elsewhere in the meantime and have just been reloaded. Numbers saved at present: {current}. What you typed is kept in the form: check it, then save again.',
  'phones.currentNone': 'none',
  'phones.forbidden':
    'You are not allowed to change your phone numbers here. To change them, contact your directory correspondent.',
  'phones.forbiddenTyped': 'The numbers you typed: {numbers}.',
};
