import { html, nothing, type TemplateResult } from 'lit';
import type { Account } from '../api/schemas.js';
import { safeWebsiteHref } from '../validation/website.js';

/**
 * « Pour les informations non modifiables individuellement, contactez votre correspondant annuaire. »
 * with the account's directory contact as a link: mail first (what the user guide implies), else an
 * http(s) page. The wording is a message, so a university overrides it through `configure()`.
 */
export function renderDirectoryHint(
  account: Account,
  msg: (key: 'common.directoryHint' | 'common.directoryContactLink') => string,
): TemplateResult {
  const contact = account.directoryContact;
  const email = contact?.email?.trim();
  const href = email ? `mailto:${encodeURIComponent(email).replace(/%40/g, '@')}` : safeWebsiteHref(contact?.url);
  const label = contact?.name?.trim() || email || msg('common.directoryContactLink');
  return html`<p class="hint" part="hint">
    ${msg('common.directoryHint')}
    ${href ? html`<a href=${href} part="link">${label}</a>` : contact?.name ? html`<span>${label}</span>` : nothing}
  </p>`;
}
