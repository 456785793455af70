/**
 * The reference server over HTTP, each figure next to a floor measured in the same run:
 *
 * - file store: `GET /account` and `PATCH /account` at concurrency 1, 16 and 64 against a bare
 *   Fastify route sending the same JSON; requests/s, p50 and p99, and each as a ratio to the bare route;
 *   the resident memory of each instance after the warm-up;
 * - LDAP store (a private slapd, `server-ldap.ts`): `GET` and `PATCH /account` at concurrency 16 against raw
 *   ldapts sending the same search and the same modify, round by round, with what each side costs in CPU.
 *
 * Every connection has a session of its own person (header login from loopback, as a proxy in front of the
 * server would do), with its cookie, its CSRF token and the ETag of its last answer as `If-Match`, so that
 * every PATCH is valid and accepted; an answer other than 2xx is counted and printed. The servers run in
 * child processes (`support/instance.ts`), the load generator here. Measurements alternate over rounds so
 * that a change of the machine's load touches both sides of a ratio; the medians are printed, with the CPU
 * time each server process spent per answer, which moves far less than requests/s on a shared machine.
 *
 *   npm run bench:server [-- --seconds 2 --rounds 3 --ldap-rounds 7 --only file|ldap --ldap-ops get,patch]
 *                        [--http-client keep-alive|autocannon]  (the load generator: support/keep-alive-load.ts
 *                                           says why the lean one is the default)
 *                        [--baseline DIR]  (DIR: another checkout of the project, e.g. a `git worktree` of main
 *                                           with its own node_modules; its server is measured in the same
 *                                           LDAP rounds, for before/after figures)
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startInstance, type Instance } from './support/instance-process.js';
import {
  benchUids,
  HEADER,
  HTTP_CLIENTS,
  load,
  openSessions,
  type HttpClient,
  type LoadOptions,
} from './support/http-load.js';
import { benchLdapStore } from './server-ldap.js';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '3' },
    'ldap-rounds': { type: 'string', default: '7' },
    only: { type: 'string' },
    'ldap-ops': { type: 'string', default: 'get,patch' },
    baseline: { type: 'string' },
    'http-client': { type: 'string', default: 'keep-alive' },
  },
});
const HTTP_CLIENT = args['http-client'] as HttpClient;
if (!HTTP_CLIENTS.includes(HTTP_CLIENT)) throw new Error(`--http-client: one of ${HTTP_CLIENTS.join(', ')}`);
const SECONDS = Number(args.seconds);
const ROUNDS = Number(args.rounds);
const FILE_CONCURRENCIES = [1, 16, 64];

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
  /** CPU time of the server process per answer, in µs: steadier than req/s when the machine is shared. */
  cpuMicros?: number;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const medianFigures = (rounds: Figures[]): Figures => ({
  perSecond: median(rounds.map((figures) => figures.perSecond)),
  p50: median(rounds.map((figures) => figures.p50)),
  p99: median(rounds.map((figures) => figures.p99)),
  failed: rounds.reduce((sum, figures) => sum + figures.failed, 0),
  ...(rounds[0]?.cpuMicros !== undefined && { cpuMicros: median(rounds.map((figures) => figures.cpuMicros ?? 0)) }),
});
/** `load` with the CPU time the server process spent per answer. */
async function loadWithCpu(
  server: Instance,
  method: 'GET' | 'PATCH',
  connections: number,
  sessions: LoadOptions['sessions'],
  seconds = SECONDS,
): Promise<Figures> {
  let before = 0;
  const run = await load(server, {
    client: HTTP_CLIENT,
    method,
    connections,
    seconds,
    sessions,
    bodies: fileBodies,
    onMeasureStart: async () => {
      before = await server.cpuSeconds();
    },
  });
  const cpuSeconds = (await server.cpuSeconds()) - before;
  return { ...run, cpuMicros: (1e6 * cpuSeconds) / Math.max(1, run.operations) };
}

const percent = (value: number, floor: number) => `${((100 * value) / floor).toFixed(0)} %`;
// autocannon gives latencies in whole milliseconds: a floor of 0 ms has no ratio.
const times = (value: number, floor: number) => (floor > 0 ? `×${(value / floor).toFixed(2)}` : '–');
function table(rows: { name: string; figures: Figures; floor?: Figures }[]): void {
  console.log(
    '| measurement | req/s | p50 ms | p99 ms | req/s vs floor | p50 vs floor | p99 vs floor | not 2xx | server CPU µs/req |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const { name, figures, floor } of rows) {
    const ratios = floor
      ? [percent(figures.perSecond, floor.perSecond), times(figures.p50, floor.p50), times(figures.p99, floor.p99)]
      : ['', '', ''];
    console.log(
      `| ${name} | ${figures.perSecond.toFixed(0)} | ${figures.p50.toFixed(2)} | ${figures.p99.toFixed(2)} | ${ratios.join(' | ')} | ${figures.failed} | ${figures.cpuMicros?.toFixed(0) ?? '–'} |`,
    );
  }
}

const fileBodies = [
  { website: 'https://perso.univ-exemple.fr/banc-a' },
  { phones: [{ type: 'mobile', number: '+33612345678' }] },
  { redList: true },
  { website: 'https://perso.univ-exemple.fr/banc-b' },
  { phones: [{ type: 'office', number: '+33549454999' }] },
  { redList: false },
];

async function benchFileStore(workDir: string): Promise<void> {
  // One person per connection, cloned from the demo account, so that no two connections race for a version.
  const demo = JSON.parse(
    await readFile(fileURLToPath(new URL('../../server/seed/demo-accounts.json', import.meta.url)), 'utf8'),
  ) as { password: string; account: { uid: string } }[];
  const people = benchUids(2 * Math.max(...FILE_CONCURRENCIES));
  const seed = join(workDir, 'seed.json');
  await writeFile(seed, JSON.stringify(people.map((uid) => ({ ...demo[0]!, account: { ...demo[0]!.account, uid } }))));
  const app = await startInstance({
    BENCH_KIND: 'app',
    BENCH_STORE: 'file',
    BENCH_DATA_DIR: join(workDir, 'data'),
    BENCH_SEED: seed,
    BENCH_SESSION_KEY: randomBytes(32).toString('base64url'),
  });
  let bare: Instance | undefined;
  try {
    const sessions = await openSessions(app.url, people);
    const bodyFile = join(workDir, 'account.json');
    const first = await fetch(`${app.url}/api/account`, {
      headers: { cookie: sessions[0]!.cookie, [HEADER]: sessions[0]!.uid, accept: 'application/json' },
    });
    await writeFile(bodyFile, await first.text());
    bare = await startInstance({ BENCH_KIND: 'bare', BENCH_BODY_FILE: bodyFile });

    for (const instance of [bare, app]) {
      await loadWithCpu(instance, 'GET', 16, sessions, 1);
      await loadWithCpu(instance, 'PATCH', 16, sessions, 1);
    }
    const memory = { bare: await bare.rssMiB(), app: await app.rssMiB() };

    const rows: { name: string; figures: Figures; floor?: Figures }[] = [];
    for (const connections of FILE_CONCURRENCIES) {
      const rounds: Record<'bareGet' | 'appGet' | 'barePatch' | 'appPatch', Figures[]> = {
        bareGet: [],
        appGet: [],
        barePatch: [],
        appPatch: [],
      };
      for (let round = 0; round < ROUNDS; round += 1) {
        rounds.bareGet.push(await loadWithCpu(bare, 'GET', connections, sessions));
        rounds.appGet.push(await loadWithCpu(app, 'GET', connections, sessions));
        rounds.barePatch.push(await loadWithCpu(bare, 'PATCH', connections, sessions));
        rounds.appPatch.push(await loadWithCpu(app, 'PATCH', connections, sessions));
      }
      const bareGet = medianFigures(rounds.bareGet);
      const barePatch = medianFigures(rounds.barePatch);
      rows.push(
        { name: `c${connections} bare Fastify GET (same JSON)`, figures: bareGet },
        { name: `c${connections} server GET /account`, figures: medianFigures(rounds.appGet), floor: bareGet },
        { name: `c${connections} bare Fastify PATCH (same JSON)`, figures: barePatch },
        { name: `c${connections} server PATCH /account`, figures: medianFigures(rounds.appPatch), floor: barePatch },
      );
    }
    console.log(`\nFile store: median of ${ROUNDS} alternating rounds of ${SECONDS} s per concurrency`);
    table(rows);
    const appAfter = await app.rssMiB();
    console.log(
      `\nMemory (RSS) after warm-up: bare Fastify ${memory.bare.toFixed(0)} MiB, server ${memory.app.toFixed(0)} MiB` +
        ` (${appAfter.toFixed(0)} MiB after the runs)`,
    );
  } finally {
    await bare?.stop();
    await app.stop();
  }
}

const workDir = await mkdtemp(join(tmpdir(), 'sel-bench-server-'));
const load1 = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
try {
  console.log(`load average at start: ${load1()} (1, 5, 15 min) on ${availableParallelism()} cores`);
  if (args.only !== 'ldap') await benchFileStore(workDir);
  if (args.only !== 'file') {
    await benchLdapStore({
      workDir,
      seconds: SECONDS,
      rounds: Number(args['ldap-rounds']),
      operations: args['ldap-ops'].split(',').filter((op): op is 'get' | 'patch' => op === 'get' || op === 'patch'),
      httpClient: HTTP_CLIENT,
      ...(args.baseline && { baselineDir: args.baseline }),
    });
  }
  console.log(`\nload average at end: ${load1()}`);
} finally {
  await rm(workDir, { recursive: true, force: true });
}
process.exit(0);
