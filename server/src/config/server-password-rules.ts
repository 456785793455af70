/**
 * The rules the server adds to the directory's ppolicy entry, which knows only lengths, history and age:
 * character classes, personal information and strength, checked before the write. The directory's bounds
 * are merged in by the LDAP store (the stricter wins), so the checklist never promises what it refuses.
 */
import type { PasswordPolicy } from 'sel-widgets/core';

export const SERVER_PASSWORD_RULES: Partial<PasswordPolicy> = {
  minLower: 1,
  minUpper: 1,
  minDigit: 1,
  minSpecial: 1,
  rejectPersonalInfo: true,
  minStrength: 3,
};
