/**
 * What a backend checks of a new password, for `MemoryAdapter`: every rule of the policy the checklist
 * shows, plus the history rule only a server can know. Strength (zxcvbn) is left to the client here so
 * that the in-memory backend does not pull the dictionaries into every bundle that uses it.
 */
import type { Account } from '../contract/schemas.js';
import { policyViolations } from './password-policy.js';

export function checkPasswordOnServer(newPassword: string, account: Account, currentPassword: string): string[] {
  const violations: string[] = policyViolations(newPassword, account.passwordPolicy, account);
  if ((account.passwordPolicy.historySize ?? 0) > 0 && newPassword === currentPassword) violations.push('in_history');
  return violations;
}
