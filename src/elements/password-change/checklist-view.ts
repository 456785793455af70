/**
 * The checklist in words: each rule, and whether it is met said in text (« satisfaite » / « non
 * satisfaite ») beside an icon whose shape differs too, so that no state is told by colour alone.
 */
import type { TemplateResult } from 'lit';
import type { LitKit } from '../shared/lit-kit.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { ChecklistItem, ChecklistRule, RuleState } from '../../validation/password-checklist.js';

type Msg = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Rules whose wording depends on a count: the singular, then the plural form. */
const COUNTED_RULES: Partial<Record<ChecklistRule, readonly [MessageKey, MessageKey]>> = {
  too_short: ['password.rule.too_short.one', 'password.rule.too_short.other'],
  too_long: ['password.rule.too_long.one', 'password.rule.too_long.other'],
  missing_lower: ['password.rule.missing_lower.one', 'password.rule.missing_lower.other'],
  missing_upper: ['password.rule.missing_upper.one', 'password.rule.missing_upper.other'],
  missing_digit: ['password.rule.missing_digit.one', 'password.rule.missing_digit.other'],
  missing_special: ['password.rule.missing_special.one', 'password.rule.missing_special.other'],
  not_enough_classes: ['password.rule.not_enough_classes.one', 'password.rule.not_enough_classes.other'],
  in_history: ['password.rule.in_history.one', 'password.rule.in_history.other'],
};

const PLAIN_RULES: Partial<Record<ChecklistRule, MessageKey>> = {
  contains_personal_info: 'password.rule.contains_personal_info',
  low_entropy: 'password.rule.low_entropy',
  too_young: 'password.rule.too_young',
  breached: 'password.rule.breached',
};

const STATE_WORD: Record<RuleState, MessageKey> = {
  met: 'password.rule.state.met',
  unmet: 'password.rule.state.unmet',
  pending: 'password.rule.state.pending',
  info: 'password.rule.state.info',
};

const STATE_ICON: Record<RuleState, string> = { met: '✓', unmet: '✗', pending: '○', info: 'i' };

export const STRENGTH_LEVELS: readonly MessageKey[] = [
  'password.strength.0',
  'password.strength.1',
  'password.strength.2',
  'password.strength.3',
  'password.strength.4',
];

/** Forbidden characters one by one, spaced so each is seen; a space is named, being invisible. */
function characterList(characters: string, msg: Msg): string {
  return [...characters].map((character) => (character === ' ' ? msg('password.char.space') : character)).join(' ');
}

export function ruleText(item: ChecklistItem, msg: Msg): string {
  const count = typeof item.param === 'number' ? item.param : 0;
  const counted = COUNTED_RULES[item.rule];
  if (counted) return msg(count === 1 ? counted[0] : counted[1], { count });
  if (item.rule === 'forbidden_chars') {
    return msg('password.rule.forbidden_chars', { chars: characterList(String(item.param ?? ''), msg) });
  }
  if (item.rule === 'too_weak') {
    return msg('password.rule.too_weak', { level: msg(STRENGTH_LEVELS[count] ?? 'password.strength.4') });
  }
  const plain = PLAIN_RULES[item.rule];
  return plain ? msg(plain, { count }) : item.rule;
}

export function renderChecklist(
  lit: LitKit,
  items: readonly ChecklistItem[],
  ids: { title: string; list: string },
  msg: Msg,
): TemplateResult {
  const { html } = lit;
  return html`<div class="sel-pc-rules">
    <p class="sel-pc-rules-title" id=${ids.title}>${msg('password.rules.title')}</p>
    <ul class="sel-pc-rule-list" id=${ids.list} aria-labelledby=${ids.title}>
      ${items.map(
        (item) =>
          html`<li class="sel-pc-rule" data-rule=${item.rule} data-state=${item.state}>
            <span class="sel-pc-rule-icon" aria-hidden="true">${STATE_ICON[item.state]}</span>
            <span
              >${ruleText(item, msg)}<span class="sel-pc-visually-hidden"
                >${msg('password.rule.stateSuffix', { state: msg(STATE_WORD[item.state]) })}</span
              ></span
            >
          </li>`,
      )}
    </ul>
  </div>`;
}
