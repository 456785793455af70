/**
 * Which origins may receive what the page holds (its CSRF token) and what a person types (a password):
 * the page's own, and those the portal lists with `configure({ allowedOrigins })`. An `api-base` written
 * in the page's markup is not enough: markup is what a comment field or a CMS block can add.
 */
import { getConfig } from '../config.js';

/** The page's origin; undefined outside a page (a server, a test in Node). */
export function pageOrigin(): string | undefined {
  const origin = globalThis.location?.origin;
  return origin && origin !== 'null' ? origin : undefined;
}

/** The origin of `url`, relative URLs resolved against the page; undefined when it cannot be read. */
export function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url, globalThis.location?.href).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/** True when `url` is on the page's origin or on one the portal allows. */
export function isAllowedOrigin(url: string): boolean {
  const origin = originOf(url);
  if (origin === undefined) return false;
  if (origin === pageOrigin()) return true;
  return (getConfig().allowedOrigins ?? []).some((allowed) => originOf(allowed) === origin);
}
