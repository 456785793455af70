/**
 * Stateless sessions: the session is the cookie, encrypted and authenticated with AES-256-GCM, so any
 * instance behind a load balancer reads it without a shared store. Keys rotate: the first key seals, every
 * key opens (a cookie sealed with an older key is sealed again with the newest on its next refresh).
 * The cookie name is bound to the ciphertext (additional data), so a value cannot move to another cookie.
 *
 * A browser sends the same value on every request until the session is refreshed (at most once a minute), so
 * the values opened lately are remembered: each is decrypted and authenticated once, not once per request.
 * Only what opened is remembered (a forged value is checked again each time), and the memory is bounded.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { BoundedMap } from '../bounded-map.js';

export interface SessionData {
  uid: string;
  /** CSRF token of this session, sent back in `X-CSRF-Token`. */
  csrf: string;
  /** Login time, ms since the epoch: the absolute lifetime counts from it. */
  iat: number;
  /** Last request, ms: the idle lifetime counts from it. */
  seen: number;
  /** Hash of the CAS service ticket that opened it: what a single logout names. */
  sid?: string;
}

const IV_LENGTH = 12;
const TAG_LENGTH = 16;
/** About 3 MB at most: more sessions active within a minute than one instance serves. */
const REMEMBERED_VALUES = 10_000;

export interface OpenedSession {
  data: Readonly<SessionData>;
  /** Sealed with an older key: to be sealed again with the newest. */
  stale: boolean;
}

export class SessionSealer {
  private readonly keys: Buffer[];
  private readonly additionalData: Buffer;
  private readonly opened = new BoundedMap<string, OpenedSession>(REMEMBERED_VALUES);

  constructor(secrets: readonly string[], cookieName: string) {
    if (secrets.length === 0) throw new Error('at least one session key is needed');
    this.keys = secrets.map((secret) => Buffer.from(hkdfSync('sha256', secret, '', 'sel-widgets session cookie', 32)));
    this.additionalData = Buffer.from(cookieName);
  }

  seal(data: SessionData): string {
    const iv = randomBytes(IV_LENGTH);
    const cipher = createCipheriv('aes-256-gcm', this.keys[0]!, iv);
    cipher.setAAD(this.additionalData);
    const body = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  /** The session and whether it was sealed with an older key; `null` for anything forged or damaged. */
  open(value: string): OpenedSession | null {
    const remembered = this.opened.get(value);
    if (remembered) return remembered;
    const opened = this.decrypt(value);
    if (opened) this.opened.set(value, opened);
    return opened;
  }

  private decrypt(value: string): OpenedSession | null {
    const raw = Buffer.from(value, 'base64url');
    if (raw.length <= IV_LENGTH + TAG_LENGTH) return null;
    const iv = raw.subarray(0, IV_LENGTH);
    const tag = raw.subarray(raw.length - TAG_LENGTH);
    const body = raw.subarray(IV_LENGTH, raw.length - TAG_LENGTH);
    for (const [index, key] of this.keys.entries()) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAAD(this.additionalData);
        decipher.setAuthTag(tag);
        const text = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
        const data = parseSession(text);
        return data && { data: Object.freeze(data), stale: index > 0 };
      } catch {
        // Not this key: try the next one.
      }
    }
    return null;
  }
}

function parseSession(text: string): SessionData | null {
  const value = JSON.parse(text) as Partial<SessionData>;
  if (
    typeof value.uid !== 'string' ||
    typeof value.csrf !== 'string' ||
    typeof value.iat !== 'number' ||
    typeof value.seen !== 'number' ||
    (value.sid !== undefined && typeof value.sid !== 'string')
  ) {
    return null;
  }
  return value as SessionData;
}
