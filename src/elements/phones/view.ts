/**
 * The numbers as the view mode shows them: each with its type, as a `tel:` link to its E.164 form,
 * written nationally in the element's region and internationally otherwise. What the server sends is
 * text: a number that is not E.164 is shown as it is, and never becomes a link.
 */
import { html, type TemplateResult } from 'lit';
import type { Phone, PhoneType } from '../../contract/schemas.js';
import type { MessageKey } from '../../i18n/messages.js';
import { formatStoredPhone } from './stored-format.js';

type Msg = (key: MessageKey, params?: Record<string, string | number>) => string;

export function typeLabel(type: PhoneType, msg: Msg): string {
  return msg(`phones.type.${type}`);
}

export function renderPhoneList(phones: readonly Phone[], region: string, msg: Msg): TemplateResult {
  if (phones.length === 0) return html`<p part="empty">${msg('phones.none')}</p>`;
  return html`<ul class="phones" part="list">
    ${phones.map(
      (phone) =>
        html`<li part="item">
          <span class="type" part="type">${msg('phones.itemType', { type: typeLabel(phone.type, msg) })}</span>
          ${renderNumber(phone.number, region)}
        </li>`,
    )}
  </ul>`;
}

// The view does without the phone rules (downloaded when editing starts): a strict E.164 string, what the
// server stores, is trusted as a link; anything else is shown as it came.
function renderNumber(number: string, region: string): TemplateResult {
  const shown = formatStoredPhone(number, region);
  if (shown === undefined) return html`<span part="number" translate="no">${number}</span>`;
  return html`<a href="tel:${number}" part="link number" translate="no">${shown}</a>`;
}
