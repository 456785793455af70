import type { Account } from '../../contract/schemas.js';

/** Without the directory's pwdExpireWarning, the warning starts two weeks before the password expires. */
export const DEFAULT_EXPIRY_WARNING_DAYS = 14;

const DAY_MS = 86_400_000;

export type PasswordExpiry =
  { state: 'later' | 'soon'; expiresAt: string; daysLeft: number } | { state: 'expired'; expiresAt: string };

/** Where the password stands against its expiry date; undefined when it never expires or the date is unreadable. */
export function passwordExpiry(account: Account, now: number = Date.now()): PasswordExpiry | undefined {
  const expiresAt = account.passwordExpiresAt;
  if (!expiresAt) return undefined;
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at)) return undefined;
  if (at <= now) return { state: 'expired', expiresAt };
  // Counted in whole days, rounded up: a password that expires tomorrow at noon has 1 day left, never 0.
  const daysLeft = Math.ceil((at - now) / DAY_MS);
  const warningDays = account.passwordExpiryWarningDays ?? DEFAULT_EXPIRY_WARNING_DAYS;
  return { state: daysLeft <= warningDays ? 'soon' : 'later', expiresAt, daysLeft };
}
