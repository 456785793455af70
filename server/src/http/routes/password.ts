/**
 * `POST /account/password`: 204 or a problem. Limited per address by @fastify/rate-limit on top of the
 * per-account count of wrong current passwords the service keeps. The body is never logged.
 */
import { passwordChangeSchema, type Account } from 'sel-widgets/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccountService } from '../../service/account-service.js';
import { recipientDomain, type MailService } from '../../mail/index.js';
import { refuseOtherMethods, sendProblem } from '../problem.js';
import { audit, audited } from '../audit.js';
import { requestLanguage } from '../language.js';

/** Password changes one address may send per minute, right or wrong. */
export const PASSWORD_REQUESTS_PER_MINUTE_PER_ADDRESS = 20;

export async function passwordRoutes(
  app: FastifyInstance,
  { service, mail }: { service: AccountService; mail?: MailService | undefined },
): Promise<void> {
  app.post(
    '/account/password',
    { config: { rateLimit: { max: PASSWORD_REQUESTS_PER_MINUTE_PER_ADDRESS, timeWindow: 60_000 } } },
    async (request, reply) => {
      const change = passwordChangeSchema.safeParse(request.body);
      if (!change.success) {
        return sendProblem(reply, 400, 'bad_request', 'The body must hold currentPassword and newPassword.');
      }
      const uid = request.session!.uid;
      const language = requestLanguage(request);
      const account = await audited(request, 'change-password', () =>
        service.changePassword(uid, change.data, language),
      );
      if (mail) noticeOfChange(mail, account, request, language);
      return reply.code(204).send();
    },
  );

  refuseOtherMethods(app, '/account/password', ['POST']);
}

/**
 * Tells the person, at their institutional address and at every confirmed recovery address, that the
 * password changed, when and from where: if it was not them, they learn it from mailboxes the attacker did
 * not choose (the addresses were confirmed before). One mail and one audit line per address. Queued: the
 * answer does not wait.
 */
function noticeOfChange(mail: MailService, account: Account, request: FastifyRequest, language: 'fr' | 'en'): void {
  const at = new Date();
  const recipients = [account.mail, ...(account.recoveryEmails ?? [])].filter((to): to is string => Boolean(to));
  for (const to of recipients) {
    try {
      mail.sendPasswordNotice({
        to,
        language,
        name: account.displayName,
        event: 'changed',
        at,
        clientAddress: request.ip,
      });
      audit(request, 'notice-password-changed', 'queued', account.uid, { recipientDomain: recipientDomain(to) });
    } catch {
      // An address the relay cannot take (not one address): the change stands, the notice cannot.
      audit(request, 'notice-password-changed', 'invalid_address', account.uid);
    }
  }
}
