/**
 * `/healthz`: the process answers. `/readyz`: and each thing outside it that it needs does; load balancers
 * route by the status, administrators read the named checks to see which one fails and why.
 */
import type { FastifyInstance } from 'fastify';
import type { AccountStore } from '../../store/account-store.js';
import type { SharedState } from '../../shared-state/shared-state.js';
import type { Readiness } from '../../health/readiness.js';
import type { AddressList } from '../../auth/address-list.js';
import type { MailService } from '../../mail/index.js';

/**
 * A check that has not answered by then counts as failed: a load balancer gives up on a probe after a few
 * seconds, and the checks that did answer are still worth reporting.
 */
export const CHECK_TIMEOUT_MS = 5_000;

export interface HealthDeps {
  store: AccountStore;
  sharedState: SharedState;
  /** The mail relay, when there is one: recovery mails leave through it. */
  mail?: MailService | undefined;
  /**
   * Who reads why a check fails (the monitoring hosts of `SEL_METRICS_FROM`): a reason may name an internal
   * host and port. Everyone else, a browser behind the reverse proxy included, sees which check fails only.
   */
  reasonsFor: AddressList;
}

type Check = () => Promise<Readiness>;

export async function healthRoutes(
  app: FastifyInstance,
  { store, sharedState, mail, reasonsFor }: HealthDeps,
): Promise<void> {
  // One entry per dependency, named as an administrator knows it: the LDAP store is "the directory".
  const checks: Record<string, Check> = {
    [store.kind === 'ldap' ? 'directory' : 'store']: () => store.ready(),
    sharedState: () => sharedState.ready(),
    ...(mail && { mail: () => mail.ready() }),
  };

  app.get('/healthz', async (_request, reply) => reply.header('Cache-Control', 'no-store').send({ status: 'ok' }));
  app.get('/readyz', async (request, reply) => {
    const results = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => [name, await runCheck(check)] as const),
    );
    const ready = results.every(([, result]) => result.ok);
    return reply
      .code(ready ? 200 : 503)
      .header('Cache-Control', 'no-store')
      .send({
        status: ready ? 'ready' : 'unavailable',
        checks: Object.fromEntries(
          reasonsFor.has(request.ip) ? results : results.map(([name, result]) => [name, { ok: result.ok }]),
        ),
      });
  });
}

/** The check's answer within `CHECK_TIMEOUT_MS`; a check that throws (it should not) is a failed one. */
async function runCheck(check: Check): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Readiness>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, reason: `no answer within ${CHECK_TIMEOUT_MS / 1000} s` }),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([check(), timeout]);
  } catch {
    return { ok: false, reason: 'the check failed' };
  } finally {
    clearTimeout(timer);
  }
}
