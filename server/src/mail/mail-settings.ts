/**
 * What the mail relay is and how the server may speak to it: the settings as the configuration loader
 * hands them over (each `_FILE` variant already read), the problems it reports at start, and the options
 * of the SMTP connection they lead to. A password, and the codes and links the mails carry, never travel
 * in clear to a host that is not this machine unless the administrator said the network is trusted.
 */
import addressparser from 'nodemailer/lib/addressparser';
import type { SMTPTransportOptions } from 'nodemailer';

/** The mail settings, validated by `mailSettingsProblems`; recovery is off when there are none. */
export interface MailSettings {
  /** `SEL_SMTP_URL`: `smtp://host[:port]` (STARTTLS, port 587 by default) or `smtps://host[:port]` (465). */
  smtpUrl: string;
  /** `SEL_SMTP_USER` and `SEL_SMTP_PASSWORD`: both or neither (a relay that trusts the server's address). */
  user?: string | undefined;
  password?: string | undefined;
  /** `SEL_MAIL_FROM`: `ne-pas-repondre@univ-exemple.fr` or `Université d'Exemple <ne-pas-repondre@…>`. */
  from: string;
  /** `SEL_SUPPORT_CONTACT`: whom a person contacts when a notice describes something they did not do. */
  supportContact?: string | undefined;
  /** `SEL_ALLOW_CLEARTEXT`: `smtp://` to a host that is not loopback may go on without STARTTLS. */
  allowCleartext: boolean;
  /**
   * A directory of templates that replace the built-in ones, file by file (proposed `SEL_MAIL_TEMPLATES_DIR`);
   * read by `loadMailTemplates`, not by the transport.
   */
  templatesDir?: string | undefined;
}

/**
 * The variables of the mail module, as `--help` and the administrators' documentation describe them. The
 * configuration loader reads them (with their `_FILE` variants) and passes the values to `mailSettingsProblems`.
 */
export const MAIL_ENVIRONMENT: Readonly<Record<string, string>> = {
  SEL_SMTP_URL:
    'the mail relay: smtp://host:port (STARTTLS required unless loopback or SEL_ALLOW_CLEARTEXT=true) or ' +
    'smtps://host:port; none: account recovery is off',
  SEL_SMTP_USER: 'the user the server logs in to the relay as; none: the relay accepts the server without login',
  SEL_SMTP_PASSWORD: 'its password, or SEL_SMTP_PASSWORD_FILE: a file holding it (required with SEL_SMTP_USER)',
  SEL_MAIL_FROM:
    'the sender of every mail, e.g. Université d’Exemple <ne-pas-repondre@univ-exemple.fr> (required with SEL_SMTP_URL)',
  SEL_SUPPORT_CONTACT:
    'whom a notice names for « this was not me »: text, an address or a URL; none: a sentence without a contact',
  SEL_MAIL_TEMPLATES_DIR: 'a directory of mail templates replacing the built-in ones, file by file',
};

/** Ports that speak one way only: naming them with the other scheme is a mistake the relay answers slowly. */
const IMPLICIT_TLS_PORT = 465;
const STARTTLS_PORTS = new Set([25, 587]);
const MAX_SUPPORT_CONTACT_LENGTH = 200;

/** A relay address as the settings name it; `undefined` with problems when it is not one. */
export interface SmtpEndpoint {
  secure: boolean;
  host: string;
  port: number;
}

export function parseSmtpUrl(value: string, problems: string[] = []): SmtpEndpoint | undefined {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  const secure = url?.protocol === 'smtps:';
  if (!url || !(secure || url.protocol === 'smtp:') || !url.hostname) {
    problems.push(`SEL_SMTP_URL must be smtp://host:port or smtps://host:port (got "${value}")`);
    return undefined;
  }
  if (url.username || url.password) {
    // A URL is printed in process lists and error messages; a password is not.
    problems.push('SEL_SMTP_URL must not hold credentials: use SEL_SMTP_USER and SEL_SMTP_PASSWORD(_FILE)');
    return undefined;
  }
  if ((url.pathname !== '' && url.pathname !== '/') || url.search || url.hash) {
    problems.push(
      `SEL_SMTP_URL must be smtp://host:port or smtps://host:port, without a path or query (got "${value}")`,
    );
    return undefined;
  }
  const port = url.port ? Number(url.port) : secure ? IMPLICIT_TLS_PORT : 587;
  if (!secure && port === IMPLICIT_TLS_PORT) {
    problems.push(`SEL_SMTP_URL: port ${IMPLICIT_TLS_PORT} speaks TLS from the start: write smtps://`);
  } else if (secure && STARTTLS_PORTS.has(port)) {
    problems.push(`SEL_SMTP_URL: port ${port} speaks STARTTLS: write smtp://`);
  }
  return { secure, host: url.hostname.replace(/^\[|\]$/g, ''), port };
}

/** Whether `host` is this machine: what travels to it never crosses a network. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare);
}

/** One mailbox, `address` or `Name <address>`, with no line break that could add a header. */
export function parseMailbox(value: string): { name: string; address: string } | undefined {
  if (/[\r\n]/.test(value)) return undefined;
  const parsed = addressparser(value, { flatten: true });
  const [mailbox] = parsed;
  if (parsed.length !== 1 || !mailbox || !isAddress(mailbox.address)) return undefined;
  return { name: mailbox.name, address: mailbox.address };
}

/**
 * A plain `local@domain` address, checked strictly: a recipient comes from a form, and a comma, a space or
 * angle brackets would let one value name several recipients or a header.
 */
export function isAddress(value: string): boolean {
  return value.length <= 254 && /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(value);
}

/**
 * Every problem of the settings at once, in the words of the configuration's other messages. `settings`
 * are the raw values: `undefined` for an unset variable.
 */
export function mailSettingsProblems(settings: {
  smtpUrl?: string | undefined;
  user?: string | undefined;
  password?: string | undefined;
  from?: string | undefined;
  supportContact?: string | undefined;
  templatesDir?: string | undefined;
}): string[] {
  const problems: string[] = [];
  if (settings.smtpUrl === undefined) {
    // The other variables mean nothing without a relay: set alone, they are a relay forgotten.
    for (const [name, value] of [
      ['SEL_SMTP_USER', settings.user],
      ['SEL_SMTP_PASSWORD', settings.password],
      ['SEL_MAIL_FROM', settings.from],
      ['SEL_SUPPORT_CONTACT', settings.supportContact],
      ['SEL_MAIL_TEMPLATES_DIR', settings.templatesDir],
    ] as const) {
      if (value !== undefined) problems.push(`${name} is set but SEL_SMTP_URL is not: mail is off without a relay`);
    }
    return problems;
  }
  parseSmtpUrl(settings.smtpUrl, problems);
  if ((settings.user === undefined) !== (settings.password === undefined)) {
    problems.push('SEL_SMTP_USER and SEL_SMTP_PASSWORD go together: set both, or neither for a relay without login');
  }
  if (settings.user !== undefined && /[\r\n]/.test(settings.user)) {
    problems.push('SEL_SMTP_USER must be one line');
  }
  if (settings.from === undefined) {
    problems.push(
      'SEL_MAIL_FROM is required with SEL_SMTP_URL: the sender of every mail, e.g. ne-pas-repondre@univ-exemple.fr',
    );
  } else if (!parseMailbox(settings.from)) {
    problems.push(
      `SEL_MAIL_FROM must be one address, e.g. ne-pas-repondre@univ-exemple.fr or Université d'Exemple <ne-pas-repondre@univ-exemple.fr> (got "${settings.from}")`,
    );
  }
  const contact = settings.supportContact;
  if (contact !== undefined && (/[\r\n]/.test(contact) || contact.length > MAX_SUPPORT_CONTACT_LENGTH)) {
    problems.push(`SEL_SUPPORT_CONTACT must be one line of at most ${MAX_SUPPORT_CONTACT_LENGTH} characters`);
  }
  return problems;
}

/** A relay that has not answered by then is down: the queue tries again later, /readyz says so. */
const CONNECTION_TIMEOUT_MS = 10_000;
const GREETING_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 30_000;
const DNS_TIMEOUT_MS = 10_000;

/**
 * The options of nodemailer's SMTP transport for `settings`, checked beforehand by `mailSettingsProblems`:
 *
 * - `smtps://`: TLS from the first byte, the certificate checked against Node's CAs (and NODE_EXTRA_CA_CERTS).
 * - `smtp://` to another host: STARTTLS required, so that nothing is sent (not even the login) when the relay
 *   does not offer it or an attacker on the way strips it; with `allowCleartext`, STARTTLS is used when offered.
 * - `smtp://` to loopback: no STARTTLS. Nothing crosses a network, and a local relay's certificate is rarely
 *   valid for `localhost` (Debian's Postfix offers a self-signed one), which would fail every mail.
 */
export function smtpTransportOptions(settings: MailSettings): SMTPTransportOptions {
  const endpoint = parseSmtpUrl(settings.smtpUrl);
  if (!endpoint) throw new TypeError('SEL_SMTP_URL is not an smtp:// or smtps:// URL');
  const inClearOnLoopback = !endpoint.secure && isLoopbackHost(endpoint.host);
  return {
    // A resolver answers for `localhost` as it likes: connect to the loopback address itself, so that the
    // connection that skips TLS because its host is loopback does reach this machine.
    host: inClearOnLoopback && endpoint.host.toLowerCase() === 'localhost' ? '127.0.0.1' : endpoint.host,
    port: endpoint.port,
    secure: endpoint.secure,
    ...(inClearOnLoopback && { ignoreTLS: true }),
    ...(!endpoint.secure && !inClearOnLoopback && !settings.allowCleartext && { requireTLS: true }),
    // Certificates are always checked (Node's default), said here so that no later edit turns it off unnoticed.
    tls: { rejectUnauthorized: true },
    ...(settings.user !== undefined && { auth: { user: settings.user, pass: settings.password ?? '' } }),
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: GREETING_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
    dnsTimeout: DNS_TIMEOUT_MS,
    // nodemailer's own logging would write the message, with its code or link, and the login exchange.
    logger: false,
    debug: false,
  };
}
