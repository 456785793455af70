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
    if (!request.session) {
      const back = lang === 'en' && (request.query as Record<string, unknown>)['lang'] === 'en' ? '/?lang=en' : '/';
      return reply.redirect(`/auth/login?return=${encodeURIComponent(back)}`);
    }
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
