/**
 * The save flow every section shares: one request at a time, the events the contract names, the 429
 * countdown, and the failure kept for the element to explain. The element keeps the person's input;
 * this controller never touches it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { SelError, isAbortError } from '../api/errors.js';
import type { Section } from '../api/schemas.js';
import { toSelError } from '../store/account-store.js';
import { emit } from './events.js';

export type SaveOutcome = 'saved' | 'failed' | 'aborted' | 'busy';

export class SaveFlow implements ReactiveController {
  /** A save is in flight: its button is disabled. */
  pending = false;
  /** The last failure, until the next attempt or `reset()`. */
  error: SelError | undefined;
  /** Seconds left before a rate-limited save may be tried again. */
  retryInSeconds = 0;

  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly section: () => Section;
  private controller: AbortController | undefined;
  private countdown: ReturnType<typeof setInterval> | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, section: () => Section) {
    this.host = host;
    this.section = section;
    host.addController(this);
  }

  get blocked(): boolean {
    return this.pending || this.retryInSeconds > 0;
  }

  async run(save: (signal: AbortSignal) => Promise<void>): Promise<SaveOutcome> {
    if (this.blocked) return 'busy';
    this.pending = true;
    this.error = undefined;
    this.controller = new AbortController();
    const { signal } = this.controller;
    this.host.requestUpdate();
    try {
      await save(signal);
      emit(this.host, 'sel-saved', { section: this.section() });
      return 'saved';
    } catch (caught) {
      if (isAbortError(caught) || signal.aborted) return 'aborted';
      const error = toSelError(caught);
      this.error = error;
      emit(this.host, 'sel-error', {
        section: this.section(),
        operation: 'save',
        kind: error.kind,
        ...(error.status !== undefined && { status: error.status }),
        ...(error.code !== undefined && { code: error.code }),
      });
      if (error.kind === 'unauthorized') emit(this.host, 'sel-unauthorized', {});
      if (error.kind === 'rate_limited') this.startCountdown(error.retryAfterSeconds ?? 30);
      return 'failed';
    } finally {
      this.pending = false;
      this.controller = undefined;
      this.host.requestUpdate();
    }
  }

  /** Forgets the last failure (the person cancelled, or started over). The countdown keeps running. */
  reset(): void {
    this.error = undefined;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.controller?.abort();
    this.stopCountdown();
    this.retryInSeconds = 0;
  }

  private startCountdown(seconds: number): void {
    this.stopCountdown();
    this.retryInSeconds = Math.max(1, Math.ceil(seconds));
    this.countdown = setInterval(() => {
      this.retryInSeconds = Math.max(0, this.retryInSeconds - 1);
      if (this.retryInSeconds === 0) {
        this.stopCountdown();
        // The wait is over: the message about it no longer applies.
        if (this.error?.kind === 'rate_limited') this.error = undefined;
      }
      this.host.requestUpdate();
    }, 1000);
  }

  private stopCountdown(): void {
    if (this.countdown !== undefined) clearInterval(this.countdown);
    this.countdown = undefined;
  }
}
