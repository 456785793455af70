/**
 * The phones edit form's state and behaviour: the person's rows, what is said about them, and the handlers
 * the form calls (type, input, leave, add, remove, submit, and the save's failures that concern the form).
 * It travels in the editing chunk with the rules and the markup (phone-editing.ts), so it imports nothing
 * the first module has (shared/lit-kit.ts says why): what both sides use comes through its host.
 *
 * One editor per opening of the form: it starts from the stored numbers and is dropped when the form
 * closes. The element keeps the view, opening and closing, and what a save ending after its form was
 * closed still has to say.
 */
import type { TemplateResult } from 'lit';
import type { SelError } from '../../api/errors.js';
import type { Account, Phone, PhoneType } from '../../contract/schemas.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { AccountStore } from '../../store/account-store.js';
import type { ButtonPress } from '../shared/button-press.js';
import type { LitKit } from '../shared/lit-kit.js';
import type { SaveFlow } from '../shared/save-flow.js';
import type { PhoneTools } from './loader.js';
import { rowErrorMessage } from './feedback.js';
import { renderPhoneForm } from './form-view.js';
import {
  MAX_PHONES,
  checkRows,
  excessCount,
  phonesToSave,
  placeServerErrors,
  rowsFromPhones,
  samePhones,
  type PhoneRow,
} from './rows.js';
import { formatOnLeave, formatWhileTyping } from './typing.js';

type Msg = (key: MessageKey, params?: Record<string, string | number>) => string;

/** What the editor asks of `<sel-phones>`: read at each call, since the account and the region change. */
export interface PhoneEditorHost {
  readonly lit: LitKit;
  /** The contract's phone types, in the order the select offers them. */
  readonly phoneTypes: readonly PhoneType[];
  readonly saveFlow: SaveFlow;
  readonly buttonPress: ButtonPress;
  readonly msg: Msg;
  region(): string;
  account(): Account | undefined;
  store(): AccountStore | undefined;
  /**
   * The element's `updateComplete` itself: focus moves in the very tick the render ends, as a portal or a
   * person acting right after would expect (a promise chained on it would move focus a tick later).
   */
  updateComplete(): Promise<boolean>;
  /** The element's shadow root, where the form is. */
  root(): ParentNode;
  requestUpdate(): void;
  typeLabel(type: PhoneType): string;
  /** A failed save in words (a conflict names the numbers the server holds). */
  failureMessage(error: SelError, account: Account): string;
  /** This editor's form is the one on show. */
  isOpen(editor: PhoneEditor): boolean;
  /** Said politely outside the form (a removal). */
  announce(text: string): Promise<void>;
  closeForm(status?: string): Promise<void>;
  /** A save that ended without its form: `typed` when the form is open and closes (a 403) with those numbers. */
  failInView(error: SelError, account: Account, typed: readonly Phone[] | undefined): Promise<void>;
  /** A save that succeeded after its form was closed. */
  savedInView(status: string): void;
}

export class PhoneEditor {
  #rows: readonly PhoneRow[];
  #listError: string | undefined;
  #serverErrorsOnRows = false;
  #announcement = '';
  private lastKey = 0;
  /** The row each number of the last request came from, in order: where the server's `phones[i]` lands. */
  private sentKeys: number[] = [];

  constructor(
    private readonly host: PhoneEditorHost,
    private readonly tools: PhoneTools,
  ) {
    this.#rows = rowsFromPhones(host.account()?.phones ?? [], host.region(), tools, () => ++this.lastKey);
  }

  /** The person's rows: kept across every failure. */
  private get rows(): readonly PhoneRow[] {
    return this.#rows;
  }
  private set rows(rows: readonly PhoneRow[]) {
    this.#rows = rows;
    this.host.requestUpdate();
  }

  /** More than ten numbers (only possible when the server already held more): said above the buttons. */
  private get listError(): string | undefined {
    return this.#listError;
  }
  private set listError(text: string | undefined) {
    this.#listError = text;
    this.host.requestUpdate();
  }

  /** The server's 422 named rows, and every one of them is shown on its row: no general alert needed. */
  private get serverErrorsOnRows(): boolean {
    return this.#serverErrorsOnRows;
  }
  private set serverErrorsOnRows(onRows: boolean) {
    this.#serverErrorsOnRows = onRows;
    this.host.requestUpdate();
  }

  /** Said to screen readers only: a row's error that appeared when the person left it, the limit. */
  private get announcement(): string {
    return this.#announcement;
  }
  private set announcement(text: string) {
    this.#announcement = text;
    this.host.requestUpdate();
  }

  render(account: Account): TemplateResult {
    const { host, tools } = this;
    const flow = host.saveFlow;
    return renderPhoneForm(host.lit, {
      rows: this.rows,
      region: host.region(),
      tools,
      msg: host.msg,
      phoneTypes: host.phoneTypes,
      typeLabel: (type) => host.typeLabel(type),
      pending: flow.pending,
      blocked: flow.blocked,
      listError: this.listError,
      announcement: this.announcement,
      saveError: this.renderSaveError(account),
      onSubmit: this.submit,
      onKeydown: this.onKeydown,
      onPointerDown: host.buttonPress.onPointerDown,
      onAdd: this.addRow,
      onCancel: this.cancel,
      onTypeChange: this.changeType,
      onInput: this.onInput,
      onBlur: this.onBlur,
      onRemove: this.removeRow,
    });
  }

  /** The form has just opened: focus on the first number, or on « Ajouter un numéro » when there is none. */
  async focusFirst(): Promise<void> {
    const first = this.rows[0];
    await this.host.updateComplete();
    const root = this.host.root();
    (first ? numberField(root, first.key) : addButton(root))?.focus();
  }

  /** A failed save that is not about one number: said in words, the rows untouched above it. */
  private renderSaveError(account: Account): TemplateResult | LitKit['nothing'] {
    const lit = this.host.lit;
    const html = lit.html;
    const flow = this.host.saveFlow;
    const error = flow.error;
    let text: TemplateResult | string;
    if (flow.retryInSeconds > 0 && (error === undefined || error.kind === 'rate_limited')) {
      // Also when the form is opened again during the wait: « Valider » is disabled, and this says why.
      // The countdown changes every second: announced once by the alert, not at every tick.
      text = html`<span aria-live="off">${this.host.msg('error.rateLimited', { seconds: flow.retryInSeconds })}</span>`;
    } else if (!error || error.kind === 'rate_limited' || (error.kind === 'validation' && this.serverErrorsOnRows)) {
      return lit.nothing;
    } else {
      text = this.host.failureMessage(error, account);
    }
    return html`<div class="message error" role="alert" part="message" tabindex="-1" id="save-error">${text}</div>`;
  }

  private tooMany(extra: number): string {
    return this.host.msg('phones.error.tooMany', { max: MAX_PHONES, extra });
  }

  private addRow = async (): Promise<void> => {
    const host = this.host;
    if (host.saveFlow.pending) return;
    if (this.rows.length >= MAX_PHONES) {
      // The button stays focusable at the limit (aria-disabled): pressing it says why nothing happens.
      // Seen once, under the button; heard through the form's live region, not in a second (green) box.
      await this.announceInForm(host.msg('phones.maxReached', { max: MAX_PHONES }));
      return;
    }
    const key = ++this.lastKey;
    // The first type not in the list yet: a person with an office number is most likely adding a mobile.
    const used = new Set(this.rows.map((row) => row.type));
    const type = host.phoneTypes.find((candidate) => !used.has(candidate)) ?? 'other';
    this.rows = [...this.rows, { key, type, draft: '', showFeedback: false }];
    await host.updateComplete();
    numberField(host.root(), key)?.focus();
  };

  private removeRow = async (key: number): Promise<void> => {
    const host = this.host;
    const index = this.rows.findIndex((row) => row.key === key);
    const removed = this.rows[index];
    if (!removed || host.saveFlow.pending) return;
    this.rows = this.rows.filter((row) => row.key !== key);
    if (this.listError) {
      const excess = excessCount(checkRows(this.rows, host.region(), this.tools));
      this.listError = excess > 0 ? this.tooMany(excess) : undefined;
    }
    const number = removed.draft.trim();
    const type = host.typeLabel(removed.type);
    await host.announce(number ? host.msg('phones.removed', { number, type }) : host.msg('phones.removedEmpty'));
    // Focus stays in the list where the row was: on the row that took its place, else on « Ajouter ».
    const next = this.rows[index];
    await host.updateComplete();
    const root = host.root();
    (next ? numberField(root, next.key) : addButton(root))?.focus();
  };

  private changeType = (key: number, event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    const type = this.host.phoneTypes.find((candidate) => candidate === value);
    if (!type) return;
    // Choosing a type is a finished action: its warning, if any, shows at once.
    this.rows = this.rows.map((row) => (row.key === key ? { ...row, type, showFeedback: true } : row));
  };

  private onInput = (key: number, event: Event): void => {
    const { tools } = this;
    const region = this.host.region();
    const draft = formatWhileTyping(event.target as HTMLInputElement, event, region, tools);
    const before = checkRows(this.rows, region, tools);
    const rows = this.rows.map((row) => (row.key === key ? { ...row, draft, serverError: undefined } : row));
    const after = checkRows(rows, region, tools);
    // An error on show follows the corrections and goes when the number is right. A number that showed
    // no error is not judged keystroke by keystroke: only once the person leaves the field again.
    this.rows = rows.map((row, index) => {
      if (row.key !== key) return row;
      const errorWasShown = this.rows[index]?.showFeedback === true && before[index]?.error !== undefined;
      return { ...row, showFeedback: errorWasShown && after[index]?.error !== undefined };
    });
  };

  private onBlur = (key: number, event: FocusEvent): void => {
    const host = this.host;
    // A row just removed (its field had the focus) has nothing left to judge.
    if (!host.isOpen(this) || host.saveFlow.pending || !this.rows.some((row) => row.key === key)) return;
    const input = event.target as HTMLInputElement;
    const draft = formatOnLeave(input.value, host.region(), this.tools);
    // A pointer pressing one of the form's buttons: that button decides. A message appearing now would push
    // the button down between the press and the release, and the click would be lost. Tab still judges,
    // though the next stop is the row's « Supprimer »: a keyboard user leaving a wrong number hears why.
    const judge = !host.buttonPress.pressing;
    const before = this.rowError(key);
    this.rows = this.rows.map((row) =>
      row.key === key ? { ...row, draft, showFeedback: row.showFeedback || judge } : row,
    );
    // Focus has moved on, so the message tied to the field is not read out with it: say it once.
    const after = this.rowError(key);
    if (after && after !== before) void this.announceInForm(after);
  };

  /** The error a row shows now, in words, or `undefined`. */
  private rowError(key: number): string | undefined {
    const region = this.host.region();
    const index = this.rows.findIndex((row) => row.key === key);
    const row = this.rows[index];
    const error = row?.showFeedback ? checkRows(this.rows, region, this.tools)[index]?.error : undefined;
    return row && error ? rowErrorMessage(error, row.type, region, this.tools, this.host.msg) : undefined;
  }

  private onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      void this.host.closeForm();
    }
  };

  private cancel = (): void => {
    void this.host.closeForm();
  };

  private submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const host = this.host;
    const store = host.store();
    const account = host.account();
    if (!store || !account || host.saveFlow.blocked) return;
    const rows = this.rows;
    const checks = checkRows(rows, host.region(), this.tools);
    this.rows = rows.map((row) => (row.showFeedback ? row : { ...row, showFeedback: true }));
    const excess = excessCount(checks);
    this.listError = excess > 0 ? this.tooMany(excess) : undefined;
    const firstInvalid = rows.find((_, index) => checks[index]?.error);
    if (firstInvalid || excess > 0) {
      host.saveFlow.reset();
      this.serverErrorsOnRows = false;
      await host.updateComplete();
      const root = host.root();
      (firstInvalid ? numberField(root, firstInvalid.key) : listErrorElement(root))?.focus();
      return;
    }
    const { phones, sentKeys } = phonesToSave(rows, checks);
    if (samePhones(phones, account.phones)) {
      await host.closeForm(host.msg('phones.unchanged'));
      return;
    }
    this.sentKeys = sentKeys;
    this.serverErrorsOnRows = false;
    const outcome = await host.saveFlow.run(async () => {
      await store.update({ phones });
    });
    const formStillOpen = host.isOpen(this);
    if (outcome === 'saved') {
      const status = host.msg(phones.length > 0 ? 'phones.saved' : 'phones.savedNone');
      if (formStillOpen) await host.closeForm(status);
      else host.savedInView(status);
    } else if (outcome === 'failed') {
      await this.explainFailure(formStillOpen, phones);
    }
  };

  private async explainFailure(formStillOpen: boolean, phones: readonly Phone[]): Promise<void> {
    const host = this.host;
    const error = host.saveFlow.error;
    const account = host.account();
    if (!error || !account) return;
    if (error.kind === 'forbidden' || !formStillOpen) {
      await host.failInView(error, account, formStillOpen ? phones : undefined);
      return;
    }
    if (error.kind === 'validation' && error.fieldErrors?.length) {
      const firstOnRow = this.placeServerErrors(error);
      if (firstOnRow !== undefined || this.listError) {
        await host.updateComplete();
        const root = host.root();
        (firstOnRow !== undefined ? numberField(root, firstOnRow) : listErrorElement(root))?.focus();
        return;
      }
    }
    await host.updateComplete();
    host.root().querySelector<HTMLElement>('#save-error')?.focus();
  }

  /** Puts the server's 422 on the rows it names; returns the key of the first row that got one. */
  private placeServerErrors(error: SelError): number | undefined {
    const { byRow, general } = placeServerErrors(error.fieldErrors ?? [], this.sentKeys);
    const tooMany = general.some((fieldError) => fieldError.code === 'too_many');
    const unexplained = general.filter((fieldError) => fieldError.code !== 'too_many');
    if (tooMany) this.listError = this.tooMany(Math.max(1, this.sentKeys.length - MAX_PHONES));
    this.rows = this.rows.map((row) => {
      const code = byRow.get(row.key);
      return code === undefined ? row : { ...row, serverError: code, showFeedback: true };
    });
    this.serverErrorsOnRows = unexplained.length === 0 && (byRow.size > 0 || tooMany);
    return this.rows.find((row) => byRow.has(row.key))?.key;
  }

  private async announceInForm(text: string): Promise<void> {
    // Emptied first, so that the same words twice in a row are announced twice.
    this.announcement = '';
    await this.host.updateComplete();
    this.announcement = text;
  }
}

function numberField(root: ParentNode, key: number): HTMLInputElement | null {
  return root.querySelector<HTMLInputElement>(`#number-${key}`);
}

function addButton(root: ParentNode): HTMLButtonElement | null {
  return root.querySelector<HTMLButtonElement>('[part~="add-button"]');
}

function listErrorElement(root: ParentNode): HTMLElement | null {
  return root.querySelector<HTMLElement>('#list-error');
}
