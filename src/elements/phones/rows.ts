/**
 * The rows of the phone form and what is wrong with them: pure functions over plain data, so that what the
 * form decides (empty rows dropped, the list rule of src/validation/phone.ts on the others, type mismatches
 * only warned about, the server's `phones[i].number` errors landing on the row that was sent i-th) is tested
 * without a DOM. The rules come as an argument: they are downloaded when editing starts.
 */
import type { FieldError } from '../../api/errors.js';
import type { Phone, PhoneType } from '../../contract/schemas.js';
import type { PhoneProblem, TypeMismatch } from '../../validation/phone.js';
import type { PhoneRules } from './rules-download.js';

export interface PhoneRow {
  /** Stable across renders and removals: ids, focus and server errors follow the row, not its position. */
  readonly key: number;
  readonly type: PhoneType;
  /** What the field holds, exactly as typed (formatted as typed): kept through every failure. */
  readonly draft: string;
  /** Judge the row: the person left the field, submitted, or the row holds a stored number. */
  readonly showFeedback: boolean;
  /** The code of the server's 422 for this row, until the person changes the row. */
  readonly serverError?: string;
}

export type RowError =
  | { code: Exclude<PhoneProblem, 'empty'> }
  /** `row`: the 1-based position of the row that has the number first. */
  | { code: 'duplicate'; row: number }
  | { code: 'server' };

export interface RowCheck {
  /** An empty row is dropped on save: the form's help says so. */
  empty: boolean;
  error?: RowError;
  /** Not blocking: people do forward faxes to mobiles. */
  warning?: TypeMismatch;
}

export interface RowsCheck {
  /** One per row, in order. */
  rows: RowCheck[];
  /** How many numbers must go before the list can be saved; 0 when it fits. */
  excess: number;
  /** What « Valider » sends when no row has an error: the numbers of the rows not empty, in E.164. */
  phones: Phone[];
  /** The row each sent number comes from, in order: where the server's `phones[i]` lands. */
  sentKeys: number[];
}

/** Rows for the numbers the server holds, written as people read them in `region`. */
export function rowsFromPhones(
  phones: readonly Phone[],
  region: string,
  rules: PhoneRules,
  nextKey: () => number,
): PhoneRow[] {
  return phones.map((phone) => ({
    key: nextKey(),
    type: phone.type,
    draft: rules.formatPhoneForDisplay(phone.number, region),
    // A stored number that does not validate is flagged as soon as the form opens: nobody is typing it.
    showFeedback: true,
  }));
}

/** The position in the list of `phones[i].number`. */
const LIST_INDEX = /^phones\[(\d+)\]/;

export function checkRows(rows: readonly PhoneRow[], region: string, rules: PhoneRules): RowsCheck {
  const read = rows.map((row) => ({ row, number: rules.parsePhone(row.draft, region) }));
  // The list rule, on what a save would send (the rows not empty): the count, and which number repeats.
  const filled = read.filter(({ number }) => number.ok || number.problem !== 'empty');
  const listErrors = rules.phoneListErrors(filled.map(({ number }) => number));
  const duplicates = new Set(
    listErrors
      .filter((error) => error.code === 'duplicate')
      .map((error) => filled[Number(LIST_INDEX.exec(error.field)?.[1])]?.row.key),
  );
  const firstRowOf = (e164: string) => 1 + read.findIndex(({ number }) => number.ok && number.e164 === e164);
  const checks = read.map(({ row, number }): RowCheck => {
    if (!number.ok)
      return number.problem === 'empty' ? { empty: true } : { empty: false, error: { code: number.problem } };
    const check: RowCheck = { empty: false };
    const mismatch = rules.typeMismatch(number.e164, row.type);
    if (mismatch) check.warning = mismatch;
    if (duplicates.has(row.key)) check.error = { code: 'duplicate', row: firstRowOf(number.e164) };
    else if (row.serverError) check.error = { code: 'server' };
    return check;
  });
  const valid = filled.flatMap(({ row, number }) => (number.ok ? [{ row, e164: number.e164 }] : []));
  return {
    rows: checks,
    excess: listErrors.some((error) => error.code === 'too_many') ? filled.length - rules.MAX_PHONES : 0,
    phones: valid.map(({ row, e164 }) => ({ type: row.type, number: e164 })),
    sentKeys: valid.map(({ row }) => row.key),
  };
}

export function samePhones(a: readonly Phone[], b: readonly Phone[]): boolean {
  return a.length === b.length && a.every((phone, i) => phone.type === b[i]?.type && phone.number === b[i]?.number);
}

const ROW_FIELD = /^phones\[(\d+)\](?:\.\w+)?$/;

/**
 * The server's field errors, placed on rows: `phones[2].number` is the third number sent, which is not
 * the third row when empty rows were dropped. Errors about no row in particular come back as `general`.
 */
export function placeServerErrors(
  fieldErrors: readonly FieldError[],
  sentKeys: readonly number[],
): { byRow: Map<number, string>; general: FieldError[] } {
  const byRow = new Map<number, string>();
  const general: FieldError[] = [];
  for (const error of fieldErrors) {
    const index = ROW_FIELD.exec(error.field)?.[1];
    const key = index === undefined ? undefined : sentKeys[Number(index)];
    if (key === undefined) general.push(error);
    else if (!byRow.has(key)) byRow.set(key, error.code);
  }
  return { byRow, general };
}
