/**
 * The mails of account recovery, each a function of what it tells, returning its subject, text part and
 * HTML part in the person's language. Every value is escaped in the HTML part; none but the confirmation
 * code and the reset link is a secret, and those two appear only in the mail that carries them.
 */
import { isIP } from 'node:net';
import {
  CONFIRMATION_CODE_VALIDITY_MINUTES,
  groupConfirmationCode,
  RESET_LINK_VALIDITY_MINUTES,
} from './confirmation-code.js';
import { BUILT_IN_TEMPLATES } from './templates/load-templates.js';
import { escapeHtml } from '../page/html.js';
import {
  renderTemplate,
  textValue,
  type MailContent,
  type MailKind,
  type MailLanguage,
  type MailTemplates,
  type PlaceholderValue,
} from './templates/template.js';
import { isAddress } from './mail-settings.js';

/** What every mail of a server shares: its templates, its support contact, the time zone of its dates. */
export interface MessageContext {
  /** The built-in templates by default. */
  templates?: MailTemplates | undefined;
  /** `SEL_SUPPORT_CONTACT`. */
  supportContact?: string | undefined;
  /** An IANA zone such as `Europe/Paris`; by default the server's (its `TZ` environment variable). */
  timeZone?: string | undefined;
}

interface Addressee {
  language: MailLanguage;
  /** The person's name as the directory gives it (`displayName`), for the greeting. */
  name: string;
}

export interface ConfirmationCodeMail extends Addressee {
  /** The address being confirmed, which the mail is sent to. */
  address: string;
  /** Six digits, from `generateConfirmationCode`. */
  code: string;
}

export interface PasswordNoticeMail extends Addressee {
  /** `changed` from the page with the old password; `reset` with a recovery link. */
  event: 'changed' | 'reset';
  at: Date;
  /** The client's IP address as the server saw it (behind a trusted proxy, the forwarded one). */
  clientAddress: string;
}

export interface AddressRemovedMail extends Addressee {
  /** The address removed, which the mail is sent to. */
  address: string;
  at: Date;
  clientAddress: string;
}

export interface ResetLinkMail extends Addressee {
  /** The one-time link to the page that sets a new password. */
  link: string | URL;
}

export function confirmationCodeMail(mail: ConfirmationCodeMail, context: MessageContext = {}): MailContent {
  return render('confirmation-code', mail, context, {
    address: textValue(checkedAddress(mail.address)),
    code: textValue(groupConfirmationCode(mail.code)),
    minutes: textValue(String(CONFIRMATION_CODE_VALIDITY_MINUTES)),
  });
}

export function passwordNoticeMail(mail: PasswordNoticeMail, context: MessageContext = {}): MailContent {
  return render(mail.event === 'reset' ? 'password-reset' : 'password-changed', mail, context, {
    date: textValue(formatMailDate(mail.at, mail.language, context.timeZone)),
    clientAddress: textValue(checkedClientAddress(mail.clientAddress)),
  });
}

export function addressRemovedMail(mail: AddressRemovedMail, context: MessageContext = {}): MailContent {
  return render('address-removed', mail, context, {
    address: textValue(checkedAddress(mail.address)),
    date: textValue(formatMailDate(mail.at, mail.language, context.timeZone)),
    clientAddress: textValue(checkedClientAddress(mail.clientAddress)),
  });
}

export function resetLinkMail(mail: ResetLinkMail, context: MessageContext = {}): MailContent {
  const link = new URL(mail.link);
  if (link.protocol !== 'https:' && link.protocol !== 'http:') throw new TypeError('A reset link is an http(s) URL.');
  return render('reset-link', mail, context, {
    link: textValue(link.href),
    minutes: textValue(String(RESET_LINK_VALIDITY_MINUTES)),
  });
}

function render(
  kind: MailKind,
  addressee: Addressee,
  context: MessageContext,
  values: Record<string, PlaceholderValue>,
): MailContent {
  const templates = context.templates ?? BUILT_IN_TEMPLATES;
  return renderTemplate(templates[kind][addressee.language], {
    name: textValue(oneLine(addressee.name)),
    notMe: notMeSentence(addressee.language, context.supportContact),
    ...values,
  });
}

/**
 * What a person does when the mail describes something they did not do. With a contact, the sentence ends
 * on it after a colon, so that a text, an address or a URL reads right and a URL is not followed by a full
 * stop that mail clients would take into the link; an address or URL is a link in the HTML part.
 */
export function notMeSentence(language: MailLanguage, contact: string | undefined): PlaceholderValue {
  const trimmed = contact?.trim();
  if (!trimmed) {
    return textValue(
      language === 'fr'
        ? "Si ce n'est pas vous, prévenez sans attendre le service informatique de votre établissement."
        : "If this was not you, tell your institution's IT help desk at once.",
    );
  }
  const lead =
    language === 'fr'
      ? "Si ce n'est pas vous, prévenez sans attendre\u00a0: "
      : 'If this was not you, contact at once: ';
  let html = escapeHtml(trimmed);
  if (/^https?:\/\/\S+$/i.test(trimmed) && URL.canParse(trimmed)) {
    html = `<a href="${escapeHtml(new URL(trimmed).href)}">${escapeHtml(trimmed)}</a>`;
  } else if (isAddress(trimmed)) {
    html = `<a href="mailto:${escapeHtml(trimmed)}">${escapeHtml(trimmed)}</a>`;
  }
  return { text: `${lead}${trimmed}`, html: `${escapeHtml(lead)}${html}` };
}

/** `mardi 3 mars 2026 à 14:05 UTC+1`, `Tuesday, 3 March 2026 at 14:05 CET`: the zone said, as the reader may be elsewhere. */
export function formatMailDate(at: Date, language: MailLanguage, timeZone?: string): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(timeZone !== undefined && { timeZone }),
  }).format(at);
}

/** A name is one line of text: a control character from the directory would garble a greeting or a header. */
export function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').trim();
}

function checkedAddress(address: string): string {
  if (!isAddress(address)) throw new TypeError('Not a single e-mail address.');
  return address;
}

function checkedClientAddress(address: string): string {
  if (isIP(address) === 0) throw new TypeError('The client address is an IP address.');
  return address;
}
