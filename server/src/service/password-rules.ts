/**
 * Every rule of the policy a server checks before it asks the store to change a password, with the
 * library's own code: the checklist rules (`policyViolations`), the zxcvbn strength with the dictionaries
 * and the user inputs the meter uses, and "not the current password". The rest of the history is the
 * store's to check against its hashes.
 */
import { loadStrengthScorer, policyViolations, type Account, type StrengthLanguage } from 'sel-widgets/core';

export type ScorerLoader = typeof loadStrengthScorer;

/** What `<sel-password-change>` passes to the scorer (without the page's own `strength-words`). */
export function strengthUserInputs(account: Account, currentPassword: string): string[] {
  return [account.uid, account.givenName, account.surname, currentPassword].filter(
    (word): word is string => typeof word === 'string' && word !== '',
  );
}

export async function passwordViolations(
  newPassword: string,
  currentPassword: string,
  account: Account,
  language: StrengthLanguage,
  loadScorer: ScorerLoader = loadStrengthScorer,
): Promise<string[]> {
  const policy = account.passwordPolicy;
  const violations: string[] = policyViolations(newPassword, policy, account);
  const minStrength = policy.minStrength ?? 0;
  if (minStrength > 0) {
    const scorer = await loadScorer(language);
    if (scorer.score(newPassword, strengthUserInputs(account, currentPassword)).score < minStrength) {
      violations.push('too_weak');
    }
  }
  if ((policy.historySize ?? 0) > 0 && newPassword === currentPassword) violations.push('in_history');
  return violations;
}
