/**
 * The mails waiting to leave, in this process's memory. A request hands its mail over and answers at once:
 * the relay is reached afterwards, and a relay that is slow or down never holds a request. A mail the relay
 * refuses for now (4xx, a connection that fails) is tried again after longer and longer waits; one it
 * refuses for good (5xx), or still refused after the last wait, is logged at `warn` and counted as failed.
 *
 * The logs name the mail and the recipient's domain only: an address is personal data, and nothing of the
 * content (the code, the link) is ever written. A restart loses the mails still waiting: the person asks
 * again for a code or a link, which is why a mail whose code or link has expired is not sent at all.
 */
import type { OperationsLogger } from '../health/readiness.js';
import type { MailContent, MailKind, MailLanguage } from './templates/template.js';

export interface OutgoingMail {
  kind: MailKind;
  /** One address, checked by `isAddress`. */
  to: string;
  /** The person's name, shown beside the address in the `To:` header. */
  toName?: string | undefined;
  language: MailLanguage;
  content: MailContent;
  /** When what the mail carries expires (ms since the epoch): it is not sent, nor tried again, after. */
  expiresAt?: number | undefined;
}

/** Why a delivery failed, in words safe for a log, and whether trying again could help. */
export class MailDeliveryError extends Error {
  constructor(
    readonly reason: string,
    readonly permanent: boolean,
  ) {
    super(reason);
  }
}

export type MailOutcomeName = 'sent' | 'failed';

export interface MailOutcome {
  kind: MailKind;
  outcome: MailOutcomeName;
  /** Deliveries tried: 0 for a mail dropped before any (queue full, expired, server stopping). */
  attempts: number;
}

export interface MailCounts {
  sent: number;
  failed: number;
  /** Waiting, being sent, or waiting to be tried again. */
  pending: number;
}

export interface MailQueueOptions {
  /** Sends one mail; throws a `MailDeliveryError` (anything else counts as a failure worth a retry). */
  deliver: (mail: OutgoingMail) => Promise<void>;
  logger: OperationsLogger;
  /** The waits before each new try; their count is the number of retries. */
  retryDelaysMs?: readonly number[];
  /** Mails being sent at once. */
  concurrency?: number;
  /** Mails pending at most; more are dropped (and logged) rather than filling the memory. */
  maxPending?: number;
  now?: () => number;
}

/**
 * 15 s, 1 min, 4 min, 10 min: a relay restarting is caught at once, one down for a quarter of an hour still
 * gets the mail, and a confirmation code (30 minutes) is not sent after it expired.
 */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [15_000, 60_000, 240_000, 600_000];
const DEFAULT_CONCURRENCY = 4;
const DEFAULT_MAX_PENDING = 1_000;
/** Each wait is drawn within ±20 %, so that the instances behind one relay do not all retry at once. */
const JITTER = 0.2;

interface Entry {
  mail: OutgoingMail;
  attempts: number;
  timer?: NodeJS.Timeout;
}

export class MailQueue {
  private readonly waiting: Entry[] = [];
  private readonly retrying = new Set<Entry>();
  private readonly sending = new Set<Promise<void>>();
  private readonly listeners = new Set<(outcome: MailOutcome) => void>();
  private readonly retryDelaysMs: readonly number[];
  private readonly concurrency: number;
  private readonly maxPending: number;
  private readonly now: () => number;
  private sent = 0;
  private failed = 0;
  private pumpScheduled = false;
  private closed = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: MailQueueOptions) {
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    this.maxPending = options.maxPending ?? DEFAULT_MAX_PENDING;
    this.now = options.now ?? Date.now;
  }

  /**
   * Takes `mail` and returns at once, before any byte goes to the relay: the delivery starts once the
   * current request's work, its answer included, is done.
   */
  enqueue(mail: OutgoingMail): void {
    if (this.closed) return this.drop({ mail, attempts: 0 }, 'the server is stopping');
    if (this.counts.pending >= this.maxPending) {
      return this.drop({ mail, attempts: 0 }, `${this.maxPending} mails are already waiting for the relay`);
    }
    this.waiting.push({ mail, attempts: 0 });
    this.schedulePump();
  }

  /** Calls `listener` with each mail's final outcome (for the metrics); returns how to stop. */
  onOutcome(listener: (outcome: MailOutcome) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get counts(): MailCounts {
    return {
      sent: this.sent,
      failed: this.failed,
      pending: this.waiting.length + this.retrying.size + this.sending.size,
    };
  }

  /** Resolves once no mail is pending (every one sent or failed). */
  idle(): Promise<void> {
    if (this.counts.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Takes no more mails, lets those being sent finish (within `graceMs`), and drops the ones still
   * waiting, with one log line: they would be lost with the process anyway.
   */
  async close(graceMs = 10_000): Promise<void> {
    this.closed = true;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.sending]),
      new Promise((resolve) => {
        timer = setTimeout(resolve, graceMs);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
    const dropped = [...this.waiting.splice(0), ...this.retrying];
    for (const entry of this.retrying) clearTimeout(entry.timer);
    this.retrying.clear();
    if (dropped.length > 0) {
      this.options.logger.warn(
        { mails: dropped.length },
        `mail: ${dropped.length} mail(s) not sent: the server stopped before the relay took them`,
      );
      for (const entry of dropped) this.finish(entry, 'failed');
    }
    this.notifyIdle();
  }

  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    // setImmediate, not a microtask: the caller's answer is written before the first connection is opened.
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    // Once closing, the mails being sent finish and no other starts: close() drops those still waiting.
    if (this.closed) return;
    while (this.sending.size < this.concurrency && this.waiting.length > 0) {
      const entry = this.waiting.shift()!;
      const attempt = this.attempt(entry).finally(() => {
        this.sending.delete(attempt);
        this.pump();
        this.notifyIdle();
      });
      this.sending.add(attempt);
    }
  }

  private async attempt(entry: Entry): Promise<void> {
    const { mail } = entry;
    if (mail.expiresAt !== undefined && this.now() >= mail.expiresAt) {
      return this.drop(entry, 'what it carries expired before the relay took it');
    }
    entry.attempts += 1;
    let failure: MailDeliveryError;
    try {
      await this.options.deliver(mail);
      this.options.logger.info(
        { mail: mail.kind, recipientDomain: recipientDomain(mail.to), attempts: entry.attempts },
        'mail sent',
      );
      return this.finish(entry, 'sent');
    } catch (error) {
      failure = error instanceof MailDeliveryError ? error : new MailDeliveryError('unexpected error', false);
    }
    const delay = this.retryDelaysMs[entry.attempts - 1];
    const expiresFirst = delay !== undefined && mail.expiresAt !== undefined && this.now() + delay >= mail.expiresAt;
    if (failure.permanent || delay === undefined || expiresFirst || this.closed) {
      return this.drop(entry, failure.reason);
    }
    const wait = Math.round(delay * (1 - JITTER + Math.random() * 2 * JITTER));
    this.options.logger.info(
      {
        mail: mail.kind,
        recipientDomain: recipientDomain(mail.to),
        attempts: entry.attempts,
        retryInSeconds: Math.round(wait / 1000),
        reason: failure.reason,
      },
      `mail not sent yet, tried again in ${Math.round(wait / 1000)} s: ${failure.reason}`,
    );
    entry.timer = setTimeout(() => {
      this.retrying.delete(entry);
      if (this.closed) return;
      this.waiting.push(entry);
      this.pump();
    }, wait);
    // A retry waiting does not keep a stopping process alive: close() accounts for it.
    entry.timer.unref();
    this.retrying.add(entry);
  }

  /** The mail will not be sent: one `warn` line, safe to read by anyone who reads the logs. */
  private drop(entry: Entry, reason: string): void {
    this.options.logger.warn(
      { mail: entry.mail.kind, recipientDomain: recipientDomain(entry.mail.to), attempts: entry.attempts, reason },
      `mail not sent: ${reason}`,
    );
    this.finish(entry, 'failed');
  }

  private finish(entry: Entry, outcome: MailOutcomeName): void {
    if (outcome === 'sent') this.sent += 1;
    else this.failed += 1;
    const event: MailOutcome = { kind: entry.mail.kind, outcome, attempts: entry.attempts };
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A metrics listener that throws must not lose the next mails.
      }
    }
  }

  private notifyIdle(): void {
    if (this.counts.pending > 0) return;
    const waiters = this.idleWaiters.splice(0);
    for (const resolve of waiters) resolve();
  }
}

/** `jean.dupont@univ-exemple.fr` → `univ-exemple.fr`: enough to see which provider refuses, not who. */
export function recipientDomain(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}
