/**
 * The recovery addresses: `POST /account/recovery-emails` (add, a code mailed to the address),
 * `…/confirm` (the code back) and `…/remove`. Each answers the account with its ETag; each is audited with
 * the address's domain only, and so is each mail. The bodies, which hold a password, an address or a code,
 * are never logged. 404 while recovery is off (no mail relay, or a store that cannot keep addresses).
 */
import { recoveryEmailChangeSchema, recoveryEmailConfirmationSchema } from 'sel-widgets/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccountService } from '../../service/account-service.js';
import { recipientDomain, type MailService } from '../../mail/index.js';
import { refuseOtherMethods, sendProblem } from '../problem.js';
import { audit, audited } from '../audit.js';
import { DomainError } from '../../domain/errors.js';
import { toEtag } from '../etag.js';
import { requestLanguage } from '../language.js';
import { normaliseRecoveryAddress } from '../../service/recovery-address.js';

/** Requests one address may send per minute to each of these paths, right or wrong. */
export const RECOVERY_REQUESTS_PER_MINUTE_PER_ADDRESS = 20;

const BASE = '/account/recovery-emails';

export async function recoveryEmailRoutes(
  app: FastifyInstance,
  { service, mail }: { service: AccountService; mail?: MailService | undefined },
): Promise<void> {
  const limited = { config: { rateLimit: { max: RECOVERY_REQUESTS_PER_MINUTE_PER_ADDRESS, timeWindow: 60_000 } } };

  app.post(BASE, limited, async (request, reply) => {
    const change = recoveryEmailChangeSchema.safeParse(request.body);
    if (!change.success) return sendProblem(reply, 400, 'bad_request', 'The body must hold email and currentPassword.');
    if (!mail) return recoveryOff(reply);
    const uid = request.session!.uid;
    const added = await audited(request, 'add-recovery-email', () => service.addRecoveryEmail(uid, change.data), {
      ...domainOf(change.data.email),
    });
    const { account } = added.stored;
    queueMail(request, 'notice-confirmation-code', added.address, () =>
      mail.sendConfirmationCode({
        address: added.address,
        code: added.code,
        expiresAt: added.expiresAt,
        language: requestLanguage(request),
        name: account.displayName,
      }),
    );
    return reply.code(202).header('ETag', toEtag(added.stored.version)).send(account);
  });

  app.post(`${BASE}/confirm`, limited, async (request, reply) => {
    const confirmation = recoveryEmailConfirmationSchema.safeParse(request.body);
    if (!confirmation.success) return sendProblem(reply, 400, 'bad_request', 'The body must hold code.');
    if (!mail) return recoveryOff(reply);
    const uid = request.session!.uid;
    try {
      const confirmed = await service.confirmRecoveryEmail(uid, confirmation.data);
      // The address is known only once the code matched: a failed line has the outcome alone.
      audit(request, 'confirm-recovery-email', 'ok', undefined, {
        recipientDomain: recipientDomain(confirmed.address),
      });
      return reply.header('ETag', toEtag(confirmed.stored.version)).send(confirmed.stored.account);
    } catch (error) {
      audit(request, 'confirm-recovery-email', error instanceof DomainError ? error.code : 'server');
      throw error;
    }
  });

  app.post(`${BASE}/remove`, limited, async (request, reply) => {
    const change = recoveryEmailChangeSchema.safeParse(request.body);
    if (!change.success) return sendProblem(reply, 400, 'bad_request', 'The body must hold email and currentPassword.');
    if (!mail) return recoveryOff(reply);
    const uid = request.session!.uid;
    const removed = await audited(
      request,
      'remove-recovery-email',
      () => service.removeRecoveryEmail(uid, change.data),
      {
        ...domainOf(change.data.email),
      },
    );
    const { account } = removed.stored;
    // Told at the address itself: if someone else removed it, its owner learns it there.
    queueMail(request, 'notice-address-removed', removed.address, () =>
      mail.sendAddressRemoved({
        address: removed.address,
        at: new Date(),
        clientAddress: request.ip,
        language: requestLanguage(request),
        name: account.displayName,
      }),
    );
    return reply.header('ETag', toEtag(removed.stored.version)).send(account);
  });

  for (const path of [BASE, `${BASE}/confirm`, `${BASE}/remove`]) refuseOtherMethods(app, path, ['POST']);
}

function recoveryOff(reply: Parameters<typeof sendProblem>[0]) {
  return sendProblem(reply, 404, 'not_found', 'Recovery addresses are not kept here.');
}

/** The domain of a typed address, for the audit line; nothing when it is not one address. */
function domainOf(typed: string): { recipientDomain?: string } {
  const address = normaliseRecoveryAddress(typed);
  return address === undefined ? {} : { recipientDomain: recipientDomain(address) };
}

/** Queues one mail and audits it with the recipient's domain; the answer never waits for the relay. */
function queueMail(
  request: FastifyRequest,
  event: 'notice-confirmation-code' | 'notice-address-removed',
  address: string,
  send: () => void,
): void {
  try {
    send();
    audit(request, event, 'queued', undefined, { recipientDomain: recipientDomain(address) });
  } catch {
    // An address the mail module refuses (its own check is stricter in places): the change stands, the
    // mail cannot; the queue logs a full or closing queue itself.
    audit(request, event, 'invalid_address', undefined, { recipientDomain: recipientDomain(address) });
  }
}
