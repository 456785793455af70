import {
  css,
  html,
  nothing,
  render,
  type ComplexAttributeConverter,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { SelError } from '../../api/errors.js';
import type { AccountField } from '../../contract/read-account.js';
import type { Account, Section } from '../../contract/schemas.js';
import type { MessageKey } from '../../i18n/messages.js';
import {
  blocksSubmit,
  buildChecklist,
  isChecklistRule,
  type ChecklistItem,
  type StrengthStatus,
} from '../../validation/password-checklist.js';
import { ButtonPress } from '../shared/button-press.js';
import { messageKeyFor } from '../shared/error-messages.js';
import { SaveFlow } from '../shared/save-flow.js';
import { SelSection } from '../shared/sel-section.js';
import { isolatedText, serverText } from '../shared/server-text.js';
import { checklistSummary, renderChecklist } from './checklist.js';
import { passwordExpiry } from './expiry.js';
import { adoptPasswordStyles } from './light-styles.js';
import { passwordRulesFor } from './rules-attribute.js';
import { PasswordStrengthController } from './strength.js';

/** The checklist is announced once typing pauses this long: a screen reader hears a summary, not each key. */
export const SUMMARY_DELAY_MS = 1000;

type PasswordField = 'current' | 'new' | 'confirm';
type Passwords = Record<PasswordField, string>;

const NO_PASSWORDS: Readonly<Passwords> = { current: '', new: '', confirm: '' };
const ALL_HIDDEN: Readonly<Record<PasswordField, boolean>> = { current: false, new: false, confirm: false };

/** `strength-words="poitiers, univ-poitiers, ent"`: a comma-separated list in the attribute. */
const wordList: ComplexAttributeConverter<string[]> = {
  fromAttribute: (value) =>
    (value ?? '')
      .split(',')
      .map((word) => word.trim())
      .filter((word) => word !== ''),
  toAttribute: (words: string[]) => words.join(', '),
};

/** The form's ids live in the page's id space: each element gets its own prefix, so two never collide. */
let instances = 0;

/**
 * The « Authentification » section: « Changer de mot de passe… » opens a form with the current password,
 * the new one and its confirmation, the policy as a checklist that follows the typing, and a zxcvbn
 * strength meter whose dictionaries load the first time a password field gets focus. Scores run in a Web
 * Worker, so that typing never waits for them; where the page forbids workers, on the main thread once
 * typing pauses. The form itself is part of the element: only the strength scorer and its dictionaries,
 * heavy data that renders nothing, wait for that first focus.
 *
 * The form lives in the element's light DOM (in the `form` slot), so that password managers (Bitwarden,
 * 1Password, KeePassXC, the browser's own) and `<label for>` reach its inputs; its styles travel with the
 * element (adopted into the element's root, scoped by the tag name, and heavier than the page's own rules
 * for forms). Light-DOM pieces carry `sel-pc-*` classes for portals that restyle them beyond the custom
 * properties (a page rule must outweigh `sel-password-change:not(#\#) .sel-pc-…`): `sel-pc-form`,
 * `sel-pc-field`, `sel-pc-label`, `sel-pc-input`, `sel-pc-toggle`, `sel-pc-rules`, `sel-pc-rule`,
 * `sel-pc-strength`, `sel-pc-meter`, `sel-pc-button`, `sel-pc-confirm`, `sel-pc-message`.
 *
 * When the directory says when the password expires (`passwordExpiresAt`), the section says so, with a warning
 * once the date is within `passwordExpiryWarningDays` (14 days without it), and plainly once it is past. After
 * an administrator's reset (`passwordMustChange`) the form opens by itself and the section says why. A
 * refusal because the directory locked the account (`account_locked`) says when to try again.
 *
 * Passwords never reach an attribute, an event, a log or storage; they are dropped after a success, on
 * « Annuler » or Escape, and when the element leaves the page.
 *
 * @summary Change the account's password, with the policy shown live, a strength meter, and password managers that work.
 * @tag sel-password-change
 *
 * @fires {CustomEvent<{ section: 'password' }>} sel-saved - The backend accepted the new password.
 * @fires {CustomEvent<{ section: 'password', operation: 'load' | 'save', kind: string, status?: number, code?: string }>} sel-error - A load or a save failed.
 * @fires {CustomEvent<{}>} sel-unauthorized - The backend answered 401: the portal should send the person to log in again.
 *
 * @slot form - Reserved: the element renders its password form here, in its light DOM. Put nothing in it.
 *
 * @csspart section - The box around the whole section.
 * @csspart heading - The section title.
 * @csspart advice - The advice on passwords (strong, never shared, log out when leaving).
 * @csspart changed-at - When the password was last changed.
 * @csspart expiry - When the password expires, a warning when that is close, or that it has expired.
 * @csspart must-change - Why the form is open: an administrator reset the password.
 * @csspart button - Buttons in the shadow root.
 * @csspart open-button - « Changer de mot de passe… ».
 * @csspart message - Status, loading, "managed elsewhere" and error messages outside the form.
 *
 * @cssprop --sel-color-confirm - Background of « Valider » (default #18753c).
 * @cssprop --sel-color-confirm-text - Text of « Valider » (default #ffffff).
 * @cssprop --sel-color-accent - Links, buttons and the pressed show/hide toggles (default #000091).
 * @cssprop --sel-color-error - Error messages, unmet rules, a weak password on the meter (default #ce0500).
 * @cssprop --sel-color-warning - A fair password on the meter (default #b34000).
 * @cssprop --sel-color-success - Success messages, met rules, a strong password on the meter (default #18753c).
 * @cssprop --sel-color-text - Text (default #1b1b1b).
 * @cssprop --sel-color-muted - Secondary text, rules not judged yet (default #525252).
 * @cssprop --sel-color-border - Field borders and the meter's track (default #767676).
 * @cssprop --sel-color-section-border - The border of the section box (default #dddddd).
 * @cssprop --sel-color-surface - Background (default #ffffff).
 * @cssprop --sel-color-focus - The focus ring (default #0a76f6).
 * @cssprop --sel-font-family - Font (default: inherited from the page).
 * @cssprop --sel-font-size - Base font size (default 1rem).
 * @cssprop --sel-heading-size - Size of the section title (default 1.25rem).
 * @cssprop --sel-radius - Corner radius (default 4px).
 * @cssprop --sel-space - Base spacing (default 1rem).
 */
export class SelPasswordChange extends SelSection {
  static override styles = [
    SelSection.styles,
    // `.message.warning`: an expiry close, or a reset to act on; in the text colour, so that it reads.
    css`
      .advice {
        max-width: 48rem;
      }
      ::slotted([slot='form']) {
        display: block;
      }
      .message.warning {
        border-left-color: var(--sel-color-warning, #b34000);
        background: var(--sel-color-warning-background, #fff8f0);
      }
    `,
  ];

  protected readonly section: Section = 'password';
  protected readonly titleKey: MessageKey = 'password.title';
  protected readonly accountFields: readonly AccountField[] = [
    'uid',
    'givenName',
    'surname',
    'passwordPolicy',
    'passwordChangedAt',
  ];

  /**
   * Words a password should not be built on, besides the person's login and names (which the element
   * adds itself): the university's name, its city, the portal's name. Attribute: comma-separated.
   */
  @property({ attribute: 'strength-words', converter: wordList }) userWords: string[] = [];

  @state() private opened = false;
  /** How a save ended once its form was closed, said in the section. */
  @state() private viewStatus: string | undefined;
  @state() private viewError: string | undefined;

  /** What the person typed. Kept across every failure; emptied on success, on closing and on removal. */
  @state() private values: Passwords = { ...NO_PASSWORDS };
  @state() private shown = { ...ALL_HIDDEN };
  /** A submit was tried: every field's problem shows from now on, not only the ones already left. */
  @state() private attempted = false;
  /** The confirmation was left filled in once: a mismatch shows before any submit. */
  @state() private confirmTouched = false;
  /** The server said the current password is wrong, and the person has not changed it since. */
  @state() private currentRejected = false;
  /**
   * The server refused the new password still in the field (`policy_violation`): its codes, and its own
   * words when it names no rule this element knows.
   */
  @state() private refusal: { violations: readonly string[]; detail: string | undefined } | undefined;
  @state() private succeeded = false;
  /** Waiting for the strength score before sending. */
  @state() private checking = false;
  /** The checklist in one sentence, for the polite live region, set once typing pauses. */
  @state() private summary = '';

  private readonly saveFlow = new SaveFlow(this, () => this.section);
  private readonly strength = new PasswordStrengthController(this);
  private readonly buttonPress = new ButtonPress();
  private readonly idPrefix = `sel-password-change-${++instances}`;
  /** The light-DOM child the form is rendered into; created on first connection, never in the constructor. */
  private formContainer: HTMLDivElement | undefined;
  /** Counts openings and closings, so that a save that ends after its form was closed leaves a newer one alone. */
  private formGeneration = 0;
  /** The form was opened once because the password must change: after « Annuler » it stays closed. */
  private openedForReset = false;
  private summaryTimer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.formContainer) {
      this.formContainer = document.createElement('div');
      this.formContainer.slot = 'form';
      this.formContainer.className = 'sel-pc-container';
    }
    if (this.formContainer.parentNode !== this) this.append(this.formContainer);
    window.addEventListener('pagehide', this.onPageHide);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.onPageHide);
    this.formGeneration++;
    this.forget();
    this.opened = false;
    // At once, not at the next update: a removed element must not keep filled inputs in its subtree.
    if (this.formContainer) render(nothing, this.formContainer, { host: this });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Before this render, not after it: the form shows in the same update as the account.
    this.openIfMustChange();
    // The page changed language while the meter was in use: its advice must follow.
    const prepared = this.strength.preparedLanguage;
    if (this.opened && prepared && prepared !== this.i18n.language) this.prepareStrength();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const container = this.formContainer;
    if (!container) return;
    const root = this.getRootNode() as Document | ShadowRoot;
    // At each render of the open form: a page that replaces its adopted sheets must not leave it unstyled.
    if (this.opened) adoptPasswordStyles(root);
    const active = root.activeElement;
    const focused = active instanceof HTMLElement && container.contains(active) ? active : null;
    const account = this.account;
    render(this.opened && account?.editable.password ? this.renderForm(account) : nothing, container, { host: this });
    // The focused node left with this render (the 429 message once the wait is over): focus must not fall
    // back to the top of the page.
    if (focused && !focused.isConnected && this.opened) this.focusFallback();
  }

  // ── The section ─────────────────────────────────────────────────────────────────────────────────────

  protected renderAccount(account: Account): TemplateResult {
    const changedAt = account.passwordChangedAt;
    const editable = account.editable.password;
    return html`<p class="advice" part="advice">${this.msg('password.advice')}</p>
      ${
        changedAt
          ? html`<p class="muted" part="changed-at">
              ${this.msg('password.changedAt', { date: this.i18n.formatDate(changedAt) })}
            </p>`
          : nothing
      }
      ${this.renderExpiry(account)}
      ${
        editable && account.passwordMustChange && this.opened
          ? html`<p class="message warning" part="message must-change">${this.msg('password.mustChange')}</p>`
          : nothing
      }
      ${
        editable
          ? html`${
                this.opened
                  ? nothing
                  : html`<div class="actions">
                      <button type="button" part="button open-button" @click=${this.open}>
                        ${this.msg('password.open')}
                      </button>
                    </div>`
              } <slot name="form"></slot>`
          : html`<p class="message info" part="message">${this.msg('password.notEditable')}</p>`
      }
      ${this.viewError ? html`<p class="message error" role="alert" part="message">${this.viewError}</p>` : nothing}
      <div class="message success" role="status" part="message">${this.viewStatus ?? nothing}</div>`;
  }

  private renderExpiry(account: Account): TemplateResult | typeof nothing {
    const expiry = passwordExpiry(account);
    if (!expiry) return nothing;
    const date = this.i18n.formatDate(expiry.expiresAt);
    switch (expiry.state) {
      case 'expired':
        return html`<p class="message error" part="message expiry">${this.msg('password.expired', { date })}</p>`;
      case 'soon': {
        const key = expiry.daysLeft === 1 ? 'password.expiresSoon.one' : 'password.expiresSoon.other';
        return html`<p class="message warning" part="message expiry">
          ${this.msg(key, { days: expiry.daysLeft, date })}
        </p>`;
      }
      case 'later':
        return html`<p class="muted" part="expiry">${this.msg('password.expiresAt', { date })}</p>`;
    }
  }

  // ── The form, in the light DOM ──────────────────────────────────────────────────────────────────────

  /**
   * The form, with the login first, for password managers to file the new password under the right account:
   * out of sight, out of the tab order and of the accessibility tree, but not `type="hidden"`, which managers
   * ignore.
   */
  private renderForm(account: Account): TemplateResult {
    return html`<form
      class="sel-pc-form"
      method="post"
      novalidate
      aria-label=${this.msg('password.formName')}
      @submit=${this.submit}
      @keydown=${this.onKeydown}
      @focusin=${this.onFocusIn}
      @focusout=${this.onFocusOut}
      @pointerdown=${this.buttonPress.onPointerDown}
    >
      <div class="sel-pc-visually-hidden" aria-hidden="true">
        <label for=${this.idOf('username')}>${this.msg('password.username')}</label>
        <input
          class="sel-pc-username"
          id=${this.idOf('username')}
          name="username"
          type="text"
          autocomplete="username"
          readonly
          tabindex="-1"
          .value=${account.uid}
        />
      </div>
      ${this.succeeded ? this.renderSuccess() : this.renderFields(account)}
    </form>`;
  }

  private renderFields(account: Account): TemplateResult {
    const items = this.checklist(account);
    const busy = this.saveFlow.pending ? 'common.saving' : this.checking ? 'password.checking' : undefined;
    const msg = (key: MessageKey, params?: Record<string, string | number>) => this.msg(key, params);
    return html`${this.renderField(account, 'current', items)} ${this.renderField(account, 'new', items)}
      ${renderChecklist(items, this.idOf('rules-title'), this.idOf('rules'), msg)}
      ${this.strength.render(this.values.new !== '', this.idOf('strength-label'), msg)}
      ${this.renderField(account, 'confirm', items)}
      <p class="sel-pc-visually-hidden" role="status">${busy ? this.msg(busy) : this.summary}</p>
      ${this.renderFormError()}
      ${
        /* Seen here, heard through the status above: a live region must be on the page before its text. */
        busy ? html`<p class="sel-pc-message sel-pc-muted" aria-hidden="true">${this.msg(busy)}</p>` : nothing
      }
      <div class="sel-pc-actions">
        <button
          type="submit"
          class="sel-pc-button sel-pc-confirm"
          aria-disabled=${this.saveFlow.blocked || this.checking ? 'true' : 'false'}
        >
          ${this.msg('common.save')}
        </button>
        <button type="button" class="sel-pc-button sel-pc-cancel" @click=${this.cancel}>
          ${this.msg('common.cancel')}
        </button>
      </div>`;
  }

  /**
   * One field: its `<label for>`, the input, the show/hide toggle and the error tied to the input. The value
   * is bound as a property (`.value`): a password never becomes an attribute. `autocomplete` says what
   * password managers and browsers recognise: `new-password` twice, as the HTML spec intends.
   */
  private renderField(account: Account, field: PasswordField, items: readonly ChecklistItem[]): TemplateResult {
    const inputId = this.idOf(field);
    const errorId = this.idOf(`${field}-error`);
    const label = this.msg(`password.field.${field}`);
    const error = this.fieldError(field, items);
    const shown = this.shown[field];
    // The error first, then the checklist for the new password.
    const describedBy = [error && errorId, field === 'new' && this.idOf('rules')].filter(Boolean).join(' ');
    return html`<div class="sel-pc-field" data-field=${field}>
      <label class="sel-pc-label" for=${inputId}>${label}</label>
      <div class="sel-pc-control">
        <input
          class="sel-pc-input"
          id=${inputId}
          name=${`${field}-password`}
          type=${shown ? 'text' : 'password'}
          autocomplete=${field === 'current' ? 'current-password' : 'new-password'}
          spellcheck="false"
          autocapitalize="none"
          autocorrect="off"
          required
          passwordrules=${ifDefined(field === 'current' ? undefined : passwordRulesFor(account.passwordPolicy))}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy || undefined)}
          .value=${live(this.values[field])}
          @input=${(event: Event) => this.onInput(field, event)}
          @change=${(event: Event) => this.onInput(field, event)}
        />
        <button
          type="button"
          class="sel-pc-button sel-pc-toggle"
          aria-pressed=${shown ? 'true' : 'false'}
          @click=${() => (this.shown = { ...this.shown, [field]: !shown })}
        >
          ${this.msg('password.show')}<span class="sel-pc-visually-hidden">
            ${this.msg('password.showWhich', { field: label })}</span
          >
        </button>
      </div>
      <p class="sel-pc-field-error" id=${errorId}>${error ?? nothing}</p>
    </div>`;
  }

  private fieldError(field: PasswordField, items: readonly ChecklistItem[]): string | undefined {
    const { current, new: next, confirm } = this.values;
    const attempted = this.attempted;
    switch (field) {
      case 'current':
        if (this.currentRejected) return this.msg('password.error.wrongCurrent');
        return attempted && current === '' ? this.msg('password.error.currentMissing') : undefined;
      case 'new': {
        const refusal = this.refusal;
        if (refusal?.detail) return this.msg('password.error.policyDetail', { detail: isolatedText(refusal.detail) });
        // Nothing to point at in the list: no code this element knows, and no words from the server.
        if (refusal) {
          return this.msg(
            refusal.violations.some(isChecklistRule) ? 'password.error.policy' : 'password.error.policyNoReason',
          );
        }
        if (!attempted) return undefined;
        if (next === '') return this.msg('password.error.newMissing');
        return items.some((item) => item.state === 'unmet') ? this.msg('password.error.rulesUnmet') : undefined;
      }
      case 'confirm':
        if (confirm === '') return attempted ? this.msg('password.error.confirmMissing') : undefined;
        return (attempted || this.confirmTouched) && confirm !== next ? this.msg('password.error.mismatch') : undefined;
    }
  }

  /** Failures that are not about one field: said once, above « Valider », and focused. */
  private renderFormError(): TemplateResult | typeof nothing {
    const { error, retryInSeconds } = this.saveFlow;
    const wrapper = (content: unknown) =>
      html`<div class="sel-pc-message sel-pc-error" role="alert" tabindex="-1" id=${this.idOf('form-error')}>
        ${content}
      </div>`;
    // The countdown is not live: announcing every second would drown everything else.
    if (retryInSeconds > 0) {
      return wrapper(html`<span aria-live="off">${this.msg('error.rateLimited', { seconds: retryInSeconds })}</span>`);
    }
    if (!error || isWrongCurrentPassword(error) || isPolicyViolation(error)) return nothing;
    const detail = error.kind === 'validation' ? error.detail : undefined;
    return wrapper(html`${this.errorText(error)} ${detail === undefined ? nothing : serverText(detail)}`);
  }

  private renderSuccess(): TemplateResult {
    return html`<div class="sel-pc-message sel-pc-success" role="status" tabindex="-1" id=${this.idOf('saved')}>
        <p>${this.msg('password.saved')}</p>
        <p>${this.msg('password.savedAdvice')}</p>
      </div>
      <div class="sel-pc-actions">
        <button type="button" class="sel-pc-button sel-pc-close" @click=${this.cancel}>
          ${this.msg('password.close')}
        </button>
      </div>`;
  }

  // ── Handlers ────────────────────────────────────────────────────────────────────────────────────────

  /** « Changer de mot de passe… »: a fresh form, focus on « Ancien mot de passe ». */
  private open = async (): Promise<void> => {
    this.viewStatus = undefined;
    this.viewError = undefined;
    this.saveFlow.reset();
    this.forget();
    this.formGeneration++;
    this.opened = true;
    await this.updateComplete;
    this.input('current')?.focus();
  };

  /**
   * An administrator reset the password: the section opens on the form. Focus is left where it is, since a
   * page of several sections must not jump to this one on load; the reason is said above the form.
   */
  private openIfMustChange(): void {
    const account = this.account;
    if (this.openedForReset || this.opened || !account?.passwordMustChange || !account.editable.password) return;
    this.openedForReset = true;
    this.formGeneration++;
    this.opened = true;
  }

  /** « Annuler », « Fermer », Escape. */
  private cancel = (): void => {
    void this.close();
  };

  private onKeydown = (event: KeyboardEvent): void => {
    // An input method closing its candidates, or a password manager's own menu, is not « Annuler ».
    if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
    event.preventDefault();
    void this.close();
  };

  private onFocusIn = (event: FocusEvent): void => {
    if (event.target instanceof HTMLInputElement && event.target.classList.contains('sel-pc-input')) {
      this.prepareStrength(true);
    }
  };

  private onFocusOut = (event: FocusEvent): void => {
    const target = event.target;
    // A pointer pressing « Valider »: the mismatch shown now would push it down under the pointer before the
    // release, and the click would be lost. The submit says it anyway; leaving with Tab still shows it.
    if (this.buttonPress.pressing) return;
    if (target instanceof HTMLInputElement && target.id === this.idOf('confirm') && target.value !== '') {
      this.confirmTouched = true;
    }
  };

  private onInput(field: PasswordField, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    // `change` follows `input` with the same value; a password manager may send either alone.
    if (value === this.values[field]) return;
    this.values = { ...this.values, [field]: value };
    if (field === 'current') this.currentRejected = false;
    if (field === 'new') this.refusal = undefined;
    // A field filled without focus (a password manager) still deserves a meter.
    this.prepareStrength();
    // The current password is one of the words the new one should not be built on.
    if (field !== 'confirm') this.rescore();
    this.scheduleSummary();
  }

  /**
   * The page is left: a password shown as text would be saved with the page's form state in the browser's
   * session history (and restored on « back »), which it never does for a password field. Hidden at once,
   * not at the next update: the state is saved before the next frame.
   */
  private onPageHide = (): void => {
    for (const input of this.inputs()) input.type = 'password';
    this.shown = { ...ALL_HIDDEN };
  };

  // ── Saving ──────────────────────────────────────────────────────────────────────────────────────────

  private submit = async (event: SubmitEvent): Promise<void> => {
    // First of all: a form left to submit itself would send the passwords to the page's own URL.
    event.preventDefault();
    const { store, account, saveFlow } = this;
    if (!store || !account || saveFlow.blocked || this.checking) return;
    this.readInputs();
    this.attempted = true;
    const generation = this.formGeneration;
    // From now on the live region says what the submit does; the checklist summary would only repeat itself.
    this.clearSummary();

    this.checking = true;
    const scored = this.values.new;
    const strength = await this.strength.scoreNow(scored, this.userInputs(), this.i18n.language);
    this.checking = false;
    if (generation !== this.formGeneration) return;
    // Typed on while the score was computed: that score is not this password's; the person submits again.
    if (this.values.new !== scored) {
      this.rescore();
      return;
    }

    // With no score (dictionaries unavailable) the strength rule is left to the server, as `info`.
    const problem = this.firstProblem(this.checklist(account, strength?.score, strength ? 'ready' : 'failed'));
    if (problem) {
      await this.updateComplete;
      this.input(problem)?.focus();
      return;
    }

    const change = { currentPassword: this.values.current, newPassword: this.values.new };
    const outcome = await saveFlow.run(() => store.changePassword(change));
    const error = saveFlow.error;
    if (generation !== this.formGeneration) {
      // Closed (« Annuler », Escape) while the request ran: say how it ended, and leave focus where it is.
      if (outcome === 'saved') this.viewStatus = this.msg('password.saved');
      else if (error) this.viewError = this.errorText(error);
      return;
    }
    if (outcome === 'saved') {
      this.dropSecrets();
      this.succeeded = true;
      await this.updateComplete;
      this.formContainer?.querySelector<HTMLElement>(`#${this.idOf('saved')}`)?.focus();
    } else if (outcome === 'failed' && error) {
      await this.showFailure(error);
    }
  };

  private async showFailure(error: SelError): Promise<void> {
    if (isWrongCurrentPassword(error)) {
      this.currentRejected = true;
      await this.updateComplete;
      this.input('current')?.focus();
    } else if (isPolicyViolation(error)) {
      const violations = error.violations ?? [];
      const unknown = violations.length === 0 || violations.some((code) => !isChecklistRule(code));
      this.refusal = { violations, detail: unknown ? error.detail : undefined };
      await this.updateComplete;
      this.input('new')?.focus();
    } else {
      await this.updateComplete;
      this.formContainer?.querySelector<HTMLElement>(`#${this.idOf('form-error')}`)?.focus();
    }
  }

  // ── State changes ───────────────────────────────────────────────────────────────────────────────────

  private async close(): Promise<void> {
    this.formGeneration++;
    this.forget();
    this.opened = false;
    this.saveFlow.reset();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[part~="open-button"]')?.focus();
  }

  /** Forgets every password and every answer: on opening, closing and removal. */
  private forget(): void {
    this.dropSecrets();
    this.succeeded = false;
  }

  /** Forgets every password: the inputs (even ones about to leave the DOM), the state, the meter. */
  private dropSecrets(): void {
    for (const input of this.inputs()) input.value = '';
    this.values = { ...NO_PASSWORDS };
    this.shown = { ...ALL_HIDDEN };
    this.attempted = false;
    this.confirmTouched = false;
    this.currentRejected = false;
    this.refusal = undefined;
    this.checking = false;
    this.strength.clear();
    this.clearSummary();
  }

  /** A password manager may fill the inputs without an event: what is in them is what gets sent. */
  private readInputs(): void {
    const read = (field: PasswordField) => this.input(field)?.value ?? this.values[field];
    const values = { current: read('current'), new: read('new'), confirm: read('confirm') };
    const fields = Object.keys(values) as PasswordField[];
    if (fields.some((field) => values[field] !== this.values[field])) this.values = values;
  }

  /**
   * Loads the dictionaries of the page language unless they are loaded or on their way. After a failed
   * download, `retry` (a field just got focus) tries again; a keystroke does not, or the meter would flicker
   * between « Chargement… » and « indisponible » at every key while the network is down.
   */
  private prepareStrength(retry = false): void {
    const meter = this.strength;
    const language = this.i18n.language;
    if (meter.preparedLanguage === language && (meter.status !== 'failed' || !retry)) return;
    void meter.prepare(language).then(() => this.rescore());
  }

  private rescore(): void {
    this.strength.schedule(this.values.new, this.userInputs());
  }

  private scheduleSummary(): void {
    clearTimeout(this.summaryTimer);
    this.summaryTimer = setTimeout(() => {
      this.summaryTimer = undefined;
      const account = this.account;
      this.summary =
        account && this.values.new !== ''
          ? checklistSummary(this.checklist(account), this.strength.result, (key, params) => this.msg(key, params))
          : '';
    }, SUMMARY_DELAY_MS);
  }

  private clearSummary(): void {
    clearTimeout(this.summaryTimer);
    this.summaryTimer = undefined;
    this.summary = '';
  }

  /** Where focus goes when the node that had it is gone from the open form. */
  private focusFallback(): void {
    const save = this.formContainer?.querySelector<HTMLButtonElement>('button.sel-pc-confirm');
    const target =
      save && save.getAttribute('aria-disabled') !== 'true'
        ? save
        : (this.input('current') ?? this.formContainer?.querySelector<HTMLElement>(`#${this.idOf('saved')}`));
    target?.focus();
  }

  // ── Derived values ──────────────────────────────────────────────────────────────────────────────────

  /** The words the new password should not be built on. */
  private userInputs(): string[] {
    const account = this.account;
    const words = [account?.uid, account?.givenName, account?.surname, ...this.userWords, this.values.current];
    return words.filter((word): word is string => typeof word === 'string' && word !== '');
  }

  private checklist(
    account: Account,
    score = this.strength.result?.score,
    strengthStatus: StrengthStatus = this.strength.status,
  ): ChecklistItem[] {
    return buildChecklist({
      policy: account.passwordPolicy,
      personal: account,
      newPassword: this.values.new,
      currentPassword: this.values.current,
      score,
      strengthStatus,
      serverViolations: this.refusal?.violations ?? [],
    });
  }

  /** Where a submit stops, in the order the fields are read. */
  private firstProblem(items: readonly ChecklistItem[]): PasswordField | undefined {
    const { current, new: next, confirm } = this.values;
    if (current === '' || this.currentRejected) return 'current';
    if (next === '' || items.some((item) => blocksSubmit(item))) return 'new';
    if (confirm !== next) return 'confirm';
    return undefined;
  }

  private errorText(error: SelError): string {
    if (error.kind !== 'forbidden') return this.msg(messageKeyFor(error), { seconds: this.saveFlow.retryInSeconds });
    if (error.code !== 'account_locked') return this.msg('password.error.notAllowed');
    // The lock in words: the clock time to try again at (a countdown would mean little over many minutes).
    const seconds = error.retryAfterSeconds;
    if (seconds === undefined) return this.msg('password.error.lockedNoRetry');
    const time = new Intl.DateTimeFormat(this.i18n.language === 'fr' ? 'fr-FR' : 'en-GB', {
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(Date.now() + seconds * 1000));
    return this.msg('password.error.locked', { time, minutes: Math.max(1, Math.ceil(seconds / 60)) });
  }

  /** An id of the open form, unique in the page. */
  private idOf(name: string): string {
    return `${this.idPrefix}-${name}`;
  }

  private inputs(): Iterable<HTMLInputElement> {
    return this.formContainer?.querySelectorAll<HTMLInputElement>('input.sel-pc-input') ?? [];
  }

  private input(field: PasswordField): HTMLInputElement | null {
    return this.formContainer?.querySelector<HTMLInputElement>(`#${this.idOf(field)}`) ?? null;
  }
}

function isWrongCurrentPassword(error: SelError): boolean {
  return (
    error.kind === 'validation' &&
    (error.code === 'wrong_current_password' ||
      (error.fieldErrors ?? []).some((fieldError) => fieldError.code === 'wrong_current_password'))
  );
}

function isPolicyViolation(error: SelError): boolean {
  return error.kind === 'validation' && error.code === 'policy_violation';
}
