/**
 * One audit line per attempted change: who, which section, the outcome (`saved` or the problem code).
 * Never a value: no password, no phone number, no website.
 */
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../domain/errors.js';

export type AuditSection = 'website' | 'phones' | 'redList' | 'password';

export async function audited<T>(request: FastifyRequest, section: AuditSection, change: () => Promise<T>): Promise<T> {
  const who = request.session?.uid;
  try {
    const result = await change();
    request.log.info({ audit: { who, section, outcome: 'saved' } }, 'audit');
    return result;
  } catch (error) {
    const outcome = error instanceof DomainError ? error.code : 'server';
    request.log.info({ audit: { who, section, outcome } }, 'audit');
    throw error;
  }
}
