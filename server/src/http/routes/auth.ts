/**
 * `/auth/login?return=PATH`, `/auth/logout` and, in `cas` mode, the service callback `/auth/cas` (the
 * ticket) and its single-logout POST. `dev` opens the fixed user's session at once; `header` relies on
 * the proxy's header, read on every request by the session manager.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config/config.js';
import type { SessionManager } from '../session.js';
import { ticketHash } from '../session.js';
import { safeReturnPath } from '../return-path.js';
import { requestLanguage } from '../language.js';
import { messagePage } from '../../page/message-page.js';
import {
  casLoginUrl,
  casLogoutUrl,
  logoutRequestTicket,
  parseServiceResponse,
  serviceValidateUrl,
} from '../../auth/cas/cas-protocol.js';

export interface AuthDeps {
  config: Config;
  sessions: SessionManager;
  fetch: typeof fetch;
}

const CAS_TIMEOUT_MS = 10_000;

export async function authRoutes(app: FastifyInstance, { config, sessions, fetch }: AuthDeps): Promise<void> {
  const serviceUrl = (returnPath: string): string =>
    `${config.publicUrl.origin}/auth/cas?return=${encodeURIComponent(returnPath)}`;

  app.get('/auth/login', async (request, reply) => {
    const returnPath = safeReturnPath((request.query as Record<string, unknown>)['return'], config.publicUrl);
    if (request.session) return reply.redirect(returnPath);
    if (config.auth === 'dev') {
      sessions.open(reply, config.devUser);
      return reply.redirect(returnPath);
    }
    if (config.auth === 'cas') return reply.redirect(casLoginUrl(config.casUrl!, serviceUrl(returnPath)));
    const en = requestLanguage(request) === 'en';
    return reply
      .code(401)
      .type('text/html; charset=utf-8')
      .send(
        messagePage({
          lang: en ? 'en' : 'fr',
          title: en ? 'Not logged in' : 'Non connecté',
          message: en
            ? 'The authentication proxy did not name you. Go through the portal to log in.'
            : 'Le proxy d’authentification ne vous a pas identifié. Passez par le portail pour vous connecter.',
          link: { href: '/', text: en ? 'Try again' : 'Réessayer' },
        }),
      );
  });

  app.get('/auth/logout', async (request, reply) => {
    await sessions.end(request, reply);
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

  if (config.auth !== 'cas') return;

  app.get('/auth/cas', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const returnPath = safeReturnPath(query['return'], config.publicUrl);
    const ticket = query['ticket'];
    if (typeof ticket !== 'string' || ticket === '')
      return reply.redirect(`/auth/login?return=${encodeURIComponent(returnPath)}`);
    const response = await fetch(serviceValidateUrl(config.casUrl!, serviceUrl(returnPath), ticket), {
      signal: AbortSignal.timeout(CAS_TIMEOUT_MS),
      redirect: 'error',
    });
    if (!response.ok) throw new Error(`CAS serviceValidate answered ${response.status}`);
    const validation = parseServiceResponse(await response.text());
    if (!validation.ok) {
      request.log.warn({ casFailure: validation.code }, 'CAS ticket refused');
      const en = requestLanguage(request) === 'en';
      return reply
        .code(403)
        .type('text/html; charset=utf-8')
        .send(
          messagePage({
            lang: en ? 'en' : 'fr',
            title: en ? 'Login failed' : 'Échec de la connexion',
            message: en ? 'The login could not be confirmed.' : 'La connexion n’a pas pu être confirmée.',
            link: {
              href: `/auth/login?return=${encodeURIComponent(returnPath)}`,
              text: en ? 'Try again' : 'Réessayer',
            },
          }),
        );
    }
    sessions.open(reply, validation.user, ticketHash(ticket));
    request.log.info({ audit: { who: validation.user, section: 'login', outcome: 'ok' } }, 'audit');
    return reply.redirect(returnPath);
  });

  // Back-channel single logout: the CAS server posts a SAML LogoutRequest naming the service ticket.
  app.post('/auth/cas', async (request, reply) => {
    const body = request.body as Record<string, unknown> | undefined;
    const xml = body?.['logoutRequest'];
    if (typeof xml !== 'string') return reply.code(400).send();
    let ticket: string | undefined;
    try {
      ticket = logoutRequestTicket(xml);
    } catch {
      return reply.code(400).send();
    }
    if (ticket) await sessions.endByTicket(ticket);
    return reply.code(200).send();
  });
}
