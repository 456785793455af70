/**
 * The open password form, as `<sel-password-change>` renders it into its light DOM: the login for password
 * managers, the three fields with their errors, the checklist, the strength meter, the status, and the
 * actions; or, after a success, what to do next. Part of the form's chunk (password-form.ts), so it imports
 * nothing the first module has: it renders with the entry's Lit, which the element passes in with its state
 * and handlers at each render (shared/lit-kit.ts says why).
 */
import type { TemplateResult } from 'lit';
import type { LitKit } from '../shared/lit-kit.js';
import type { Account } from '../../contract/schemas.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { ChecklistItem, StrengthStatus } from '../../validation/password-checklist.js';
import type { StrengthResult } from '../../validation/password-strength.js';
import { isChecklistRule } from '../../validation/password-checklist.js';
import { renderChecklist } from './checklist-view.js';
import { renderPasswordField, type PasswordField } from './field-view.js';
import type { PasswordFormIds } from './form-ids.js';
import { passwordRulesFor } from './rules-attribute.js';
import { renderStrength } from './strength-view.js';

type Msg = (key: MessageKey, params?: Record<string, string | number>) => string;

const LABEL_OF_FIELD: Record<PasswordField, MessageKey> = {
  current: 'password.field.current',
  new: 'password.field.new',
  confirm: 'password.field.confirm',
};

/** What the form shows: the element's state at this render. */
export interface PasswordFormState {
  account: Account;
  ids: PasswordFormIds;
  values: Readonly<Record<PasswordField, string>>;
  shown: Readonly<Record<PasswordField, boolean>>;
  items: readonly ChecklistItem[];
  /** A submit was tried: every field's problem shows. */
  attempted: boolean;
  /** The confirmation was left filled in once: a mismatch shows before any submit. */
  confirmTouched: boolean;
  currentRejected: boolean;
  serverViolations: readonly string[];
  /** The server's words on a refused password, bounded and isolated already (shared/server-text.ts). */
  serverDetail: string | undefined;
  serverRefused: boolean;
  succeeded: boolean;
  strength: { status: StrengthStatus; result: StrengthResult | undefined };
  /** What the form is busy with, said in the status; the checklist summary otherwise. */
  busy: MessageKey | undefined;
  summary: string;
  /** « Valider » does nothing for now (a save on its way, a wait after 429, the score being computed). */
  blocked: boolean;
  /** Seconds left before a retry after 429: the countdown replaces any other form error. */
  retryInSeconds: number;
  /**
   * A failure that is not about one field, said above « Valider »: its words, and the server's own, rendered
   * by the element as server text (shared/server-text.ts).
   */
  formError: { text: string; detail: TemplateResult | undefined } | undefined;
}

/** What the form calls back: the element's handlers and its words. */
export interface PasswordFormActions {
  msg: Msg;
  submit: (event: SubmitEvent) => void;
  keydown: (event: KeyboardEvent) => void;
  focusin: (event: FocusEvent) => void;
  focusout: (event: FocusEvent) => void;
  pointerdown: (event: PointerEvent) => void;
  input: (field: PasswordField, event: Event) => void;
  toggle: (field: PasswordField) => void;
  cancel: () => void;
}

export function renderPasswordForm(
  lit: LitKit,
  state: PasswordFormState,
  actions: PasswordFormActions,
): TemplateResult {
  const { html } = lit;
  return html`<form
    class="sel-pc-form"
    method="post"
    novalidate
    aria-label=${actions.msg('password.formName')}
    @submit=${actions.submit}
    @keydown=${actions.keydown}
    @focusin=${actions.focusin}
    @focusout=${actions.focusout}
    @pointerdown=${actions.pointerdown}
  >
    ${renderUsername(lit, state, actions.msg)}
    ${state.succeeded ? renderSuccess(lit, state, actions) : renderFields(lit, state, actions)}
  </form>`;
}

/**
 * The login, for password managers to file the new password under the right account: out of sight,
 * out of the tab order and of the accessibility tree, but not `type="hidden"`, which managers ignore.
 */
function renderUsername(lit: LitKit, state: PasswordFormState, msg: Msg): TemplateResult {
  const { html } = lit;
  return html`<div class="sel-pc-visually-hidden" aria-hidden="true">
    <label for=${state.ids.username}>${msg('password.username')}</label>
    <input
      class="sel-pc-username"
      id=${state.ids.username}
      name="username"
      type="text"
      autocomplete="username"
      readonly
      tabindex="-1"
      .value=${state.account.uid}
    />
  </div>`;
}

function renderFields(lit: LitKit, state: PasswordFormState, actions: PasswordFormActions): TemplateResult {
  const { html, nothing } = lit;
  const { ids, busy } = state;
  const msg = actions.msg;
  return html`${renderField(lit, state, actions, 'current', [])} ${renderField(lit, state, actions, 'new', [ids.rules])}
    ${renderChecklist(lit, state.items, { title: ids.rulesTitle, list: ids.rules }, msg)}
    ${renderStrength(
      lit,
      {
        labelId: ids.strengthLabel,
        feedbackId: ids.feedback,
        status: state.strength.status,
        result: state.strength.result,
        typed: state.values.new !== '',
      },
      msg,
    )}
    ${renderField(lit, state, actions, 'confirm', [])}
    <p class="sel-pc-visually-hidden" role="status">${busy ? msg(busy) : state.summary}</p>
    ${renderFormError(lit, state, actions)}
    ${
      /* Seen here, heard through the status above: a live region must be on the page before its text. */
      busy ? html`<p class="sel-pc-message sel-pc-muted" aria-hidden="true">${msg(busy)}</p>` : nothing
    }
    <div class="sel-pc-actions">
      <button type="submit" class="sel-pc-button sel-pc-confirm" aria-disabled=${state.blocked ? 'true' : 'false'}>
        ${msg('common.save')}
      </button>
      <button type="button" class="sel-pc-button sel-pc-cancel" @click=${actions.cancel}>
        ${msg('common.cancel')}
      </button>
    </div>`;
}

function renderField(
  lit: LitKit,
  state: PasswordFormState,
  actions: PasswordFormActions,
  field: PasswordField,
  describedBy: string[],
): TemplateResult {
  const msg = actions.msg;
  const label = msg(LABEL_OF_FIELD[field]);
  return renderPasswordField(lit, {
    field,
    inputId: state.ids.input[field],
    errorId: state.ids.error[field],
    label,
    toggleText: msg('password.show'),
    toggleHiddenText: msg('password.showWhich', { field: label }),
    value: state.values[field],
    shown: state.shown[field],
    error: fieldError(state, msg, field),
    describedBy,
    passwordRules: field !== 'current' ? passwordRulesFor(state.account.passwordPolicy) : undefined,
    onInput: (event) => actions.input(field, event),
    onToggle: () => actions.toggle(field),
  });
}

function fieldError(state: PasswordFormState, msg: Msg, field: PasswordField): string | undefined {
  const { current, new: next, confirm } = state.values;
  switch (field) {
    case 'current':
      if (state.currentRejected) return msg('password.error.wrongCurrent');
      return state.attempted && current === '' ? msg('password.error.currentMissing') : undefined;
    case 'new':
      if (state.serverRefused) {
        if (state.serverDetail) return msg('password.error.policyDetail', { detail: state.serverDetail });
        // Nothing to point at in the list: no code this element knows, and no words from the server.
        return state.serverViolations.some(isChecklistRule)
          ? msg('password.error.policy')
          : msg('password.error.policyNoReason');
      }
      if (!state.attempted) return undefined;
      if (next === '') return msg('password.error.newMissing');
      return state.items.some((item) => item.state === 'unmet') ? msg('password.error.rulesUnmet') : undefined;
    case 'confirm':
      if (confirm === '') return state.attempted ? msg('password.error.confirmMissing') : undefined;
      return (state.attempted || state.confirmTouched) && confirm !== next ? msg('password.error.mismatch') : undefined;
  }
}

/** Failures that are not about one field: said once, above « Valider », and focused. */
function renderFormError(
  lit: LitKit,
  state: PasswordFormState,
  actions: PasswordFormActions,
): TemplateResult | LitKit['nothing'] {
  // `lit.nothing` where it is returned: a destructured copy would lose its `unique symbol` type.
  const { html } = lit;
  if (state.retryInSeconds > 0) {
    // The countdown is not live: announcing every second would drown everything else.
    return html`<div class="sel-pc-message sel-pc-error" role="alert" tabindex="-1" id=${state.ids.formError}>
      <span aria-live="off">${actions.msg('error.rateLimited', { seconds: state.retryInSeconds })}</span>
    </div>`;
  }
  const error = state.formError;
  if (!error) return lit.nothing;
  return html`<div class="sel-pc-message sel-pc-error" role="alert" tabindex="-1" id=${state.ids.formError}>
    ${error.text} ${error.detail ?? lit.nothing}
  </div>`;
}

function renderSuccess(lit: LitKit, state: PasswordFormState, actions: PasswordFormActions): TemplateResult {
  const { html } = lit;
  const msg = actions.msg;
  return html`<div class="sel-pc-message sel-pc-success" role="status" tabindex="-1" id=${state.ids.saved}>
      <p>${msg('password.saved')}</p>
      <p>${msg('password.savedAdvice')}</p>
    </div>
    <div class="sel-pc-actions">
      <button type="button" class="sel-pc-button sel-pc-close" @click=${actions.cancel}>
        ${msg('password.close')}
      </button>
    </div>`;
}
