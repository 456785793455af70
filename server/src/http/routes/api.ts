/**
 * The HTTP contract under `SEL_API_BASE`: every call needs a session (401 problem, never a redirect), every
 * non-GET the session's CSRF token and an allowed origin (403 `csrf`), and portals of
 * `SEL_ALLOWED_ORIGINS` get CORS. The resources themselves are in their own route files.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/config.js';
import type { AccountService } from '../../service/account-service.js';
import { sendProblem } from '../problem.js';
import { comesFromAllowedOrigin, isAllowedOrigin } from '../origin-check.js';
import { accountRoutes } from './account.js';
import { passwordRoutes } from './password.js';
import { recoveryEmailRoutes } from './recovery-emails.js';
import type { MailService } from '../../mail/index.js';

export interface ApiDeps {
  config: Config;
  service: AccountService;
  /**
   * The mail relay's queue: the notices after a password change and the recovery addresses' codes leave
   * through it; without it the recovery addresses are off (404).
   */
  mail?: MailService | undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function apiRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  // The contract's bodies are JSON: a text or form body is refused with 415 before any handler reads it.
  app.removeContentTypeParser('text/plain');
  app.addHook('onRequest', async (request, reply) => {
    // Every answer of the API, problems included, is about one person: never kept by a cache.
    reply.header('Cache-Control', 'no-store');
    allowCors(deps.config, request, reply);
    if (request.method === 'OPTIONS') return;
    if (!request.session) return sendProblem(reply, 401, 'unauthorized', 'The session has ended; log in again.');
    if (!SAFE_METHODS.has(request.method) && !passesCsrf(deps.config, request)) {
      return sendProblem(reply, 403, 'csrf', 'The request lacks the session’s CSRF token or comes from another site.');
    }
  });

  await accountRoutes(app, deps);
  await passwordRoutes(app, deps);
  await recoveryEmailRoutes(app, deps);
}

function passesCsrf(config: Config, request: FastifyRequest): boolean {
  const sent = request.headers['x-csrf-token'];
  const expected = request.session?.csrf;
  if (typeof sent !== 'string' || !expected) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b) && comesFromAllowedOrigin(config, request);
}

/** CORS for the portals of `SEL_ALLOWED_ORIGINS` only; the server's own pages need none. */
function allowCors(config: Config, request: FastifyRequest, reply: FastifyReply): void {
  const origin = request.headers.origin;
  if (typeof origin !== 'string' || !config.allowedOrigins.includes(origin) || !isAllowedOrigin(config, origin)) return;
  reply.header('Access-Control-Allow-Origin', origin);
  reply.header('Access-Control-Allow-Credentials', 'true');
  reply.header('Access-Control-Expose-Headers', 'ETag, Retry-After, X-CSRF-Token');
  reply.header('Vary', 'Origin');
  if (request.method === 'OPTIONS') {
    reply.header('Access-Control-Allow-Methods', 'GET, PATCH, POST');
    reply.header('Access-Control-Allow-Headers', 'Content-Type, If-Match, X-CSRF-Token');
    reply.header('Access-Control-Max-Age', '600');
  }
}
