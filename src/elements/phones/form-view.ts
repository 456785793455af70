/**
 * The phones edit form as it renders: the help, one row per number (type, number, « Supprimer », their
 * messages), « Ajouter un numéro », « Valider » and « Annuler ». It travels in the editing chunk with the
 * rules (phone-editing.ts), so it imports nothing the first module has (shared/lit-kit.ts says why): it
 * renders with the entry's Lit and what both sides use (the type labels, the types), passed in by the
 * editor (phone-editor.ts), which keeps the state and the behaviour; this only turns them into markup.
 */
import type { TemplateResult } from 'lit';
import type { LitKit } from '../shared/lit-kit.js';
import type { PhoneType } from '../../contract/schemas.js';
import type { MessageKey } from '../../i18n/messages.js';
import type * as PhoneModule from '../../validation/phone.js';
import { rowErrorMessage, rowWarningMessage } from './feedback.js';
import { MAX_PHONES, checkRows, type PhoneRow, type RowCheck } from './rows.js';

type Msg = (key: MessageKey, params?: Record<string, string | number>) => string;

/** What the form shows, and where each of its events goes: the element's state and handlers. */
export interface PhoneFormState {
  readonly rows: readonly PhoneRow[];
  readonly region: string;
  readonly tools: typeof PhoneModule;
  readonly msg: Msg;
  /** The contract's phone types, in the order the select offers them. */
  readonly phoneTypes: readonly PhoneType[];
  readonly typeLabel: (type: PhoneType) => string;
  readonly pending: boolean;
  readonly blocked: boolean;
  readonly listError: string | undefined;
  readonly announcement: string;
  /** A failed save that is not about one number, rendered by the editor (phone-editor.ts). */
  readonly saveError: TemplateResult | LitKit['nothing'];
  readonly onSubmit: (event: Event) => void;
  readonly onKeydown: (event: KeyboardEvent) => void;
  readonly onPointerDown: (event: PointerEvent) => void;
  readonly onAdd: () => void;
  readonly onCancel: () => void;
  readonly onTypeChange: (key: number, event: Event) => void;
  readonly onInput: (key: number, event: Event) => void;
  readonly onBlur: (key: number, event: FocusEvent) => void;
  readonly onRemove: (key: number) => void;
}

export function renderPhoneForm(lit: LitKit, state: PhoneFormState): TemplateResult {
  const { html, nothing, repeat } = lit;
  const { msg, rows, tools, region } = state;
  const checks = checkRows(rows, region, tools);
  const atLimit = rows.length >= MAX_PHONES;
  return html`<form
    part="form"
    novalidate
    @submit=${state.onSubmit}
    @keydown=${state.onKeydown}
    @pointerdown=${state.onPointerDown}
  >
    <p id="phones-help" class="muted help" part="help">
      ${msg('phones.help', { example: tools.exampleNumber(region), max: MAX_PHONES })}
    </p>
    ${
      rows.length > 0
        ? html`<ul class="rows" part="rows">
            ${repeat(
              rows,
              (row) => row.key,
              (row, index) => renderRow(lit, state, row, index, checks[index] ?? { empty: true }),
            )}
          </ul>`
        : nothing
    }
    ${
      state.listError
        ? html`<p id="list-error" class="message error" part="message field-error" tabindex="-1">${state.listError}</p>`
        : nothing
    }
    <div class="actions">
      <button
        type="button"
        part="button add-button"
        aria-disabled=${atLimit ? 'true' : 'false'}
        aria-describedby=${atLimit ? 'limit-reached' : nothing}
        ?disabled=${state.pending}
        @click=${state.onAdd}
      >
        ${msg('phones.add')}
      </button>
    </div>
    ${
      atLimit
        ? html`<p id="limit-reached" class="muted" part="message">${msg('phones.maxReached', { max: MAX_PHONES })}</p>`
        : nothing
    }
    ${state.saveError}
    <p class="muted pending" role="status" part="message">${state.pending ? msg('common.saving') : nothing}</p>
    <p class="visually-hidden" role="status">${state.announcement}</p>
    <div class="actions">
      <button
        type="submit"
        class="confirm"
        part="button confirm-button"
        aria-disabled=${state.blocked ? 'true' : 'false'}
      >
        ${msg('common.save')}
      </button>
      <button type="button" part="button cancel-button" @click=${state.onCancel}>${msg('common.cancel')}</button>
    </div>
  </form>`;
}

function renderRow(lit: LitKit, state: PhoneFormState, row: PhoneRow, index: number, check: RowCheck): TemplateResult {
  const { html, nothing, live } = lit;
  const { msg, pending } = state;
  const position = index + 1;
  const type = state.typeLabel(row.type);
  const inputId = `number-${row.key}`;
  const error = row.showFeedback ? check.error : undefined;
  const warning = row.showFeedback && !error ? check.warning : undefined;
  const describedBy = [error ? `${inputId}-error` : '', warning ? `${inputId}-warning` : '', 'phones-help']
    .filter((id) => id !== '')
    .join(' ');
  const number = row.draft.trim();
  const removeName = number
    ? msg('phones.removeNamed', { number, type })
    : msg('phones.removeEmpty', { row: position, type });
  return html`<li class="row" part="row">
    <div class="field">
      <label for="type-${row.key}" part="label"
        >${msg('phones.typeLabel')}<span class="visually-hidden">
          ${msg('phones.typeLabelRow', { row: position })}</span
        ></label
      >
      <select
        id="type-${row.key}"
        part="select"
        ?disabled=${pending}
        @change=${(event: Event) => state.onTypeChange(row.key, event)}
      >
        ${state.phoneTypes.map(
          (option) =>
            html`<option value=${option} .selected=${option === row.type}>${state.typeLabel(option)}</option>`,
        )}
      </select>
    </div>
    <div class="field number">
      <label for=${inputId} part="label">${msg('phones.numberLabel', { row: position, type })}</label>
      <input
        id=${inputId}
        part="input"
        type="tel"
        autocomplete="tel"
        inputmode="tel"
        spellcheck="false"
        translate="no"
        .value=${live(row.draft)}
        ?readonly=${pending}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy}
        @input=${(event: Event) => state.onInput(row.key, event)}
        @blur=${(event: FocusEvent) => state.onBlur(row.key, event)}
      />
    </div>
    <button
      type="button"
      class="remove"
      part="button remove-button"
      aria-label=${removeName}
      ?disabled=${pending}
      @click=${() => state.onRemove(row.key)}
    >
      ${msg('phones.remove')}
    </button>
    ${
      error
        ? html`<p id="${inputId}-error" class="message error feedback" part="message field-error">
            ${rowErrorMessage(error, row.type, state.region, state.tools, msg)}
          </p>`
        : nothing
    }
    ${
      warning
        ? html`<p id="${inputId}-warning" class="message warning feedback" part="message field-warning">
            ${rowWarningMessage(warning, msg)}
          </p>`
        : nothing
    }
  </li>`;
}
