/**
 * What every section element shares: finding its adapter and account store, its language, the
 * loading / error / not-configured states, and the heading. A section only says how to show an account.
 */
import { LitElement, html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SelAdapter } from '../../api/adapter.js';
import { isAbortError } from '../../api/errors.js';
import type { AccountField } from '../../contract/read-account.js';
import type { Account, Section } from '../../contract/schemas.js';
import { onConfigChange } from '../../config.js';
import { LocaleController } from './locale-controller.js';
import type { MessageKey } from '../../i18n/messages.js';
import { sharedAccountFor, toSelError, type SharedAccount } from '../../store/shared-account.js';
import { reportSessionEnded } from '../../store/session.js';
import { messageKeyFor } from './error-messages.js';
import { emit } from './events.js';
import { failureReporterOf, joinFailureReporters } from './load-failure-reporter.js';
import { resolveAdapter } from './resolve-adapter.js';
import { openLogin } from './login-popup.js';
import { sectionStyles } from './styles.js';

export abstract class SelSection extends LitElement {
  static override styles: CSSResultGroup = sectionStyles;

  /** The backend, as any object implementing `SelAdapter`. Wins over `api-base` and `configure()`. */
  @property({ attribute: false }) adapter: SelAdapter | undefined;

  /** Base URL of the HTTP contract (`/api/sel`). Elements with the same base share one account state. */
  @property({ attribute: 'api-base', reflect: true }) apiBase: string | undefined;

  /** The level of the section's heading in the page outline (2 to 6). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** The part of the account this element edits, as named in its events. */
  protected abstract readonly section: Section;
  /** The message key of the section's title. */
  protected abstract readonly titleKey: MessageKey;
  /**
   * The account fields this section shows or edits. When the backend sends one of them in a shape the
   * contract does not know, this section says so and the others work as usual.
   */
  protected abstract readonly accountFields: readonly AccountField[];

  protected readonly i18n = new LocaleController(this);
  @state() protected store: SharedAccount | undefined;

  private connection: AbortController | undefined;
  private unsubscribeStore: (() => void) | undefined;
  private unsubscribeConfig: (() => void) | undefined;
  private leaveReporters: (() => void) | undefined;
  private reportedNotConfigured = false;
  /**
   * Set once the portal had its chance to configure the page. A portal's script often runs after the
   * elements are defined (the module that defines them comes first), in the same task or the next: until
   * then a missing backend is not yet an error, and the section says it is loading.
   */
  @state() private notConfigured = false;
  private notConfiguredCheck: ReturnType<typeof setTimeout> | undefined;
  /** Stops watching the login popup « Se connecter » opened. */
  private stopLoginWatch: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribeConfig = onConfigChange(() => this.attach());
    this.attach();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.notConfiguredCheck);
    this.notConfiguredCheck = undefined;
    this.stopLoginWatch?.();
    this.unsubscribeConfig?.();
    this.detach();
  }

  /** Nothing is rendered before the element's catalog is here (English is downloaded on first use). */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    return this.i18n.ready && super.shouldUpdate(changed);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('adapter') || changed.has('apiBase')) && this.isConnected) this.attach();
  }

  /** The account as the store holds it now, once loaded. */
  protected get account(): Account | undefined {
    return this.store?.account;
  }

  protected msg(key: MessageKey, params?: Record<string, string | number>): string {
    return this.i18n.msg(key, params);
  }

  /** Loads the account again for every element sharing the store (the « Réessayer » button). */
  protected retryLoad(): void {
    this.load(true);
  }

  /** « Se connecter »: the backend's login in a popup; once closed, every section sharing the store loads again. */
  private logIn(loginUrl: string): void {
    this.stopLoginWatch?.();
    this.stopLoginWatch = openLogin(loginUrl, () => this.retryLoad());
  }

  private attach(): void {
    const adapter = resolveAdapter(this);
    const store = adapter ? sharedAccountFor(adapter) : undefined;
    if (store === this.store && this.connection) return;
    this.detach();
    this.store = store;
    if (!store) {
      this.notConfiguredCheck ??= setTimeout(() => {
        this.notConfiguredCheck = setTimeout(() => this.reportNotConfigured(), 0);
      }, 0);
      return;
    }
    clearTimeout(this.notConfiguredCheck);
    this.notConfiguredCheck = undefined;
    this.notConfigured = false;
    this.connection = new AbortController();
    this.unsubscribeStore = store.subscribe(() => this.requestUpdate());
    this.leaveReporters = joinFailureReporters(store, {
      element: this,
      title: () => this.msg(this.titleKey),
      requestUpdate: () => this.requestUpdate(),
    });
    this.load(false);
  }

  /** Two tasks after the element met no backend, and still none: the page is not configured. */
  private reportNotConfigured(): void {
    this.notConfiguredCheck = undefined;
    if (this.store || !this.isConnected) return;
    this.notConfigured = true;
    if (this.reportedNotConfigured) return;
    this.reportedNotConfigured = true;
    console.error(
      this.apiBase?.trim()
        ? `<${this.localName}> api-base is on another origin than the page: the portal must allow it with configure({ allowedOrigins }).`
        : `<${this.localName}> has no backend: set its adapter property or api-base attribute, or call configure().`,
    );
  }

  private detach(): void {
    // Aborting tells the store this element no longer waits; the shared GET goes on for the others.
    this.connection?.abort();
    this.connection = undefined;
    this.unsubscribeStore?.();
    this.unsubscribeStore = undefined;
    this.leaveReporters?.();
    this.leaveReporters = undefined;
  }

  private load(force: boolean): void {
    const store = this.store;
    const signal = this.connection?.signal;
    if (!store || !signal) return;
    store
      .load({ signal, force })
      .then(() => {
        if (this.unreadableFields().length === 0) return;
        emit(this, 'sel-error', { section: this.section, operation: 'load', kind: 'invalid_response' });
      })
      .catch((caught: unknown) => {
        if (isAbortError(caught) || signal.aborted) return;
        const error = toSelError(caught);
        emit(this, 'sel-error', {
          section: this.section,
          operation: 'load',
          kind: error.kind,
          ...(error.status !== undefined && { status: error.status }),
          ...(error.code !== undefined && { code: error.code }),
        });
        if (error.kind === 'unauthorized' && reportSessionEnded()) emit(this, 'sel-unauthorized', {});
      });
  }

  protected override render(): TemplateResult {
    return html`<section class="section" part="section" aria-labelledby="heading">
      <div class="heading" id="heading" role="heading" aria-level=${this.clampedHeadingLevel()} part="heading">
        ${this.msg(this.titleKey)}
      </div>
      ${this.renderState()}
    </section>`;
  }

  private renderState(): TemplateResult | typeof nothing {
    const store = this.store;
    if (!store && this.notConfigured) {
      return html`<p class="message error" role="alert" part="message">${this.msg('common.notConfigured')}</p>`;
    }
    if (!store) return html`<p class="muted" role="status" part="message">${this.msg('common.loading')}</p>`;
    const account = store.account;
    if (account && this.unreadableFields().length === 0) return this.renderAccount(account);
    const error = store.loadError;
    const reporter = error ? failureReporterOf(store) : undefined;
    // No session on a backend that names its login: « Se connecter » rather than « Réessayer ».
    const loginUrl = error?.kind === 'unauthorized' ? store.adapter.loginUrl : undefined;
    if (error && reporter && reporter.element !== this) {
      // Not an alert: the section that shows the failure has announced it already.
      return html`<p class="message info" part="message">
        ${this.msg(loginUrl ? 'common.logInElsewhere' : 'common.loadFailedElsewhere', { section: reporter.title() })}
      </p>`;
    }
    if (error || account) {
      return html`<div role="alert" class="message error" part="message">
          <p>${this.msg('common.loadFailed')}</p>
          <p>${this.msg(loginUrl ? 'common.logInNeeded' : error ? messageKeyFor(error) : 'common.partUnreadable')}</p>
        </div>
        <div class="actions">
          <button type="button" part="button" @click=${() => (loginUrl ? this.logIn(loginUrl) : this.retryLoad())}>
            ${this.msg(loginUrl ? 'common.logIn' : 'common.retry')}
          </button>
        </div>`;
    }
    return html`<p class="muted" role="status" part="message">${this.msg('common.loading')}</p>`;
  }

  /** The fields this section needs that the backend sent in a shape the contract does not know. */
  private unreadableFields(): readonly string[] {
    return this.store?.unreadable.filter((field) => this.accountFields.includes(field)) ?? [];
  }

  private clampedHeadingLevel(): number {
    const level = Math.round(Number(this.headingLevel));
    return Number.isFinite(level) ? Math.min(6, Math.max(1, level)) : 2;
  }

  /** The section's content once the account is loaded: view mode, edit mode, its messages. */
  protected abstract renderAccount(account: Account): TemplateResult;
}
