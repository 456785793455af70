/**
 * What the file store keeps per account: the account as served, its version, the password hash and the
 * hashes of earlier passwords. Checked on every read, so a file edited by hand into an invalid shape is
 * reported rather than served.
 */
import { accountSchema, type Account } from 'sel-widgets/core';

export interface AccountRecord {
  version: number;
  account: Account;
  passwordHash: string;
  /** Hashes of earlier passwords, newest first (the current one is `passwordHash`). */
  history: string[];
}

export function parseRecord(text: string, origin: string): AccountRecord {
  const value = JSON.parse(text) as Partial<AccountRecord>;
  const account = accountSchema.safeParse(value.account);
  const history = value.history;
  if (
    !account.success ||
    !Number.isInteger(value.version) ||
    typeof value.passwordHash !== 'string' ||
    !Array.isArray(history) ||
    !history.every((hash) => typeof hash === 'string')
  ) {
    throw new Error(`${origin} is not a valid account record`);
  }
  return { version: value.version!, account: account.data, passwordHash: value.passwordHash, history };
}

export function serialiseRecord(record: AccountRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}
