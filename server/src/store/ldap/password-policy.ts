/**
 * The password policy the person is shown: the directory's ppolicy entry merged with the server's rules,
 * each bound taken at its stricter value so that the checklist never promises what the directory refuses.
 * And ppolicy's answers turned into the contract's violation codes.
 */
import type { Entry } from 'ldapts';
import type { PasswordPolicy } from 'sel-widgets/core';
import { DirectoryEntry } from './directory-entry.js';
import { PPOLICY_ERRORS } from './controls/ppolicy-control.js';
import { NotAPolicyError } from './directory-problems.js';

/** The attributes of a pwdPolicy entry the store reads (pwdAttribute only to know it is one). */
export const POLICY_ATTRIBUTES = [
  'pwdAttribute',
  'pwdMinLength',
  'pwdMaxLength',
  'pwdInHistory',
  'pwdMinAge',
  'pwdMaxAge',
  'pwdExpireWarning',
  'pwdLockoutDuration',
  'pwdAllowUserChange',
];

/** What the directory's policy says, in numbers (0 or absent: no such rule). */
export interface DirectoryPolicy {
  minLength: number;
  maxLength: number;
  inHistory: number;
  minAgeSeconds: number;
  maxAgeSeconds: number;
  /** Absent when the entry has no pwdExpireWarning: the page then warns at its own default. */
  expireWarningSeconds: number | undefined;
  lockoutDurationSeconds: number;
  allowUserChange: boolean;
}

export const NO_DIRECTORY_POLICY: DirectoryPolicy = {
  minLength: 0,
  maxLength: 0,
  inHistory: 0,
  minAgeSeconds: 0,
  maxAgeSeconds: 0,
  expireWarningSeconds: undefined,
  lockoutDurationSeconds: 0,
  allowUserChange: true,
};

export function directoryPolicyFrom(entry: DirectoryEntry): DirectoryPolicy {
  return {
    minLength: entry.number('pwdMinLength') ?? 0,
    maxLength: entry.number('pwdMaxLength') ?? 0,
    inHistory: entry.number('pwdInHistory') ?? 0,
    minAgeSeconds: entry.number('pwdMinAge') ?? 0,
    maxAgeSeconds: entry.number('pwdMaxAge') ?? 0,
    expireWarningSeconds: entry.number('pwdExpireWarning'),
    lockoutDurationSeconds: entry.number('pwdLockoutDuration') ?? 0,
    allowUserChange: entry.boolean('pwdAllowUserChange') ?? true,
  };
}

/**
 * The policy a base search of a policy entry found. pwdAttribute is the one attribute every pwdPolicy entry
 * must hold: without it the entry is not a policy, or the ACL hides its attributes, and its figures would
 * be guesses (`NotAPolicyError`).
 */
export function directoryPolicyOf(entries: readonly Entry[]): DirectoryPolicy {
  const entry = entries[0] ? DirectoryEntry.from(entries[0]) : undefined;
  if (!entry?.first('pwdAttribute')) throw new NotAPolicyError();
  return directoryPolicyFrom(entry);
}

export function mergePasswordPolicy(server: PasswordPolicy, directory: DirectoryPolicy): PasswordPolicy {
  const merged: PasswordPolicy = { ...server };
  merged.minLength = Math.max(server.minLength, directory.minLength);
  if (directory.maxLength > 0) merged.maxLength = Math.min(server.maxLength, directory.maxLength);
  // A maximum below the minimum would make every password impossible: keep the directory's word.
  if (merged.maxLength < merged.minLength) merged.maxLength = merged.minLength;
  const history = Math.max(server.historySize ?? 0, directory.inHistory);
  if (history > 0) merged.historySize = history;
  return merged;
}

/** The contract's violation code for a ppolicy error of a Password Modify, if it is a policy violation. */
export function violationFor(ppolicyError: number | undefined): string | undefined {
  switch (ppolicyError) {
    case PPOLICY_ERRORS.passwordTooShort:
      return 'too_short';
    case PPOLICY_ERRORS.passwordTooLong:
      return 'too_long';
    case PPOLICY_ERRORS.passwordInHistory:
      return 'in_history';
    case PPOLICY_ERRORS.passwordTooYoung:
      return 'too_young';
    case PPOLICY_ERRORS.insufficientPasswordQuality:
      // A quality module (none ships with Debian) judged it too weak.
      return 'too_weak';
    default:
      return undefined;
  }
}
