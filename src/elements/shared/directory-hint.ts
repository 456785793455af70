import { html, nothing, type TemplateResult } from 'lit';
import type { Account } from '../../contract/schemas.js';
import { MAX_WEBSITE_LENGTH, safeWebsiteHref } from '../../validation/website.js';
import { mailtoHref } from './mailto.js';
import { serverText } from './server-text.js';

/**
 * « Pour les informations non modifiables individuellement, contactez votre correspondant annuaire. »
 * with the account's directory contact as a link: mail first (what the user guide implies), else an
 * http(s) page. A value that is neither a mail address nor an http(s) URL never becomes a link. The wording
 * is a message, so a university overrides it through `configure()`.
 */
export function renderDirectoryHint(
  account: Account,
  msg: (key: 'common.directoryHint' | 'common.directoryContactLink') => string,
): TemplateResult {
  const contact = account.directoryContact;
  const email = contact?.email?.trim();
  const mailto = mailtoHref(email);
  const url = contact?.url;
  // A link longer than any a person could have typed is the backend's mistake: never followed.
  const href = mailto ?? (url && url.length <= MAX_WEBSITE_LENGTH ? safeWebsiteHref(url) : undefined);
  const name = contact?.name?.trim();
  const label = name || (mailto ? email : undefined) || msg('common.directoryContactLink');
  return html`<p class="hint" part="hint">
    ${msg('common.directoryHint')}
    ${href ? html`<a href=${href} part="link">${serverText(label)}</a>` : name ? serverText(name) : nothing}
  </p>`;
}
