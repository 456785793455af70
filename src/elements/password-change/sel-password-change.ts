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
import type { Account, Section } from '../../contract/schemas.js';
import { addFrenchMessages } from '../../i18n/catalogs.js';
import type { MessageKey } from '../../i18n/messages.js';
import { messageKeyFor } from '../shared/error-messages.js';
import { litKit } from '../shared/lit-kit.js';
import { isolatedText, serverText } from '../shared/server-text.js';
import type { ChecklistItem, StrengthStatus } from '../../validation/password-checklist.js';
import type { PasswordField } from './field-view.js';
import { nextPasswordFormIds } from './form-ids.js';
import { loadPasswordForm, type PasswordForm } from './form-loader.js';
import type { PasswordFormActions } from './form-view.js';
import { passwordExpiry } from './expiry.js';
import type { PasswordStrengthController } from './strength-controller.js';
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

type PasswordValues = Record<PasswordField, string>;

const NO_PASSWORDS: Readonly<PasswordValues> = { current: '', new: '', confirm: '' };
const ALL_HIDDEN: Readonly<Record<PasswordField, boolean>> = { current: false, new: false, confirm: false };

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
  /** What the person typed. Kept across every failure; emptied on success, cancel and removal. */
  @state() private values: PasswordValues = { ...NO_PASSWORDS };
  @state() private shown: Record<PasswordField, boolean> = { ...ALL_HIDDEN };
  /** A submit was tried: every field's problem shows from now on, not only the ones already left. */
  @state() private attempted = false;
  /** The confirmation was left filled in once: a mismatch shows before any submit. */
  @state() private confirmTouched = false;
  /** The server said the current password is wrong, and the person has not changed it since. */
  @state() private currentRejected = false;
  /** The server's `policy_violation` codes for the new password still in the field. */
  @state() private serverViolations: string[] = [];
  /** The server's words, shown when it names a rule this element does not know. */
  @state() private serverDetail: string | undefined;
  /** The server refused the new password still in the field (`policy_violation`), with or without reasons. */
  @state() private serverRefused = false;
  @state() private succeeded = false;
  /** Waiting for the strength dictionaries before sending. */
  @state() private checking = false;
  /** The checklist in one sentence, for the polite live region, set once typing pauses. */
  @state() private summary = '';
  @state() private viewStatus: string | undefined;
  @state() private viewError: string | undefined;

  private readonly saveFlow = new SaveFlow(this, () => this.section);
  private readonly buttonPress = new ButtonPress();
  /** `msg` as a plain function, for the render helpers in other files. */
  private readonly say = (key: MessageKey, params?: Record<string, string | number>): string => this.msg(key, params);
  /** The form's handlers, handed to its view (form-view.ts) at each render: the same functions every time. */
  private readonly formActions: PasswordFormActions = {
    msg: this.say,
    submit: (event) => void this.submit(event),
    keydown: (event) => this.onKeydown(event),
    focusin: (event) => this.onFocusIn(event),
    focusout: (event) => this.onFocusOut(event),
    pointerdown: (event) => this.buttonPress.onPointerDown(event),
    input: (field, event) => this.onInput(field, event),
    toggle: (field) => this.toggle(field),
    cancel: () => this.cancel(),
  };
  /** Created with the form's code: the meter's state and its engine. */
  private strength: PasswordStrengthController | undefined;
  private readonly ids = nextPasswordFormIds();
  /** The light-DOM child the form is rendered into; created on first connection, never in the constructor. */
  private formContainer: HTMLDivElement | undefined;
  private summaryTimer: ReturnType<typeof setTimeout> | undefined;
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
    this.dropSecrets();
    this.opened = false;
    this.succeeded = false;
    // At once, not at the next update: a removed element must not keep filled inputs in its subtree.
    if (this.formContainer) render(nothing, this.formContainer, { host: this });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Before this render, not after it: the form shows in the same update as the account.
    this.openIfMustChange();
    const prepared = this.strength?.preparedLanguage;
    // The page changed language while the meter was in use: its feedback must follow.
    if (this.opened && prepared && prepared !== this.i18n.language) this.prepareStrength();
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
    if (before && !before.isConnected && this.opened) this.focusFallback();
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
    this.dropSecrets();
    this.succeeded = false;
    this.viewStatus = undefined;
    this.viewError = undefined;
    this.saveFlow.reset();
    this.opened = true;
    await this.updateComplete;
    this.input('current')?.focus();
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
    this.input('current')?.focus();
  };

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
    if (target instanceof HTMLInputElement && target.id === this.ids.input.confirm && target.value !== '') {
      this.confirmTouched = true;
    }
  };

  private onInput(field: PasswordField, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    // `change` follows `input` with the same value; a password manager may send either alone.
    if (value === this.values[field]) return;
    this.values = { ...this.values, [field]: value };
    if (field === 'current') this.currentRejected = false;
    if (field === 'new') {
      this.serverViolations = [];
      this.serverDetail = undefined;
      this.serverRefused = false;
    }
    // A field filled without focus (a password manager) still deserves a meter.
    this.prepareStrength();
    // The current password is one of the words the new one should not be built on.
    if (field !== 'confirm') this.rescore();
    this.scheduleSummary();
  }

  private toggle(field: PasswordField): void {
    this.shown = { ...this.shown, [field]: !this.shown[field] };
  }

  /**
   * The page is left: a password shown as text would be saved with the page's form state in the browser's
   * session history (and restored on « back »), which it never does for a password field. Hidden at once,
   * not at the next update: the state is saved before the next frame.
   */
  private onPageHide = (): void => {
    for (const input of this.formContainer?.querySelectorAll<HTMLInputElement>('input.sel-pc-input') ?? []) {
      input.type = 'password';
    }
    this.shown = { ...ALL_HIDDEN };
  };

  private submit = async (event: SubmitEvent): Promise<void> => {
    // First of all: a form left to submit itself would send the passwords to the page's own URL.
    event.preventDefault();
    const store = this.store;
    const account = this.account;
    const kit = this.kit;
    const meter = this.strength;
    if (!store || !account || !kit || !meter || this.saveFlow.blocked || this.checking) return;
    this.readInputs();
    this.attempted = true;
    const generation = this.formGeneration;
    // From now on the live region says what the submit does; the checklist summary would only repeat itself.
    this.clearSummary();

    this.checking = true;
    const scored = this.values.new;
    const strength = await meter.scoreNow(scored, this.userInputs(), this.i18n.language);
    this.checking = false;
    if (generation !== this.formGeneration) return;
    // Typed on while the score was computed: that score is not this password's; the person submits again.
    if (this.values.new !== scored) {
      this.rescore();
      return;
    }

    // With no score (dictionaries unavailable) the strength rule is left to the server, as `info`.
    const items = this.checklist(kit, account, strength?.score, strength ? 'ready' : 'failed');
    const problem = this.firstProblem(items);
    if (problem) {
      await this.updateComplete;
      this.input(problem)?.focus();
      return;
    }

    const change = { currentPassword: this.values.current, newPassword: this.values.new };
    const outcome = await this.saveFlow.run(() => store.changePassword(change));
    if (generation !== this.formGeneration) {
      this.reportAfterClose(outcome === 'saved', this.saveFlow.error);
      return;
    }
    if (outcome === 'saved') await this.showSuccess();
    else if (outcome === 'failed' && this.saveFlow.error) await this.showFailure(this.saveFlow.error);
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
    // Before the form renders: its French messages came with its code.
    addFrenchMessages(kit.passwordFormFr);
    this.kit = kit;
    this.strength = new kit.PasswordStrengthController(this);
  }

  // ── State changes ───────────────────────────────────────────────────────────────────────────────────

  private async close(): Promise<void> {
    this.formGeneration++;
    this.dropSecrets();
    this.opened = false;
    this.succeeded = false;
    this.saveFlow.reset();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[part~="open-button"]')?.focus();
  }

  private async showSuccess(): Promise<void> {
    this.dropSecrets();
    this.succeeded = true;
    await this.updateComplete;
    this.formContainer?.querySelector<HTMLElement>(`#${this.ids.saved}`)?.focus();
  }

  private async showFailure(error: SelError): Promise<void> {
    if (isWrongCurrentPassword(error)) {
      this.currentRejected = true;
      await this.updateComplete;
      this.input('current')?.focus();
      return;
    }
    if (error.kind === 'validation' && error.code === 'policy_violation') {
      const violations = error.violations ?? [];
      this.serverViolations = violations;
      this.serverRefused = true;
      const known = this.kit?.isChecklistRule ?? (() => false);
      const unknown = violations.length === 0 || violations.some((code) => !known(code));
      this.serverDetail = unknown ? error.detail : undefined;
      await this.updateComplete;
      this.input('new')?.focus();
      return;
    }
    await this.updateComplete;
    this.formContainer?.querySelector<HTMLElement>(`#${this.ids.formError}`)?.focus();
  }

  /** The form was closed while the request ran: say how it ended in the section itself. */
  private reportAfterClose(saved: boolean, error: SelError | undefined): void {
    if (saved) this.viewStatus = this.msg('password.saved');
    else if (error) this.viewError = this.errorText(error);
  }

  /** Forgets every password: the inputs (even ones about to leave the DOM), the state, the meter. */
  private dropSecrets(): void {
    for (const input of this.formContainer?.querySelectorAll<HTMLInputElement>('input.sel-pc-input') ?? []) {
      input.value = '';
    }
    this.values = { ...NO_PASSWORDS };
    this.shown = { ...ALL_HIDDEN };
    this.attempted = false;
    this.confirmTouched = false;
    this.currentRejected = false;
    this.serverViolations = [];
    this.serverDetail = undefined;
    this.serverRefused = false;
    this.checking = false;
    this.strength?.clear();
    this.clearSummary();
  }

  private clearSummary(): void {
    if (this.summaryTimer !== undefined) clearTimeout(this.summaryTimer);
    this.summaryTimer = undefined;
    this.summary = '';
  }

  /** Where focus goes when the node that had it is gone from the open form. */
  private focusFallback(): void {
    const save = this.formContainer?.querySelector<HTMLButtonElement>('button.sel-pc-confirm');
    const target =
      save && save.getAttribute('aria-disabled') !== 'true'
        ? save
        : (this.input('current') ?? this.formContainer?.querySelector<HTMLElement>(`#${this.ids.saved}`));
    target?.focus();
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
    if (!meter) return;
    const language = this.i18n.language;
    const failed = meter.status === 'failed';
    if (meter.preparedLanguage === language && (!failed || !retry)) return;
    void meter.prepare(language).then(() => this.rescore());
  }

  private rescore(): void {
    this.strength?.schedule(this.values.new, this.userInputs());
  }

  private scheduleSummary(): void {
    if (this.summaryTimer !== undefined) clearTimeout(this.summaryTimer);
    this.summaryTimer = setTimeout(() => {
      this.summaryTimer = undefined;
      this.summary = this.summaryText();
    }, SUMMARY_DELAY_MS);
  }

  // ── Derived values ──────────────────────────────────────────────────────────────────────────────────

  private userInputs(): string[] {
    const account = this.account;
    const words = [account?.uid, account?.givenName, account?.surname, ...this.userWords, this.values.current];
    return words.filter((word): word is string => typeof word === 'string' && word !== '');
  }

  private checklist(
    kit: PasswordForm,
    account: Account,
    score = this.strength?.result?.score,
    strengthStatus: StrengthStatus = this.strength?.status ?? 'idle',
  ): ChecklistItem[] {
    return kit.buildChecklist({
      policy: account.passwordPolicy,
      personal: account,
      newPassword: this.values.new,
      currentPassword: this.values.current,
      score,
      strengthStatus,
      serverViolations: this.serverViolations,
    });
  }

  /** Where a submit stops, in the order the fields are read. */
  private firstProblem(items: readonly ChecklistItem[]): PasswordField | undefined {
    const { current, new: next, confirm } = this.values;
    if (current === '' || this.currentRejected) return 'current';
    if (next === '' || items.some((item) => this.kit?.blocksSubmit(item))) return 'new';
    if (confirm !== next) return 'confirm';
    return undefined;
  }

  private summaryText(): string {
    const account = this.account;
    const kit = this.kit;
    if (!account || !kit || this.values.new === '') return '';
    const { met, total } = kit.countedRules(this.checklist(kit, account));
    const rules = this.msg(met <= 1 ? 'password.rules.summary.one' : 'password.rules.summary.other', { met, total });
    const score = this.strength?.result?.score;
    const level = score === undefined ? undefined : kit.STRENGTH_LEVELS[score];
    return level ? `${rules} ${this.msg('password.strength.summary', { level: this.msg(level) })}` : rules;
  }

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

  private input(field: PasswordField): HTMLInputElement | null {
    return this.formContainer?.querySelector<HTMLInputElement>(`#${this.ids.input[field]}`) ?? null;
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
    const kit = this.kit;
    if (!this.opened || !kit || !account?.editable.password) return nothing;
    const flow = this.saveFlow;
    return kit.renderPasswordForm(
      litKit,
      {
        account,
        ids: this.ids,
        values: this.values,
        shown: this.shown,
        items: this.checklist(kit, account),
        attempted: this.attempted,
        confirmTouched: this.confirmTouched,
        currentRejected: this.currentRejected,
        serverViolations: this.serverViolations,
        serverDetail: this.serverDetail === undefined ? undefined : isolatedText(this.serverDetail),
        serverRefused: this.serverRefused,
        succeeded: this.succeeded,
        strength: { status: this.strength?.status ?? 'idle', result: this.strength?.result },
        busy: flow.pending ? 'common.saving' : this.checking ? 'password.checking' : undefined,
        summary: this.summary,
        blocked: flow.blocked || this.checking,
        retryInSeconds: flow.retryInSeconds,
        formError: this.formError(),
      },
      this.formActions,
    );
  }

  /** A failure the form says above « Valider »: not one the fields say (wrong current password, refused new one). */
  private formError(): { text: string; detail: TemplateResult | undefined } | undefined {
    const error = this.saveFlow.error;
    if (!error || isWrongCurrentPassword(error) || (error.kind === 'validation' && error.code === 'policy_violation')) {
      return undefined;
    }
    const detail = error.kind === 'validation' ? error.detail : undefined;
    return { text: this.errorText(error), detail: detail === undefined ? undefined : serverText(detail) };
  }
}

function isWrongCurrentPassword(error: SelError): boolean {
  return (
    error.kind === 'validation' &&
    (error.code === 'wrong_current_password' ||
      (error.fieldErrors ?? []).some((fieldError) => fieldError.code === 'wrong_current_password'))
  );
}
