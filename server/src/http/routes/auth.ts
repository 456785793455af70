/**
 * `/auth/login?return=PATH`, `/auth/logout`, `/auth/done` (the end of a login in a popup) and, in `cas`
 * mode, the service callback `/auth/cas` (the ticket) and its single-logout POST. `dev` opens the fixed
 * user's session at once; `header` relies on the proxy's header, read on every request by the session
 * manager.
 *
 * A CAS login is bound to the browser that started it (see `LoginNonce`), never silently replaces the
 * session of another person, and says so in a page when the CAS server cannot be reached. Single logout
 * is taken only from the CAS server's addresses, only as a form, and at a bounded rate.
 */
import { lookup } from 'node:dns/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import type { Config } from '../../config/config.js';
import type { SessionManager } from '../session.js';
import { ticketHash } from '../session.js';
import { safeReturnPath } from '../return-path.js';
import { requestLanguage, type Language } from '../language.js';
import { audit } from '../audit.js';
import { messagePage } from '../../page/message-page.js';
import { DependencyState } from '../../health/readiness.js';
import { AddressList } from '../../auth/address-list.js';
import { LOGIN_NONCE_PARAMETER, LoginNonce } from '../../auth/login-nonce.js';
import {
  casLoginUrl,
  casLogoutUrl,
  logoutRequestTicket,
  parseServiceResponse,
  serviceValidateUrl,
  type TicketValidation,
} from '../../auth/cas/cas-protocol.js';

/** The addresses a host name resolves to; DNS by default, a fixed answer in tests. */
export type ResolveHost = (hostname: string) => Promise<string[]>;

export interface AuthDeps {
  config: Config;
  sessions: SessionManager;
  fetch: typeof fetch;
  resolveHost?: ResolveHost;
}

const CAS_TIMEOUT_MS = 10_000;

/**
 * A `serviceValidate` answer is a few kB, more with many attributes: far beyond that, the CAS server (or
 * whatever answers in its place) is not sending one, and reading on would only cost memory.
 */
export const MAX_CAS_ANSWER_BYTES = 256 * 1024;

/**
 * The CAS server posts one LogoutRequest per ticket of each person who logs out: ten a second from its
 * address covers the busiest hour of a large campus; more is a fault or an abuse, and is answered 429.
 */
export const SINGLE_LOGOUTS_PER_MINUTE_PER_ADDRESS = 600;

const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';

const resolveWithDns: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/** Why serviceValidate gave no usable answer: words for the administrator's log, never the ticket. */
class CasUnavailableError extends Error {}

export async function authRoutes(
  app: FastifyInstance,
  { config, sessions, fetch, resolveHost = resolveWithDns }: AuthDeps,
): Promise<void> {
  const nonces = new LoginNonce(config);
  const serviceUrl = (returnPath: string, nonce: string): string =>
    `${config.publicUrl.origin}/auth/cas?return=${encodeURIComponent(returnPath)}&${LOGIN_NONCE_PARAMETER}=${nonce}`;

  app.get('/auth/login', async (request, reply) => {
    const returnPath = safeReturnPath(
      (request.query as Record<string, unknown>)['return'],
      config.publicUrl,
      config.allowedOrigins,
    );
    keepOpenerOnPopupLogin(reply, returnPath);
    if (request.session) return reply.redirect(returnPath);
    if (config.auth === 'dev') {
      sessions.open(reply, config.devUser);
      audit(request, 'login', 'ok', config.devUser);
      return reply.redirect(returnPath);
    }
    if (config.auth === 'cas') {
      const nonce = nonces.issue(request, reply);
      reply.header('Cache-Control', 'no-store');
      return reply.redirect(casLoginUrl(config.casUrl!, serviceUrl(returnPath, nonce)));
    }
    const en = requestLanguage(request) === 'en';
    return sendPage(reply, 401, {
      lang: en ? 'en' : 'fr',
      title: en ? 'Not logged in' : 'Non connecté',
      message: en
        ? 'The authentication proxy did not name you. Go through the portal to log in.'
        : 'Le proxy d’authentification ne vous a pas identifié. Passez par le portail pour vous connecter.',
      link: { href: '/', text: en ? 'Try again' : 'Réessayer' },
    });
  });

  app.get('/auth/logout', async (request, reply) => {
    const uid = request.session?.uid;
    await sessions.end(request, reply);
    if (uid !== undefined) audit(request, 'logout', 'ok', uid);
    if (config.auth === 'cas') return reply.redirect(casLogoutUrl(config.casUrl!));
    return reply.redirect(`/auth/logged-out${requestLanguage(request) === 'en' ? '?lang=en' : ''}`);
  });

  app.get('/auth/logged-out', async (request, reply) => {
    const en = requestLanguage(request) === 'en';
    return reply.type('text/html; charset=utf-8').send(
      messagePage({
        lang: en ? 'en' : 'fr',
        title: en ? 'Logged out' : 'Déconnecté',
        message: en ? 'You are logged out of « Mon compte ».' : 'Vous êtes déconnecté de « Mon compte ».',
        link: { href: en ? '/?lang=en' : '/', text: en ? 'Log in again' : 'Se reconnecter' },
      }),
    );
  });

  // The last page of the login that the elements open in a popup from a portal on another origin
  // (« Se connecter »): its script closes the popup, and the portal's page, watching it close, loads the
  // account. Opened any other way, it stays and says where to go.
  app.get(POPUP_LOGIN_DONE, async (request, reply) => {
    if (!request.session) return reply.redirect(loginPath(POPUP_LOGIN_DONE));
    keepOpenerOnPopupLogin(reply, POPUP_LOGIN_DONE);
    const en = requestLanguage(request) === 'en';
    return sendPage(reply, 200, {
      lang: en ? 'en' : 'fr',
      title: en ? 'Logged in' : 'Connecté',
      message: en
        ? 'You are logged in to « Mon compte ». You can close this window.'
        : 'Vous êtes connecté à « Mon compte ». Vous pouvez fermer cette fenêtre.',
      link: { href: en ? '/?lang=en' : '/', text: en ? 'Go to « Mon compte »' : 'Aller à « Mon compte »' },
      script: '/static/login-done.js',
    });
  });

  if (config.auth !== 'cas') return;
  const casUrl = config.casUrl!;
  const cas = new DependencyState('CAS', app.log);
  const logoutFrom = await singleLogoutSenders(config, casUrl, resolveHost);
  app.log.info({ casLogoutFrom: logoutFrom }, 'CAS single logout is accepted from these addresses only');
  const logoutSenders = new AddressList(logoutFrom);

  /** Asks the CAS server about the ticket; throws `CasUnavailableError` when it gives no usable answer. */
  async function validate(service: string, ticket: string): Promise<TicketValidation> {
    let response: Response;
    try {
      response = await fetch(serviceValidateUrl(casUrl, service, ticket), {
        signal: AbortSignal.timeout(CAS_TIMEOUT_MS),
        redirect: 'error',
      });
      if (!response.ok) {
        await response.body?.cancel();
        throw new CasUnavailableError(`serviceValidate answered HTTP ${response.status}`);
      }
      const answer = await readLimited(response, MAX_CAS_ANSWER_BYTES);
      try {
        return parseServiceResponse(answer);
      } catch {
        throw new CasUnavailableError('serviceValidate answered something that is not a CAS serviceResponse');
      }
    } catch (error) {
      throw error instanceof CasUnavailableError ? error : new CasUnavailableError(unreachableReason(error));
    }
  }

  app.get('/auth/cas', async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    const query = request.query as Record<string, unknown>;
    const returnPath = safeReturnPath(query['return'], config.publicUrl, config.allowedOrigins);
    keepOpenerOnPopupLogin(reply, returnPath);
    const ticket = query['ticket'];
    if (typeof ticket !== 'string' || ticket === '') return reply.redirect(loginPath(returnPath));
    const lang = pageLanguage(request, returnPath);
    const en = lang === 'en';
    const tryAgain = { href: loginPath(returnPath), text: en ? 'Try again' : 'Réessayer' };

    const nonce = query[LOGIN_NONCE_PARAMETER];
    const startedHere = nonces.matches(request, nonce);
    nonces.clear(reply);
    if (!startedHere || typeof nonce !== 'string') {
      // A ticket this browser did not ask for: someone else's login, or one that took longer than allowed.
      audit(request, 'login', 'not_started_in_this_browser');
      return sendPage(reply, 403, {
        lang,
        title: en ? 'Login failed' : 'Échec de la connexion',
        message: en
          ? 'This login was not started in this browser, or it took too long. Start it again.'
          : 'Cette connexion n’a pas été commencée dans ce navigateur, ou elle a pris trop de temps. Recommencez-la.',
        link: tryAgain,
      });
    }

    let validation: TicketValidation;
    try {
      validation = await validate(serviceUrl(returnPath, nonce), ticket);
      cas.up();
    } catch (error) {
      cas.down((error as CasUnavailableError).message);
      audit(request, 'login', 'cas_unavailable');
      return sendPage(reply, 502, {
        lang,
        title: en ? 'Login service unavailable' : 'Service de connexion indisponible',
        message: en
          ? 'The login service (CAS) is not answering at the moment. Try again in a few moments.'
          : 'Le service de connexion (CAS) ne répond pas pour le moment. Réessayez dans quelques instants.',
        link: tryAgain,
      });
    }

    if (!validation.ok) {
      request.log.warn({ casFailure: validation.code }, 'CAS ticket refused');
      audit(request, 'login', 'ticket_refused');
      return sendPage(reply, 403, {
        lang,
        title: en ? 'Login failed' : 'Échec de la connexion',
        message: en ? 'The login could not be confirmed.' : 'La connexion n’a pas pu être confirmée.',
        link: tryAgain,
      });
    }

    const current = request.session;
    if (current && current.uid !== validation.user) {
      // Replacing it would hand this browser to someone else without its user noticing: they choose.
      audit(request, 'login', 'other_session_open', validation.user);
      return sendPage(reply, 409, {
        lang,
        title: en ? 'Already logged in' : 'Déjà connecté',
        message: en
          ? `This browser already has a session open as « ${current.uid} ». To log in as « ${validation.user} », log out first.`
          : `Ce navigateur a déjà une session ouverte au nom de « ${current.uid} ». Pour vous connecter en tant que « ${validation.user} », déconnectez-vous d’abord.`,
        link: { href: '/auth/logout', text: en ? 'Log out' : 'Se déconnecter' },
      });
    }
    // The same person again (a login finished in a second tab) gets a session bound to the newest ticket,
    // the one the CAS server's single logout will name.
    sessions.open(reply, validation.user, ticketHash(ticket));
    audit(request, 'login', 'ok', validation.user);
    return reply.redirect(returnPath);
  });

  // Back-channel single logout: the CAS server posts a SAML LogoutRequest naming the service ticket. Only
  // here are form bodies parsed: the scope keeps the form parser away from every other route.
  await app.register(async (backChannel) => {
    backChannel.removeAllContentTypeParsers();
    // The form parser takes the server's body limit.
    await backChannel.register(formbody);

    const refuseOthers = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
      if (!logoutSenders.has(request.ip)) {
        request.log.warn(
          { ip: request.ip },
          'CAS single logout refused: the address is not the CAS server’s (see SEL_CAS_LOGOUT_FROM)',
        );
        audit(request, 'single-logout', 'address_refused');
        return reply.code(403).send();
      }
      // Checked before the body is read: nothing but the form CAS servers send is parsed here.
      const mediaType = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
      if (mediaType !== FORM_MEDIA_TYPE) return reply.code(415).send();
    };

    backChannel.post(
      '/auth/cas',
      {
        onRequest: refuseOthers,
        config: { rateLimit: { max: SINGLE_LOGOUTS_PER_MINUTE_PER_ADDRESS, timeWindow: 60_000 } },
      },
      async (request, reply) => {
        const xml = (request.body as Record<string, unknown> | undefined)?.['logoutRequest'];
        let ticket: string | undefined;
        try {
          if (typeof xml !== 'string') throw new Error('no logoutRequest field');
          ticket = logoutRequestTicket(xml);
        } catch {
          audit(request, 'single-logout', 'malformed');
          return reply.code(400).send();
        }
        if (ticket === undefined) {
          audit(request, 'single-logout', 'no_ticket');
          return reply.code(200).send();
        }
        await sessions.endByTicket(ticket);
        audit(request, 'single-logout', 'ok');
        return reply.code(200).send();
      },
    );
  });
}

/**
 * Who may send single logout: `SEL_CAS_LOGOUT_FROM`, else the addresses the CAS host has now. A host that
 * does not resolve stops the start: guessing would either refuse every logout or take them from anyone.
 */
async function singleLogoutSenders(config: Config, casUrl: URL, resolveHost: ResolveHost): Promise<string[]> {
  if (config.casLogoutFrom !== undefined) return config.casLogoutFrom;
  const host = casUrl.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  try {
    addresses = await resolveHost(host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'no answer';
    throw new Error(
      `SEL_CAS_LOGOUT_FROM is not set and the CAS host ${host} does not resolve (${code}): ` +
        'set SEL_CAS_LOGOUT_FROM to the addresses its single-logout requests come from.',
    );
  }
  if (addresses.length === 0) {
    throw new Error(
      `SEL_CAS_LOGOUT_FROM is not set and the CAS host ${host} resolves to no address: ` +
        'set SEL_CAS_LOGOUT_FROM to the addresses its single-logout requests come from.',
    );
  }
  return addresses;
}

/** The body, up to `limit` bytes; more is refused without reading the rest. */
async function readLimited(response: Response, limit: number): Promise<string> {
  if (Number(response.headers.get('content-length')) > limit) {
    await response.body?.cancel();
    throw new CasUnavailableError(`serviceValidate answered more than ${limit} bytes`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (let read = await reader?.read(); reader && read && !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new CasUnavailableError(`serviceValidate answered more than ${limit} bytes`);
    }
    chunks.push(read.value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Why fetch failed, by its kind and system code: never its message, which may hold the URL and its ticket. */
function unreachableReason(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return `serviceValidate did not answer within ${CAS_TIMEOUT_MS / 1000} s`;
  }
  const cause = error instanceof Error ? (error.cause as NodeJS.ErrnoException | undefined) : undefined;
  const code = cause?.code ?? (cause instanceof Error ? cause.name : undefined);
  return `serviceValidate cannot be reached${code ? ` (${code})` : ''}`;
}

const loginPath = (returnPath: string): string => `/auth/login?return=${encodeURIComponent(returnPath)}`;

/** Where the login opened in a popup by the elements ends (their `?return=`). */
const POPUP_LOGIN_DONE = '/auth/done';

/**
 * The steps of the login opened in a popup keep their opener: the portal's page watches the popup close, and
 * `/auth/done` closes it through `window.opener`. `Cross-Origin-Opener-Policy: same-origin` on any step
 * would sever them, and the portal's page would see the popup closed at once. These steps are redirects and
 * short messages; the account page keeps `same-origin`.
 */
function keepOpenerOnPopupLogin(reply: FastifyReply, returnPath: string): void {
  if (returnPath === POPUP_LOGIN_DONE) reply.header('cross-origin-opener-policy', 'unsafe-none');
}

/** The callback's pages speak the language of the page the person is returning to, else their browser's. */
function pageLanguage(request: FastifyRequest, returnPath: string): Language {
  const asked = new URLSearchParams(returnPath.split('?')[1] ?? '').get('lang');
  return asked === 'fr' || asked === 'en' ? asked : requestLanguage(request);
}

function sendPage(reply: FastifyReply, status: number, page: Parameters<typeof messagePage>[0]): FastifyReply {
  return reply
    .code(status)
    .header('Cache-Control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(messagePage(page));
}
