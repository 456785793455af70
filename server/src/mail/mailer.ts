/**
 * The mail service of the server: the mails of account recovery rendered in the person's language, put in
 * the queue, and sent through the relay of `SEL_SMTP_URL`; whether that relay answers, for `/readyz`; the
 * count of mails sent and failed, for `/metrics`. Every mail is automatic (`Auto-Submitted`), so that
 * out-of-office replies and the like are not sent back to it.
 */
import nodemailer, { type NodemailerError, type SMTPSentMessageInfo, type Transporter } from 'nodemailer';
import { DependencyState, type OperationsLogger, type Readiness } from '../health/readiness.js';
import { CONFIRMATION_CODE_VALIDITY_MINUTES, RESET_LINK_VALIDITY_MINUTES } from './confirmation-code.js';
import { MailDeliveryError, MailQueue, type MailCounts, type MailOutcome, type OutgoingMail } from './mail-queue.js';
import { isAddress, parseMailbox, parseSmtpUrl, smtpTransportOptions, type MailSettings } from './mail-settings.js';
import {
  addressRemovedMail,
  confirmationCodeMail,
  oneLine,
  passwordNoticeMail,
  resetLinkMail,
  type AddressRemovedMail,
  type ConfirmationCodeMail,
  type MessageContext,
  type PasswordNoticeMail,
  type ResetLinkMail,
} from './messages.js';
import type { MailContent, MailKind, MailTemplates } from './templates/template.js';

export type MailTransporter = Transporter<SMTPSentMessageInfo>;

export interface MailServiceOptions {
  settings: MailSettings;
  logger: OperationsLogger;
  /** From `loadMailTemplates(settings.templatesDir)`; the built-in ones by default. */
  templates?: MailTemplates | undefined;
  /** The zone of the dates in the mails; the server's (`TZ`) by default. */
  timeZone?: string | undefined;
  /** The queue's waits before each retry, concurrency and bound (tests shorten the waits). */
  retryDelaysMs?: readonly number[] | undefined;
  concurrency?: number | undefined;
  maxPending?: number | undefined;
  /** How long `ready()` waits for the relay, and how long its answer is reused. */
  readinessTimeoutMs?: number | undefined;
  readinessCacheMs?: number | undefined;
  /** The SMTP transport; by default one built from `settings` (tests point one at a local relay). */
  transporter?: MailTransporter | undefined;
  now?: () => number;
}

/** A slower relay fails the check before `/readyz` gives up on it (5 s), so that the reason is the relay's. */
export const READINESS_TIMEOUT_MS = 4_000;
/**
 * Each check opens a connection to the relay and logs in: a load balancer probing every few seconds must not
 * do that each time, nor see a relay that came back a minute late.
 */
export const READINESS_CACHE_MS = 30_000;
const FAILED_READINESS_CACHE_MS = 10_000;

export class MailService {
  private readonly queue: MailQueue;
  private readonly transporter: MailTransporter;
  private readonly context: MessageContext;
  private readonly from: { name: string; address: string };
  private readonly relay: string;
  private readonly relayState: DependencyState;
  private readonly now: () => number;
  private readonly readinessTimeoutMs: number;
  private readonly readinessCacheMs: number;
  private checked: { at: number; result: Readiness } | undefined;
  private checking: Promise<Readiness> | undefined;

  constructor(private readonly options: MailServiceOptions) {
    const { settings } = options;
    const from = parseMailbox(settings.from);
    const endpoint = parseSmtpUrl(settings.smtpUrl);
    if (!from || !endpoint) throw new TypeError('Mail settings not checked by mailSettingsProblems.');
    this.from = from;
    this.relay = `${endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host}:${endpoint.port}`;
    this.transporter = options.transporter ?? nodemailer.createTransport(smtpTransportOptions(settings));
    this.context = {
      templates: options.templates,
      supportContact: settings.supportContact,
      timeZone: options.timeZone,
    };
    this.now = options.now ?? Date.now;
    this.readinessTimeoutMs = options.readinessTimeoutMs ?? READINESS_TIMEOUT_MS;
    this.readinessCacheMs = options.readinessCacheMs ?? READINESS_CACHE_MS;
    this.relayState = new DependencyState('mail relay', options.logger);
    this.queue = new MailQueue({
      deliver: (mail) => this.deliver(mail),
      logger: options.logger,
      retryDelaysMs: options.retryDelaysMs,
      concurrency: options.concurrency,
      maxPending: options.maxPending,
      now: this.now,
    });
  }

  /**
   * The code that confirms a new recovery address, sent to that address. It is not sent once expired:
   * `expiresAt` by default 30 minutes from now, the validity the mail states.
   */
  sendConfirmationCode(mail: ConfirmationCodeMail & { expiresAt?: number }): void {
    const expiresAt = mail.expiresAt ?? this.now() + CONFIRMATION_CODE_VALIDITY_MINUTES * 60_000;
    this.enqueue('confirmation-code', mail.address, mail, confirmationCodeMail(mail, this.context), expiresAt);
  }

  /** The notice of a password changed or reset, sent to `to` (the person's addresses, one mail each). */
  sendPasswordNotice(mail: PasswordNoticeMail & { to: string }): void {
    const kind = mail.event === 'reset' ? 'password-reset' : 'password-changed';
    this.enqueue(kind, mail.to, mail, passwordNoticeMail(mail, this.context));
  }

  /** The notice to an address that is no longer a recovery address of the account. */
  sendAddressRemoved(mail: AddressRemovedMail): void {
    this.enqueue('address-removed', mail.address, mail, addressRemovedMail(mail, this.context));
  }

  /** The reset link, sent to `to`; not sent once expired (by default 60 minutes from now). */
  sendResetLink(mail: ResetLinkMail & { to: string; expiresAt?: number }): void {
    const expiresAt = mail.expiresAt ?? this.now() + RESET_LINK_VALIDITY_MINUTES * 60_000;
    this.enqueue('reset-link', mail.to, mail, resetLinkMail(mail, this.context), expiresAt);
  }

  /** Each mail's final outcome, as it happens: what the metrics count. Returns how to stop listening. */
  onOutcome(listener: (outcome: MailOutcome) => void): () => void {
    return this.queue.onOutcome(listener);
  }

  /** Mails sent and failed since start, and pending now. */
  get counts(): MailCounts {
    return this.queue.counts;
  }

  /** Resolves once no mail is pending. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /**
   * Whether the relay answers and accepts the server's login (nodemailer's `verify`: connect, STARTTLS or
   * TLS, EHLO, AUTH), reused for a while; logged once per change of state. Never throws.
   */
  ready(): Promise<Readiness> {
    const cached = this.checked;
    if (cached) {
      const maxAge = cached.result.ok
        ? this.readinessCacheMs
        : Math.min(this.readinessCacheMs, FAILED_READINESS_CACHE_MS);
      if (this.now() - cached.at < maxAge) return Promise.resolve(cached.result);
    }
    // Probes that arrive together share one connection to the relay.
    this.checking ??= this.verify().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  /** Stops taking mails, lets those being sent finish, and closes the transport. */
  async close(graceMs?: number): Promise<void> {
    await this.queue.close(graceMs);
    this.transporter.close();
  }

  private enqueue(
    kind: MailKind,
    to: string,
    addressee: { language: OutgoingMail['language']; name: string },
    content: MailContent,
    expiresAt?: number,
  ): void {
    // One address, or the value of a form could name several recipients: a mistake of the caller.
    if (!isAddress(to)) throw new TypeError('A mail goes to one e-mail address.');
    const toName = oneLine(addressee.name);
    this.queue.enqueue({ kind, to, toName, language: addressee.language, content, expiresAt });
  }

  private async deliver(mail: OutgoingMail): Promise<void> {
    try {
      await this.transporter.sendMail({
        from: this.from,
        to: mail.toName ? { name: mail.toName, address: mail.to } : mail.to,
        // The envelope named, not derived from the headers: exactly this recipient, bounces to the sender.
        envelope: { from: this.from.address, to: [mail.to] },
        subject: mail.content.subject,
        text: mail.content.text,
        html: mail.content.html,
        headers: {
          'Auto-Submitted': 'auto-generated',
          // Exchange's and Outlook's automatic replies read this one rather than Auto-Submitted.
          'X-Auto-Response-Suppress': 'All',
          'Content-Language': mail.language,
        },
        disableFileAccess: true,
        disableUrlAccess: true,
      });
    } catch (error) {
      const failure = describeSmtpFailure(error);
      throw new MailDeliveryError(failure.reason, failure.permanent);
    }
  }

  private async verify(): Promise<Readiness> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Readiness>((resolve) => {
      timer = setTimeout(
        () => resolve({ ok: false, reason: `${this.relay}: no answer within ${this.readinessTimeoutMs / 1000} s` }),
        this.readinessTimeoutMs,
      );
    });
    const check = this.transporter.verify().then(
      (): Readiness => ({ ok: true }),
      (error: unknown): Readiness => ({ ok: false, reason: `${this.relay}: ${describeSmtpFailure(error).reason}` }),
    );
    const result = await Promise.race([check, timeout]).finally(() => clearTimeout(timer));
    if (result.ok) this.relayState.up();
    else this.relayState.down(result.reason);
    this.checked = { at: this.now(), result };
    return result;
  }
}

/**
 * Why nodemailer failed, in words an administrator acts on, from its error code and the SMTP status only:
 * the relay's own text often quotes the recipient's address, and is never copied. `permanent`: the relay
 * refused this message or recipient for good (5xx), so that trying again would get the same answer.
 */
export function describeSmtpFailure(error: unknown): { reason: string; permanent: boolean } {
  const failure = (error ?? {}) as NodemailerError;
  const status = failure.responseCode ? ` (${failure.responseCode}${enhancedStatus(failure.response)})` : '';
  const cause = failure.originalCode ?? failure.code;
  switch (failure.code) {
    case 'EENVELOPE':
      return {
        reason:
          failure.command === 'MAIL FROM'
            ? `the relay refused the sender of SEL_MAIL_FROM${status}`
            : `the relay refused the recipient${status}`,
        permanent: failure.permanent === true,
      };
    case 'EMESSAGE':
      return { reason: `the relay refused the message${status}`, permanent: failure.permanent === true };
    case 'EAUTH':
      return { reason: `the relay refused the login of SEL_SMTP_USER${status}`, permanent: false };
    case 'ENOAUTH':
      return { reason: 'the relay asks for a login: set SEL_SMTP_USER and SEL_SMTP_PASSWORD', permanent: false };
    case 'ETLS':
      return {
        reason:
          failure.command === 'STARTTLS' && failure.responseCode
            ? 'the relay does not offer STARTTLS: use smtps://, or set SEL_ALLOW_CLEARTEXT=true if the network is trusted'
            : (certificateProblem(cause) ?? `TLS failed (${cause})`),
        permanent: false,
      };
    case 'ETIMEDOUT':
      return { reason: `the relay did not answer in time (${failure.timeoutType ?? 'timeout'})`, permanent: false };
    case 'EDNS':
      return { reason: `the relay's host name does not resolve (${cause})`, permanent: false };
    case 'ECONNECTION':
    case 'ESOCKET':
      return { reason: certificateProblem(cause) ?? `cannot reach the relay (${cause})`, permanent: false };
    default:
      return { reason: `the relay could not be used (${failure.code ?? 'unknown error'}${status})`, permanent: false };
  }
}

/** What is wrong with the relay's certificate, from Node's TLS error code; undefined for another error. */
function certificateProblem(code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  if (/SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code)) {
    return `the relay's certificate is not signed by a CA Node trusts (${code}): give that CA in NODE_EXTRA_CA_CERTS`;
  }
  if (/ALTNAME|HOSTNAME/.test(code)) return `the relay's certificate is not valid for its host name (${code})`;
  if (/CERT|SSL|TLS/.test(code)) return `the relay's certificate was refused (${code})`;
  return undefined;
}

/** `550 5.1.1 <jean@…>: unknown` → ` 5.1.1`: the enhanced status code, which names the cause and no one. */
function enhancedStatus(response: string | undefined): string {
  const match = /^\d{3}[ -]([245]\.\d{1,3}\.\d{1,3})\b/.exec(response ?? '');
  return match ? ` ${match[1]}` : '';
}
