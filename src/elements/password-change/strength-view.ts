/**
 * The strength meter: a `role="meter"` named « Robustesse du nouveau mot de passe » whose value text is
 * the level in words (« Très faible » … « Très fort »), the same word beside it, and zxcvbn's advice.
 * While the dictionaries load, the meter and the word say so.
 */
import type { TemplateResult } from 'lit';
import type { LitKit } from '../shared/lit-kit.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { StrengthResult } from '../../validation/password-strength.js';
import { STRENGTH_LEVELS } from './checklist-view.js';
import type { StrengthStatus } from '../../validation/password-checklist.js';

type Msg = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface StrengthView {
  labelId: string;
  feedbackId: string;
  status: StrengthStatus;
  result: StrengthResult | undefined;
  typed: boolean;
}

/** The level in words, or what the meter is doing instead. */
export function strengthWord(view: Omit<StrengthView, 'labelId' | 'feedbackId'>, msg: Msg): string {
  if (view.status === 'failed') return msg('password.strength.unavailable');
  if (view.status === 'loading') return msg('password.strength.loading');
  if (!view.typed) return msg('password.strength.empty');
  if (view.result) return msg(STRENGTH_LEVELS[view.result.score] ?? 'password.strength.0');
  // Typed, dictionaries loaded, first score on its way (a few milliseconds).
  return msg('password.strength.loading');
}

export function renderStrength(lit: LitKit, view: StrengthView, msg: Msg): TemplateResult {
  const { html, ifDefined, nothing } = lit;
  const word = strengthWord(view, msg);
  const result = view.typed ? view.result : undefined;
  const suggestions = result?.suggestions ?? [];
  return html`<div class="sel-pc-strength">
    <div class="sel-pc-strength-line">
      <span class="sel-pc-strength-label" id=${view.labelId}>${msg('password.strength.label')}</span>
      <div
        class="sel-pc-meter"
        role="meter"
        aria-labelledby=${view.labelId}
        aria-valuemin="0"
        aria-valuemax="4"
        aria-valuenow=${result?.score ?? 0}
        aria-valuetext=${word}
        aria-busy=${view.typed && !result && view.status !== 'failed' ? 'true' : 'false'}
      >
        <span class="sel-pc-meter-bar" data-score=${ifDefined(result?.score)}></span>
      </div>
      <span class="sel-pc-strength-word" aria-hidden="true">${word}</span>
    </div>
    <div class="sel-pc-feedback" id=${view.feedbackId}>
      ${result?.warning ? html`<p>${result.warning}</p>` : nothing}
      ${
        suggestions.length > 0
          ? html`<ul class="sel-pc-feedback-list">
              ${suggestions.map((suggestion) => html`<li>${suggestion}</li>`)}
            </ul>`
          : nothing
      }
    </div>
  </div>`;
}
