/**
 * The rows of the phone form and what is wrong with them: pure functions over plain data, so that the
 * rules (empty rows dropped, duplicates refused, type mismatches only warned about, at most ten numbers,
 * the server's `phones[i].number` errors landing on the row that was sent i-th) are tested without a DOM.
 */
import type { FieldError } from '../../api/errors.js';
import type { Phone, PhoneType } from '../../contract/schemas.js';
import type { PhoneProblem, TypeMismatch } from '../../validation/phone.js';
import type { PhoneTools } from './loader.js';

/** The contract's limit; the server answers `too_many` beyond it. */
export const MAX_PHONES = 10;

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
  /** An empty row is dropped on save: the form's hint says so. */
  empty: boolean;
  /** The number in E.164, when the row is valid. */
  e164?: string;
  error?: RowError;
  /** Not blocking: people do forward faxes to mobiles. */
  warning?: TypeMismatch;
}

/** Rows for the numbers the server holds, written as people read them in `region`. */
export function rowsFromPhones(
  phones: readonly Phone[],
  region: string,
  tools: PhoneTools,
  nextKey: () => number,
): PhoneRow[] {
  return phones.map((phone) => ({
    key: nextKey(),
    type: phone.type,
    draft: tools.formatPhoneForDisplay(phone.number, region),
    // A stored number that does not validate is flagged as soon as the form opens: nobody is typing it.
    showFeedback: true,
  }));
}

export function checkRows(rows: readonly PhoneRow[], region: string, tools: PhoneTools): RowCheck[] {
  const firstRowOf = new Map<string, number>();
  return rows.map((row, index): RowCheck => {
    const parsed = tools.parsePhone(row.draft, region);
    if (!parsed.ok) {
      const { problem } = parsed;
      return problem === 'empty' ? { empty: true } : { empty: false, error: { code: problem } };
    }
    const check: RowCheck = { empty: false, e164: parsed.e164 };
    const mismatch = tools.typeMismatch(parsed.e164, row.type);
    if (mismatch) check.warning = mismatch;
    const first = firstRowOf.get(parsed.e164);
    if (first !== undefined) check.error = { code: 'duplicate', row: first + 1 };
    else firstRowOf.set(parsed.e164, index);
    if (!check.error && row.serverError) check.error = { code: 'server' };
    return check;
  });
}

/** How many numbers must go before the list can be saved; 0 when it fits. */
export function excessCount(checks: readonly RowCheck[]): number {
  return Math.max(0, checks.filter((check) => !check.empty).length - MAX_PHONES);
}

/** The list to send, and which row each sent number came from (to place the server's field errors). */
export function phonesToSave(
  rows: readonly PhoneRow[],
  checks: readonly RowCheck[],
): { phones: Phone[]; sentKeys: number[] } {
  const phones: Phone[] = [];
  const sentKeys: number[] = [];
  rows.forEach((row, index) => {
    const e164 = checks[index]?.e164;
    if (e164 === undefined) return;
    phones.push({ type: row.type, number: e164 });
    sentKeys.push(row.key);
  });
  return { phones, sentKeys };
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
