/**
 * The read-only part of `<sel-general-info>`: what the directory knows about the person, one row of its
 * description list per piece of information, laid out for reading rather than as disabled inputs.
 *
 * A new read-only field is one entry of `DETAILS`, plus its label in the two message files: the element
 * shows it, and reads `DETAIL_FIELDS` to say so when the backend sends that field in a shape the contract
 * does not know. Everything the server sends goes through Lit text bindings, so it is always text, never
 * markup.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AccountField } from '../../contract/read-account.js';
import type { Account } from '../../contract/schemas.js';
import type { MessageKey } from '../../i18n/messages.js';
import { mailtoHref } from '../shared/mailto.js';
import { isolatedText, serverText } from '../shared/server-text.js';
import { affiliationLabels } from './affiliations.js';

export interface DetailsContext {
  msg: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** A date in the page's language. */
  formatDate: (iso: string) => string;
}

type Value = string | TemplateResult;

interface Detail {
  /** The account fields the row shows. */
  readonly fields: readonly AccountField[];
  /** The row's term. */
  readonly labelKey: MessageKey;
  /** The row's value; `undefined` leaves the row out. */
  readonly format: (account: Account, context: DetailsContext) => Value | undefined;
}

/** The rows, in the order the person reads them; the website comes after them, rendered by the element. */
const DETAILS: readonly Detail[] = [
  {
    fields: ['displayName'],
    labelKey: 'generalInfo.displayName',
    format: (account, context) => textOrNotGiven(account.displayName, context),
  },
  {
    fields: ['uid'],
    labelKey: 'generalInfo.uid',
    format: (account) => html`<span translate="no">${serverText(account.uid)}</span>`,
  },
  { fields: ['mail'], labelKey: 'generalInfo.mail', format: (account, context) => mail(account.mail, context) },
  { fields: ['affiliations', 'primaryAffiliation'], labelKey: 'generalInfo.affiliations', format: affiliations },
  {
    fields: ['structures'],
    labelKey: 'generalInfo.structures',
    format: (account, context) =>
      list(
        account.structures.map((structure) => structure.label.trim() || structure.code.trim()),
        context,
      ),
  },
  {
    fields: ['title'],
    labelKey: 'generalInfo.jobTitle',
    format: (account, context) => textOrNotGiven(account.title, context),
  },
  {
    fields: ['passwordChangedAt'],
    labelKey: 'generalInfo.passwordChangedAt',
    // A date the directory does not keep leaves the row out.
    format: (account, { formatDate }) => {
      const changedAt = account.passwordChangedAt?.trim();
      return changedAt ? formatDate(asCalendarDay(changedAt)) : undefined;
    },
  },
  { fields: ['accountExpiresAt'], labelKey: 'generalInfo.accountValidity', format: validity },
];

/** Every account field the rows show. */
export const DETAIL_FIELDS: readonly AccountField[] = DETAILS.flatMap((detail) => detail.fields);

export function renderDetails(account: Account, context: DetailsContext): (TemplateResult | typeof nothing)[] {
  return DETAILS.map((detail) => {
    const value = detail.format(account, context);
    return value === undefined ? nothing : detailRow(context.msg(detail.labelKey), value);
  });
}

/** One term and its value; the website row is built by the element with the same shape. */
export function detailRow(term: Value, value: Value, termId?: string): TemplateResult {
  return html`<div class="row" part="row">
    <dt id=${termId ?? nothing} part="term">${term}</dt>
    <dd part="value">${value}</dd>
  </div>`;
}

function textOrNotGiven(value: string | null | undefined, { msg }: DetailsContext): Value {
  const text = value?.trim();
  return text ? serverText(text) : html`<span class="muted">${msg('generalInfo.notGiven')}</span>`;
}

function mail(address: string | null | undefined, context: DetailsContext): Value {
  const href = mailtoHref(address);
  if (href) return html`<a href=${href} part="link" translate="no">${serverText(address?.trim() ?? '')}</a>`;
  // An address the link could not carry safely is still the person's information: shown as text.
  return textOrNotGiven(address, context);
}

function affiliations(account: Account, context: DetailsContext): Value {
  const labels = affiliationLabels(account.affiliations, account.primaryAffiliation, context.msg);
  return list(
    // A value the directory holds as is may be right-to-left: isolated, it cannot reorder « (principale) ».
    labels.map(({ label, primary }) =>
      primary ? context.msg('generalInfo.primaryAffiliation', { label: isolatedText(label) }) : label,
    ),
    context,
  );
}

function list(items: string[], context: DetailsContext): Value {
  const shown = items.filter((item) => item !== '');
  if (shown.length === 0) return textOrNotGiven(undefined, context);
  if (shown.length === 1) return serverText(shown[0] ?? '');
  return html`<ul class="values" part="list">
    ${shown.map((item) => html`<li>${serverText(item)}</li>`)}
  </ul>`;
}

/**
 * The expiry date when the directory has one, and always the rule of the user guide, in words: in the
 * text colour, since a grey sentence alone in a value reads as a placeholder.
 */
function validity(account: Account, { msg, formatDate }: DetailsContext): TemplateResult {
  const expiresAt = account.accountExpiresAt?.trim();
  return html`${
      expiresAt
        ? html`<p>${msg('generalInfo.accountExpiresAt', { date: formatDate(asCalendarDay(expiresAt)) })}</p>`
        : nothing
    }
    <p>${msg('generalInfo.accountRule')}</p>`;
}

/**
 * ISO 8601 reads a date alone (`2026-09-30`) as midnight UTC, which west of Greenwich (Antilles, Guyane,
 * Polynésie) is still the day before. A date alone is a calendar day, so it is given a local time of day:
 * noon, which exists on every day in every time zone, daylight saving included. Date-times are instants and
 * stay as they are: they are shown in the person's own time zone.
 */
function asCalendarDay(iso: string): string {
  const text = iso.trim();
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T12:00:00` : text;
}
