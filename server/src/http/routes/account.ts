/** `GET /account` and `PATCH /account`: strong ETags, `If-Match` required and compared. */
import { accountPatchSchema } from 'sel-widgets/core';
import type { FastifyInstance } from 'fastify';
import type { AccountService } from '../../service/account-service.js';
import { refuseOtherMethods, sendProblem } from '../problem.js';
import { StaleVersionError } from '../../domain/errors.js';
import { toEtag, versionFromIfMatch } from '../etag.js';
import { audited } from '../audit.js';
import { patchSection } from '../../domain/patch-section.js';

export async function accountRoutes(app: FastifyInstance, { service }: { service: AccountService }): Promise<void> {
  app.get('/account', async (request, reply) => {
    const { account, version } = await service.getAccount(request.session!.uid);
    // For portals that serve their own page: the token the next PATCH or POST must carry.
    reply.header('ETag', toEtag(version)).header('X-CSRF-Token', request.session!.csrf);
    return account;
  });

  app.patch('/account', async (request, reply) => {
    const ifMatch = request.headers['if-match'];
    if (!ifMatch) return sendProblem(reply, 428, 'missing_if_match', 'Send the ETag of the account in If-Match.');
    const patch = accountPatchSchema.safeParse(request.body);
    if (!patch.success) {
      return sendProblem(reply, 400, 'bad_request', 'The body must hold exactly one of website, phones, redList.');
    }
    // A weak or malformed If-Match never matches a strong ETag: the same answer as a stale one.
    const expected = versionFromIfMatch(ifMatch);
    if (expected === undefined) throw new StaleVersionError();
    const uid = request.session!.uid;
    const { account, version } = await audited(request, `change-${patchSection(patch.data)}`, () =>
      service.updateAccount(uid, patch.data, expected),
    );
    reply.header('ETag', toEtag(version));
    return account;
  });

  refuseOtherMethods(app, '/account', ['GET', 'HEAD', 'PATCH']);
}
