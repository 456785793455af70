/**
 * The save flow every section shares: one request at a time, the events the contract names, the 429
 * countdown, and the failure kept for the element to explain. The element keeps the person's input;
 * this controller never touches it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SelError } from '../../api/errors.js';
import type { Section } from '../../contract/schemas.js';
import { toSelError } from '../../store/shared-account.js';
import { reportSessionEnded } from '../../store/session.js';
import { emit } from './events.js';

export type SaveOutcome = 'saved' | 'failed' | 'busy';

export class SaveFlow implements ReactiveController {
  /**
   * A save is in flight. Its « Valider » says so with `aria-disabled`, not `disabled`, which would drop focus
   * to the page for as long as the request runs; `blocked` is the guard every submit checks first.
   */
  pending = false;
  /** The last failure, until the next attempt or `reset()`. */
  error: SelError | undefined;
  /** Seconds left before a rate-limited save may be tried again. */
  retryInSeconds = 0;

  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly section: () => Section;
  private countdown: ReturnType<typeof setInterval> | undefined;
  /** The failure message (`#save-error`) had the focus before this render. */
  private errorHadFocus = false;
  /** When the server allows the next attempt (ms since the epoch): the wait outlives a removal from the page. */
  private retryAt = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, section: () => Section) {
    this.host = host;
    this.section = section;
    host.addController(this);
  }

  get blocked(): boolean {
    return this.pending || this.retryInSeconds > 0;
  }

  /**
   * Runs one save. It is not aborted when the element leaves the page or moves in it: the server may apply
   * a request the browser gave up on, and the element (wherever it is now) must say what happened.
   */
  async run(save: () => Promise<void>): Promise<SaveOutcome> {
    if (this.blocked) return 'busy';
    this.pending = true;
    this.error = undefined;
    this.host.requestUpdate();
    try {
      await save();
      emit(this.host, 'sel-saved', { section: this.section() });
      return 'saved';
    } catch (caught) {
      const error = toSelError(caught);
      this.error = error;
      emit(this.host, 'sel-error', {
        section: this.section(),
        operation: 'save',
        kind: error.kind,
        ...(error.status !== undefined && { status: error.status }),
        ...(error.code !== undefined && { code: error.code }),
      });
      if (error.kind === 'unauthorized' && reportSessionEnded()) emit(this.host, 'sel-unauthorized', {});
      if (error.kind === 'rate_limited') this.startCountdown(error.retryAfterSeconds ?? 30);
      return 'failed';
    } finally {
      this.pending = false;
      this.host.requestUpdate();
    }
  }

  /** Forgets the last failure (the person cancelled, or started over). The countdown keeps running. */
  reset(): void {
    this.error = undefined;
    this.host.requestUpdate();
  }

  /**
   * A section renders its failure as `#save-error` in its shadow root and moves focus there. When that
   * message goes away with the focus on it (the 429 wait is over), focus would fall back to the page: it
   * goes to « Valider » (`confirm-button`), enabled again and the next step, if the form is still open.
   */
  hostUpdate(): void {
    this.errorHadFocus = this.host.shadowRoot?.activeElement?.id === 'save-error';
  }

  hostUpdated(): void {
    const root = this.host.shadowRoot;
    if (!this.errorHadFocus || !root || root.getElementById('save-error')) return;
    this.errorHadFocus = false;
    root.querySelector<HTMLButtonElement>('[part~="confirm-button"]')?.focus();
  }

  hostConnected(): void {
    // Removed and put back (or moved) during a 429 wait: the wait goes on where it was, or is over.
    if (this.retryInSeconds > 0) this.tick();
    if (this.retryInSeconds > 0) this.countdown ??= setInterval(() => this.tick(), 1000);
  }

  hostDisconnected(): void {
    this.stopCountdown();
  }

  private startCountdown(seconds: number): void {
    this.stopCountdown();
    this.retryAt = Date.now() + Math.max(1, Math.ceil(seconds)) * 1000;
    this.tick();
    this.countdown = setInterval(() => this.tick(), 1000);
  }

  /** Seconds left from the clock, not from counting ticks: timers of a hidden tab may be slowed down. */
  private tick(): void {
    this.retryInSeconds = Math.max(0, Math.round((this.retryAt - Date.now()) / 1000));
    if (this.retryInSeconds === 0) {
      this.stopCountdown();
      // The wait is over: the message about it no longer applies.
      if (this.error?.kind === 'rate_limited') this.error = undefined;
    }
    this.host.requestUpdate();
  }

  private stopCountdown(): void {
    if (this.countdown !== undefined) clearInterval(this.countdown);
    this.countdown = undefined;
  }
}
