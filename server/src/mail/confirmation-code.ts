/**
 * The 6-digit code that proves a person reads the recovery address they gave. It is a secret for 30
 * minutes: drawn from the operating system's CSPRNG, shown only in the mail, never logged.
 */
import { randomInt } from 'node:crypto';

export const CONFIRMATION_CODE_DIGITS = 6;
/** How long a confirmation code is accepted; the mail says so. */
export const CONFIRMATION_CODE_VALIDITY_MINUTES = 30;
/** How long a reset link is accepted; the mail says so. */
export const RESET_LINK_VALIDITY_MINUTES = 60;

/** Six digits, leading zeros kept, each of the 10⁶ codes equally likely (`randomInt` has no modulo bias). */
export function generateConfirmationCode(): string {
  return String(randomInt(0, 10 ** CONFIRMATION_CODE_DIGITS)).padStart(CONFIRMATION_CODE_DIGITS, '0');
}

/** `482913` → `482 913`: two groups of three are read and typed back without losing one's place. */
export function groupConfirmationCode(code: string): string {
  if (!/^\d{6}$/.test(code)) throw new TypeError('A confirmation code is six digits.');
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}

/**
 * What a person typed (`482 913`, `482-913`, ` 482913 `) as the six digits to compare, or `undefined`: the
 * mail shows the code grouped, so the form must take it back grouped.
 */
export function normalizeConfirmationCode(typed: string): string | undefined {
  const digits = typed.replace(/[\s\u00a0\u202f-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : undefined;
}
