/**
 * Turns whatever a route throws into its problem+json answer: the domain errors by their status and code,
 * Fastify's own refusals (body too large, not JSON) by theirs, anything else as a logged 500 whose answer
 * says nothing of the cause. Unknown paths are 404 problems too.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import {
  DomainError,
  PolicyViolationError,
  RateLimitedError,
  AccountLockedError,
  DirectoryUnavailableError,
  InvalidCodeError,
  ValidationError,
  WrongCurrentPasswordError,
} from '../domain/errors.js';
import { SharedStateUnavailableError } from '../shared-state/shared-state-unavailable-error.js';
import { sendProblem, type ProblemExtras } from './problem.js';
// The counter of 5xx causes that installMetrics puts on the application.
import type {} from './metrics.js';

export function installErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => sendProblem(reply, 404, 'not_found', 'No such resource.'));

  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    if (error instanceof DirectoryUnavailableError)
      request.server.serverErrors?.inc({ cause: 'directory_unavailable' });
    if (error instanceof DomainError)
      return sendProblem(reply, error.status, error.code, error.message, extrasOf(error));
    if (error instanceof SharedStateUnavailableError) {
      request.server.serverErrors?.inc({ cause: 'shared_state_unavailable' });
      // The outage itself is logged once, at warn, by the shared state when it starts and ends.
      request.log.debug({ err: error }, 'shared state unavailable');
      return sendProblem(
        reply,
        503,
        'service_unavailable',
        'The server cannot reach its shared state; retry shortly.',
        {
          retryAfterSeconds: error.retryAfterSeconds,
        },
      );
    }
    const status = error.statusCode ?? 500;
    if (status === 413)
      return sendProblem(reply, 413, 'payload_too_large', 'The body is larger than the server takes.');
    if (status === 415) return sendProblem(reply, 415, 'unsupported_media_type', 'Send the body as application/json.');
    if (status === 429) {
      const retryAfter = Number(reply.getHeader('retry-after'));
      return sendProblem(reply, 429, 'rate_limited', 'Too many requests from this address.', {
        retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 60,
      });
    }
    if (status >= 400 && status < 500)
      return sendProblem(reply, 400, 'bad_request', 'The request is not one the contract allows.');
    request.log.error({ err: error }, 'request failed');
    request.server.serverErrors?.inc({ cause: 'internal' });
    return sendProblem(reply, 500, 'server', 'The server could not complete the request.');
  });
}

function extrasOf(error: DomainError): ProblemExtras {
  if (error instanceof ValidationError) return { errors: error.fieldErrors };
  if (error instanceof WrongCurrentPasswordError) {
    return { errors: [{ field: 'currentPassword', code: 'wrong_current_password' }] };
  }
  if (error instanceof InvalidCodeError) return { errors: [{ field: 'code', code: 'invalid_code' }] };
  if (error instanceof PolicyViolationError) return { violations: error.violations };
  if (error instanceof RateLimitedError || error instanceof DirectoryUnavailableError) {
    return { retryAfterSeconds: error.retryAfterSeconds };
  }
  if (error instanceof AccountLockedError && error.retryAfterSeconds !== undefined) {
    return { retryAfterSeconds: error.retryAfterSeconds };
  }
  return {};
}
