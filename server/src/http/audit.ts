/**
 * One audit line per event an administrator may have to account for: `audit` (the event), `uid` (when
 * known), `ip` (the client, through the trusted proxies) and `outcome` (`ok`, or why it failed). Never a
 * value: no password, ticket, token, phone number or website.
 */
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../domain/errors.js';

export type AuditEvent =
  | 'login'
  | 'logout'
  | 'single-logout'
  | 'change-website'
  | 'change-phones'
  | 'change-redList'
  | 'change-password'
  | 'notice-password-changed'
  | 'add-recovery-email'
  | 'confirm-recovery-email'
  | 'remove-recovery-email'
  | 'notice-confirmation-code'
  | 'notice-address-removed';

/** `detail`: what the line may say beyond the outcome, never a value a person typed (a mail's domain). */
export function audit(
  request: FastifyRequest,
  event: AuditEvent,
  outcome: string,
  uid?: string,
  detail?: Record<string, string>,
): void {
  request.log.info({ audit: event, uid: uid ?? request.session?.uid, ip: request.ip, outcome, ...detail }, 'audit');
}

/**
 * Runs a change and audits it: `ok`, or the problem code it failed with (`server` for the unexpected).
 * `detail` as for `audit`.
 */
export async function audited<T>(
  request: FastifyRequest,
  event: AuditEvent,
  change: () => Promise<T>,
  detail?: Record<string, string>,
): Promise<T> {
  try {
    const result = await change();
    audit(request, event, 'ok', undefined, detail);
    return result;
  } catch (error) {
    audit(request, event, error instanceof DomainError ? error.code : 'server', undefined, detail);
    throw error;
  }
}
