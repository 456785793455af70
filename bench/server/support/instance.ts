/**
 * One server under measurement, in a process of its own so that its memory can be read and the load
 * generator does not share its event loop: `app` is the real application (`buildApp`, header login from
 * loopback, logs off) over the file store or an `LdapStore`; `bare` is a plain Fastify answering
 * `GET`/`PATCH /account` with a fixed JSON body, the floor the application is compared with.
 * Prints `listening <port>` when ready; stops on SIGTERM.
 *
 *   BENCH_KIND=app|bare BENCH_STORE=file|ldap BENCH_DATA_DIR=… BENCH_BODY_FILE=… node --import tsx instance.ts
 */
import { readFile } from 'node:fs/promises';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AccountStore } from '../../../server/src/store/account-store.js';

const env = process.env;
const required = (name: string): string => {
  const value = env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

async function bare(): Promise<FastifyInstance> {
  const body = await readFile(required('BENCH_BODY_FILE'), 'utf8');
  const app = Fastify({ logger: false });
  // The same bytes the application sends, without a session, CSRF, validation or store behind them.
  app.get('/api/account', async (_request, reply) => reply.type('application/json').header('ETag', '"1"').send(body));
  app.patch('/api/account', async (_request, reply) => reply.type('application/json').header('ETag', '"1"').send(body));
  return app;
}

async function application(port: number): Promise<{ app: FastifyInstance; store: AccountStore }> {
  // Loaded here only, so that the bare instance's memory holds Fastify alone.
  const { loadConfig } = await import('../../../server/src/config/load-config.js');
  const { buildApp } = await import('../../../server/src/http/app.js');
  const { FileAccountStore } = await import('../../../server/src/store/file/file-account-store.js');
  const { LdapStore } = await import('../../../server/src/store/ldap/index.js');
  const { MemorySharedState } = await import('../../../server/src/shared-state/memory-shared-state.js');
  const config = loadConfig({
    SEL_LISTEN: `127.0.0.1:${port}`,
    SEL_AUTH: 'header',
    SEL_SESSION_KEYS: required('BENCH_SESSION_KEY'),
    SEL_DATA_DIR: required('BENCH_DATA_DIR'),
    ...(env['BENCH_SEED'] && { SEL_SEED: env['BENCH_SEED'] }),
    SEL_LOG_LEVEL: 'silent',
  });
  const store: AccountStore =
    env['BENCH_STORE'] === 'ldap'
      ? new LdapStore({
          url: required('BENCH_LDAP_URL'),
          bindDn: required('BENCH_LDAP_BIND_DN'),
          bindPassword: required('BENCH_LDAP_BIND_PASSWORD'),
          peopleDn: required('BENCH_LDAP_PEOPLE_DN'),
          structuresDn: required('BENCH_LDAP_STRUCTURES_DN'),
          policyDn: required('BENCH_LDAP_POLICY_DN'),
          ...(env['BENCH_LDAP_POOL_SIZE'] && { poolSize: Number(env['BENCH_LDAP_POOL_SIZE']) }),
        })
      : await FileAccountStore.open({
          dataDir: config.dataDir,
          // Header mode seeds nothing by itself: the bench's people are the demo accounts unless it names others.
          seedFile: config.seedFile ?? (await import('../../../server/src/store/file/seed.js')).DEMO_SEED_FILE,
          // Seeding hashes every account's password; the bench never logs in with one.
          hashParams: { logN: 10, r: 8, p: 1 },
        });
  const app = await buildApp(config, { store, sharedState: new MemorySharedState() });
  return { app, store };
}

const port = Number(required('BENCH_PORT'));
const built = env['BENCH_KIND'] === 'bare' ? { app: await bare(), store: undefined } : await application(port);
await built.app.listen({ host: '127.0.0.1', port });
console.log(`listening ${port}`);
process.once('SIGTERM', () => {
  void built.app
    .close()
    .then(() => built.store?.close())
    .finally(() => process.exit(0));
});
