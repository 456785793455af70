import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SelError } from '../../api/errors.js';
import { PHONE_TYPES, type Account, type Phone, type Section } from '../../contract/schemas.js';
import type { MessageKey } from '../../i18n/messages.js';
import { renderDirectoryHint } from '../shared/directory-hint.js';
import { messageKeyFor } from '../shared/error-messages.js';
import { loadPhoneTools, type PhoneEditing, type PhoneTools } from './loader.js';
import type { PhoneRow } from './rows.js';
import { phonesStyles } from './styles.js';
import { formatStoredPhone } from './stored-format.js';
import { isKnownRegion, viewRegion } from './view-region.js';
import { renderPhoneList, typeLabel } from './view.js';
import { ButtonPress } from '../shared/button-press.js';
import { EditPart } from '../shared/edit-part.js';
import { SaveFlow } from '../shared/save-flow.js';
import { SelSection } from '../shared/sel-section.js';
import { litKit } from '../shared/lit-kit.js';

/** The region numbers are read and written in when the page says nothing else (libphonenumber's code). */
const FALLBACK_REGION = 'FR';

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
   * Where every `<sel-phones>` gets the phone rules: the memoised dynamic import. Tests replace it to hold
   * or fail the download.
   * @internal
   */
  static loadPhoneTools: () => Promise<PhoneEditing> = loadPhoneTools;

  /**
   * The ISO 3166 region numbers are typed and shown in (`FR`, `RE`, `GP`, `MQ`, `GF`, `YT`, `PM`, `NC`,
   * `PF`, `WF`, `CH`...; any case). A number of that region is shown nationally (`05 49 45 49 99`), any
   * other internationally (`+262 262 12 34 56`); a number typed without `+` is read as dialled from there.
   * An unknown code falls back to `FR`, with a console warning.
   */
  @property({ attribute: 'default-region' }) defaultRegion: string = FALLBACK_REGION;

  protected readonly section: Section = 'phones';
  protected readonly titleKey: MessageKey = 'phones.title';

  /** The rules and the form's row logic and markup: downloaded on « Modifier… », fetched ahead (loader.ts). */
  private readonly editPart = new EditPart(this, () => SelPhones.loadPhoneTools(), 'sel-phones');
  @state() private editing = false;
  /** The person's rows while editing: kept across every failure. */
  @state() private rows: readonly PhoneRow[] = [];
  /** More than ten numbers (only possible when the server already held more): said above the buttons. */
  @state() private listError: string | undefined;
  /** The server's 422 named rows, and every one of them is shown on its row: no general alert needed. */
  @state() private serverErrorsOnRows = false;
  /** Successes, removals and the limit, announced politely. */
  @state() private status: string | undefined;
  /** A save failure shown in view mode: a 403 closes the form, or the form was closed while saving. */
  @state() private viewError: string | undefined;
  /** Said to screen readers only: a row's error that appeared when the person left it, the limit. */
  @state() private announcement = '';

  private readonly saveFlow = new SaveFlow(this, () => this.section);
  /** Counts form openings, so that a save that ends after its form was closed does not act on a newer one. */
  private formOpenings = 0;
  private lastKey = 0;
  /** The row each number of the last request came from, in order: where the server's `phones[i]` lands. */
  private sentKeys: number[] = [];
  private warnedRegion: string | undefined;
  private readonly buttonPress = new ButtonPress();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.editing = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const region = this.defaultRegion ?? '';
    const known = isKnownRegion(region.trim().toUpperCase()) && (!this.tools || this.tools.isSupportedRegion(region));
    if (!known && this.warnedRegion !== region) {
      this.warnedRegion = region;
      console.warn(`<sel-phones>: default-region "${region}" is not a known region code; using FR.`);
    }
  }

  private get tools(): PhoneTools | undefined {
    return this.kit?.tools;
  }

  private get region(): string {
    const region = this.defaultRegion ?? FALLBACK_REGION;
    return this.tools ? this.tools.normalizeRegion(region) : region.trim().toUpperCase();
  }

  /** The rules and the form, once downloaded. */
  private get kit(): PhoneEditing | undefined {
    return this.editPart.part;
  }

  protected renderAccount(account: Account): TemplateResult {
    const kit = this.kit;
    return html`${this.editing && kit ? this.renderForm(account, kit) : this.renderView(account)}
      <div class="message success" role="status" part="message">${this.status ?? nothing}</div>`;
  }

  private renderView(account: Account): TemplateResult {
    const msg = this.msg.bind(this);
    return html`${renderPhoneList(account.phones, viewRegion(this.defaultRegion), msg)}
    ${
      this.editPart.awaited
        ? html`<p class="muted" role="status" part="message">${this.msg('common.loading')}</p>`
        : nothing
    }
    ${
      this.editPart.failed
        ? html`<p class="message error" role="alert" part="message">${this.msg('phones.toolsFailed')}</p>
            <div class="actions">
              <button type="button" part="button" id="retry-tools" @click=${this.retryTools}>
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
      account.editable.phones
        ? this.editPart.failed
          ? nothing
          : html`<div class="actions">
              <button
                type="button"
                part="button edit-button"
                aria-label=${this.msg('phones.edit')}
                aria-disabled=${this.editPart.awaited ? 'true' : 'false'}
                @pointerenter=${this.editPart.prefetch}
                @focus=${this.editPart.prefetch}
                @click=${this.startEditing}
              >
                ${this.msg('common.edit')}
              </button>
            </div>`
        : html`<p>${this.msg('phones.notEditable')}</p>
            ${renderDirectoryHint(account, (key) => this.msg(key))}`
    }`;
  }

  /** The form's markup comes with the rules (form-view.ts, in the editing chunk); its state and behaviour stay here. */
  private renderForm(account: Account, kit: PhoneEditing): TemplateResult {
    const flow = this.saveFlow;
    const msg = this.msg.bind(this);
    return kit.renderPhoneForm(litKit, {
      rows: this.rows,
      region: this.region,
      tools: kit.tools,
      msg,
      phoneTypes: PHONE_TYPES,
      typeLabel: (type) => typeLabel(type, msg),
      pending: flow.pending,
      blocked: flow.blocked,
      listError: this.listError,
      announcement: this.announcement,
      saveError: this.renderSaveError(account),
      onSubmit: this.submit,
      onKeydown: this.onKeydown,
      onPointerDown: this.buttonPress.onPointerDown,
      onAdd: this.addRow,
      onCancel: this.cancel,
      onTypeChange: this.changeType,
      onInput: this.onInput,
      onBlur: this.onBlur,
      onRemove: this.removeRow,
    });
  }

  /** A failed save that is not about one number: said in words, the rows untouched above it. */
  private renderSaveError(account: Account): TemplateResult | typeof nothing {
    const flow = this.saveFlow;
    const error = flow.error;
    let text: TemplateResult | string;
    if (flow.retryInSeconds > 0 && (error === undefined || error.kind === 'rate_limited')) {
      // Also when the form is opened again during the wait: « Valider » is disabled, and this says why.
      // The countdown changes every second: announced once by the alert, not at every tick.
      text = html`<span aria-live="off">${this.msg('error.rateLimited', { seconds: flow.retryInSeconds })}</span>`;
    } else if (!error || error.kind === 'rate_limited' || (error.kind === 'validation' && this.serverErrorsOnRows)) {
      return nothing;
    } else {
      text = this.failureMessage(error, account);
    }
    return html`<div class="message error" role="alert" part="message" tabindex="-1" id="save-error">${text}</div>`;
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

  /** « 05 49 45 49 99 (Bureau), 06 12 34 56 78 (Mobile) »: a list in words, written as the view writes them. */
  private describePhones(phones: readonly Phone[]): string {
    // The region as the view reads it, so that messages and view agree.
    const region = viewRegion(this.defaultRegion);
    return phones
      .map((phone) => {
        const number = formatStoredPhone(phone.number, region) ?? phone.number;
        return `${number} (${typeLabel(phone.type, this.msg.bind(this))})`;
      })
      .join(', ');
  }

  private retryTools = (): void => {
    void this.startEditing();
  };

  private startEditing = async (): Promise<void> => {
    if (this.editPart.awaited) return;
    const kit = await this.editPart.open();
    // Failed: the view says so, with « Réessayer » in the place of « Modifier… », which has the focus.
    if (!kit) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>('#retry-tools')?.focus();
      return;
    }
    const account = this.account;
    if (!account || !this.isConnected) return;
    this.formOpenings++;
    this.rows = kit.rowsFromPhones(account.phones, this.region, kit.tools, () => ++this.lastKey);
    this.listError = undefined;
    this.serverErrorsOnRows = false;
    this.status = undefined;
    this.viewError = undefined;
    this.saveFlow.reset();
    this.editing = true;
    await this.updateComplete;
    const first = this.rows[0];
    (first ? this.numberField(first.key) : this.addButton())?.focus();
  };

  private addRow = async (): Promise<void> => {
    const max = this.kit?.MAX_PHONES;
    if (this.saveFlow.pending || max === undefined) return;
    if (this.rows.length >= max) {
      // The button stays focusable at the limit (aria-disabled): pressing it says why nothing happens.
      // Seen once, under the button; heard through the form's live region, not in a second (green) box.
      await this.announceInForm(this.msg('phones.maxReached', { max }));
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
    const index = this.rows.findIndex((row) => row.key === key);
    const removed = this.rows[index];
    if (!removed || this.saveFlow.pending) return;
    this.rows = this.rows.filter((row) => row.key !== key);
    const kit = this.kit;
    if (this.listError && kit) {
      const excess = kit.excessCount(kit.checkRows(this.rows, this.region, kit.tools));
      this.listError =
        excess > 0 ? this.msg('phones.error.tooMany', { max: kit.MAX_PHONES, extra: excess }) : undefined;
    }
    const number = removed.draft.trim();
    const type = typeLabel(removed.type, this.msg.bind(this));
    await this.announce(number ? this.msg('phones.removed', { number, type }) : this.msg('phones.removedEmpty'));
    // Focus stays in the list where the row was: on the row that took its place, else on « Ajouter ».
    const next = this.rows[index];
    (next ? this.numberField(next.key) : this.addButton())?.focus();
  };

  private changeType = (key: number, event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    const type = PHONE_TYPES.find((candidate) => candidate === value);
    if (!type) return;
    // Choosing a type is a finished action: its warning, if any, shows at once.
    this.rows = this.rows.map((row) => (row.key === key ? { ...row, type, showFeedback: true } : row));
  };

  private onInput = (key: number, event: Event): void => {
    const kit = this.kit;
    if (!kit) return;
    const tools = kit.tools;
    const draft = kit.formatWhileTyping(event.target as HTMLInputElement, event, this.region, tools);
    const before = kit.checkRows(this.rows, this.region, tools);
    const rows = this.rows.map((row) => (row.key === key ? { ...row, draft, serverError: undefined } : row));
    const after = kit.checkRows(rows, this.region, tools);
    // An error on show follows the corrections and goes when the number is right. A number that showed
    // no error is not judged keystroke by keystroke: only once the person leaves the field again.
    this.rows = rows.map((row, index) => {
      if (row.key !== key) return row;
      const errorWasShown = this.rows[index]?.showFeedback === true && before[index]?.error !== undefined;
      return { ...row, showFeedback: errorWasShown && after[index]?.error !== undefined };
    });
  };

  private onBlur = (key: number, event: FocusEvent): void => {
    const kit = this.kit;
    // A row just removed (its field had the focus) has nothing left to judge.
    if (!this.editing || !kit || this.saveFlow.pending || !this.rows.some((row) => row.key === key)) return;
    const input = event.target as HTMLInputElement;
    const draft = kit.formatOnLeave(input.value, this.region, kit.tools);
    // A pointer pressing one of the form's buttons: that button decides. A message appearing now would push
    // the button down between the press and the release, and the click would be lost. Tab still judges,
    // though the next stop is the row's « Supprimer »: a keyboard user leaving a wrong number hears why.
    const judge = !this.buttonPress.pressing;
    const before = this.rowError(key, kit);
    this.rows = this.rows.map((row) =>
      row.key === key ? { ...row, draft, showFeedback: row.showFeedback || judge } : row,
    );
    // Focus has moved on, so the message tied to the field is not read out with it: say it once.
    const after = this.rowError(key, kit);
    if (after && after !== before) void this.announceInForm(after);
  };

  /** The error a row shows now, in words, or `undefined`. */
  private rowError(key: number, kit: PhoneEditing): string | undefined {
    const index = this.rows.findIndex((row) => row.key === key);
    const row = this.rows[index];
    const error = row?.showFeedback ? kit.checkRows(this.rows, this.region, kit.tools)[index]?.error : undefined;
    return row && error ? kit.rowErrorMessage(error, row.type, this.region, kit.tools, this.msg.bind(this)) : undefined;
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
    const store = this.store;
    const account = this.account;
    const kit = this.kit;
    if (!store || !account || !kit || this.saveFlow.blocked) return;
    const rows = this.rows;
    const checks = kit.checkRows(rows, this.region, kit.tools);
    this.rows = rows.map((row) => (row.showFeedback ? row : { ...row, showFeedback: true }));
    const excess = kit.excessCount(checks);
    this.listError = excess > 0 ? this.msg('phones.error.tooMany', { max: kit.MAX_PHONES, extra: excess }) : undefined;
    const firstInvalid = rows.find((_, index) => checks[index]?.error);
    if (firstInvalid || excess > 0) {
      this.saveFlow.reset();
      this.serverErrorsOnRows = false;
      await this.updateComplete;
      (firstInvalid ? this.numberField(firstInvalid.key) : this.listErrorElement())?.focus();
      return;
    }
    const { phones, sentKeys } = kit.phonesToSave(rows, checks);
    if (kit.samePhones(phones, account.phones)) {
      await this.closeForm(this.msg('phones.unchanged'));
      return;
    }
    this.sentKeys = sentKeys;
    this.serverErrorsOnRows = false;
    const opening = this.formOpenings;
    const outcome = await this.saveFlow.run(async () => {
      await store.update({ phones });
    });
    const formStillOpen = this.editing && opening === this.formOpenings;
    if (outcome === 'saved') {
      const status = this.msg(phones.length > 0 ? 'phones.saved' : 'phones.savedNone');
      if (formStillOpen) await this.closeForm(status);
      else this.status = status;
    } else if (outcome === 'failed') {
      await this.explainFailure(formStillOpen, phones);
    }
  };

  private async explainFailure(formStillOpen: boolean, phones: readonly Phone[]): Promise<void> {
    const error = this.saveFlow.error;
    const account = this.account;
    if (!error || !account) return;
    if (error.kind === 'forbidden' || !formStillOpen) {
      // A 403 means the numbers are not editable for this person: there is nothing to retry in the form. The
      // numbers they typed are not lost with it: the message repeats them, to copy or to pass on.
      this.viewError = this.failureMessage(error, account, formStillOpen ? phones : undefined);
      if (formStillOpen) await this.closeForm();
      // The server knows better than the loaded account what is editable: reload it so the view agrees.
      if (error.kind === 'forbidden') this.retryLoad();
      // Focus only follows a form the person is still in; after « Annuler » the alert speaks for itself.
      if (!formStillOpen) return;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#view-error')?.focus();
      return;
    }
    if (error.kind === 'validation' && error.fieldErrors?.length && this.kit) {
      const firstOnRow = this.placeServerErrors(error, this.kit);
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
  private placeServerErrors(error: SelError, kit: PhoneEditing): number | undefined {
    const { byRow, general } = kit.placeServerErrors(error.fieldErrors ?? [], this.sentKeys);
    const tooMany = general.some((fieldError) => fieldError.code === 'too_many');
    const unexplained = general.filter((fieldError) => fieldError.code !== 'too_many');
    if (tooMany) {
      const extra = Math.max(1, this.sentKeys.length - kit.MAX_PHONES);
      this.listError = this.msg('phones.error.tooMany', { max: kit.MAX_PHONES, extra });
    }
    this.rows = this.rows.map((row) => {
      const code = byRow.get(row.key);
      return code === undefined ? row : { ...row, serverError: code, showFeedback: true };
    });
    this.serverErrorsOnRows = unexplained.length === 0 && (byRow.size > 0 || tooMany);
    return this.rows.find((row) => byRow.has(row.key))?.key;
  }

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
    this.editing = false;
    this.announcement = '';
    this.rows = [];
    this.listError = undefined;
    this.serverErrorsOnRows = false;
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
