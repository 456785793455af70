/**
 * CAS 3.0, the parts a service needs: the login URL, ticket validation with `/p3/serviceValidate`, and the
 * SAML `LogoutRequest` of back-channel single logout, whose `SessionIndex` is the service ticket.
 */
import { child, localName, parseXml, type XmlElement } from './xml.js';

export type TicketValidation =
  { ok: true; user: string; attributes: Record<string, string[]> } | { ok: false; code: string };

export function casLoginUrl(casUrl: URL, service: string): string {
  return `${casUrl.href.replace(/\/$/, '')}/login?service=${encodeURIComponent(service)}`;
}

export function casLogoutUrl(casUrl: URL): string {
  return `${casUrl.href.replace(/\/$/, '')}/logout`;
}

export function serviceValidateUrl(casUrl: URL, service: string, ticket: string): string {
  const base = casUrl.href.replace(/\/$/, '');
  return `${base}/p3/serviceValidate?service=${encodeURIComponent(service)}&ticket=${encodeURIComponent(ticket)}`;
}

/** Reads a `serviceValidate` answer; throws on a document that is not one. */
export function parseServiceResponse(xml: string): TicketValidation {
  const root = parseXml(xml);
  if (localName(root.name) !== 'serviceResponse') throw new Error('not a CAS serviceResponse');
  const failure = child(root, 'authenticationFailure');
  if (failure) return { ok: false, code: failure.attributes['code'] ?? 'UNKNOWN' };
  const success = child(root, 'authenticationSuccess');
  const user = child(success, 'user')?.text.trim();
  if (!user) throw new Error('a CAS success without a user');
  return { ok: true, user, attributes: attributesOf(child(success, 'attributes')) };
}

function attributesOf(node: XmlElement | undefined): Record<string, string[]> {
  const attributes: Record<string, string[]> = {};
  for (const entry of node?.children ?? []) {
    const name = localName(entry.name);
    (attributes[name] ??= []).push(entry.text.trim());
  }
  return attributes;
}

/** The service ticket a single-logout `LogoutRequest` names, or `undefined` when it names none. */
export function logoutRequestTicket(xml: string): string | undefined {
  const root = parseXml(xml);
  if (localName(root.name) !== 'LogoutRequest') return undefined;
  const ticket = child(root, 'SessionIndex')?.text.trim();
  return ticket ? ticket : undefined;
}
