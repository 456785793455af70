/**
 * The Fastify application: `buildApp(config, deps)` wires the parts around a store and a shared state it
 * is given, so tests start it on port 0 with their own data directory and fakes of what lies outside.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import compress from '@fastify/compress';
import fastifyHelmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import helmet from 'helmet';
import type { Config } from '../config/config.js';
import type { AccountStore } from '../store/account-store.js';
import type { SharedState } from '../shared-state/shared-state.js';
import { RedisSharedState } from '../shared-state/redis-shared-state.js';
import { AccountService } from '../service/account-service.js';
import type { ScorerLoader } from '../service/password-rules.js';
import { SessionManager } from './session.js';
import { installErrorHandlers } from './error-handler.js';
import { helmetOptions } from './security-headers.js';
import { sendProblem } from './problem.js';
import { defaultAssetsDir, installStaticFiles } from './static-files.js';
import { loggerOptions } from './logger-options.js';
import { apiRoutes } from './routes/api.js';
import { authRoutes } from './routes/auth.js';
import { pageRoutes } from './routes/page.js';
import { healthRoutes } from './routes/health.js';
import { AddressList } from '../auth/address-list.js';
import { installMetrics } from './metrics.js';
import type { MailService } from '../mail/index.js';

export interface AppDeps {
  store: AccountStore;
  sharedState: SharedState;
  /** The mail relay's queue, when `SEL_SMTP_URL` is set. */
  mail?: MailService | undefined;
  /** pino options or a logger instance; the config's level by default. */
  logger?: FastifyServerOptions['logger'];
  loggerInstance?: FastifyServerOptions['loggerInstance'];
  /** How the server reaches the CAS server (tests answer for it). */
  fetch?: typeof fetch;
  now?: () => number;
  /** The clock of the recovery addresses' confirmation codes (tests move it past their validity). */
  confirmationCodeClock?: () => number;
  loadScorer?: ScorerLoader;
  /** How long a request may take to arrive in full, and how many connections may be open (tests lower them). */
  requestTimeoutMs?: number;
  maxConnections?: number;
}

/** Bodies of the contract are small: ten phones fit many times over. */
export const BODY_LIMIT_BYTES = 16 * 1024;

/**
 * A request not received in full by then gets 408 and its connection is closed: a client that sends a body
 * one byte at a time would otherwise hold a connection, and its memory, for as long as it likes.
 */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Open connections beyond this are refused at once rather than queued: each holds memory and a file
 * descriptor, and a page makes a handful. Far above what one « Mon compte » instance serves.
 */
export const MAX_CONNECTIONS = 2_000;

export async function buildApp(config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const requestTimeoutMs = deps.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const securityHeaders = helmetOptions(config);
  // For the answers no hook sees (below): the middleware @fastify/helmet runs, with the same options.
  const setSecurityHeaders = helmet(securityHeaders);
  const app = Fastify({
    ...(deps.loggerInstance
      ? { loggerInstance: deps.loggerInstance }
      : { logger: deps.logger ?? loggerOptions(config.logLevel) }),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustedProxies,
    genReqId: () => randomUUID(),
    return503OnClosing: true,
    // Node cuts a slow request only when all three agree: the headers' own limit (60 s by default) must not
    // exceed the request's, and the check runs every `connectionsCheckingInterval` (30 s by default).
    // Fastify sets the server's `requestTimeout` from its own option, over the one given in `http`.
    requestTimeout: requestTimeoutMs,
    http: {
      headersTimeout: requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, requestTimeoutMs / 4),
    },
    // Errors Fastify meets before routing (a path that is not valid UTF-8) skip the hooks, helmet's
    // included: dress them like every other answer.
    frameworkErrors: (_error, request, reply) => {
      setSecurityHeaders(request.raw, reply.raw, () => undefined);
      sendProblem(reply, 400, 'bad_request', 'The request is not one the contract allows.');
    },
  });
  app.server.maxConnections = deps.maxConnections ?? MAX_CONNECTIONS;
  // Every answer names its request, problems included: what a person reports is found in the log.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-Id', request.id);
    done();
  });

  const sessionKeys = config.sessionKeys.length > 0 ? config.sessionKeys : [randomBytes(32).toString('base64url')];
  const sessions = new SessionManager(config, deps.sharedState, deps.now ?? Date.now, sessionKeys);
  const service = new AccountService(deps.store, deps.sharedState, {
    maxPasswordFailures: config.passwordMaxFailures,
    passwordFailureWindowMs: config.passwordFailureWindowMs,
    ...(deps.loadScorer && { loadScorer: deps.loadScorer }),
    // A code is only worth asking for if it can be mailed.
    recoveryEmails: deps.mail !== undefined,
    ...(deps.confirmationCodeClock && { now: deps.confirmationCodeClock }),
  });

  installErrorHandlers(app);
  // The monitoring hosts read the metrics and why a readiness check fails; nobody else sees either.
  const monitoring = new AddressList(config.metricsFrom);
  installMetrics(app, monitoring, deps.mail);
  await app.register(fastifyHelmet, securityHeaders);
  await app.register(cookie);
  // With Redis, the per-address limits are counted there too, so that every instance sees the same count.
  // If Redis fails, the per-address limit is skipped rather than failing every request: the per-account
  // count of wrong passwords lives in the same Redis and answers 503 then, so nothing goes unlimited.
  await app.register(rateLimit, {
    global: false,
    ...(deps.sharedState instanceof RedisSharedState && { redis: deps.sharedState.client, skipOnError: true }),
  });
  sessions.install(app);

  await app.register(apiRoutes, { prefix: config.apiBase, config, service, mail: deps.mail });
  // Registers, around the single-logout POST alone, the only form-body parser of the server.
  await authRoutes(app, { config, sessions, fetch: deps.fetch ?? fetch });
  await healthRoutes(app, {
    store: deps.store,
    sharedState: deps.sharedState,
    mail: deps.mail,
    reasonsFor: monitoring,
  });
  // Compression only where it pays: the page and the library's scripts (tens of kB). The API's answers are a
  // few hundred bytes to a few kB of JSON, which compressing would cost more CPU than the bytes it saves.
  await app.register(async (compressed) => {
    await compressed.register(compress, { threshold: 1024, encodings: ['br', 'gzip'] });
    await pageRoutes(compressed, { config, service });
    await installStaticFiles(compressed, config.assetsDir ?? defaultAssetsDir());
  });
  return app;
}
