/**
 * Who is asking: reads the session cookie on every request (idle and absolute lifetimes, sessions ended by
 * a CAS single logout), and in `header` mode believes the proxy's header only from a trusted address.
 * Routes find `request.session` (or `null`) and open or end sessions through `SessionManager`.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import type { Config } from '../config/config.js';
import type { SharedState } from '../shared-state/shared-state.js';
import { SessionSealer, type SessionData } from '../auth/session-cookie.js';
import { AddressList } from '../auth/address-list.js';
import { audit } from './audit.js';

declare module 'fastify' {
  interface FastifyRequest {
    session: Readonly<SessionData> | null;
  }
}

/**
 * A session is written again at most this often when only its idle clock moves: sealing and sending a new
 * cookie on every request would cost more than the rest of a GET. The idle clock the cookie carries may so
 * lag by up to this much: a session idle for its whole lifetime ends up to a minute early, never late.
 */
export const REFRESH_AFTER_MS = 60_000;

export function cookieNameFor(config: Config): string {
  // `__Host-`: the browser keeps it to this exact origin, https only, path /.
  return config.secure ? '__Host-sel-session' : 'sel-session';
}

export const ticketHash = (ticket: string): string => createHash('sha256').update(ticket).digest('base64url');

export class SessionManager {
  readonly cookieName: string;
  private readonly sealer: SessionSealer;
  private readonly trusted: AddressList;

  constructor(
    private readonly config: Config,
    private readonly shared: SharedState,
    private readonly now: () => number,
    sessionKeys: readonly string[],
  ) {
    this.cookieName = cookieNameFor(config);
    this.sealer = new SessionSealer(sessionKeys, this.cookieName);
    this.trusted = new AddressList(config.trustedProxies);
  }

  /** Starts a session for `uid` and sets its cookie. */
  open(reply: FastifyReply, uid: string, sid?: string): SessionData {
    const now = this.now();
    const data: SessionData = { uid, csrf: randomBytes(24).toString('base64url'), iat: now, seen: now };
    if (sid !== undefined) data.sid = sid;
    this.write(reply, data);
    reply.request.session = data;
    return data;
  }

  /** Ends the session: the cookie goes, and a CAS session is remembered as ended for every instance. */
  async end(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const session = request.session;
    if (session?.sid) await this.shared.endSession(session.sid, this.config.sessionMaxMs);
    this.clear(reply);
    request.session = null;
  }

  async endByTicket(ticket: string): Promise<void> {
    await this.shared.endSession(ticketHash(ticket), this.config.sessionMaxMs);
  }

  install(app: FastifyInstance): void {
    app.decorateRequest('session', null);
    app.addHook('onRequest', async (request, reply) => {
      request.session = await this.resolve(request, reply);
    });
  }

  private async resolve(request: FastifyRequest, reply: FastifyReply): Promise<Readonly<SessionData> | null> {
    const fromCookie = await this.fromCookie(request, reply);
    if (this.config.auth !== 'header') return fromCookie;
    const proxied = this.proxiedUser(request);
    if (proxied === undefined) return null;
    if (fromCookie?.uid === proxied) return fromCookie;
    const opened = this.open(reply, proxied);
    audit(request, 'login', 'ok', proxied);
    return opened;
  }

  private async fromCookie(request: FastifyRequest, reply: FastifyReply): Promise<Readonly<SessionData> | null> {
    const value = request.cookies[this.cookieName];
    if (!value) return null;
    const opened = this.sealer.open(value);
    const now = this.now();
    if (
      !opened ||
      now - opened.data.iat > this.config.sessionMaxMs ||
      now - opened.data.seen > this.config.sessionIdleMs ||
      (opened.data.sid !== undefined && (await this.shared.isSessionEnded(opened.data.sid)))
    ) {
      this.clear(reply);
      return null;
    }
    const data = opened.data;
    if (opened.stale || now - data.seen > REFRESH_AFTER_MS) this.write(reply, { ...data, seen: now });
    return data;
  }

  /** The user a trusted proxy names; `undefined` when the header is absent or the peer is not trusted. */
  private proxiedUser(request: FastifyRequest): string | undefined {
    if (!this.trusted.has(request.socket.remoteAddress ?? '')) return undefined;
    const value = request.headers[this.config.authHeader];
    const user = Array.isArray(value) ? undefined : value?.trim();
    return user ? user : undefined;
  }

  /**
   * Removes the cookie from the browser. The removal carries the attributes the cookie was set with: a
   * browser ignores a `__Host-` cookie's removal that lacks `Secure`, and the session would outlive logout.
   */
  private clear(reply: FastifyReply): void {
    reply.clearCookie(this.cookieName, { path: '/', httpOnly: true, sameSite: 'lax', secure: this.config.secure });
  }

  private write(reply: FastifyReply, data: SessionData): void {
    reply.setCookie(this.cookieName, this.sealer.seal(data), {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.secure,
      // The browser drops it when the absolute lifetime ends; the server checks both lifetimes anyway.
      maxAge: Math.max(1, Math.floor((data.iat + this.config.sessionMaxMs - this.now()) / 1000)),
    });
  }
}
