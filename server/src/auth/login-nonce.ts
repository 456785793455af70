/**
 * Binds a CAS login to the browser that started it. `/auth/login` gives the browser a random value in a
 * short-lived cookie and writes the same value into the service URL it sends to CAS; CAS binds the ticket to
 * that exact URL, so the callback accepts a ticket only from the browser whose cookie holds the value. A
 * ticket obtained by someone else, for their own account, cannot log another browser into it (login CSRF).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import type { Config } from '../config/config.js';

/** Long enough to fill in the CAS login form, short enough that a forgotten one soon goes. */
export const LOGIN_NONCE_MAX_AGE_SECONDS = 600;

/** The query parameter of the service URL that carries the value. */
export const LOGIN_NONCE_PARAMETER = 'login';

/** 144 random bits, base64url: unguessable, and safe in a cookie and a URL without encoding. */
const NONCE_BYTES = 18;
const NONCE_PATTERN = /^[\w-]{24}$/;

export function loginNonceCookieName(config: Config): string {
  // `__Host-`: the browser keeps it to this exact origin, https only, path /; no subdomain can set it.
  return config.secure ? '__Host-sel-login' : 'sel-login';
}

export class LoginNonce {
  private readonly cookieName: string;

  constructor(private readonly config: Config) {
    this.cookieName = loginNonceCookieName(config);
  }

  /**
   * The value for a login this browser starts: the one it already holds, if any, so that logins started
   * in two tabs both succeed; else a new one. Either way the cookie is (re)set for the full lifetime.
   */
  issue(request: FastifyRequest, reply: FastifyReply): string {
    const held = this.held(request);
    const nonce = held ?? randomBytes(NONCE_BYTES).toString('base64url');
    reply.setCookie(this.cookieName, nonce, { ...this.attributes(), maxAge: LOGIN_NONCE_MAX_AGE_SECONDS });
    return nonce;
  }

  /** Whether `presented` (from the service URL) is the value this browser's cookie holds. */
  matches(request: FastifyRequest, presented: unknown): boolean {
    const held = this.held(request);
    if (held === undefined || typeof presented !== 'string' || !NONCE_PATTERN.test(presented)) return false;
    return timingSafeEqual(Buffer.from(held), Buffer.from(presented));
  }

  /** Forgets the value: a login, accepted or not, uses it once. */
  clear(reply: FastifyReply): void {
    reply.clearCookie(this.cookieName, this.attributes());
  }

  private held(request: FastifyRequest): string | undefined {
    const value = request.cookies[this.cookieName];
    return value !== undefined && NONCE_PATTERN.test(value) ? value : undefined;
  }

  /** The removal carries the same attributes: a browser ignores a `__Host-` removal without `Secure`. */
  private attributes(): { path: string; httpOnly: true; sameSite: 'lax'; secure: boolean } {
    return { path: '/', httpOnly: true, sameSite: 'lax', secure: this.config.secure };
  }
}
