/**
 * Which origins may call the API with the session: the server's own (`SEL_PUBLIC_URL`) and the portals
 * of `SEL_ALLOWED_ORIGINS`. Used by the CSRF check and by CORS.
 */
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config/config.js';

export function isAllowedOrigin(config: Config, origin: string): boolean {
  return origin === config.publicUrl.origin || config.allowedOrigins.includes(origin);
}

/** The request comes from a page of an allowed origin: `Origin`, else `Sec-Fetch-Site: same-origin`. */
export function comesFromAllowedOrigin(config: Config, request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== 'null') return isAllowedOrigin(config, origin);
  return request.headers['sec-fetch-site'] === 'same-origin';
}
