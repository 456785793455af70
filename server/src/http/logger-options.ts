/**
 * pino options: JSON lines with the request id, and nothing secret. Request lines carry the method and
 * the path without its query (a CAS ticket travels there); cookies, CSRF tokens and proxy identities are
 * censored wherever they would appear. Bodies are never logged.
 */
import type { FastifyServerOptions } from 'fastify';

export function loggerOptions(level: string): Exclude<FastifyServerOptions['logger'], boolean | undefined> {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        'res.headers["x-csrf-token"]',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req(request: { method: string; url: string; id: string; ip?: string }) {
        return { id: request.id, method: request.method, path: request.url.split('?')[0], ip: request.ip };
      },
    },
  };
}
