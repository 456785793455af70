import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SelError } from '../../api/errors.js';
import type { AccountField } from '../../contract/read-account.js';
import { PHONE_TYPES, type Account, type Phone, type Section } from '../../contract/schemas.js';
import type { MessageKey } from '../../i18n/messages.js';
import { renderDirectoryHint } from '../shared/directory-hint.js';
import { messageKeyFor } from '../shared/error-messages.js';
import { loadPhoneTools, type PhoneEditing, type PhoneTools } from './loader.js';
import type { PhoneEditor, PhoneEditorHost } from './phone-editor.js';
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
  protected readonly accountFields: readonly AccountField[] = ['phones'];

  /** The rules and the form's row logic, state and markup: downloaded on « Modifier… », fetched ahead (loader.ts). */
  private readonly editPart = new EditPart(this, () => SelPhones.loadPhoneTools(), 'sel-phones');
  @state() private editing = false;
  /** The open form's rows and handlers (phone-editor.ts, in the editing chunk); a new one at each opening. */
  private editor: PhoneEditor | undefined;
  /** Successes, removals and the limit, announced politely. */
  @state() private status: string | undefined;
  /** A save failure shown in view mode: a 403 closes the form, or the form was closed while saving. */
  @state() private viewError: string | undefined;

  private readonly saveFlow = new SaveFlow(this, () => this.section);
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
    const editor = this.editor;
    return html`${this.editing && editor ? editor.render(account) : this.renderView(account)}
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
    this.editor = new kit.PhoneEditor(this.editorHost(), kit.tools);
    this.status = undefined;
    this.viewError = undefined;
    this.saveFlow.reset();
    this.editing = true;
    await this.editor.focusFirst();
  };

  /** What the editor reads and calls: the element's state, its words, and where its messages go. */
  private editorHost(): PhoneEditorHost {
    const msg = this.msg.bind(this);
    return {
      lit: litKit,
      phoneTypes: PHONE_TYPES,
      saveFlow: this.saveFlow,
      buttonPress: this.buttonPress,
      msg,
      region: () => this.region,
      account: () => this.account,
      store: () => this.store,
      updateComplete: () => this.updateComplete,
      root: () => this.renderRoot,
      requestUpdate: () => this.requestUpdate(),
      typeLabel: (type) => typeLabel(type, msg),
      failureMessage: (error, account) => this.failureMessage(error, account),
      isOpen: (editor) => this.editing && this.editor === editor,
      announce: (text) => this.announce(text),
      closeForm: (status) => this.closeForm(status),
      failInView: (error, account, typed) => this.failInView(error, account, typed),
      savedInView: (status) => {
        this.status = status;
      },
    };
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

  private async announce(text: string): Promise<void> {
    // Emptied first, so that the same words twice in a row (two empty lines removed) are announced twice.
    this.status = undefined;
    await this.updateComplete;
    this.status = text;
    await this.updateComplete;
  }

  private async closeForm(status?: string): Promise<void> {
    this.editing = false;
    this.editor = undefined;
    this.status = status;
    this.saveFlow.reset();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[part~="edit-button"]')?.focus();
  }
}
