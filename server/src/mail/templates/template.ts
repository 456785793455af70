/**
 * A mail template: a subject, a plain-text body and an HTML document, with `{{placeholders}}` that the
 * server fills in. Each value has a text form and an HTML form: what comes from a person or a request is
 * escaped in the HTML form, so a name such as `<script>` reads as text in every mail client. Built-in and
 * administrator's templates go through the same checks and the same rendering.
 */
import { escapeHtml } from '../../page/html.js';

export type MailLanguage = 'fr' | 'en';
export const MAIL_LANGUAGES: readonly MailLanguage[] = ['fr', 'en'];

/** Each mail the server sends; also the name of its template files. */
export type MailKind = 'confirmation-code' | 'password-changed' | 'password-reset' | 'address-removed' | 'reset-link';
export const MAIL_KINDS: readonly MailKind[] = [
  'confirmation-code',
  'password-changed',
  'password-reset',
  'address-removed',
  'reset-link',
];

/**
 * The placeholders each mail fills in. `notMe` is the sentence naming whom to tell when the person did not
 * do what the mail describes (`SEL_SUPPORT_CONTACT`), whole, in the mail's language.
 */
export const MAIL_PLACEHOLDERS: Readonly<Record<MailKind, readonly string[]>> = {
  'confirmation-code': ['name', 'address', 'code', 'minutes', 'notMe'],
  'password-changed': ['name', 'date', 'clientAddress', 'notMe'],
  'password-reset': ['name', 'date', 'clientAddress', 'notMe'],
  'address-removed': ['name', 'address', 'date', 'clientAddress', 'notMe'],
  'reset-link': ['name', 'link', 'minutes', 'notMe'],
};

/** Without these a mail is of no use: a template must show them in its text and in its HTML. */
export const REQUIRED_PLACEHOLDERS: Readonly<Partial<Record<MailKind, readonly string[]>>> = {
  'confirmation-code': ['code'],
  'reset-link': ['link'],
};

export interface MailTemplate {
  /** One line; placeholders take their text form. */
  subject: string;
  text: string;
  /** A whole HTML document. */
  html: string;
}

export type MailTemplates = Readonly<Record<MailKind, Readonly<Record<MailLanguage, MailTemplate>>>>;

/** What a mail says: the subject and its two parts. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/** A placeholder's value in the text part and in the HTML part. */
export interface PlaceholderValue {
  text: string;
  html: string;
}

/** Plain text: the HTML form is the text escaped. */
export function textValue(text: string): PlaceholderValue {
  return { text, html: escapeHtml(text) };
}

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

export function renderTemplate(
  template: MailTemplate,
  values: Readonly<Record<string, PlaceholderValue>>,
): MailContent {
  const fill = (source: string, form: keyof PlaceholderValue): string =>
    source.replace(PLACEHOLDER, (whole, key: string) => {
      const value = values[key];
      // The templates were checked against the placeholders of their mail when they were loaded.
      if (value === undefined) throw new Error(`No value for the placeholder ${whole}`);
      return value[form];
    });
  return {
    // A line break in a subject would end the header: whatever a value holds, the subject stays one line.
    subject: fill(template.subject, 'text').replace(/\s+/g, ' ').trim(),
    text: fill(template.text, 'text'),
    html: fill(template.html, 'html'),
  };
}

/**
 * Why the HTML of a mail loads something from elsewhere, if it does. A remote image, style sheet or font
 * tells its server who opened the mail and when, and most clients block them anyway; links are fine.
 */
export function remoteContentProblems(html: string): string[] {
  const problems: string[] = [];
  const rules: [RegExp, string][] = [
    [
      /\b(?:src|srcset|background|poster)\s*=\s*["']?\s*(?!data:)(?:[a-z][a-z0-9+.-]*:|\/\/)/i,
      'loads a remote resource (src=…)',
    ],
    [/<(?:image|use|feImage)\b[^>]*href\s*=\s*["']?\s*(?!#|data:)/i, 'loads a remote resource (SVG href)'],
    [/<link\b/i, 'links a style sheet or font (<link>)'],
    [/url\s*\(/i, 'loads a resource from CSS (url(…))'],
    [/@import\b/i, 'imports CSS (@import)'],
    [
      /<(?:script|iframe|object|embed|frame|form|base|meta\s+http-equiv)\b/i,
      'has active content (script, frame, form…)',
    ],
    [/\son[a-z]+\s*=/i, 'has an event handler attribute (on…=)'],
  ];
  for (const [pattern, problem] of rules) if (pattern.test(html)) problems.push(problem);
  return problems;
}

/** Every problem of one template of `kind`, each prefixed with `where` (a file name, for an administrator). */
export function templateProblems(kind: MailKind, template: MailTemplate, where: string): string[] {
  const problems: string[] = [];
  const allowed = new Set(MAIL_PLACEHOLDERS[kind]);
  for (const source of Object.values(template)) {
    for (const [whole, key] of source.matchAll(PLACEHOLDER)) {
      if (!allowed.has(key!)) {
        problems.push(`${where}: ${whole} is not a placeholder of ${kind} (it has ${[...allowed].join(', ')})`);
      }
    }
  }
  if (!template.subject.trim()) problems.push(`${where}: the subject is empty`);
  if (/[\r\n]/.test(template.subject)) problems.push(`${where}: the subject is more than one line`);
  for (const key of REQUIRED_PLACEHOLDERS[kind] ?? []) {
    for (const part of ['text', 'html'] as const) {
      if (!new RegExp(`\\{\\{\\s*${key}\\s*\\}\\}`).test(template[part])) {
        problems.push(`${where}: the ${part} part must show {{${key}}}`);
      }
    }
  }
  for (const problem of remoteContentProblems(template.html)) problems.push(`${where}: the HTML ${problem}`);
  return problems;
}

/** The templates could not be used; each problem names its file. */
export class MailTemplateError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid mail templates:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}
