/**
 * The « Site web » edit form as it renders: the field, what is wrong with it or the `https://` suggestion,
 * the removal confirmation, « Valider » and « Annuler ». It travels in the chunk downloaded on « Modifier… »
 * (website-editing.ts), so it imports nothing the first module has (shared/lit-kit.ts says why): it renders with
 * the entry's Lit, which the element passes in. The element keeps the state and the behaviour; this only
 * turns them into markup.
 */
import type { TemplateResult } from 'lit';
import type { LitKit } from '../shared/lit-kit.js';
import type { MessageKey } from '../../i18n/messages.js';
import { feedbackMessage, type WebsiteFeedback } from './website-feedback.js';

/** What the form shows, and where each of its events goes: the element's state and handlers. */
export interface WebsiteFormState {
  /** What the person typed, exactly. */
  readonly draft: string;
  readonly feedback: WebsiteFeedback | undefined;
  /** The stored website, as the removal confirmation names it; set while the removal awaits confirmation. */
  readonly removing: string | undefined;
  readonly msg: (key: MessageKey, params?: Record<string, string | number>) => string;
  readonly pending: boolean;
  readonly blocked: boolean;
  readonly announcement: string;
  /** A failed save that is not about the value itself, rendered by the element (the view shows it too). */
  readonly saveError: TemplateResult | LitKit['nothing'];
  readonly onSubmit: (event: Event) => void;
  readonly onKeydown: (event: KeyboardEvent) => void;
  readonly onPointerDown: (event: PointerEvent) => void;
  readonly onInput: (event: Event) => void;
  readonly onBlur: () => void;
  readonly onCancel: () => void;
  readonly onAcceptSuggestion: (value: string) => void;
}

export function renderWebsiteForm(lit: LitKit, state: WebsiteFormState): TemplateResult {
  const { html, nothing, live } = lit;
  const { msg, feedback } = state;
  const confirming = state.removing !== undefined;
  const describedBy = [feedback ? 'website-feedback' : '', confirming ? 'website-removal' : '', 'website-help']
    .filter((id) => id !== '')
    .join(' ');
  return html`<form
    part="form"
    novalidate
    @submit=${state.onSubmit}
    @keydown=${state.onKeydown}
    @pointerdown=${state.onPointerDown}
  >
    <p id="website-help" class="muted help" part="help">${msg('generalInfo.website.help')}</p>
    <input
      id="website-input"
      part="input"
      type="url"
      autocomplete="url"
      inputmode="url"
      spellcheck="false"
      autocapitalize="off"
      translate="no"
      .value=${live(state.draft)}
      ?readonly=${state.pending}
      aria-invalid=${feedback && feedback.kind !== 'suggestion' ? 'true' : 'false'}
      aria-describedby=${describedBy}
      @input=${state.onInput}
      @blur=${state.onBlur}
    />
    ${feedback ? renderFeedback(lit, state, feedback) : nothing}
    ${
      confirming
        ? html`<p id="website-removal" class="message info" part="message">
            ${msg('generalInfo.website.confirmRemoval', { url: state.removing ?? '' })}
          </p>`
        : nothing
    }
    ${state.saveError}
    <p class="muted pending" role="status" part="message">${state.pending ? msg('common.saving') : nothing}</p>
    <p class="visually-hidden" role="status">${state.announcement}</p>
    <div class="actions">
      <button
        type="submit"
        class=${confirming ? 'danger' : 'confirm'}
        part="button confirm-button"
        aria-describedby=${confirming ? 'website-removal' : nothing}
        aria-disabled=${state.blocked ? 'true' : 'false'}
      >
        ${msg(confirming ? 'generalInfo.website.confirmRemovalButton' : 'common.save')}
      </button>
      <button type="button" part="button cancel-button" @click=${state.onCancel}>${msg('common.cancel')}</button>
    </div>
  </form>`;
}

function renderFeedback(lit: LitKit, state: WebsiteFormState, feedback: WebsiteFeedback): TemplateResult {
  const { html } = lit;
  const text = feedbackMessage(feedback, state.msg);
  if (feedback.kind !== 'suggestion') {
    return html`<p id="website-feedback" class="message error" part="message field-error">${text}</p>`;
  }
  return html`<div class="message info suggestion" part="message suggestion">
    <p id="website-feedback">${text}</p>
    <button
      type="button"
      part="button suggestion-button"
      aria-describedby="website-feedback"
      @click=${() => state.onAcceptSuggestion(feedback.value)}
    >
      ${state.msg('generalInfo.website.useSuggestion')}
    </button>
  </div>`;
}
