/**
 * Starts the real application on a free loopback port with its own data directory (the demo seed or the
 * accounts a test gives, hashes with cheap scrypt parameters so tests stay fast) and an in-memory shared
 * state; stops and cleans up.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config/load-config.js';
import type { Config } from '../../src/config/config.js';
import { buildApp, type AppDeps } from '../../src/http/app.js';
import { FileAccountStore } from '../../src/store/file/file-account-store.js';
import { MemorySharedState } from '../../src/shared-state/memory-shared-state.js';
import { DEMO_SEED_FILE, type SeedEntry } from '../../src/store/file/seed.js';
import { freePort } from './free-port.js';

export const FAST_HASH = { logN: 10, r: 8, p: 1 };
export const DEMO_PASSWORD = 'Poitiers-2026!';

/**
 * A production-like setup for tests that need an https public URL (dev login is refused there): the
 * trusted proxy on loopback names the person in `X-Remote-User` on every request.
 */
export const HTTPS_BEHIND_PROXY: Readonly<Record<string, string>> = {
  SEL_PUBLIC_URL: 'https://moncompte.univ-exemple.fr',
  SEL_AUTH: 'header',
  SEL_SESSION_KEYS: 'q3J0Vn8yWm1LcXBzT2RhR2ZrYXh1Ynd0ZXZpY3Jvc2xh',
};
export const PROXY_NAMES_CMARTIN: Readonly<Record<string, string>> = { 'X-Remote-User': 'cmartin' };

export interface TestServer {
  url: string;
  config: Config;
  app: FastifyInstance;
  store: FileAccountStore;
  sharedState: MemorySharedState;
  dataDir: string;
  close(options?: { keepData?: boolean }): Promise<void>;
}

export async function startTestServer(
  env: Record<string, string> = {},
  { dataDir: givenDataDir, seed, ...deps }: Partial<AppDeps> & { dataDir?: string; seed?: SeedEntry[] } = {},
): Promise<TestServer> {
  const port = await freePort();
  const dataDir = givenDataDir ?? (await mkdtemp(join(tmpdir(), 'sel-server-test-')));
  const config = loadConfig({
    SEL_LISTEN: `127.0.0.1:${port}`,
    SEL_DATA_DIR: dataDir,
    SEL_LOG_LEVEL: 'silent',
    SEL_AUTH: 'dev',
    ...env,
  });
  // Tests log in as the demo accounts in every mode; the server itself seeds them only in dev mode.
  let seedFile = config.seedFile ?? DEMO_SEED_FILE;
  if (seed) {
    seedFile = join(dataDir, 'seed.json');
    await writeFile(seedFile, JSON.stringify(seed));
  }
  const store = await FileAccountStore.open({
    dataDir,
    seedFile,
    hashParams: FAST_HASH,
  });
  const sharedState = new MemorySharedState();
  const app = await buildApp(config, { store, sharedState, ...deps });
  await app.listen({ host: '127.0.0.1', port });
  return {
    url: `http://127.0.0.1:${port}`,
    config,
    app,
    store,
    sharedState,
    dataDir,
    async close(options = {}) {
      await app.close();
      await store.close();
      await sharedState.close();
      if (!options.keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
