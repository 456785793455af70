/**
 * The rules of a recovery address, apart from the flow that adds it: what an acceptable address is, and
 * how the pending one and the hash of its code are kept in the shared state. Knows nothing of HTTP.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Account } from 'sel-widgets/core';
import { isAddress } from '../mail/mail-settings.js';

/** Confirmed addresses an account may have: enough for a spare, few enough to watch. */
export const MAX_RECOVERY_EMAILS = 2;
/** Wrong codes that spend a pending code: 5 guesses in 10⁶. */
export const MAX_CODE_ATTEMPTS = 5;
/** Addresses an account may add (each mails a code) per window: no relay for mailing strangers. */
export const MAX_ADDS_PER_WINDOW = 10;
export const ADDS_WINDOW_MS = 60 * 60_000;

export type RecoveryAddressProblem = 'invalid' | 'own_address' | 'already_added' | 'too_many';

/** An address waiting for its code; what the shared state keeps (the code only as a hash). */
export interface PendingRecoveryEmail {
  email: string;
  hash: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export const pendingKey = (uid: string): string => `recovery-pending:${uid}`;
export const codeAttemptsKey = (uid: string): string => `recovery-code-attempts:${uid}`;
export const addsKey = (uid: string): string => `recovery-adds:${uid}`;

/**
 * The address as kept: trimmed, its domain in lower case (DNS ignores case, the local part is the
 * mailbox's own business); `undefined` when it is not one plain address with a dotted domain.
 */
export function normaliseRecoveryAddress(typed: string): string | undefined {
  const address = typed.trim();
  if (!isAddress(address)) return undefined;
  const at = address.lastIndexOf('@');
  const domain = address.slice(at + 1).toLowerCase();
  if (!domain.includes('.')) return undefined;
  return `${address.slice(0, at)}@${domain}`;
}

/** Two addresses are the same mailbox for these rules whatever their case: a duplicate is refused. */
export function sameAddress(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Why `address` (normalised) cannot be added to `account`, or `undefined`. A reset link sent to the
 * institutional mailbox would be of no use to a person locked out of it, hence `own_address` for its
 * domain and every subdomain of it.
 */
export function recoveryAddressProblem(
  address: string | undefined,
  account: Pick<Account, 'mail' | 'recoveryEmails'>,
): RecoveryAddressProblem | undefined {
  if (address === undefined) return 'invalid';
  const domain = domainOf(address);
  const institutional = account.mail ? domainOf(account.mail) : undefined;
  if (
    (account.mail && sameAddress(address, account.mail)) ||
    (institutional && (domain === institutional || domain.endsWith(`.${institutional}`)))
  ) {
    return 'own_address';
  }
  const confirmed = account.recoveryEmails ?? [];
  if (confirmed.some((email) => sameAddress(email, address))) return 'already_added';
  if (confirmed.length >= MAX_RECOVERY_EMAILS) return 'too_many';
  return undefined;
}

/**
 * The code as kept: a SHA-256 bound to the account and the address, so that what the shared state holds
 * is no code in clear and matches no other account's or address's.
 */
export function codeHash(uid: string, email: string, code: string): string {
  return createHash('sha256').update(`sel-recovery-code\0${uid}\0${email.toLowerCase()}\0${code}`).digest('hex');
}

/** Compared in constant time: how long the answer takes says nothing of how close a guess was. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The shared state's value read back; `undefined` for one of another shape (written by a newer version). */
export function parsePending(value: string | undefined): PendingRecoveryEmail | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed = JSON.parse(value) as Partial<PendingRecoveryEmail>;
    if (typeof parsed.email === 'string' && typeof parsed.hash === 'string' && typeof parsed.expiresAt === 'number') {
      return { email: parsed.email, hash: parsed.hash, expiresAt: parsed.expiresAt };
    }
  } catch {
    // Not JSON: treated as no pending address.
  }
  return undefined;
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}
