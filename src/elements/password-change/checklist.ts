/**
 * The policy checklist under « Nouveau mot de passe », in words: each rule, and whether it is met said in
 * text (« satisfaite » / « non satisfaite ») beside an icon whose shape differs too, so that no state is told
 * by colour alone; and the same list in one sentence, for the polite live region once typing pauses.
 */
import { html, type TemplateResult } from 'lit';
import type { MessageKey } from '../../i18n/messages.js';
import { countedRules, type ChecklistItem, type RuleState } from '../../validation/password-checklist.js';
import type { StrengthResult } from '../../validation/password-strength.js';
import { STRENGTH_LEVELS } from './strength.js';

type Msg = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Rules whose wording depends on a count: `.one` and `.other` messages. */
const COUNTED_RULES = [
  'too_short',
  'too_long',
  'missing_lower',
  'missing_upper',
  'missing_digit',
  'missing_special',
  'not_enough_classes',
  'in_history',
] as const;
/** Rules said in one message, with the count when there is one. */
const PLAIN_RULES = ['contains_personal_info', 'low_entropy', 'too_young', 'breached'] as const;

const isOneOf = <T extends string>(rules: readonly T[], rule: string): rule is T =>
  (rules as readonly string[]).includes(rule);

const STATE_ICON: Record<RuleState, string> = { met: '✓', unmet: '✗', pending: '○', info: 'i' };

/** Forbidden characters one by one, spaced so each is seen; a space is named, being invisible. */
function characterList(characters: string, msg: Msg): string {
  return [...characters].map((character) => (character === ' ' ? msg('password.char.space') : character)).join(' ');
}

function ruleText(item: ChecklistItem, msg: Msg): string {
  const { rule, param } = item;
  const count = typeof param === 'number' ? param : 0;
  if (isOneOf(COUNTED_RULES, rule)) return msg(`password.rule.${rule}.${count === 1 ? 'one' : 'other'}`, { count });
  if (rule === 'forbidden_chars') {
    return msg('password.rule.forbidden_chars', { chars: characterList(String(param ?? ''), msg) });
  }
  if (rule === 'too_weak') {
    return msg('password.rule.too_weak', { level: msg(STRENGTH_LEVELS[count] ?? 'password.strength.4') });
  }
  return isOneOf(PLAIN_RULES, rule) ? msg(`password.rule.${rule}`, { count }) : rule;
}

/** `titleId` and `listId`: ids in the form's id space; the new password field is described by the list. */
export function renderChecklist(
  items: readonly ChecklistItem[],
  titleId: string,
  listId: string,
  msg: Msg,
): TemplateResult {
  return html`<div class="sel-pc-rules">
    <p class="sel-pc-rules-title" id=${titleId}>${msg('password.rules.title')}</p>
    <ul class="sel-pc-rule-list" id=${listId} aria-labelledby=${titleId}>
      ${items.map(
        (item) =>
          html`<li class="sel-pc-rule" data-rule=${item.rule} data-state=${item.state}>
            <span class="sel-pc-rule-icon" aria-hidden="true">${STATE_ICON[item.state]}</span>
            <span
              >${ruleText(item, msg)}<span class="sel-pc-visually-hidden"
                >${msg('password.rule.stateSuffix', { state: msg(`password.rule.state.${item.state}`) })}</span
              ></span
            >
          </li>`,
      )}
    </ul>
  </div>`;
}

/** « 4 règles sur 9 satisfaites. Robustesse : Très faible. »: the rules met, then the meter's word once scored. */
export function checklistSummary(
  items: readonly ChecklistItem[],
  result: StrengthResult | undefined,
  msg: Msg,
): string {
  const { met, total } = countedRules(items);
  const rules = msg(met <= 1 ? 'password.rules.summary.one' : 'password.rules.summary.other', { met, total });
  const level = result && STRENGTH_LEVELS[result.score];
  return level ? `${rules} ${msg('password.strength.summary', { level: msg(level) })}` : rules;
}
