/** `GET /`: the « Mon compte » page, or a redirect to the login when there is no session. */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config/config.js';
import type { AccountService } from '../../service/account-service.js';
import { accountPage } from '../../page/account-page.js';
import { requestLanguage } from '../language.js';

export async function pageRoutes(
  app: FastifyInstance,
  deps: { config: Config; service: AccountService },
): Promise<void> {
  app.get('/', async (request, reply) => {
    const lang = requestLanguage(request);
    // Back to the same URL after login (`?lang=en` included); the login checks it stays on this server.
    if (!request.session) return reply.redirect(`/auth/login?return=${encodeURIComponent(request.url)}`);
    const { account } = await deps.service.getAccount(request.session.uid);
    return reply
      .header('Cache-Control', 'no-store')
      .header('Vary', 'Accept-Language, Cookie')
      .type('text/html; charset=utf-8')
      .send(
        accountPage({
          lang,
          displayName: account.displayName,
          csrfToken: request.session.csrf,
          apiBase: deps.config.apiBase,
          devBanner: deps.config.auth === 'dev',
        }),
      );
  });
}
