/**
 * The security headers of every answer: helmet's hardening defaults, with a strict CSP of the server's own
 * in place of helmet's default one, which allows inline styles and any https: style or font.
 *
 * Trusted Types are enforced; the allowed policies are exactly the two that `dist/sel-widgets.js` creates:
 * `sel-widgets` (the strength worker's URL, a Trusted Types sink) and `sel-widgets-lit` (its bundled Lit's
 * own policy, renamed so that it never clashes with a portal's Lit). No `default` policy: nothing else on
 * the page may turn a string into script.
 */
import type { Config } from '../config/config.js';

/**
 * Given both to @fastify/helmet and to helmet itself, which declare its types apart (the one as CommonJS,
 * the other as a module): an object typed by its own shape fits both.
 */
export function helmetOptions(config: Config) {
  return {
    contentSecurityPolicy: {
      useDefaults: false as const,
      directives: {
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
      },
    },
    // Only over https: a browser ignores it on http, and it would pin a development host to https.
    strictTransportSecurity: config.secure,
    // frame-ancestors says who may frame the page; X-Frame-Options cannot name the portals it allows.
    xFrameOptions: false,
  };
}
