/**
 * Reads an account as a backend sent it, field by field. One field that does not match the contract (a
 * phone type the contract does not know, a title that is a number) must not take every section down: the
 * field is listed as unreadable and replaced by an empty stand-in, and only the sections that show or edit
 * it say so (an `invalid_response` for that section alone). Without a readable `editable` no section knows
 * what it may do: that, or a body that is not an object, is an `invalid_response` for the whole account.
 */
import { accountSchema, type Account } from './schemas.js';

export type AccountField = keyof Account;

export type AccountReading =
  { ok: true; account: Account; unreadable: AccountField[] } | { ok: false; problem: string };

/** Stand-ins for required fields that did not match; optional ones are simply left out. Never shown. */
const STAND_INS: Omit<Account, 'editable'> = {
  uid: '',
  displayName: '',
  affiliations: [],
  structures: [],
  website: null,
  phones: [],
  redList: false,
  passwordPolicy: { minLength: 0, maxLength: 0 },
};

export function readAccount(json: unknown): AccountReading {
  const whole = accountSchema.safeParse(json);
  if (whole.success) return { ok: true, account: whole.data, unreadable: [] };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, problem: '(root)' };

  const body = json as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  const unreadable: AccountField[] = [];
  for (const [name, schema] of Object.entries(accountSchema.shape)) {
    const field = name as AccountField;
    const parsed = schema.safeParse(body[field]);
    if (parsed.success) {
      if (parsed.data !== undefined) fields[field] = parsed.data;
      continue;
    }
    if (field === 'editable') return { ok: false, problem: 'editable' };
    unreadable.push(field);
    if (field in STAND_INS) fields[field] = STAND_INS[field as keyof typeof STAND_INS];
  }
  return { ok: true, account: fields as Account, unreadable };
}
