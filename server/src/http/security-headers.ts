/**
 * Helmet with the page's strict CSP. Trusted Types are enforced; the allowed policies are Lit's own
 * (`lit-html`) and `default`, which the page's script defines to let the elements start their strength
 * worker from /assets/ only (a Worker URL is a Trusted Types sink).
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
    'trusted-types': ['lit-html', 'default'],
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
