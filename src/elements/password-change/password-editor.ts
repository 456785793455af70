/**
 * The open password form's state and handlers: what the person typed, the show/hide toggles, the checks a
 * submit runs, the strength meter, the checklist summary, and what a save's answer does to the form.
 * `<sel-password-change>` creates one when the form's code arrives (password-form.ts) and keeps the rest:
 * the collapsed section, opening and closing, the code's download, and what a save that ends after its form
 * was closed says in the section.
 *
 * Part of the form's chunk, so it imports nothing the first module has (shared/lit-kit.ts says why): the
 * element hands over what it shares with the other sections (its save flow, its button press, its words,
 * the server-text helpers) through `PasswordEditorHost`.
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { SelError } from '../../api/errors.js';
import type { Account } from '../../contract/schemas.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { AccountStore } from '../../store/account-store.js';
import type { ChecklistItem, StrengthStatus } from '../../validation/password-checklist.js';
import { blocksSubmit, buildChecklist, countedRules, isChecklistRule } from '../../validation/password-checklist.js';
import type { StrengthLanguage } from '../../validation/password-strength.js';
import type { ButtonPress } from '../shared/button-press.js';
import type { LitKit } from '../shared/lit-kit.js';
import type { SaveFlow } from '../shared/save-flow.js';
import { STRENGTH_LEVELS } from './checklist-view.js';
import type { PasswordField } from './field-view.js';
import { nextPasswordFormIds } from './form-ids.js';
import { renderPasswordForm, type PasswordFormActions } from './form-view.js';
import { PasswordStrengthController } from './strength-controller.js';

type PasswordValues = Record<PasswordField, string>;

const NO_PASSWORDS: Readonly<PasswordValues> = { current: '', new: '', confirm: '' };
const ALL_HIDDEN: Readonly<Record<PasswordField, boolean>> = { current: false, new: false, confirm: false };

/** What the editor reads from and asks of its element, beyond updates. */
export interface PasswordEditorHost {
  readonly account: Account | undefined;
  readonly store: AccountStore | undefined;
  readonly userWords: readonly string[];
  readonly language: StrengthLanguage;
  /** The light-DOM child the form is rendered into. */
  readonly container: HTMLElement | undefined;
  /** Counts the form's openings and closings: a save that ends after a closing leaves the form alone. */
  readonly generation: number;
  readonly saveFlow: SaveFlow;
  readonly buttonPress: ButtonPress;
  /** How long typing pauses before the checklist summary is announced. */
  readonly summaryDelayMs: number;
  msg(key: MessageKey, params?: Record<string, string | number>): string;
  errorText(error: SelError): string;
  serverText(text: string): TemplateResult;
  isolatedText(text: string): string;
  /** « Annuler » or Escape. */
  close(): void;
  /** The form was closed while the request ran: the section says how it ended. */
  reportAfterClose(saved: boolean, error: SelError | undefined): void;
}

export class PasswordEditor {
  /** What the person typed. Kept across every failure; emptied on success, cancel and removal. */
  private values: PasswordValues = { ...NO_PASSWORDS };
  private shown: Record<PasswordField, boolean> = { ...ALL_HIDDEN };
  /** A submit was tried: every field's problem shows from now on, not only the ones already left. */
  private attempted = false;
  /** The confirmation was left filled in once: a mismatch shows before any submit. */
  private confirmTouched = false;
  /** The server said the current password is wrong, and the person has not changed it since. */
  private currentRejected = false;
  /** The server's `policy_violation` codes for the new password still in the field. */
  private serverViolations: string[] = [];
  /** The server's words, shown when it names a rule this element does not know. */
  private serverDetail: string | undefined;
  /** The server refused the new password still in the field (`policy_violation`), with or without reasons. */
  private serverRefused = false;
  private succeeded = false;
  /** Waiting for the strength dictionaries before sending. */
  private checking = false;
  /** The checklist in one sentence, for the polite live region, set once typing pauses. */
  private summary = '';
  private summaryTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly element: ReactiveControllerHost;
  private readonly host: PasswordEditorHost;
  /** The meter's state and its engine. */
  private readonly strength: PasswordStrengthController;
  private readonly ids = nextPasswordFormIds();
  /** The form's handlers, handed to its view (form-view.ts) at each render: the same functions every time. */
  private readonly actions: PasswordFormActions;

  constructor(element: ReactiveControllerHost, host: PasswordEditorHost) {
    this.element = element;
    this.host = host;
    this.strength = new PasswordStrengthController(element);
    this.actions = {
      msg: (key, params) => host.msg(key, params),
      submit: (event) => void this.submit(event),
      keydown: (event) => this.onKeydown(event),
      focusin: (event) => this.onFocusIn(event),
      focusout: (event) => this.onFocusOut(event),
      pointerdown: (event) => host.buttonPress.onPointerDown(event),
      input: (field, event) => this.onInput(field, event),
      toggle: (field) => this.toggle(field),
      cancel: () => host.close(),
    };
  }

  // ── What the element calls ──────────────────────────────────────────────────────────────────────────

  /** Forgets every password and every answer: on opening, closing and removal. */
  reset(): void {
    this.dropSecrets();
    this.succeeded = false;
  }

  /** The page changed language while the meter was in use: its feedback must follow. */
  followLanguage(): void {
    const prepared = this.strength.preparedLanguage;
    if (prepared && prepared !== this.host.language) this.prepareStrength();
  }

  /**
   * The page is left: a password shown as text would be saved with the page's form state in the browser's
   * session history (and restored on « back »), which it never does for a password field. Hidden at once,
   * not at the next update: the state is saved before the next frame.
   */
  hideAll(): void {
    for (const input of this.inputs()) input.type = 'password';
    this.shown = { ...ALL_HIDDEN };
    this.element.requestUpdate();
  }

  focus(field: PasswordField): void {
    this.input(field)?.focus();
  }

  /** Where focus goes when the node that had it is gone from the open form. */
  focusFallback(): void {
    const save = this.host.container?.querySelector<HTMLButtonElement>('button.sel-pc-confirm');
    const target =
      save && save.getAttribute('aria-disabled') !== 'true'
        ? save
        : (this.input('current') ?? this.host.container?.querySelector<HTMLElement>(`#${this.ids.saved}`));
    target?.focus();
  }

  /** The open form (form-view.ts), with the entry's Lit. */
  render(lit: LitKit, account: Account): TemplateResult {
    const flow = this.host.saveFlow;
    return renderPasswordForm(
      lit,
      {
        account,
        ids: this.ids,
        values: this.values,
        shown: this.shown,
        items: this.checklist(account),
        attempted: this.attempted,
        confirmTouched: this.confirmTouched,
        currentRejected: this.currentRejected,
        serverViolations: this.serverViolations,
        serverDetail: this.serverDetail === undefined ? undefined : this.host.isolatedText(this.serverDetail),
        serverRefused: this.serverRefused,
        succeeded: this.succeeded,
        strength: { status: this.strength.status, result: this.strength.result },
        busy: flow.pending ? 'common.saving' : this.checking ? 'password.checking' : undefined,
        summary: this.summary,
        blocked: flow.blocked || this.checking,
        retryInSeconds: flow.retryInSeconds,
        formError: this.formError(),
      },
      this.actions,
    );
  }

  // ── Handlers ────────────────────────────────────────────────────────────────────────────────────────

  private onKeydown(event: KeyboardEvent): void {
    // An input method closing its candidates, or a password manager's own menu, is not « Annuler ».
    if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
    event.preventDefault();
    this.host.close();
  }

  private onFocusIn(event: FocusEvent): void {
    if (event.target instanceof HTMLInputElement && event.target.classList.contains('sel-pc-input')) {
      this.prepareStrength(true);
    }
  }

  private onFocusOut(event: FocusEvent): void {
    const target = event.target;
    // A pointer pressing « Valider »: the mismatch shown now would push it down under the pointer before the
    // release, and the click would be lost. The submit says it anyway; leaving with Tab still shows it.
    if (this.host.buttonPress.pressing) return;
    if (target instanceof HTMLInputElement && target.id === this.ids.input.confirm && target.value !== '') {
      this.confirmTouched = true;
      this.element.requestUpdate();
    }
  }

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
    this.element.requestUpdate();
    // A field filled without focus (a password manager) still deserves a meter.
    this.prepareStrength();
    // The current password is one of the words the new one should not be built on.
    if (field !== 'confirm') this.rescore();
    this.scheduleSummary();
  }

  private toggle(field: PasswordField): void {
    this.shown = { ...this.shown, [field]: !this.shown[field] };
    this.element.requestUpdate();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    // First of all: a form left to submit itself would send the passwords to the page's own URL.
    event.preventDefault();
    const host = this.host;
    const { store, account, saveFlow } = host;
    if (!store || !account || saveFlow.blocked || this.checking) return;
    this.readInputs();
    this.attempted = true;
    const generation = host.generation;
    // From now on the live region says what the submit does; the checklist summary would only repeat itself.
    this.clearSummary();

    this.checking = true;
    this.element.requestUpdate();
    const scored = this.values.new;
    const strength = await this.strength.scoreNow(scored, this.userInputs(), host.language);
    this.checking = false;
    this.element.requestUpdate();
    if (generation !== host.generation) return;
    // Typed on while the score was computed: that score is not this password's; the person submits again.
    if (this.values.new !== scored) {
      this.rescore();
      return;
    }

    // With no score (dictionaries unavailable) the strength rule is left to the server, as `info`.
    const items = this.checklist(account, strength?.score, strength ? 'ready' : 'failed');
    const problem = this.firstProblem(items);
    if (problem) {
      await this.element.updateComplete;
      this.focus(problem);
      return;
    }

    const change = { currentPassword: this.values.current, newPassword: this.values.new };
    const outcome = await saveFlow.run(() => store.changePassword(change));
    if (generation !== host.generation) {
      host.reportAfterClose(outcome === 'saved', saveFlow.error);
      return;
    }
    if (outcome === 'saved') await this.showSuccess();
    else if (outcome === 'failed' && saveFlow.error) await this.showFailure(saveFlow.error);
  }

  // ── State changes ───────────────────────────────────────────────────────────────────────────────────

  private async showSuccess(): Promise<void> {
    this.dropSecrets();
    this.succeeded = true;
    await this.element.updateComplete;
    this.host.container?.querySelector<HTMLElement>(`#${this.ids.saved}`)?.focus();
  }

  private async showFailure(error: SelError): Promise<void> {
    if (isWrongCurrentPassword(error)) {
      this.currentRejected = true;
      this.element.requestUpdate();
      await this.element.updateComplete;
      this.focus('current');
      return;
    }
    if (error.kind === 'validation' && error.code === 'policy_violation') {
      const violations = error.violations ?? [];
      this.serverViolations = violations;
      this.serverRefused = true;
      const unknown = violations.length === 0 || violations.some((code) => !isChecklistRule(code));
      this.serverDetail = unknown ? error.detail : undefined;
      this.element.requestUpdate();
      await this.element.updateComplete;
      this.focus('new');
      return;
    }
    await this.element.updateComplete;
    this.host.container?.querySelector<HTMLElement>(`#${this.ids.formError}`)?.focus();
  }

  /** Forgets every password: the inputs (even ones about to leave the DOM), the state, the meter. */
  private dropSecrets(): void {
    for (const input of this.inputs()) input.value = '';
    this.values = { ...NO_PASSWORDS };
    this.shown = { ...ALL_HIDDEN };
    this.attempted = false;
    this.confirmTouched = false;
    this.currentRejected = false;
    this.serverViolations = [];
    this.serverDetail = undefined;
    this.serverRefused = false;
    this.checking = false;
    this.strength.clear();
    this.clearSummary();
    this.element.requestUpdate();
  }

  private clearSummary(): void {
    if (this.summaryTimer !== undefined) clearTimeout(this.summaryTimer);
    this.summaryTimer = undefined;
    this.summary = '';
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
    const language = this.host.language;
    const failed = meter.status === 'failed';
    if (meter.preparedLanguage === language && (!failed || !retry)) return;
    void meter.prepare(language).then(() => this.rescore());
  }

  private rescore(): void {
    this.strength.schedule(this.values.new, this.userInputs());
  }

  private scheduleSummary(): void {
    if (this.summaryTimer !== undefined) clearTimeout(this.summaryTimer);
    this.summaryTimer = setTimeout(() => {
      this.summaryTimer = undefined;
      this.summary = this.summaryText();
      this.element.requestUpdate();
    }, this.host.summaryDelayMs);
  }

  // ── Derived values ──────────────────────────────────────────────────────────────────────────────────

  private userInputs(): string[] {
    const account = this.host.account;
    const words = [account?.uid, account?.givenName, account?.surname, ...this.host.userWords, this.values.current];
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
      serverViolations: this.serverViolations,
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

  private summaryText(): string {
    const account = this.host.account;
    if (!account || this.values.new === '') return '';
    const msg = this.host.msg;
    const { met, total } = countedRules(this.checklist(account));
    const rules = msg(met <= 1 ? 'password.rules.summary.one' : 'password.rules.summary.other', { met, total });
    const score = this.strength.result?.score;
    const level = score === undefined ? undefined : STRENGTH_LEVELS[score];
    return level ? `${rules} ${msg('password.strength.summary', { level: msg(level) })}` : rules;
  }

  /** A failure the form says above « Valider »: not one the fields say (wrong current password, refused new one). */
  private formError(): { text: string; detail: TemplateResult | undefined } | undefined {
    const error = this.host.saveFlow.error;
    if (!error || isWrongCurrentPassword(error) || (error.kind === 'validation' && error.code === 'policy_violation')) {
      return undefined;
    }
    const detail = error.kind === 'validation' ? error.detail : undefined;
    return {
      text: this.host.errorText(error),
      detail: detail === undefined ? undefined : this.host.serverText(detail),
    };
  }

  private inputs(): Iterable<HTMLInputElement> {
    return this.host.container?.querySelectorAll<HTMLInputElement>('input.sel-pc-input') ?? [];
  }

  private input(field: PasswordField): HTMLInputElement | null {
    return this.host.container?.querySelector<HTMLInputElement>(`#${this.ids.input[field]}`) ?? null;
  }
}

function isWrongCurrentPassword(error: SelError): boolean {
  return (
    error.kind === 'validation' &&
    (error.code === 'wrong_current_password' ||
      (error.fieldErrors ?? []).some((fieldError) => fieldError.code === 'wrong_current_password'))
  );
}
