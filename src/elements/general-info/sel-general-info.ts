import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { SelError } from '../../api/errors.js';
import type { AccountField } from '../../contract/read-account.js';
import type { Account, Section } from '../../contract/schemas.js';
import type { MessageKey } from '../../i18n/messages.js';
import { MAX_WEBSITE_LENGTH, checkWebsite, displayWebsite, safeWebsiteHref } from '../../validation/website.js';
import { ButtonPress } from '../shared/button-press.js';
import { renderDirectoryHint } from '../shared/directory-hint.js';
import { messageKeyFor } from '../shared/error-messages.js';
import { renderSaveError } from '../shared/save-error.js';
import { SaveFlow } from '../shared/save-flow.js';
import { SelSection } from '../shared/sel-section.js';
import { bounded, isolatedText } from '../shared/server-text.js';
import { DETAIL_FIELDS, detailRow, renderDetails, type DetailsContext } from './details.js';
import { generalInfoStyles } from './styles.js';
import { feedbackFor, feedbackFromServer, feedbackMessage, type WebsiteFeedback } from './website-feedback.js';

/**
 * The « Informations générales » section: what the directory knows about the person (name, login, e-mail,
 * affiliations, structures, title, password and account dates), read-only, and their personal website,
 * which they change through « Modifier… » then the green « Valider ». For everything else the person is
 * sent to their directory correspondent.
 *
 * The website is checked before any request (http or https only, a real host, no credentials, 2048
 * characters at most). An address typed without its scheme is not sent as it is: the field offers the
 * `https://` form, which the person accepts with « Utiliser cette adresse ». An empty field removes the
 * website, after a confirmation step.
 *
 * @summary Account information, read-only, with the personal website editable.
 * @tag sel-general-info
 *
 * @fires {CustomEvent<{ section: 'website' }>} sel-saved - The backend accepted the new website (or its removal).
 * @fires {CustomEvent<{ section: 'website', operation: 'load' | 'save', kind: string, status?: number, code?: string }>} sel-error - A load or a save failed.
 * @fires {CustomEvent<{}>} sel-unauthorized - The backend answered 401: the portal should send the person to log in again.
 *
 * @csspart section - The box around the whole section.
 * @csspart heading - The section title.
 * @csspart details - The description list of the account's information.
 * @csspart row - One term and its value.
 * @csspart term - The name of a piece of information (« Nom », « Site web »...).
 * @csspart value - The value of a piece of information.
 * @csspart list - A list of values (affiliations, structures).
 * @csspart link - Links (e-mail, website, directory correspondent).
 * @csspart website-link - The link to the person's website.
 * @csspart form - The website form.
 * @csspart label - The « Site web » label in edit mode.
 * @csspart input - The « Site web » field.
 * @csspart help - The instructions under the field's label.
 * @csspart field-error - The message explaining why the website cannot be saved as typed.
 * @csspart suggestion - The box offering the https:// form of the address.
 * @csspart suggestion-button - « Utiliser cette adresse ».
 * @csspart button - Every button.
 * @csspart edit-button - « Modifier… ».
 * @csspart confirm-button - The green « Valider », which reads « Confirmer la suppression » while a removal awaits confirmation.
 * @csspart cancel-button - « Annuler ».
 * @csspart message - Status, loading, confirmation and error messages.
 * @csspart hint - The directory correspondent hint.
 *
 * @cssprop --sel-color-confirm - Background of « Valider » (default #18753c).
 * @cssprop --sel-color-confirm-text - Text of « Valider » (default #ffffff).
 * @cssprop --sel-color-accent - Links and buttons (default #000091).
 * @cssprop --sel-color-error - Error messages, the invalid field and the removal button (default #ce0500).
 * @cssprop --sel-color-error-background - Background of error messages (default #fff4f3).
 * @cssprop --sel-color-danger-text - Text of « Confirmer la suppression » (default #ffffff).
 * @cssprop --sel-color-success - Success messages (default #18753c).
 * @cssprop --sel-color-success-background - Background of success messages (default #f0faf3).
 * @cssprop --sel-color-text - Text (default #1b1b1b).
 * @cssprop --sel-color-muted - Secondary text (default #525252).
 * @cssprop --sel-color-border - Field borders (default #767676).
 * @cssprop --sel-color-section-border - The border of the section box and between rows (default #dddddd).
 * @cssprop --sel-color-surface - Background (default #ffffff).
 * @cssprop --sel-color-readonly-background - The field while a save is pending (default #f6f6f6).
 * @cssprop --sel-color-focus - The focus ring (default #0a76f6).
 * @cssprop --sel-font-family - Font (default: inherited from the page).
 * @cssprop --sel-font-size - Base font size (default 1rem).
 * @cssprop --sel-heading-size - Size of the section title (default 1.25rem).
 * @cssprop --sel-radius - Corner radius (default 4px).
 * @cssprop --sel-space - Base spacing (default 1rem).
 * @cssprop --sel-term-width - Width of the terms column on wide screens (default 14rem).
 */
export class SelGeneralInfo extends SelSection {
  static override styles = [SelSection.styles, generalInfoStyles];

  protected readonly section: Section = 'website';
  protected readonly titleKey: MessageKey = 'generalInfo.title';
  protected readonly accountFields: readonly AccountField[] = [...DETAIL_FIELDS, 'website'];

  @state() private editing = false;
  /** What the person typed, exactly: kept across every failure, only replaced when they accept a suggestion. */
  @state() private draft = '';
  /** Shown once the person left the field or submitted: typing is not judged keystroke by keystroke. */
  @state() private feedback: WebsiteFeedback | undefined;
  /** The field was emptied and « Valider » pressed once: the next submit removes the website. */
  @state() private confirmingRemoval = false;
  /** The last success or "nothing changed" message, announced politely. */
  @state() private status: string | undefined;
  /** A save failure shown in view mode: a 403 closes the form, or the form was closed while saving. */
  @state() private viewError: string | undefined;
  /** Said to screen readers only: the message that appeared when the person left the field. */
  @state() private announcement = '';

  private readonly saveFlow = new SaveFlow(this, () => this.section);
  /** Counts openings and closings, so that a save that ends after its form was closed leaves a newer one alone. */
  private formGeneration = 0;
  private readonly buttonPress = new ButtonPress();

  private readonly details: DetailsContext = {
    msg: (key, params) => this.msg(key, params),
    formatDate: (iso) => this.i18n.formatDate(iso),
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.formGeneration++;
    this.editing = false;
  }

  protected renderAccount(account: Account): TemplateResult {
    return html`<dl class="details" part="details">
        ${renderDetails(account, this.details)} ${this.renderWebsiteRow(account)}
      </dl>
      ${
        this.viewError
          ? html`<p class="message error" role="alert" part="message" tabindex="-1" id="view-error">
              ${this.viewError}
            </p>`
          : nothing
      }
      <div class="message success" role="status" part="message">${this.status ?? nothing}</div>
      ${renderDirectoryHint(account, (key) => this.msg(key))}`;
  }

  private renderWebsiteRow(account: Account): TemplateResult {
    const label = this.msg('generalInfo.website.label');
    // In edit mode the term itself labels the field: one visible « Site web », which is also its name.
    return this.editing
      ? detailRow(
          html`<label for="website-input" part="label">${label}</label>`,
          this.renderForm(account),
          'website-term',
        )
      : detailRow(label, this.renderWebsite(account), 'website-term');
  }

  private renderWebsite(account: Account): TemplateResult {
    const website = account.website?.trim() ? account.website : null;
    // A link longer than any the form accepts is the backend's mistake: shown cut, never followed.
    const href = website && website.length <= MAX_WEBSITE_LENGTH ? safeWebsiteHref(website) : undefined;
    // A value the server sends that is not an http(s) URL is shown, never followed.
    const value = website
      ? href
        ? html`<a href=${href} part="link website-link" translate="no">${bounded(displayWebsite(website))}</a>`
        : html`<span translate="no">${bounded(displayWebsite(website))}</span>`
      : html`<span class="muted">${this.msg('generalInfo.website.none')}</span>`;
    if (!account.editable.website) {
      return html`${value}
        <p class="muted">${this.msg('generalInfo.website.notEditable')}</p>`;
    }
    return html`${value}
      <div class="actions inline">
        <button
          type="button"
          part="button edit-button"
          aria-label=${this.msg('generalInfo.website.edit')}
          @click=${this.startEditing}
        >
          ${this.msg('common.edit')}
        </button>
      </div>`;
  }

  /** The field, what is wrong with it or the `https://` suggestion, the removal confirmation, the buttons. */
  private renderForm(account: Account): TemplateResult {
    const flow = this.saveFlow;
    const feedback = this.feedback;
    const confirming = this.confirmingRemoval;
    const describedBy = [feedback ? 'website-feedback' : '', confirming ? 'website-removal' : '', 'website-help']
      .filter((id) => id !== '')
      .join(' ');
    return html`<form
      part="form"
      novalidate
      @submit=${this.submit}
      @keydown=${this.onKeydown}
      @pointerdown=${this.buttonPress.onPointerDown}
    >
      <p id="website-help" class="muted help" part="help">${this.msg('generalInfo.website.help')}</p>
      <input
        id="website-input"
        part="input"
        type="url"
        autocomplete="url"
        inputmode="url"
        spellcheck="false"
        autocapitalize="off"
        translate="no"
        .value=${live(this.draft)}
        ?readonly=${flow.pending}
        aria-invalid=${feedback && feedback.kind !== 'suggestion' ? 'true' : 'false'}
        aria-describedby=${describedBy}
        @input=${this.onInput}
        @blur=${this.onBlur}
      />
      ${feedback ? this.renderFeedback(feedback) : nothing}
      ${
        confirming
          ? html`<p id="website-removal" class="message info" part="message">
              ${this.msg('generalInfo.website.confirmRemoval', {
                url: isolatedText(displayWebsite(account.website ?? '')),
              })}
            </p>`
          : nothing
      }
      ${renderSaveError(
        this.saveFlow,
        (key, params) => this.msg(key, params),
        (error) => (feedbackFromServer(error) ? undefined : this.failureMessage(error, account)),
      )}
      <p class="muted pending" role="status" part="message">${flow.pending ? this.msg('common.saving') : nothing}</p>
      <p class="visually-hidden" role="status">${this.announcement}</p>
      <div class="actions">
        <button
          type="submit"
          class=${confirming ? 'danger' : 'confirm'}
          part="button confirm-button"
          aria-describedby=${confirming ? 'website-removal' : nothing}
          aria-disabled=${flow.blocked ? 'true' : 'false'}
        >
          ${this.msg(confirming ? 'generalInfo.website.confirmRemovalButton' : 'common.save')}
        </button>
        <button type="button" part="button cancel-button" @click=${this.cancel}>${this.msg('common.cancel')}</button>
      </div>
    </form>`;
  }

  /** Tied to the field: a problem marks it invalid; the suggestion is information, with its button. */
  private renderFeedback(feedback: WebsiteFeedback): TemplateResult {
    const text = feedbackMessage(feedback, (key, params) => this.msg(key, params));
    if (feedback.kind !== 'suggestion') {
      return html`<p id="website-feedback" class="message error" part="message field-error">${text}</p>`;
    }
    return html`<div class="message info suggestion" part="message suggestion">
      <p id="website-feedback">${text}</p>
      <button
        type="button"
        part="button suggestion-button"
        aria-describedby="website-feedback"
        @click=${() => void this.acceptSuggestion(feedback.value)}
      >
        ${this.msg('generalInfo.website.useSuggestion')}
      </button>
    </div>`;
  }

  /** A failed save that is not about the value itself: said in words, the input untouched above it. */
  /** `typed`: the address the refused save carried, repeated after a 403 since the form it was in closes. */
  private failureMessage(error: SelError, account: Account, typed?: string | null): string {
    if (error.kind === 'conflict') {
      const current = account.website
        ? isolatedText(displayWebsite(account.website))
        : this.msg('generalInfo.website.currentNone');
      return this.msg('generalInfo.website.conflict', { current });
    }
    if (error.kind === 'forbidden') {
      const refused = this.msg('generalInfo.website.forbidden');
      return typed
        ? `${refused} ${this.msg('generalInfo.website.forbiddenTyped', { url: isolatedText(displayWebsite(typed)) })}`
        : refused;
    }
    return this.msg(messageKeyFor(error));
  }

  private startEditing = async (): Promise<void> => {
    const account = this.account;
    if (!account) return;
    this.draft = account.website ?? '';
    this.feedback = undefined;
    this.confirmingRemoval = false;
    this.status = undefined;
    this.viewError = undefined;
    this.saveFlow.reset();
    this.formGeneration++;
    this.editing = true;
    await this.updateComplete;
    this.focusField();
  };

  private onInput = (event: Event): void => {
    this.draft = (event.target as HTMLInputElement).value;
    this.announcement = '';
    this.confirmingRemoval = false;
    // Once a message is shown it follows the correction, so it disappears as soon as the value is right.
    if (this.feedback) this.feedback = feedbackFor(checkWebsite(this.draft));
  };

  private onBlur = (): void => {
    if (!this.editing || this.saveFlow.pending || this.draft.trim() === '') return;
    // A pointer pressing « Valider » or « Annuler »: that button decides. A message appearing now would push
    // the button down between the press and the release, and the click would be lost. Tab still checks.
    if (this.buttonPress.pressing) return;
    const shown = this.feedback;
    this.feedback = feedbackFor(checkWebsite(this.draft));
    // Focus has moved on, so the message tied to the field is not read out with it: say it once.
    const fresh = this.feedback && JSON.stringify(this.feedback) !== JSON.stringify(shown);
    this.announcement =
      fresh && this.feedback ? feedbackMessage(this.feedback, (key, params) => this.msg(key, params)) : '';
  };

  private onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      void this.closeForm();
    }
  };

  private cancel = (): void => {
    void this.closeForm();
  };

  private async acceptSuggestion(value: string): Promise<void> {
    this.draft = value;
    this.feedback = undefined;
    await this.updateComplete;
    this.focusField();
  }

  private submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const store = this.store;
    const account = this.account;
    if (!store || !account || this.saveFlow.blocked) return;
    const check = checkWebsite(this.draft);
    const feedback = feedbackFor(check);
    if (!check.ok || feedback) {
      this.feedback = feedback;
      this.confirmingRemoval = false;
      this.saveFlow.reset();
      await this.updateComplete;
      this.focusField();
      return;
    }
    this.feedback = undefined;
    const website = check.value;
    if (website === account.website || this.draft === account.website) {
      await this.closeForm(this.msg('generalInfo.website.unchanged'));
      return;
    }
    if (website === null && !this.confirmingRemoval) {
      // Removing deletes data: say so and ask once more, on a button named for what it does.
      this.confirmingRemoval = true;
      this.saveFlow.reset();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>('[part~="confirm-button"]')?.focus();
      return;
    }
    const generation = this.formGeneration;
    const outcome = await this.saveFlow.run(async () => {
      await store.update({ website });
    });
    const formStillOpen = generation === this.formGeneration;
    if (outcome === 'saved') {
      const status = website
        ? this.msg('generalInfo.website.saved', { url: isolatedText(displayWebsite(website)) })
        : this.msg('generalInfo.website.removed');
      if (formStillOpen) await this.closeForm(status);
      else this.status = status;
    } else if (outcome === 'failed') {
      await this.explainFailure(formStillOpen, website);
    }
  };

  private async explainFailure(formStillOpen: boolean, website: string | null): Promise<void> {
    const error = this.saveFlow.error;
    const account = this.account;
    if (!error || !account) return;
    if (error.kind === 'forbidden' || !formStillOpen) {
      // A 403 means the website is not editable for this person: there is nothing to retry in the form. The
      // address they typed is not lost with it: the message repeats it, to copy or to pass on.
      this.viewError = this.failureMessage(error, account, formStillOpen ? website : undefined);
      if (formStillOpen) await this.closeForm();
      // The server knows better than the loaded account what is editable: reload it so the view agrees.
      if (error.kind === 'forbidden') this.retryLoad();
      // Focus only follows a form the person is still in; after « Annuler » the alert speaks for itself.
      if (!formStillOpen) return;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#view-error')?.focus();
      return;
    }
    const fieldFeedback = feedbackFromServer(error);
    this.confirmingRemoval = false;
    if (fieldFeedback) {
      this.feedback = fieldFeedback;
      await this.updateComplete;
      this.focusField();
      return;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#save-error')?.focus();
  }

  private async closeForm(status?: string): Promise<void> {
    this.formGeneration++;
    this.editing = false;
    this.draft = '';
    this.feedback = undefined;
    this.confirmingRemoval = false;
    this.status = status;
    this.saveFlow.reset();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[part~="edit-button"]')?.focus();
  }

  private focusField(): void {
    this.renderRoot.querySelector<HTMLInputElement>('#website-input')?.focus();
  }
}
