import type { Account } from '../contract/schemas.js';
import type { MemoryFault } from './memory-adapter.js';

const DAY_MS = 86_400_000;

/** The states of the password a directory may report, as changes to the demo account. */
export type DemoPasswordState = 'expiresLater' | 'expiresSoon' | 'expired' | 'mustChange';

/**
 * Dates are relative to `now`, so a demo or a story shows the same words whatever day it is opened.
 * The warning period is the one a directory gives with pwdExpireWarning (here 14 days).
 */
export function demoPasswordState(state: DemoPasswordState, now: number = Date.now()): Partial<Account> {
  const inDays = (days: number) => new Date(now + days * DAY_MS).toISOString();
  switch (state) {
    case 'expiresLater':
      return { passwordExpiresAt: inDays(120), passwordExpiryWarningDays: 14 };
    case 'expiresSoon':
      return { passwordExpiresAt: inDays(5), passwordExpiryWarningDays: 14 };
    case 'expired':
      return { passwordExpiresAt: inDays(-3), passwordExpiryWarningDays: 14 };
    case 'mustChange':
      return { passwordMustChange: true };
  }
}

/**
 * The directory locked the account after failed attempts: `POST /account/password` answers 403
 * `account_locked`, with `Retry-After` when `retryAfterSeconds` is given.
 */
export function accountLockedFault(retryAfterSeconds?: number): MemoryFault {
  return {
    kind: 'forbidden',
    code: 'account_locked',
    ...(retryAfterSeconds !== undefined && { retryAfterSeconds }),
  };
}
