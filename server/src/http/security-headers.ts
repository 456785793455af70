/**
 * The security headers of every answer: the page's strict CSP and the hardening headers helmet's defaults
 * set, computed once at start. Nothing in them varies by request (the page carries no CSP nonce), so
 * building them per request, as a middleware does, would be work thrown away on each API call.
 *
 * Trusted Types are enforced; the allowed policies are exactly the two that `dist/sel-widgets.js` creates:
 * `sel-widgets` (the strength worker's URL, a Trusted Types sink) and `sel-widgets-lit` (its bundled Lit's
 * own policy, renamed so that it never clashes with a portal's Lit). No `default` policy: nothing else on
 * the page may turn a string into script.
 */
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

export function securityHeaders(config: Config): Readonly<Record<string, string>> {
  const csp = Object.entries(contentSecurityPolicy(config))
    .map(([directive, values]) => [directive, ...values].join(' '))
    .join(';');
  return Object.freeze({
    'content-security-policy': csp,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    // Only over https: a browser ignores it on http, and it would pin a development host to https.
    ...(config.secure && { 'strict-transport-security': 'max-age=31536000' }),
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-permitted-cross-domain-policies': 'none',
    // The legacy XSS auditor is off: it opened leaks of its own. frame-ancestors replaces X-Frame-Options.
    'x-xss-protection': '0',
  });
}

export function installSecurityHeaders(app: FastifyInstance, config: Config): void {
  const headers = securityHeaders(config);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
