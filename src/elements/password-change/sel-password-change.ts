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
import type { SelError } from '../../api/errors.js';
import type { AccountField } from '../../contract/read-account.js';
import type { Account, Section } from '../../contract/schemas.js';
import type { MessageKey } from '../../i18n/messages.js';
import { messageKeyFor } from '../shared/error-messages.js';
import { litKit } from '../shared/lit-kit.js';
import { isolatedText, serverText } from '../shared/server-text.js';
import { loadPasswordForm, type PasswordForm } from './form-loader.js';
import { passwordExpiry } from './expiry.js';
import type { PasswordEditor, PasswordEditorHost } from './password-editor.js';
import { ButtonPress } from '../shared/button-press.js';
import { SaveFlow } from '../shared/save-flow.js';
import { SelSection } from '../shared/sel-section.js';

/** The checklist is announced once typing pauses this long: a screen reader hears a summary, not each key. */
export const SUMMARY_DELAY_MS = 1000;

/** `strength-words="poitiers, univ-poitiers, ent"`: a comma-separated list in the attribute. */
const wordList: ComplexAttributeConverter<string[]> = {
  fromAttribute: (value) =>
    (value ?? '')
      .split(',')
      .map((word) => word.trim())
      .filter((word) => word !== ''),
  toAttribute: (words: string[]) => words.join(', '),
};

/**
 * The « Authentification » section: « Changer de mot de passe… » opens a form with the current password,
 * the new one and its confirmation, the policy as a checklist that follows the typing, and a zxcvbn
 * strength meter whose dictionaries load the first time a password field gets focus. Scores run in a Web
 * Worker, so that typing never waits for them; where the page forbids workers, on the main thread once
 * typing pauses. The form's own code (its view, checklist, meter, styles and French) is downloaded when
 * « Changer de mot de passe… » is hovered, focused or pressed; the section says so while it comes, and offers
 * « Réessayer » when it does not.
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
    css`
      .advice {
        max-width: 48rem;
      }
      ::slotted([slot='form']) {
        display: block;
      }
      /* Expiry close, or a reset to act on: in the text colour, so that it reads, with the warning's border. */
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

  /**
   * Where every `<sel-password-change>` gets the form's code: the memoised dynamic import. Tests replace it
   * to hold or fail the download.
   * @internal
   */
  static loadPasswordForm: () => Promise<PasswordForm> = loadPasswordForm;

  /** The form's code, once downloaded (form-loader.ts). */
  @state() private kit: PasswordForm | undefined;
  /** The form's code was asked for (a press, or a section that must open on the form) and is on its way. */
  @state() private formAwaited = false;
  @state() private formFailed = false;
  @state() private opened = false;
  @state() private viewStatus: string | undefined;
  @state() private viewError: string | undefined;

  private readonly saveFlow = new SaveFlow(this, () => this.section);
  private readonly buttonPress = new ButtonPress();
  /** The light-DOM child the form is rendered into; created on first connection, never in the constructor. */
  private formContainer: HTMLDivElement | undefined;
  /** The open form's state and handlers, created with the form's code (password-editor.ts). */
  private editor: PasswordEditor | undefined;
  /** Counts openings and closings, so that a save that ends after its form was closed does not touch a newer one. */
  private formGeneration = 0;
  /** The form was opened once because the password must change: after « Annuler » it stays closed. */
  private openedForReset = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.kit?.adoptPasswordStyles(litKit, this.getRootNode());
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
    this.editor?.reset();
    this.opened = false;
    // At once, not at the next update: a removed element must not keep filled inputs in its subtree.
    if (this.formContainer) render(nothing, this.formContainer, { host: this });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Before this render, not after it: the form shows in the same update as the account.
    this.openIfMustChange();
    if (this.opened) this.editor?.followLanguage();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const container = this.formContainer;
    if (!container) return;
    const root = this.getRootNode() as Document | ShadowRoot;
    // Again while the form is open: a page that replaces its adopted sheets must not leave the form unstyled.
    if (this.opened) this.kit?.adoptPasswordStyles(litKit, root);
    const focused = root.activeElement instanceof HTMLElement && container.contains(root.activeElement);
    const before = focused ? root.activeElement : null;
    render(this.renderLightDom(), container, { host: this });
    // The focused node left with this render (the 429 message once the wait is over): focus must not fall
    // back to the top of the page.
    if (before && !before.isConnected && this.opened) this.editor?.focusFallback();
  }

  // ── Handlers ────────────────────────────────────────────────────────────────────────────────────────

  private open = async (): Promise<void> => {
    if (this.formAwaited) return;
    if (!(await this.loadForm())) {
      // Failed: the section says so, with « Réessayer » in the place of the button, which had the focus.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>('#retry-form')?.focus();
      return;
    }
    if (!this.isConnected) return;
    this.formGeneration++;
    this.editor?.reset();
    this.viewStatus = undefined;
    this.viewError = undefined;
    this.saveFlow.reset();
    this.opened = true;
    await this.updateComplete;
    this.editor?.focus('current');
  };

  /**
   * Hover or focus on « Changer de mot de passe… »: the form's code starts downloading, so that it is usually
   * here by the click. A failure here is not shown: the click tries again and says so if it fails too.
   */
  private prefetchForm = (): void => {
    if (this.kit) return;
    SelPasswordChange.loadPasswordForm().then(
      (kit) => this.useForm(kit),
      () => undefined,
    );
  };

  /** « Réessayer »: the form opens (or, opened by a reset, shows) once its code is here. */
  private retryForm = async (): Promise<void> => {
    if (!this.opened) return this.open();
    if (!(await this.loadForm())) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>('#retry-form')?.focus();
      return;
    }
    await this.updateComplete;
    this.editor?.focus('current');
  };

  /** The page is left: passwords shown as text are hidden before the browser saves the page's form state. */
  private onPageHide = (): void => this.editor?.hideAll();

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
    // The form's code is needed at once; until it is here the section says it is loading.
    void this.loadForm();
  }

  /** The form's code, downloaded once for every `<sel-password-change>`; `undefined` when the download failed. */
  private async loadForm(): Promise<PasswordForm | undefined> {
    if (this.kit) return this.kit;
    this.formAwaited = true;
    this.formFailed = false;
    try {
      const kit = await SelPasswordChange.loadPasswordForm();
      this.useForm(kit);
      return kit;
    } catch (error) {
      console.error('<sel-password-change> could not download its password form.', error);
      this.formFailed = true;
      return undefined;
    } finally {
      this.formAwaited = false;
    }
  }

  private useForm(kit: PasswordForm): void {
    if (this.kit) return;
    this.kit = kit;
    this.editor = new kit.PasswordEditor(this, this.editorHost());
  }

  /** What the form's editor reads and calls: the element's save flow, words and section messages. */
  private editorHost(): PasswordEditorHost {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the getters below read the element
    const element = this;
    return {
      get account() {
        return element.account;
      },
      get store() {
        return element.store;
      },
      get userWords() {
        return element.userWords;
      },
      get language() {
        return element.i18n.language;
      },
      get container() {
        return element.formContainer;
      },
      get generation() {
        return element.formGeneration;
      },
      saveFlow: this.saveFlow,
      buttonPress: this.buttonPress,
      summaryDelayMs: SUMMARY_DELAY_MS,
      msg: (key, params) => this.msg(key, params),
      errorText: (error) => this.errorText(error),
      serverText,
      isolatedText,
      close: () => void this.close(),
      reportAfterClose: (saved, error) => this.reportAfterClose(saved, error),
    };
  }

  // ── State changes ───────────────────────────────────────────────────────────────────────────────────

  private async close(): Promise<void> {
    this.formGeneration++;
    this.editor?.reset();
    this.opened = false;
    this.saveFlow.reset();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[part~="open-button"]')?.focus();
  }

  /** The form was closed while the request ran: say how it ended in the section itself. */
  private reportAfterClose(saved: boolean, error: SelError | undefined): void {
    if (saved) this.viewStatus = this.msg('password.saved');
    else if (error) this.viewError = this.errorText(error);
  }

  // ── Derived values ──────────────────────────────────────────────────────────────────────────────────

  private errorKey(error: SelError): MessageKey {
    return error.kind === 'forbidden' ? 'password.error.notAllowed' : messageKeyFor(error);
  }

  private errorText(error: SelError): string {
    if (error.kind === 'forbidden' && error.code === 'account_locked') return this.lockedText(error.retryAfterSeconds);
    return this.msg(this.errorKey(error), { seconds: this.saveFlow.retryInSeconds });
  }

  /** The lock in words: the clock time to try again at (a countdown would mean little over many minutes). */
  private lockedText(retryAfterSeconds: number | undefined): string {
    if (retryAfterSeconds === undefined) return this.msg('password.error.lockedNoRetry');
    const time = new Intl.DateTimeFormat(this.i18n.language === 'fr' ? 'fr-FR' : 'en-GB', {
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(Date.now() + retryAfterSeconds * 1000));
    return this.msg('password.error.locked', { time, minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) });
  }

  // ── Rendering ───────────────────────────────────────────────────────────────────────────────────────

  protected renderAccount(account: Account): TemplateResult {
    const changedAt = account.passwordChangedAt;
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
        account.passwordMustChange && account.editable.password && this.opened
          ? html`<p class="message warning" part="message must-change">${this.msg('password.mustChange')}</p>`
          : nothing
      }
      ${
        account.editable.password
          ? html`${
                this.opened || this.formFailed
                  ? nothing
                  : html`<div class="actions">
                      <button
                        type="button"
                        part="button open-button"
                        aria-disabled=${this.formAwaited ? 'true' : 'false'}
                        @pointerenter=${this.prefetchForm}
                        @focus=${this.prefetchForm}
                        @click=${this.open}
                      >
                        ${this.msg('password.open')}
                      </button>
                    </div>`
              }
              ${this.renderFormLoading()} <slot name="form"></slot>`
          : html`<p class="message info" part="message">${this.msg('password.notEditable')}</p>`
      }
      ${this.viewError ? html`<p class="message error" role="alert" part="message">${this.viewError}</p>` : nothing}
      <div class="message success" role="status" part="message">${this.viewStatus ?? nothing}</div>`;
  }

  /** While the form's code downloads, and when it could not be: said in the section, not in the form. */
  private renderFormLoading(): TemplateResult | typeof nothing {
    if (this.formAwaited) {
      return html`<p class="muted" role="status" part="message">${this.msg('password.formLoading')}</p>`;
    }
    if (!this.formFailed) return nothing;
    return html`<p class="message error" role="alert" part="message">${this.msg('password.formFailed')}</p>
      <div class="actions">
        <button type="button" part="button" id="retry-form" @click=${this.retryForm}>
          ${this.msg('common.retry')}
        </button>
      </div>`;
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

  /** What goes into the light DOM: the form while open (form-view.ts, in the form's chunk), nothing otherwise. */
  private renderLightDom(): TemplateResult | typeof nothing {
    const account = this.account;
    if (!this.opened || !this.editor || !account?.editable.password) return nothing;
    return this.editor.render(litKit, account);
  }
}
