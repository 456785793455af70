/** `/healthz`: the process answers. `/readyz`: and its store and shared state do (load balancers route by it). */
import type { FastifyInstance } from 'fastify';
import type { AccountStore } from '../../store/account-store.js';
import type { SharedState } from '../../shared-state/shared-state.js';

export async function healthRoutes(
  app: FastifyInstance,
  { store, sharedState }: { store: AccountStore; sharedState: SharedState },
): Promise<void> {
  app.get('/healthz', async (_request, reply) => reply.header('Cache-Control', 'no-store').send({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const [storeReady, stateReady] = await Promise.all([store.ready(), sharedState.ready()]);
    const ready = storeReady.ok && stateReady.ok;
    return reply
      .code(ready ? 200 : 503)
      .header('Cache-Control', 'no-store')
      .send({ status: ready ? 'ready' : 'unavailable' });
  });
}
