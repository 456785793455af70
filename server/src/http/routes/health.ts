/** `/healthz`: the process answers. `/readyz`: and its store does (load balancers route by it). */
import type { FastifyInstance } from 'fastify';
import type { AccountStore } from '../../store/account-store.js';

export async function healthRoutes(app: FastifyInstance, { store }: { store: AccountStore }): Promise<void> {
  app.get('/healthz', async (_request, reply) => reply.header('Cache-Control', 'no-store').send({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const ready = await store.ready();
    return reply
      .code(ready ? 200 : 503)
      .header('Cache-Control', 'no-store')
      .send({ status: ready ? 'ready' : 'unavailable' });
  });
}
