/**
 * Every error leaves the server as `application/problem+json` (RFC 9457) with the contract's `code`.
 * `detail` is fixed English text chosen here, never a value from the request.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { FieldError } from '../domain/field-error.js';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  410: 'Gone',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface ProblemExtras {
  errors?: FieldError[];
  violations?: string[];
  retryAfterSeconds?: number;
}

export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  extras: ProblemExtras = {},
): FastifyReply {
  const body: Record<string, unknown> = { type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail, code };
  if (extras.errors) body['errors'] = extras.errors;
  if (extras.violations) body['violations'] = extras.violations;
  if (extras.retryAfterSeconds !== undefined) reply.header('Retry-After', String(extras.retryAfterSeconds));
  return reply
    .code(status)
    .header('Cache-Control', 'no-store')
    .type('application/problem+json')
    .send(JSON.stringify(body));
}

/** 405 with `Allow` for the methods a resource does not have (OPTIONS answers the CORS preflight). */
export function refuseOtherMethods(app: FastifyInstance, url: string, allowed: string[]): void {
  const all = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
  app.route({
    method: all.filter((method) => !allowed.includes(method)),
    url,
    handler: (request, reply) =>
      sendProblem(
        reply.header('Allow', allowed.join(', ')),
        405,
        'method_not_allowed',
        'This method is not allowed here.',
      ),
  });
  app.options(url, (_request, reply) =>
    reply
      .code(204)
      .header('Allow', [...allowed, 'OPTIONS'].join(', '))
      .send(),
  );
}
