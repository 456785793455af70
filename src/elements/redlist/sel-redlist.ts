import { css, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { AccountField } from '../../contract/read-account.js';
import type { Account, Section } from '../../contract/schemas.js';
import type { MessageKey } from '../../i18n/messages.js';
import { renderDirectoryHint } from '../shared/directory-hint.js';
import { messageKeyFor } from '../shared/error-messages.js';
import { SaveFlow } from '../shared/save-flow.js';
import { SelSection } from '../shared/sel-section.js';

/**
 * The « Liste rouge » section: whether the person appears in the university's public directory.
 * `redList: true` in the account means they do NOT appear.
 *
 * @summary Choose whether to appear in the public directory (liste rouge).
 * @tag sel-redlist
 *
 * @fires {CustomEvent<{ section: 'redList' }>} sel-saved - The backend accepted the new choice.
 * @fires {CustomEvent<{ section: 'redList', operation: 'load' | 'save', kind: string, status?: number, code?: string }>} sel-error - A load or a save failed.
 * @fires {CustomEvent<{}>} sel-unauthorized - The backend answered 401: the portal should send the person to log in again.
 *
 * @csspart section - The box around the whole section.
 * @csspart heading - The section title.
 * @csspart form - The edit form.
 * @csspart field - The radio group.
 * @csspart notice - The legal notice.
 * @csspart button - Every button.
 * @csspart edit-button - « Modifier… ».
 * @csspart confirm-button - The green « Valider ».
 * @csspart message - Status, loading and error messages.
 * @csspart hint - The directory correspondent hint.
 * @csspart link - Links.
 *
 * @cssprop --sel-color-confirm - Background of « Valider » (default #18753c).
 * @cssprop --sel-color-confirm-text - Text of « Valider » (default #ffffff).
 * @cssprop --sel-color-accent - Links, buttons and the radio buttons (default #000091).
 * @cssprop --sel-color-error - Error messages (default #ce0500).
 * @cssprop --sel-color-success - Success messages (default #18753c).
 * @cssprop --sel-color-text - Text (default #1b1b1b).
 * @cssprop --sel-color-muted - Secondary text (default #525252).
 * @cssprop --sel-color-border - Field borders (default #767676).
 * @cssprop --sel-color-section-border - The border of the section box (default #dddddd).
 * @cssprop --sel-color-surface - Background (default #ffffff).
 * @cssprop --sel-color-focus - The focus ring (default #0a76f6).
 * @cssprop --sel-font-family - Font (default: inherited from the page).
 * @cssprop --sel-font-size - Base font size (default 1rem).
 * @cssprop --sel-heading-size - Size of the section title (default 1.25rem).
 * @cssprop --sel-radius - Corner radius (default 4px).
 * @cssprop --sel-space - Base spacing (default 1rem).
 */
export class SelRedlist extends SelSection {
  static override styles = [
    SelSection.styles,
    css`
      .notice {
        font-size: 0.9375em;
        color: var(--_muted);
        margin-top: 0.5rem;
      }
      .pending:empty {
        margin: 0;
      }
    `,
  ];

  protected readonly section: Section = 'redList';
  protected readonly titleKey: MessageKey = 'redlist.title';
  protected readonly accountFields: readonly AccountField[] = ['redList'];

  @state() private editing = false;
  /** The person's choice while editing: true = appear in the public directory. Kept across failures. */
  @state() private appear: boolean | undefined;
  /** The last success or "nothing changed" message, announced politely. */
  @state() private status: string | undefined;
  /** A save failure that closed the form (403), shown in view mode. */
  @state() private viewError: string | undefined;

  private readonly saveFlow = new SaveFlow(this, () => this.section);
  /** Counts openings and closings, so that a save that ends after its form was closed leaves a newer one alone. */
  private formGeneration = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.formGeneration++;
    this.editing = false;
  }

  protected renderAccount(account: Account): TemplateResult {
    return html`${this.editing ? this.renderForm(account) : this.renderView(account)}
      <div class="message success" role="status" part="message">${this.status ?? nothing}</div>`;
  }

  private renderView(account: Account): TemplateResult {
    return html`<p>${this.msg(account.redList ? 'redlist.redListed' : 'redlist.listed')}</p>
      ${this.viewError ? html`<p class="message error" role="alert" part="message">${this.viewError}</p>` : nothing}
      ${
        account.editable.redList
          ? html`<div class="actions">
              <button
                type="button"
                part="button edit-button"
                aria-label=${this.msg('redlist.edit')}
                @click=${this.startEditing}
              >
                ${this.msg('common.edit')}
              </button>
            </div>`
          : html`<p>${this.msg('redlist.notEditable')}</p>
              ${renderDirectoryHint(account, (key) => this.msg(key))}`
      }`;
  }

  private renderForm(account: Account): TemplateResult {
    const flow = this.saveFlow;
    const error = flow.error;
    return html`<form part="form" novalidate @submit=${this.submit} @keydown=${this.onKeydown}>
      <fieldset role="radiogroup" aria-labelledby="question" aria-describedby="notice" part="field">
        <legend id="question">${this.msg('redlist.question')}</legend>
        ${this.renderChoice(true, 'redlist.yes')} ${this.renderChoice(false, 'redlist.no')}
      </fieldset>
      <p id="notice" class="notice" part="notice">${this.msg('redlist.notice')}</p>
      ${
        /* The wait outlives the error: a form reopened during it says why « Valider » is disabled. */
        error || flow.retryInSeconds > 0
          ? html`<div class="message error" role="alert" part="message" tabindex="-1" id="save-error">
              ${
                flow.retryInSeconds > 0 || !error
                  ? html`<span aria-live="off"
                      >${this.msg('error.rateLimited', { seconds: flow.retryInSeconds })}</span
                    >`
                  : this.msg(messageKeyFor(error))
              }
              ${
                error?.kind === 'conflict'
                  ? html`<br />${this.msg('redlist.currentValue', {
                        value: this.msg(account.redList ? 'redlist.no' : 'redlist.yes'),
                      })}`
                  : nothing
              }
            </div>`
          : nothing
      }
      <p class="muted pending" role="status">${flow.pending ? this.msg('common.saving') : nothing}</p>
      <div class="actions">
        <button
          type="submit"
          class="confirm"
          part="button confirm-button"
          aria-disabled=${flow.blocked ? 'true' : 'false'}
        >
          ${this.msg('common.save')}
        </button>
        <button type="button" part="button" @click=${this.cancel}>${this.msg('common.cancel')}</button>
      </div>
    </form>`;
  }

  private renderChoice(appear: boolean, label: MessageKey): TemplateResult {
    return html`<label class="choice">
      <input
        type="radio"
        name="appear"
        .value=${appear ? 'yes' : 'no'}
        .checked=${this.appear === appear}
        @change=${() => (this.appear = appear)}
      />
      ${this.msg(label)}
    </label>`;
  }

  private startEditing = async (): Promise<void> => {
    const account = this.account;
    if (!account) return;
    this.appear = !account.redList;
    this.status = undefined;
    this.viewError = undefined;
    this.saveFlow.reset();
    this.formGeneration++;
    this.editing = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
  };

  private cancel = (): void => {
    void this.closeForm();
  };

  private onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      void this.closeForm();
    }
  };

  private submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const store = this.store;
    const account = this.account;
    if (!store || !account || this.appear === undefined || this.saveFlow.blocked) return;
    const redList = !this.appear;
    if (redList === account.redList) {
      await this.closeForm(this.msg('redlist.unchanged'));
      return;
    }
    const generation = this.formGeneration;
    const outcome = await this.saveFlow.run(async () => {
      await store.update({ redList });
    });
    if (generation !== this.formGeneration) {
      // Closed (« Annuler », Escape) while the request ran: say how it ended, and leave focus where it is.
      if (outcome === 'saved') this.status = this.msg(redList ? 'redlist.savedRedListed' : 'redlist.savedListed');
      const error = this.saveFlow.error;
      if (outcome === 'failed' && error) {
        this.viewError = this.msg(messageKeyFor(error), { seconds: this.saveFlow.retryInSeconds });
      }
      return;
    }
    if (outcome === 'saved') {
      await this.closeForm(this.msg(redList ? 'redlist.savedRedListed' : 'redlist.savedListed'));
    } else if (outcome === 'failed' && this.saveFlow.error?.kind === 'forbidden') {
      this.viewError = this.msg('error.forbidden');
      await this.closeForm();
    } else if (outcome === 'failed') {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#save-error')?.focus();
    }
  };

  private async closeForm(status?: string): Promise<void> {
    this.formGeneration++;
    this.editing = false;
    this.appear = undefined;
    this.status = status;
    this.saveFlow.reset();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[part~="edit-button"]')?.focus();
  }
}
