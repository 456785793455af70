/**
 * Helmet with the page's strict CSP. Trusted Types are enforced; the allowed policies are exactly the two
 * that `dist/sel-widgets.js` creates: `sel-widgets` (the strength worker's URL, a Trusted Types sink) and
 * `sel-widgets-lit` (its bundled Lit's own policy, renamed so that it never clashes with a portal's Lit).
 * No `default` policy: nothing else on the page may turn a string into script.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';

export function contentSecurityPolicy(config: Config): Record<string, string[]> {
  return {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'worker-src': ["'self'"],
    'connect-src': ["'self'"],
    'img-src': ["'self'"],
    'font-src': ["'self'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': config.frameAncestors.split(/\s+/),
    'require-trusted-types-for': ["'script'"],
    'trusted-types': ['sel-widgets', 'sel-widgets-lit'],
  };
}

export async function installSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(config) },
    // frame-ancestors decides who may frame the page; X-Frame-Options could only contradict it.
    frameguard: false,
    hsts: config.secure ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
  });
}
