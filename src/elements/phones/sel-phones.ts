import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { SelError } from '../../api/errors.js';
import type { AccountField } from '../../contract/read-account.js';
import { PHONE_TYPES, type Account, type Phone, type PhoneType, type Section } from '../../contract/schemas.js';
import type { MessageKey } from '../../i18n/messages.js';
import { ButtonPress } from '../shared/button-press.js';
import { renderDirectoryHint } from '../shared/directory-hint.js';
import { messageKeyFor } from '../shared/error-messages.js';
import { renderSaveError } from '../shared/save-error.js';
import { SaveFlow } from '../shared/save-flow.js';
import { SelSection } from '../shared/sel-section.js';
import {
  checkRows,
  placeServerErrors,
  rowsFromPhones,
  samePhones,
  type PhoneRow,
  type RowCheck,
  type RowsCheck,
} from './rows.js';
import { downloadPhoneRules, type PhoneRules } from './rules-download.js';
import { formatStoredPhone, isKnownRegion, viewRegion } from './stored-format.js';
import { phonesStyles } from './styles.js';

/**
 * The « Téléphones » section: the person's phone numbers, each with its type (« Bureau », « Mobile »,
 * « Fax », « Autre »), as `tel:` links. « Modifier… » opens a form where each number is a `type=tel`
 * field named after its row and type (« Numéro 1 (Bureau) »), with a type select and « Supprimer »;
 * « Ajouter un numéro » adds a row (ten numbers at most), the green « Valider » saves.
 *
 * Numbers are accepted as people write them (spaces, dots, dashes, parentheses, a leading 0, +33 or
 * 0033), grouped as they type without moving the caret, checked before any request (with a valid example
 * in every message), and sent in E.164. A line left empty is dropped on save; the same number twice is
 * refused; a mobile filed as a fax, or a landline filed as a mobile, is only warned about.
 *
 * The number rules weigh about as much as the rest of the library: the view does without them (the stored
 * numbers are E.164, written by a small formatter of its own), and they are downloaded when editing starts,
 * fetched ahead as soon as « Modifier… » is hovered or focused so that the form still opens at once.
 *
 * @summary View and edit the phone numbers, checked as typed and stored in E.164.
 * @tag sel-phones
 *
 * @fires {CustomEvent<{ section: 'phones' }>} sel-saved - The backend accepted the new list of numbers.
 * @fires {CustomEvent<{ section: 'phones', operation: 'load' | 'save', kind: string, status?: number, code?: string }>} sel-error - A load or a save failed.
 * @fires {CustomEvent<{}>} sel-unauthorized - The backend answered 401: the portal should send the person to log in again.
 *
 * @csspart section - The box around the whole section.
 * @csspart heading - The section title.
 * @csspart list - The list of numbers in view mode.
 * @csspart item - One number in view mode.
 * @csspart type - The type of a number in view mode (« Bureau : »).
 * @csspart number - A number in view mode (a link, or plain text when it does not read as a number).
 * @csspart link - Links (numbers, directory correspondent).
 * @csspart empty - The sentence saying there is no number.
 * @csspart form - The edit form.
 * @csspart help - The instructions at the top of the form.
 * @csspart rows - The list of rows in the form.
 * @csspart row - One row: type, number, « Supprimer », and its messages.
 * @csspart label - The labels of the type select and of the number field.
 * @csspart select - The type select of a row.
 * @csspart input - The number field of a row.
 * @csspart field-error - The message explaining why a number cannot be saved (and the too-many message).
 * @csspart field-warning - The warning about a number whose type looks wrong (not blocking).
 * @csspart button - Every button.
 * @csspart edit-button - « Modifier… ».
 * @csspart add-button - « Ajouter un numéro ».
 * @csspart remove-button - « Supprimer », in each row.
 * @csspart confirm-button - The green « Valider ».
 * @csspart cancel-button - « Annuler ».
 * @csspart message - Status, loading, limit and error messages.
 * @csspart hint - The directory correspondent hint.
 *
 * @cssprop --sel-color-confirm - Background of « Valider » (default #18753c).
 * @cssprop --sel-color-confirm-text - Text of « Valider » (default #ffffff).
 * @cssprop --sel-color-accent - Links and buttons (default #000091).
 * @cssprop --sel-color-error - Error messages, the invalid field and « Supprimer » (default #ce0500).
 * @cssprop --sel-color-error-background - Background of error messages (default #fff4f3).
 * @cssprop --sel-color-warning - Type warnings (default #b34000).
 * @cssprop --sel-color-warning-background - Background of type warnings (default #fff4ed).
 * @cssprop --sel-color-success - Success messages (default #18753c).
 * @cssprop --sel-color-success-background - Background of success messages (default #f0faf3).
 * @cssprop --sel-color-text - Text (default #1b1b1b).
 * @cssprop --sel-color-muted - Secondary text (default #525252).
 * @cssprop --sel-color-border - Field borders (default #767676).
 * @cssprop --sel-color-section-border - The border of the section box and between rows (default #dddddd).
 * @cssprop --sel-color-surface - Background (default #ffffff).
 * @cssprop --sel-color-readonly-background - Fields while a save is pending (default #f6f6f6).
 * @cssprop --sel-color-focus - The focus ring (default #0a76f6).
 * @cssprop --sel-font-family - Font (default: inherited from the page).
 * @cssprop --sel-font-size - Base font size (default 1rem).
 * @cssprop --sel-heading-size - Size of the section title (default 1.25rem).
 * @cssprop --sel-radius - Corner radius (default 4px).
 * @cssprop --sel-space - Base spacing (default 1rem).
 */
export class SelPhones extends SelSection {
  static override styles = [SelSection.styles, phonesStyles];

  /**
   * Where every `<sel-phones>` gets the phone rules: the page's one download (rules-download.ts). Tests and
   * stories replace it to hold or fail the download.
   * @internal
   */
  static loadPhoneRules: () => Promise<PhoneRules> = downloadPhoneRules;

  /**
   * The ISO 3166 region numbers are typed and shown in (`FR`, `RE`, `GP`, `MQ`, `GF`, `YT`, `PM`, `NC`,
   * `PF`, `WF`, `CH`...; any case). A number of that region is shown nationally (`05 49 45 49 99`), any
   * other internationally (`+262 262 12 34 56`); a number typed without `+` is read as dialled from there.
   * An unknown code falls back to `FR`, with a console warning.
   */
  @property({ attribute: 'default-region' }) defaultRegion = 'FR';

  protected readonly section: Section = 'phones';
  protected readonly titleKey: MessageKey = 'phones.title';
  protected readonly accountFields: readonly AccountField[] = ['phones'];

  /** The phone rules, once downloaded: the form needs them, the view does not. */
  @state() private rules: PhoneRules | undefined;
  /** « Modifier… » was pressed and the rules are still on their way: it says it is busy. */
  @state() private awaitingRules = false;
  /** The download the person asked for failed: the view says so, with « Réessayer ». */
  @state() private rulesFailed = false;
  @state() private editing = false;
  /** The person's rows: kept across every failure. */
  @state() private rows: readonly PhoneRow[] = [];
  /** More than ten numbers (only possible when the server already held more): said above the buttons. */
  @state() private listError: string | undefined;
  /** The server's 422 named rows, and every one of them is shown on its row: no general alert needed. */
  @state() private serverErrorsOnRows = false;
  /** Said to screen readers only, in the form: a row's error that appeared when the person left it, the limit. */
  @state() private announcement = '';
  /** Successes and removals, announced politely. */
  @state() private status: string | undefined;
  /** A save failure shown in view mode: a 403 closes the form, or the form was closed while saving. */
  @state() private viewError: string | undefined;

  private readonly saveFlow = new SaveFlow(this, () => this.section);
  private readonly buttonPress = new ButtonPress();
  /** Counts openings and closings, so that a save that ends after its form was closed leaves a newer one alone. */
  private formGeneration = 0;
  private lastKey = 0;
  /** The row each number of the last request came from, in order: where the server's `phones[i]` lands. */
  private sentKeys: readonly number[] = [];
  private warnedRegion: string | undefined;
  /** The last rows checked and what was found: see `checked`. */
  private lastChecked: { rows: string; found: RowsCheck } | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.formGeneration++;
    this.editing = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const region = this.defaultRegion ?? '';
    const known = isKnownRegion(region.trim().toUpperCase()) && (this.rules?.isSupportedRegion(region) ?? true);
    if (!known && this.warnedRegion !== region) {
      this.warnedRegion = region;
      console.warn(`<sel-phones>: default-region "${region}" is not a known region code; using FR.`);
    }
  }

  /** The region the form reads and writes numbers in (the view's is viewRegion, known without the rules). */
  private regionOf(rules: PhoneRules): string {
    return rules.normalizeRegion(this.defaultRegion);
  }

  /**
   * What is wrong with `rows`, worked out once for the same numbers, types and region. A key in one row
   * checks every row (a duplicate depends on all of them), and the key's handler and the render after it both
   * ask. Measured at ten rows (median per key, Chromium, a 2-core machine under load): 3 to 5 ms of script
   * this way, 13 to 22 ms when each asked anew, which a frame at 60 Hz (16.7 ms) does not always hold.
   */
  private checked(rows: readonly PhoneRow[], rules: PhoneRules): RowsCheck {
    const region = this.regionOf(rules);
    const key = JSON.stringify([region, rows.map((row) => [row.type, row.draft, row.serverError ?? ''])]);
    if (this.lastChecked?.rows !== key) this.lastChecked = { rows: key, found: checkRows(rows, region, rules) };
    return this.lastChecked.found;
  }

  protected renderAccount(account: Account): TemplateResult {
    const rules = this.rules;
    return html`${this.editing && rules ? this.renderForm(account, rules) : this.renderView(account)}
      <div class="message success" role="status" part="message">${this.status ?? nothing}</div>`;
  }

  private renderView(account: Account): TemplateResult {
    return html`${this.renderList(account.phones)}
    ${
      this.awaitingRules
        ? html`<p class="muted" role="status" part="message">${this.msg('common.loading')}</p>`
        : nothing
    }
    ${
      this.rulesFailed
        ? html`<p class="message error" role="alert" part="message">${this.msg('phones.toolsFailed')}</p>
            <div class="actions">
              <button type="button" part="button" id="retry-rules" @click=${this.startEditing}>
                ${this.msg('common.retry')}
              </button>
            </div>`
        : nothing
    }
    ${
      this.viewError
        ? html`<p class="message error" role="alert" part="message" tabindex="-1" id="view-error">${this.viewError}</p>`
        : nothing
    }
    ${
      !account.editable.phones
        ? html`<p>${this.msg('phones.notEditable')}</p>
            ${renderDirectoryHint(account, (key) => this.msg(key))}`
        : this.rulesFailed
          ? nothing
          : html`<div class="actions">
              <button
                type="button"
                part="button edit-button"
                aria-label=${this.msg('phones.edit')}
                aria-disabled=${this.awaitingRules ? 'true' : 'false'}
                @pointerenter=${this.prefetchRules}
                @focus=${this.prefetchRules}
                @click=${this.startEditing}
              >
                ${this.msg('common.edit')}
              </button>
            </div>`
    }`;
  }

  /**
   * Each number with its type, as a `tel:` link to its E.164 form, written nationally in the element's
   * region and internationally otherwise. What the server sends is text: a number that is not E.164 is shown
   * as it is, and never becomes a link.
   */
  private renderList(phones: readonly Phone[]): TemplateResult {
    if (phones.length === 0) return html`<p part="empty">${this.msg('phones.none')}</p>`;
    const region = viewRegion(this.defaultRegion);
    return html`<ul class="phones" part="list">
      ${phones.map((phone) => {
        const shown = formatStoredPhone(phone.number, region);
        return html`<li part="item">
          <span class="type" part="type">${this.msg('phones.itemType', { type: this.typeLabel(phone.type) })}</span>
          ${
            shown === undefined
              ? html`<span part="number" translate="no">${phone.number}</span>`
              : html`<a href="tel:${phone.number}" part="link number" translate="no">${shown}</a>`
          }
        </li>`;
      })}
    </ul>`;
  }

  private renderForm(account: Account, rules: PhoneRules): TemplateResult {
    const flow = this.saveFlow;
    const region = this.regionOf(rules);
    const checks = this.checked(this.rows, rules).rows;
    const max = rules.MAX_PHONES;
    const atLimit = this.rows.length >= max;
    return html`<form
      part="form"
      novalidate
      @submit=${this.submit}
      @keydown=${this.onKeydown}
      @pointerdown=${this.buttonPress.onPointerDown}
    >
      <p id="phones-help" class="muted help" part="help">
        ${this.msg('phones.help', { example: rules.exampleNumber(region), max })}
      </p>
      ${
        this.rows.length > 0
          ? html`<ul class="rows" part="rows">
              ${repeat(
                this.rows,
                (row) => row.key,
                (row, index) => this.renderRow(row, index, checks[index] ?? { empty: true }, rules),
              )}
            </ul>`
          : nothing
      }
      ${
        this.listError
          ? html`<p id="list-error" class="message error" part="message field-error" tabindex="-1">
              ${this.listError}
            </p>`
          : nothing
      }
      <div class="actions">
        <button
          type="button"
          part="button add-button"
          aria-disabled=${atLimit ? 'true' : 'false'}
          aria-describedby=${atLimit ? 'limit-reached' : nothing}
          ?disabled=${flow.pending}
          @click=${this.addRow}
        >
          ${this.msg('phones.add')}
        </button>
      </div>
      ${
        atLimit
          ? html`<p id="limit-reached" class="muted" part="message">${this.msg('phones.maxReached', { max })}</p>`
          : nothing
      }
      ${renderSaveError(
        this.saveFlow,
        (key, params) => this.msg(key, params),
        (error) =>
          error.kind === 'validation' && this.serverErrorsOnRows ? undefined : this.failureMessage(error, account),
      )}
      <p class="muted pending" role="status" part="message">${flow.pending ? this.msg('common.saving') : nothing}</p>
      <p class="visually-hidden" role="status">${this.announcement}</p>
      <div class="actions">
        <button
          type="submit"
          class="confirm"
          part="button confirm-button"
          aria-disabled=${flow.blocked ? 'true' : 'false'}
        >
          ${this.msg('common.save')}
        </button>
        <button type="button" part="button cancel-button" @click=${this.cancel}>${this.msg('common.cancel')}</button>
      </div>
    </form>`;
  }

  private renderRow(row: PhoneRow, index: number, check: RowCheck, rules: PhoneRules): TemplateResult {
    const pending = this.saveFlow.pending;
    const position = index + 1;
    const type = this.typeLabel(row.type);
    const inputId = `number-${row.key}`;
    const error = row.showFeedback ? this.rowErrorText(row, check, rules) : undefined;
    const warning =
      row.showFeedback && !error && check.warning ? this.msg(`phones.warning.${check.warning}`) : undefined;
    const describedBy = [error ? `${inputId}-error` : '', warning ? `${inputId}-warning` : '', 'phones-help']
      .filter((id) => id !== '')
      .join(' ');
    const number = row.draft.trim();
    return html`<li class="row" part="row">
      <div class="field">
        <label for="type-${row.key}" part="label"
          >${this.msg('phones.typeLabel')}<span class="visually-hidden">
            ${this.msg('phones.typeLabelRow', { row: position })}</span
          ></label
        >
        <select
          id="type-${row.key}"
          part="select"
          ?disabled=${pending}
          @change=${(event: Event) => this.changeType(row.key, event)}
        >
          ${PHONE_TYPES.map(
            (option) =>
              html`<option value=${option} .selected=${option === row.type}>${this.typeLabel(option)}</option>`,
          )}
        </select>
      </div>
      <div class="field number">
        <label for=${inputId} part="label">${this.msg('phones.numberLabel', { row: position, type })}</label>
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
          @input=${(event: Event) => this.onInput(row.key, event)}
          @blur=${(event: FocusEvent) => this.onBlur(row.key, event)}
        />
      </div>
      <button
        type="button"
        class="remove"
        part="button remove-button"
        aria-label=${
          number
            ? this.msg('phones.removeNamed', { number, type })
            : this.msg('phones.removeEmpty', { row: position, type })
        }
        ?disabled=${pending}
        @click=${() => this.removeRow(row.key)}
      >
        ${this.msg('phones.remove')}
      </button>
      ${
        error
          ? html`<p id="${inputId}-error" class="message error feedback" part="message field-error">${error}</p>`
          : nothing
      }
      ${
        warning
          ? html`<p id="${inputId}-warning" class="message warning feedback" part="message field-warning">
              ${warning}
            </p>`
          : nothing
      }
    </li>`;
  }

  /** A failed save that is not about one number: said in words, the rows untouched above it. */
  /**
   * A row's error in words. Messages about the digits name a valid example of the same kind as the row (a
   * mobile for a « Mobile » row, a landline otherwise), written as the region writes it.
   */
  private rowErrorText(row: PhoneRow, check: RowCheck, rules: PhoneRules): string | undefined {
    const error = check.error;
    if (!error) return undefined;
    if (error.code === 'duplicate') return this.msg('phones.error.duplicate', { row: error.row });
    const example = rules.exampleNumber(this.regionOf(rules), row.type === 'mobile' ? 'mobile' : 'fixed');
    return this.msg(`phones.error.${error.code}`, { example });
  }

  private typeLabel(type: PhoneType): string {
    return this.msg(`phones.type.${type}`);
  }

  private tooMany(extra: number, rules: PhoneRules): string {
    return this.msg('phones.error.tooMany', { max: rules.MAX_PHONES, extra });
  }

  /** `typed`: the list the refused save carried, repeated after a 403 since the form it was in closes. */
  private failureMessage(error: SelError, account: Account, typed?: readonly Phone[]): string {
    if (error.kind === 'forbidden') {
      const refused = this.msg('phones.forbidden');
      return typed?.length
        ? `${refused} ${this.msg('phones.forbiddenTyped', { numbers: this.describePhones(typed) })}`
        : refused;
    }
    if (error.kind !== 'conflict') return this.msg(messageKeyFor(error));
    const current = this.describePhones(account.phones);
    return this.msg('phones.conflict', { current: current || this.msg('phones.currentNone') });
  }

  /** « 05 49 45 49 99 (Bureau), 06 12 34 56 78 (Mobile) »: a list in words, written as the view writes it. */
  private describePhones(phones: readonly Phone[]): string {
    const region = viewRegion(this.defaultRegion);
    return phones
      .map((phone) => `${formatStoredPhone(phone.number, region) ?? phone.number} (${this.typeLabel(phone.type)})`)
      .join(', ');
  }

  /** Hover or focus on « Modifier… ». A failure here is not shown: the click tries again and says so. */
  private prefetchRules = (): void => {
    if (this.rules) return;
    SelPhones.loadPhoneRules().then(
      (rules) => (this.rules ??= rules),
      () => undefined,
    );
  };

  /** « Modifier… », or « Réessayer » after the rules failed to download. */
  private startEditing = async (): Promise<void> => {
    if (this.awaitingRules) return;
    const rules = this.rules ?? (await this.awaitRules());
    // Failed: the view says so, with « Réessayer » in the place of « Modifier… », which had the focus.
    if (!rules) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>('#retry-rules')?.focus();
      return;
    }
    const account = this.account;
    if (!account || !this.isConnected) return;
    this.rows = rowsFromPhones(account.phones, this.regionOf(rules), rules, () => ++this.lastKey);
    this.listError = undefined;
    this.serverErrorsOnRows = false;
    this.announcement = '';
    this.status = undefined;
    this.viewError = undefined;
    this.saveFlow.reset();
    this.formGeneration++;
    this.editing = true;
    // Focus on the first number, or on « Ajouter un numéro » when there is none.
    const first = this.rows[0];
    await this.updateComplete;
    (first ? this.numberField(first.key) : this.addButton())?.focus();
  };

  private async awaitRules(): Promise<PhoneRules | undefined> {
    this.awaitingRules = true;
    this.rulesFailed = false;
    try {
      this.rules = await SelPhones.loadPhoneRules();
    } catch (error) {
      console.error('<sel-phones> could not download the phone rules.', error);
      this.rulesFailed = true;
    }
    this.awaitingRules = false;
    return this.rules;
  }

  private addRow = async (): Promise<void> => {
    const rules = this.rules;
    if (!rules || this.saveFlow.pending) return;
    if (this.rows.length >= rules.MAX_PHONES) {
      // The button stays focusable at the limit (aria-disabled): pressing it says why nothing happens.
      // Seen once, under the button; heard through the form's live region, not in a second (green) box.
      await this.announceInForm(this.msg('phones.maxReached', { max: rules.MAX_PHONES }));
      return;
    }
    const key = ++this.lastKey;
    // The first type not in the list yet: a person with an office number is most likely adding a mobile.
    const used = new Set(this.rows.map((row) => row.type));
    const type = PHONE_TYPES.find((candidate) => !used.has(candidate)) ?? 'other';
    this.rows = [...this.rows, { key, type, draft: '', showFeedback: false }];
    await this.updateComplete;
    this.numberField(key)?.focus();
  };

  private removeRow = async (key: number): Promise<void> => {
    const rules = this.rules;
    const index = this.rows.findIndex((row) => row.key === key);
    const removed = this.rows[index];
    if (!rules || !removed || this.saveFlow.pending) return;
    this.rows = this.rows.filter((row) => row.key !== key);
    if (this.listError) {
      const { excess } = this.checked(this.rows, rules);
      this.listError = excess > 0 ? this.tooMany(excess, rules) : undefined;
    }
    const number = removed.draft.trim();
    const type = this.typeLabel(removed.type);
    await this.announce(number ? this.msg('phones.removed', { number, type }) : this.msg('phones.removedEmpty'));
    // Focus stays in the list where the row was: on the row that took its place, else on « Ajouter ».
    const next = this.rows[index];
    await this.updateComplete;
    (next ? this.numberField(next.key) : this.addButton())?.focus();
  };

  private changeType(key: number, event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    const type = PHONE_TYPES.find((candidate) => candidate === value);
    if (!type) return;
    // Choosing a type is a finished action: its warning, if any, shows at once.
    this.rows = this.rows.map((row) => (row.key === key ? { ...row, type, showFeedback: true } : row));
  }

  /**
   * Formats the number as the person types, without fighting them: only what adds digits is formatted
   * (typing, pasting, autofill), the caret kept after the digit it followed, and a space, dot or dash the
   * person types stays until their next digit. A deletion is left exactly as made (reformatting would put
   * back a space just erased, and backspace right after a space would seem to do nothing); the field is
   * tidied when it loses focus instead. Nothing is touched during an IME composition or an undo.
   */
  private onInput(key: number, event: Event): void {
    const rules = this.rules;
    if (!rules) return;
    const region = this.regionOf(rules);
    const input = event.target as HTMLInputElement;
    if (formatsOn(event)) {
      const formatted = rules.formatAsYouTypeAt(input.value, input.selectionStart ?? input.value.length, region);
      if (formatted.value !== input.value) {
        input.value = formatted.value;
        input.setSelectionRange(formatted.caret, formatted.caret);
      }
    }
    const before = this.checked(this.rows, rules).rows;
    const rows = this.rows.map((row) =>
      row.key === key ? { ...row, draft: input.value, serverError: undefined } : row,
    );
    const after = this.checked(rows, rules).rows;
    // An error on show follows the corrections and goes when the number is right. A number that showed
    // no error is not judged keystroke by keystroke: only once the person leaves the field again.
    this.rows = rows.map((row, index) => {
      if (row.key !== key) return row;
      const errorWasShown = this.rows[index]?.showFeedback === true && before[index]?.error !== undefined;
      return { ...row, showFeedback: errorWasShown && after[index]?.error !== undefined };
    });
  }

  private onBlur(key: number, event: FocusEvent): void {
    const rules = this.rules;
    // A row just removed (its field had the focus) has nothing left to judge.
    if (!rules || this.saveFlow.pending || !this.rows.some((row) => row.key === key)) return;
    const draft = rules.formatAsYouType((event.target as HTMLInputElement).value, this.regionOf(rules));
    // A pointer pressing one of the form's buttons: that button decides. A message appearing now would push
    // the button down between the press and the release, and the click would be lost. Tab still judges,
    // though the next stop is the row's « Supprimer »: a keyboard user leaving a wrong number hears why.
    const judge = !this.buttonPress.pressing;
    const before = this.shownError(key, rules);
    this.rows = this.rows.map((row) =>
      row.key === key ? { ...row, draft, showFeedback: row.showFeedback || judge } : row,
    );
    // Focus has moved on, so the message tied to the field is not read out with it: say it once.
    const after = this.shownError(key, rules);
    if (after && after !== before) void this.announceInForm(after);
  }

  /** The error a row shows now, in words, or `undefined`. */
  private shownError(key: number, rules: PhoneRules): string | undefined {
    const index = this.rows.findIndex((row) => row.key === key);
    const row = this.rows[index];
    const check = this.checked(this.rows, rules).rows[index];
    return row?.showFeedback && check ? this.rowErrorText(row, check, rules) : undefined;
  }

  private onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      void this.closeForm();
    }
  };

  private cancel = (): void => {
    void this.closeForm();
  };

  private submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const { store, account, rules } = this;
    if (!store || !account || !rules || this.saveFlow.blocked) return;
    const checked = this.checked(this.rows, rules);
    this.rows = this.rows.map((row) => (row.showFeedback ? row : { ...row, showFeedback: true }));
    this.listError = checked.excess > 0 ? this.tooMany(checked.excess, rules) : undefined;
    const firstInvalid = this.rows.find((_, index) => checked.rows[index]?.error);
    if (firstInvalid || checked.excess > 0) {
      this.saveFlow.reset();
      this.serverErrorsOnRows = false;
      await this.updateComplete;
      (firstInvalid ? this.numberField(firstInvalid.key) : this.listErrorElement())?.focus();
      return;
    }
    const { phones, sentKeys } = checked;
    if (samePhones(phones, account.phones)) {
      await this.closeForm(this.msg('phones.unchanged'));
      return;
    }
    this.sentKeys = sentKeys;
    this.serverErrorsOnRows = false;
    const generation = this.formGeneration;
    const outcome = await this.saveFlow.run(async () => {
      await store.update({ phones });
    });
    const formStillOpen = generation === this.formGeneration;
    if (outcome === 'saved') {
      const status = this.msg(phones.length > 0 ? 'phones.saved' : 'phones.savedNone');
      if (formStillOpen) await this.closeForm(status);
      else this.status = status;
    } else if (outcome === 'failed') {
      await this.explainFailure(formStillOpen, phones, rules);
    }
  };

  private async explainFailure(formStillOpen: boolean, phones: readonly Phone[], rules: PhoneRules): Promise<void> {
    const error = this.saveFlow.error;
    const account = this.account;
    if (!error || !account) return;
    if (error.kind === 'forbidden' || !formStillOpen) {
      await this.failInView(error, account, formStillOpen ? phones : undefined);
      return;
    }
    if (error.kind === 'validation' && error.fieldErrors?.length) {
      const firstOnRow = this.placeServerErrors(error, rules);
      if (firstOnRow !== undefined || this.listError) {
        await this.updateComplete;
        (firstOnRow !== undefined ? this.numberField(firstOnRow) : this.listErrorElement())?.focus();
        return;
      }
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#save-error')?.focus();
  }

  /** Puts the server's 422 on the rows it names; returns the key of the first row that got one. */
  private placeServerErrors(error: SelError, rules: PhoneRules): number | undefined {
    const { byRow, general } = placeServerErrors(error.fieldErrors ?? [], this.sentKeys);
    const tooMany = general.some((fieldError) => fieldError.code === 'too_many');
    const unexplained = general.filter((fieldError) => fieldError.code !== 'too_many');
    if (tooMany) this.listError = this.tooMany(Math.max(1, this.sentKeys.length - rules.MAX_PHONES), rules);
    this.rows = this.rows.map((row) => {
      const code = byRow.get(row.key);
      return code === undefined ? row : { ...row, serverError: code, showFeedback: true };
    });
    this.serverErrorsOnRows = unexplained.length === 0 && (byRow.size > 0 || tooMany);
    return this.rows.find((row) => byRow.has(row.key))?.key;
  }

  /**
   * A failed save the form does not show: a 403 (`typed`: the numbers of the form, which closes), or a save
   * that ended after its form was closed (`typed` undefined).
   */
  private async failInView(error: SelError, account: Account, typed: readonly Phone[] | undefined): Promise<void> {
    const formStillOpen = typed !== undefined;
    // A 403 means the numbers are not editable for this person: there is nothing to retry in the form. The
    // numbers they typed are not lost with it: the message repeats them, to copy or to pass on.
    this.viewError = this.failureMessage(error, account, typed);
    if (formStillOpen) await this.closeForm();
    // The server knows better than the loaded account what is editable: reload it so the view agrees.
    if (error.kind === 'forbidden') this.retryLoad();
    // Focus only follows a form the person is still in; after « Annuler » the alert speaks for itself.
    if (!formStillOpen) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#view-error')?.focus();
  }

  /** Said politely outside the form (a removal). */
  private async announce(text: string): Promise<void> {
    // Emptied first, so that the same words twice in a row (two empty lines removed) are announced twice.
    this.status = undefined;
    await this.updateComplete;
    this.status = text;
    await this.updateComplete;
  }

  private async announceInForm(text: string): Promise<void> {
    // Emptied first, so that the same words twice in a row are announced twice.
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
  }

  private async closeForm(status?: string): Promise<void> {
    this.formGeneration++;
    this.editing = false;
    this.rows = [];
    this.status = status;
    this.saveFlow.reset();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[part~="edit-button"]')?.focus();
  }

  private numberField(key: number): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>(`#number-${key}`);
  }

  private addButton(): HTMLButtonElement | null {
    return this.renderRoot.querySelector<HTMLButtonElement>('[part~="add-button"]');
  }

  private listErrorElement(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('#list-error');
  }
}

// A key that adds no digit: the person's own separator, kept until the next digit regroups the number.
const NO_DIGIT = /^[^\d+\uff0b\uff10-\uff19]*$/u;

/** Whether an `input` event added digits, and the field is to be formatted. */
function formatsOn(event: Event): boolean {
  // Autofill and scripts replace the whole value, with a plain `input` event or an empty inputType.
  if (!(event instanceof InputEvent)) return true;
  if (event.isComposing) return false;
  if (event.inputType === 'insertText' && NO_DIGIT.test(event.data ?? '')) return false;
  return !event.inputType.startsWith('delete') && !event.inputType.startsWith('history');
}
