/**
 * A CAS client for tests that need a ticket without a browser: the login form round trip over plain HTTP,
 * ticket validation, logout, and the whole login into the server as a browser makes it (its cookies kept).
 * Written against LemonLDAP::NG's portal; nothing here is used by the server.
 */
import type { BrowserLikeClient } from './browser-like-client.js';

/** What the portal logged, for the message of a login that failed. */
export interface PortalLog {
  /** How much the portal has logged so far: give it to `loggedProblems` to see only what came after. */
  logPosition(): number;
  /**
   * The error and warning lines the portal logged (since `since`), each once: an LDAP server it cannot
   * reach, a service account it cannot bind with, a Perl module it cannot load.
   */
  loggedProblems(since?: number): string[];
}

/** What the CAS server answered to a submitted login form. */
export interface CasLoginAnswer {
  status: number;
  /** The redirect, on success `SERVICE?ticket=ST-…`. */
  location: string | null;
  /** The service ticket taken from `location`, or null. */
  ticket: string | null;
  /** `NAME=VALUE` of the portal's SSO session cookie when one was set: what a logout needs. */
  sessionCookie: string | null;
  /** The page shown instead of a redirect (the form again after a wrong password). */
  body: string;
}

/**
 * GETs the login form for `service`, then POSTs `user`, `password` and the form's hidden fields to the
 * same URL, the way the browser would; redirects are not followed, so the answer is the CAS server's own.
 */
export async function submitCasLogin(options: {
  casUrl: string;
  service: string;
  user: string;
  password: string;
}): Promise<CasLoginAnswer> {
  const loginUrl = `${options.casUrl}/login?service=${encodeURIComponent(options.service)}`;
  const formPage = await fetch(loginUrl, { redirect: 'manual' });
  const formHtml = await formPage.text();
  if (formPage.status !== 200) throw new Error(`GET ${loginUrl} answered ${formPage.status}, not the login form.`);
  const fields = new URLSearchParams(hiddenFields(formHtml));
  fields.set('user', options.user);
  fields.set('password', options.password);
  const cookies = cookiePairs(formPage.headers.getSetCookie());
  const answer = await fetch(loginUrl, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(cookies.length ? { cookie: cookies.join('; ') } : {}),
    },
    body: fields,
  });
  const location = answer.headers.get('location');
  const ticket = location ? new URL(location).searchParams.get('ticket') : null;
  const sessionCookie =
    cookiePairs(answer.headers.getSetCookie()).find((pair) => pair.startsWith('lemonldap=')) ?? null;
  return { status: answer.status, location, ticket, sessionCookie, body: await answer.text() };
}

/** A successful login: the service ticket and the portal session it belongs to. */
export interface CasLogin {
  ticket: string;
  location: string;
  sessionCookie: string;
}

/**
 * `submitCasLogin` that must succeed. The error says what came back instead, the portal's reason and, given
 * `portal`, what it logged meanwhile (never the password).
 */
export async function casLogin(options: {
  casUrl: string;
  service: string;
  user: string;
  password: string;
  portal?: PortalLog;
}): Promise<CasLogin> {
  const position = options.portal?.logPosition();
  const answer = await submitCasLogin(options);
  if (answer.status !== 302 || !answer.ticket || !answer.location || !answer.sessionCookie) {
    throw new Error(
      loginFailureMessage({
        user: options.user,
        outcome: `gave ${answer.status} and no ticket (location ${answer.location})`,
        portalError: portalErrorOf(answer.body),
        logged: options.portal?.loggedProblems(position) ?? [],
      }),
    );
  }
  return { ticket: answer.ticket, location: answer.location, sessionCookie: answer.sessionCookie };
}

/**
 * Logs `client` into the server the way a browser does: `/auth/login` (the server sets its login cookie and
 * sends the browser to CAS with its service URL), the portal's form, then back to the server at the
 * address the portal redirects to, ticket included. Resolves with the ticket, the portal session and the
 * server's answer to the callback (a redirect to `returnPath` when the login succeeded).
 */
export async function logInThroughCas(
  client: BrowserLikeClient,
  options: { casUrl: string; user: string; password: string; returnPath?: string; portal?: PortalLog },
): Promise<CasLogin & { service: string; landing: Response }> {
  const toCas = await client.request(`/auth/login?return=${encodeURIComponent(options.returnPath ?? '/')}`);
  const location = toCas.headers.get('Location');
  if (toCas.status !== 302 || !location) throw new Error(`/auth/login answered ${toCas.status}, not a redirect.`);
  const service = new URL(location).searchParams.get('service');
  if (!service) throw new Error(`/auth/login sent the browser to ${location}, without a service.`);
  const login = await casLogin({ ...options, service });
  const back = new URL(login.location);
  const landing = await client.request(back.pathname + back.search);
  return { ...login, service, landing };
}

/**
 * The portal's own error codes (LemonLDAP::NG's `PE_*` constants) that a login can meet here, with what
 * each means for someone setting the portal up: the page shows only a translated sentence.
 */
const PORTAL_ERRORS: Readonly<Record<string, string>> = {
  '2': 'PE_FORMEMPTY: the login or the password was empty',
  '3': 'PE_WRONGMANAGERACCOUNT: the account the portal searches the directory with was refused',
  '4': 'PE_USERNOTFOUND: no such person in the directory',
  '5': 'PE_BADCREDENTIALS: wrong login or password',
  '6': 'PE_LDAPCONNECTFAILED: the portal cannot reach the LDAP server',
  '7': 'PE_LDAPERROR: the LDAP server answered with an error (the search account, its password, the search base)',
  '21': 'PE_PP_ACCOUNT_LOCKED: the directory locked the account (ppolicy)',
  '22': 'PE_PP_PASSWORD_EXPIRED: the password has expired (ppolicy)',
  '24': 'PE_ERROR',
  '25': 'PE_PP_CHANGE_AFTER_RESET: the password was reset and must be changed (ppolicy)',
};

/** The error the portal's login page shows, by its code, or null when the page shows none. */
export function portalErrorOf(html: string): string | null {
  const code = /class="[^"]*message-negative[^"]*"[^>]*>\s*<span trmsg="(\d+)"/.exec(html)?.[1];
  if (code === undefined) return null;
  return `${PORTAL_ERRORS[code] ?? `PE ${code}`} (portal error ${code})`;
}

/** Why a login failed, in one message: what happened, the page's error, the portal's log. */
export function loginFailureMessage(failure: {
  user: string;
  outcome: string;
  portalError: string | null;
  logged: string[];
}): string {
  return [
    `The CAS login of ${failure.user} ${failure.outcome}.`,
    `The login page says: ${failure.portalError ?? 'no error message'}.`,
    failure.logged.length
      ? `LemonLDAP::NG logged meanwhile:\n  ${failure.logged.join('\n  ')}`
      : 'LemonLDAP::NG logged no error meanwhile.',
  ].join('\n');
}

/** What `/p3/serviceValidate` said, parsed: a user and attributes, or a failure code. */
export type ServiceValidation =
  { ok: true; user: string; attributes: Record<string, string[]> } | { ok: false; code: string };

export async function validateServiceTicket(options: {
  casUrl: string;
  service: string;
  ticket: string;
}): Promise<ServiceValidation> {
  const url = new URL(`${options.casUrl}/p3/serviceValidate`);
  url.searchParams.set('service', options.service);
  url.searchParams.set('ticket', options.ticket);
  const answer = await fetch(url, { redirect: 'manual' });
  return parseServiceResponse(await answer.text());
}

/**
 * Reads a CAS 3.0 `serviceResponse`. The element order varies between answers, so each piece is looked
 * up by name; an attribute may come several times (one value each).
 */
export function parseServiceResponse(xml: string): ServiceValidation {
  const failure = /<cas:authenticationFailure\s+code=["']([^"']+)["']/.exec(xml);
  if (failure) return { ok: false, code: failure[1]! };
  const user = /<cas:user>([^<]*)<\/cas:user>/.exec(xml);
  if (!user) throw new Error(`Not a CAS service response:\n${xml}`);
  const attributes: Record<string, string[]> = {};
  const block = /<cas:attributes>([\s\S]*?)<\/cas:attributes>/.exec(xml)?.[1] ?? '';
  for (const [, name, value] of block.matchAll(/<cas:([\w.-]+)>([^<]*)<\/cas:\1>/g)) {
    (attributes[name!] ??= []).push(decodeXmlText(value!));
  }
  return { ok: true, user: decodeXmlText(user[1]!.trim()), attributes };
}

/** Ends the portal session at the CAS logout URL, which sends the back-channel logout requests. */
export async function casLogout(options: { casUrl: string; sessionCookie: string }): Promise<number> {
  const answer = await fetch(`${options.casUrl}/logout`, {
    redirect: 'manual',
    headers: { cookie: options.sessionCookie },
  });
  await answer.arrayBuffer();
  return answer.status;
}

/** `name → value` of the form's hidden inputs, whatever the order of their attributes. */
export function hiddenFields(html: string): [string, string][] {
  const fields: [string, string][] = [];
  for (const [tag] of html.matchAll(/<input\b[^>]*>/gi)) {
    const attribute = (name: string): string | undefined =>
      new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i')
        .exec(tag)
        ?.slice(1)
        .find((v) => v !== undefined);
    if (attribute('type')?.toLowerCase() !== 'hidden') continue;
    const name = attribute('name');
    if (name) fields.push([name, decodeXmlText(attribute('value') ?? '')]);
  }
  return fields;
}

/** `NAME=VALUE` of each Set-Cookie, without its attributes; expired (emptied) cookies are left out. */
function cookiePairs(setCookies: string[]): string[] {
  return setCookies.map((line) => line.split(';')[0]!.trim()).filter((pair) => !pair.endsWith('='));
}

function decodeXmlText(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
