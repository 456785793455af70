/**
 * The numbers as the view mode shows them: each with its type, as a `tel:` link to its E.164 form,
 * written nationally in the element's region and internationally otherwise. What the server sends is
 * text: a number that does not read as one is shown as it is, and never becomes a link.
 */
import { html, type TemplateResult } from 'lit';
import type { Phone, PhoneType } from '../../contract/schemas.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { PhoneTools } from './loader.js';

type Msg = (key: MessageKey, params?: Record<string, string | number>) => string;

export function typeLabel(type: PhoneType, msg: Msg): string {
  return msg(`phones.type.${type}`);
}

export function renderPhoneList(
  phones: readonly Phone[],
  region: string,
  tools: PhoneTools | undefined,
  msg: Msg,
): TemplateResult {
  if (phones.length === 0) return html`<p part="empty">${msg('phones.none')}</p>`;
  return html`<ul class="phones" part="list">
    ${phones.map(
      (phone) =>
        html`<li part="item">
          <span class="type" part="type">${msg('phones.itemType', { type: typeLabel(phone.type, msg) })}</span>
          ${renderNumber(phone.number, region, tools)}
        </li>`,
    )}
  </ul>`;
}

// Without the validation module (it failed to load) only a strict E.164 string is trusted as a link.
const E164 = /^\+[1-9]\d{6,14}$/;

function renderNumber(number: string, region: string, tools: PhoneTools | undefined): TemplateResult {
  const parsed = tools?.parsePhone(number, region);
  const e164 = parsed ? (parsed.ok ? parsed.e164 : undefined) : E164.test(number) ? number : undefined;
  if (e164 === undefined) return html`<span part="number" translate="no">${number}</span>`;
  const shown = tools ? tools.formatPhoneForDisplay(e164, region) : number;
  return html`<a href="tel:${e164}" part="link number" translate="no">${shown}</a>`;
}
