/**
 * The read-only part of `<sel-general-info>`: the rows of its description list, laid out for reading
 * rather than as disabled inputs. Everything the server sends goes through Lit text bindings, so it is
 * always text, never markup.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Account } from '../../contract/schemas.js';
import type { MessageKey } from '../../i18n/messages.js';
import { affiliationLabels } from './affiliations.js';
import { asCalendarDay } from './format.js';
import { mailtoHref } from '../shared/mailto.js';
import { isolatedText, serverText } from '../shared/server-text.js';

export interface DetailsContext {
  msg: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** A date in the page's language. */
  formatDate: (iso: string) => string;
}

/** The rows before the website: identity, affiliations, structures, title, password and account dates. */
export function renderDetailRows(account: Account, context: DetailsContext): TemplateResult {
  const { msg } = context;
  const passwordChangedAt = account.passwordChangedAt?.trim();
  return html`${detailRow(msg('generalInfo.displayName'), textOrNotGiven(account.displayName, context))}
  ${detailRow(msg('generalInfo.uid'), html`<span translate="no">${serverText(account.uid)}</span>`)}
  ${detailRow(msg('generalInfo.mail'), renderMail(account.mail, context))}
  ${detailRow(msg('generalInfo.affiliations'), renderAffiliations(account, context))}
  ${detailRow(
    msg('generalInfo.structures'),
    renderList(
      account.structures.map((structure) => structure.label.trim() || structure.code.trim()),
      context,
    ),
  )}
  ${detailRow(msg('generalInfo.jobTitle'), textOrNotGiven(account.title, context))}
  ${
    passwordChangedAt
      ? detailRow(msg('generalInfo.passwordChangedAt'), context.formatDate(asCalendarDay(passwordChangedAt)))
      : nothing
  }
  ${detailRow(msg('generalInfo.accountValidity'), renderValidity(account, context))}`;
}

/** One term and its value; the website row is built by the element with the same shape. */
export function detailRow(
  term: string | TemplateResult,
  value: string | TemplateResult,
  termId?: string,
): TemplateResult {
  return html`<div class="row" part="row">
    <dt id=${termId ?? nothing} part="term">${term}</dt>
    <dd part="value">${value}</dd>
  </div>`;
}

function textOrNotGiven(value: string | null | undefined, { msg }: DetailsContext): string | TemplateResult {
  const text = value?.trim();
  return text ? serverText(text) : html`<span class="muted">${msg('generalInfo.notGiven')}</span>`;
}

function renderMail(mail: string | null | undefined, context: DetailsContext): TemplateResult | string {
  const href = mailtoHref(mail);
  if (href) return html`<a href=${href} part="link" translate="no">${serverText(mail?.trim() ?? '')}</a>`;
  // An address the link could not carry safely is still the person's information: shown as text.
  return textOrNotGiven(mail, context);
}

function renderAffiliations(account: Account, context: DetailsContext): TemplateResult | string {
  const labels = affiliationLabels(account.affiliations, account.primaryAffiliation, context.msg);
  return renderList(
    // A value the directory holds as is may be right-to-left: isolated, it cannot reorder « (principale) ».
    labels.map(({ label, primary }) =>
      primary ? context.msg('generalInfo.primaryAffiliation', { label: isolatedText(label) }) : label,
    ),
    context,
  );
}

function renderList(items: string[], context: DetailsContext): TemplateResult | string {
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
function renderValidity(account: Account, { msg, formatDate }: DetailsContext): TemplateResult {
  const expiresAt = account.accountExpiresAt?.trim();
  return html`${
      expiresAt
        ? html`<p>${msg('generalInfo.accountExpiresAt', { date: formatDate(asCalendarDay(expiresAt)) })}</p>`
        : nothing
    }
    <p>${msg('generalInfo.accountRule')}</p>`;
}
