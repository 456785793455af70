/**
 * `POST /account/password`: 204 or a problem. Limited per address by @fastify/rate-limit on top of the
 * per-account count of wrong current passwords the service keeps. The body is never logged.
 */
import { passwordChangeSchema } from 'sel-widgets/core';
import type { FastifyInstance } from 'fastify';
import type { AccountService } from '../../service/account-service.js';
import { refuseOtherMethods, sendProblem } from '../problem.js';
import { audited } from '../audit.js';
import { requestLanguage } from '../language.js';

/** Password changes one address may send per minute, right or wrong. */
export const PASSWORD_REQUESTS_PER_MINUTE_PER_ADDRESS = 20;

export async function passwordRoutes(app: FastifyInstance, { service }: { service: AccountService }): Promise<void> {
  app.post(
    '/account/password',
    { config: { rateLimit: { max: PASSWORD_REQUESTS_PER_MINUTE_PER_ADDRESS, timeWindow: 60_000 } } },
    async (request, reply) => {
      const change = passwordChangeSchema.safeParse(request.body);
      if (!change.success) {
        return sendProblem(reply, 400, 'bad_request', 'The body must hold currentPassword and newPassword.');
      }
      const uid = request.session!.uid;
      await audited(request, 'change-password', () =>
        service.changePassword(uid, change.data, requestLanguage(request)),
      );
      return reply.code(204).send();
    },
  );

  refuseOtherMethods(app, '/account/password', ['POST']);
}
