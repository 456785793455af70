/**
 * The checklist `<sel-password-change>` shows under « Nouveau mot de passe »: every rule of the policy
 * with its state, the strength rule when the policy sets `minStrength`, the history rule (which only the
 * server can check, except "not the current password"), and what the server said about the last password
 * it refused. Pure: no DOM, no messages, no network.
 */
import type { PasswordPolicy } from '../contract/schemas.js';
import { checkPasswordPolicy, type PersonalInfo, type PolicyRule } from './password-policy.js';

/** Codes only a server can report; shown when it does, since the person must learn why. */
export const SERVER_ONLY_RULES = ['too_young', 'breached'] as const;
export type ServerOnlyRule = (typeof SERVER_ONLY_RULES)[number];

export type ChecklistRule = PolicyRule | 'too_weak' | 'in_history' | ServerOnlyRule;

/**
 * `pending`: not decided yet (nothing typed, or the strength meter still loading); `info`: a rule the
 * client cannot decide, shown so that the person knows it before submitting.
 */
export type RuleState = 'met' | 'unmet' | 'pending' | 'info';

export interface ChecklistItem {
  rule: ChecklistRule;
  state: RuleState;
  param?: number | string;
}

export type StrengthStatus = 'idle' | 'loading' | 'ready' | 'failed';

export interface ChecklistInput {
  policy: PasswordPolicy;
  personal: PersonalInfo;
  newPassword: string;
  currentPassword: string;
  /** The zxcvbn score of `newPassword`, once known. */
  score: number | undefined;
  strengthStatus: StrengthStatus;
  /** Codes of the server's `policy_violation` for the password still in the field. */
  serverViolations: readonly string[];
}

const KNOWN_RULES: ReadonlySet<string> = new Set<ChecklistRule>([
  'too_short',
  'too_long',
  'missing_lower',
  'missing_upper',
  'missing_digit',
  'missing_special',
  'not_enough_classes',
  'forbidden_chars',
  'contains_personal_info',
  'low_entropy',
  'too_weak',
  'in_history',
  ...SERVER_ONLY_RULES,
]);

export function isChecklistRule(code: string): code is ChecklistRule {
  return KNOWN_RULES.has(code);
}

function strengthState(input: ChecklistInput, minStrength: number): RuleState {
  if (input.strengthStatus === 'failed') return 'info';
  if (input.score === undefined) return 'pending';
  return input.score >= minStrength ? 'met' : 'unmet';
}

export function buildChecklist(input: ChecklistInput): ChecklistItem[] {
  const { policy, newPassword } = input;
  const typed = newPassword !== '';
  // Before the first character nothing is judged: a list of red crosses on an empty field only scolds.
  const items: ChecklistItem[] = checkPasswordPolicy(newPassword, policy, input.personal).map((check) => ({
    rule: check.rule,
    state: typed ? (check.met ? 'met' : 'unmet') : 'pending',
    ...(check.param !== undefined && { param: check.param }),
  }));
  const minStrength = policy.minStrength ?? 0;
  if (minStrength > 0) {
    items.push({ rule: 'too_weak', state: typed ? strengthState(input, minStrength) : 'pending', param: minStrength });
  }
  const historySize = policy.historySize ?? 0;
  if (historySize > 0) {
    // The one part of the history a client can see: the current password, typed in the field above.
    const reused = typed && newPassword === input.currentPassword;
    items.push({ rule: 'in_history', state: reused ? 'unmet' : 'info', param: historySize });
  }
  for (const code of input.serverViolations) {
    if (!isChecklistRule(code)) continue;
    const existing = items.find((item) => item.rule === code);
    // The server has the last word: a rule it says is broken shows as broken, whatever the client thinks.
    if (existing) existing.state = 'unmet';
    else items.push({ rule: code, state: 'unmet' });
  }
  return items;
}

/** Rules that count in « 3 règles sur 5 satisfaites »: the informative ones are not the person's to meet. */
export function countedRules(items: readonly ChecklistItem[]): { met: number; total: number } {
  const counted = items.filter((item) => item.state !== 'info');
  return { met: counted.filter((item) => item.state === 'met').length, total: counted.length };
}

/** Whether the client may send the password: nothing unmet, and nothing still to be decided by it. */
export function blocksSubmit(item: ChecklistItem): boolean {
  return item.state === 'unmet' || item.state === 'pending';
}
