/**
 * One password field of `<sel-password-change>`: its `<label for>`, the input, the show/hide toggle and
 * the error tied to the input. Rendered into the light DOM with the rest of the form, since an IDREF
 * cannot cross a shadow boundary and password managers do not look inside shadow roots.
 *
 * The value is bound as a property (`.value`): a password never becomes an attribute.
 */
import type { TemplateResult } from 'lit';
import type { LitKit } from '../shared/lit-kit.js';

export type PasswordField = 'current' | 'new' | 'confirm';

/** The names password managers and browsers recognise; `new-password` twice, as the HTML spec intends. */
export const AUTOCOMPLETE_OF_FIELD: Record<PasswordField, 'current-password' | 'new-password'> = {
  current: 'current-password',
  new: 'new-password',
  confirm: 'new-password',
};

export interface PasswordFieldView {
  field: PasswordField;
  inputId: string;
  errorId: string;
  label: string;
  /** Visible text of the toggle (« Afficher ») and the rest of its name, for screen readers only. */
  toggleText: string;
  toggleHiddenText: string;
  value: string;
  shown: boolean;
  error: string | undefined;
  /** Ids of further descriptions, after the error: the checklist for the new password. */
  describedBy: readonly string[];
  passwordRules: string | undefined;
  onInput: (event: Event) => void;
  onToggle: () => void;
}

export function renderPasswordField(lit: LitKit, view: PasswordFieldView): TemplateResult {
  const { html, ifDefined, live, nothing } = lit;
  const describedBy = [...(view.error ? [view.errorId] : []), ...view.describedBy].join(' ');
  return html`<div class="sel-pc-field" data-field=${view.field}>
    <label class="sel-pc-label" for=${view.inputId}>${view.label}</label>
    <div class="sel-pc-control">
      <input
        class="sel-pc-input"
        id=${view.inputId}
        name=${`${view.field}-password`}
        type=${view.shown ? 'text' : 'password'}
        autocomplete=${AUTOCOMPLETE_OF_FIELD[view.field]}
        spellcheck="false"
        autocapitalize="none"
        autocorrect="off"
        required
        passwordrules=${ifDefined(view.passwordRules)}
        aria-invalid=${view.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy || undefined)}
        .value=${live(view.value)}
        @input=${view.onInput}
        @change=${view.onInput}
      />
      <button
        type="button"
        class="sel-pc-button sel-pc-toggle"
        aria-pressed=${view.shown ? 'true' : 'false'}
        @click=${view.onToggle}
      >
        ${view.toggleText}<span class="sel-pc-visually-hidden"> ${view.toggleHiddenText}</span>
      </button>
    </div>
    <p class="sel-pc-field-error" id=${view.errorId}>${view.error ?? nothing}</p>
  </div>`;
}
