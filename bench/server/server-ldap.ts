/**
 * The LDAP part of `bench:server`: the server's `GET` and `PATCH /account` over a private slapd, each against
 * the same LDAP operation sent by raw ldapts in the same run. Raw and server runs alternate in short rounds
 * (raw, server, raw, server…) so that a change of the machine's load touches both sides of a ratio; the
 * ratio is given per round and as the median of the rounds with its min and max, beside the load, the cores
 * other work took, and what each side cost in CPU per operation, process by process.
 */
import { loadavg } from 'node:os';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client, EqualityFilter } from 'ldapts';
import type { AccountPatch } from 'sel-widgets/core';
import { ldapAdmin } from '../../server/test/support/ldap-admin.js';
import {
  PEOPLE_DN,
  POLICY_DN,
  SERVICE_DN,
  SERVICE_PASSWORD,
  STRUCTURES_DN,
  startSlapd,
  type Slapd,
} from '../../server/test/support/slapd.js';
import { changesForPatch, personAttributes } from '../../server/src/store/ldap/account-mapping.js';
import { resolveOptions } from '../../server/src/store/ldap/options.js';
import { AssertionControl } from '../../server/src/store/ldap/controls/assertion-control.js';
import { PostReadControl } from '../../server/src/store/ldap/controls/post-read-control.js';
import { ProxiedAuthorizationControl } from '../../server/src/store/ldap/controls/proxied-authorization-control.js';
import { baselineScript, startInstance, type Instance } from './support/instance-process.js';
import { benchPerson } from './support/bench-person.js';
import { measureLoops } from './support/measure-loops.js';
import { benchUids, load, openSessions, type HttpClient, type RunFigures, type Session } from './support/http-load.js';
import { cpuWindow, type CpuCost } from './support/cpu-window.js';
import { ownCpuSeconds, processCpuSeconds } from './support/cpu-time.js';

export interface LdapBenchOptions {
  workDir: string;
  seconds: number;
  rounds: number;
  operations: ('get' | 'patch')[];
  /** Another checkout of the project whose server is measured too, in the same rounds (before/after). */
  baselineDir?: string;
  httpClient: HttpClient;
}

const CONCURRENCY = 16;
/** The store's default pool, and the raw side's. */
const POOL_SIZE = 4;
/** Two people per connection, taken in turn, on both sides: no two operations in flight on one entry. */
const PEOPLE = benchUids(2 * CONCURRENCY);
/** The store's options as the bench instance resolves them: the raw side asks for the same attributes. */
const STORE_OPTIONS = resolveOptions({
  url: 'ldap://unused',
  bindDn: SERVICE_DN,
  bindPassword: SERVICE_PASSWORD,
  peopleDn: PEOPLE_DN,
  structuresDn: STRUCTURES_DN,
  policyDn: POLICY_DN,
});
const PATCH_BODIES: AccountPatch[] = [
  { phones: [{ type: 'mobile', number: '+33612345601' }] },
  { phones: [{ type: 'mobile', number: '+33612345602' }] },
];

interface Side extends RunFigures {
  cost: CpuCost;
}

interface Round {
  load: number;
  raw: Side;
  server: Side;
  baseline?: Side;
}

const dnOf = (uid: string) => `uid=${uid},${PEOPLE_DN}`;
/**
 * autocannon stops without waiting for the answers in flight: before versions are read for the next PATCH
 * run (raw or server), the modifies still running finish.
 */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_000));

async function addPeople(slapd: Slapd): Promise<void> {
  const admin = await ldapAdmin(slapd);
  try {
    for (const uid of PEOPLE) {
      await admin.client.add(dnOf(uid), benchPerson(uid));
    }
  } finally {
    await admin.close();
  }
}

/**
 * The raw side: a fixed pool of clients bound as the service account, handed out in turn, sending exactly
 * the operations the store sends for a GET (one search) and for the write of a PATCH (one modify).
 */
async function rawSide(url: string) {
  const clients = await Promise.all(
    Array.from({ length: POOL_SIZE }, async () => {
      const client = new Client({ url, timeout: 5_000, connectTimeout: 5_000 });
      await client.bind(SERVICE_DN, SERVICE_PASSWORD);
      return client;
    }),
  );
  let next = 0;
  const pooled = () => clients[next++ % clients.length]!;
  const turns = new Array<number>(CONCURRENCY).fill(0);
  const personOf = (loop: number) => PEOPLE[loop + CONCURRENCY * (turns[loop]!++ % 2)]!;
  const attributes = personAttributes(STORE_OPTIONS);
  const versions = new Map<string, string>();
  let flip = 0;

  const search = async (uid: string) => {
    const result = await pooled().search(PEOPLE_DN, {
      scope: 'sub',
      filter: new EqualityFilter({ attribute: STORE_OPTIONS.uidAttribute, value: uid }),
      attributes,
      sizeLimit: 2,
    });
    return result.searchEntries[0];
  };
  return {
    search: async (loop: number) => {
      if (!(await search(personOf(loop)))) throw new Error('raw search found no entry');
    },
    /** Each person's current entryCSN, for the assertion of the next modify. */
    async readVersions() {
      for (const uid of PEOPLE) versions.set(uid, String((await search(uid))?.['entryCSN']));
    },
    modify: async (loop: number) => {
      const uid = personOf(loop);
      const dn = dnOf(uid);
      const patch = PATCH_BODIES[flip++ % PATCH_BODIES.length]!;
      const postRead = new PostReadControl(attributes);
      await pooled().modify(dn, changesForPatch(patch, STORE_OPTIONS), [
        new ProxiedAuthorizationControl(dn),
        new AssertionControl('entryCSN', versions.get(uid)!),
        postRead,
      ]);
      versions.set(uid, String(postRead.values.get('entrycsn')?.[0]));
    },
    close: () => Promise.all(clients.map((client) => client.unbind().catch(() => undefined))),
  };
}

const description = (httpClient: HttpClient) =>
  [
    `Both sides: slapd 2.5 on ldap://127.0.0.1 (no TLS on either side), ${PEOPLE.length} people, concurrency ${CONCURRENCY},`,
    `  ${POOL_SIZE} connections bound as the service account, each of ${CONCURRENCY} loops on two people of its own in turn.`,
    `raw search: ldapts in the load generator's process, pool handed out in turn; a subtree search of ${PEOPLE_DN}`,
    `  for (uid=…), sizeLimit 2, the ${personAttributes(STORE_OPTIONS).length} attributes the store asks for: the one LDAP operation of a server GET.`,
    `server GET /account: ${httpClient === 'keep-alive' ? 'the lean keep-alive client' : 'autocannon'} in the load generator's process, ${CONCURRENCY} keep-alive HTTP/1.1 connections, each a`,
    '  logged-in person (session cookie); the server in its own process: session, the same search through its pool,',
    '  the account built from the entry (policy entry and structure labels cached), JSON, ETag = entryCSN.',
    '  The server makes this one LDAP operation per GET, as the raw side.',
    'raw modify: the modify the store sends for a PATCH of phones: the four phone attributes replaced, as the person',
    '  (proxied authorization), asserting the entryCSN read back by the post-read of the previous one.',
    'server PATCH /account: the same modify, after two searches of the entry (the service reads the account to',
    "  check the part is editable, the store finds the DN): three LDAP operations against the raw side's one.",
    `CPU µs/op: generator = the load generator process (raw ldapts, or the HTTP client), server, slapd; "other" = cores`,
    '  other work took meanwhile. Ratio = server req/s ÷ raw op/s of the round; median (min–max) over the rounds.',
  ].join('\n');

const fixed = (value: number, digits = 0) => value.toFixed(digits);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const costOf = (side: Side, names: string[]) =>
  names.map((name) => fixed(side.cost.perOperation[name] ?? 0)).join(' + ');

const sumOf = (side: Side, names: string[]) =>
  names.reduce((sum, name) => sum + (side.cost.perOperation[name] ?? 0), 0);
const percent = (value: number) => `${fixed(100 * value)} %`;
const spread = (values: number[]) =>
  `median ${percent(median(values))} (min ${percent(Math.min(...values))}, max ${percent(Math.max(...values))})`;

function report(title: string, rawName: string, serverName: string, rounds: Round[]): void {
  const ratios = rounds.map((round) => round.server.perSecond / round.raw.perSecond);
  const baseline = rounds.every((round) => round.baseline !== undefined);
  console.log(`\n${title}`);
  console.log(
    `| round | load 1 min | other cores | ${rawName}/s | ${serverName}/s | ratio | p99 ms raw / server | CPU µs/op raw: generator + slapd | CPU µs/op server: generator + server + slapd |${baseline ? ' baseline /s | baseline ratio | baseline CPU µs/op |' : ''} failed raw / server |`,
  );
  console.log(
    `| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |${baseline ? ' ---: | ---: | ---: |' : ''} ---: |`,
  );
  rounds.forEach((round, index) => {
    const others = (round.raw.cost.otherCores + round.server.cost.otherCores) / 2;
    const before = round.baseline
      ? ` ${fixed(round.baseline.perSecond)} | ${percent(round.baseline.perSecond / round.raw.perSecond)} | ${costOf(round.baseline, ['generator', 'server', 'slapd'])} |`
      : '';
    console.log(
      `| ${index + 1} | ${fixed(round.load, 1)} | ${fixed(others, 2)} | ${fixed(round.raw.perSecond)} | ${fixed(round.server.perSecond)} | ${percent(ratios[index]!)} | ${fixed(round.raw.p99, 1)} / ${fixed(round.server.p99)} | ${costOf(round.raw, ['generator', 'slapd'])} | ${costOf(round.server, ['generator', 'server', 'slapd'])} |${before} ${round.raw.failed} / ${round.server.failed} |`,
    );
  });
  const loads = rounds.map((round) => round.load);
  const serverCpu = (side: Side) => side.cost.perOperation['server'] ?? 0;
  console.log(
    `${serverName} ÷ ${rawName}: ${spread(ratios)} over ${rounds.length} rounds;` +
      ` load ${fixed(Math.min(...loads), 1)}–${fixed(Math.max(...loads), 1)}.`,
  );
  console.log(
    `CPU per operation (medians): raw ${fixed(median(rounds.map((r) => sumOf(r.raw, ['generator', 'slapd']))))} µs;` +
      ` server side ${fixed(median(rounds.map((r) => sumOf(r.server, ['generator', 'server', 'slapd']))))} µs, of which the server process ${fixed(median(rounds.map((r) => serverCpu(r.server))))}` +
      ` and the HTTP load generator ${fixed(median(rounds.map((r) => r.server.cost.perOperation['generator'] ?? 0)))}.` +
      ` With the machine's cores the limit and the load generator elsewhere, the ratio would be raw ÷ (server + slapd):` +
      ` ${spread(rounds.map((r) => sumOf(r.raw, ['generator', 'slapd']) / sumOf(r.server, ['server', 'slapd'])))}.`,
  );
  if (baseline) {
    console.log(
      `Baseline ${serverName} ÷ ${rawName}: ${spread(rounds.map((r) => r.baseline!.perSecond / r.raw.perSecond))};` +
        ` this checkout ÷ baseline: ${spread(rounds.map((r) => r.server.perSecond / r.baseline!.perSecond))};` +
        ` server process CPU µs/op: baseline ${fixed(median(rounds.map((r) => serverCpu(r.baseline!))))}, this checkout ${fixed(median(rounds.map((r) => serverCpu(r.server))))}.`,
    );
  }
}

export async function benchLdapStore(options: LdapBenchOptions): Promise<void> {
  const slapd = await startSlapd();
  let app: Instance | undefined;
  let baselineApp: Instance | undefined;
  let raw: Awaited<ReturnType<typeof rawSide>> | undefined;
  try {
    await addPeople(slapd);
    const instanceEnv = {
      BENCH_KIND: 'app',
      BENCH_STORE: 'ldap',
      BENCH_DATA_DIR: join(options.workDir, 'unused'),
      BENCH_SESSION_KEY: randomBytes(32).toString('base64url'),
      BENCH_LDAP_URL: slapd.url,
      BENCH_LDAP_BIND_DN: SERVICE_DN,
      BENCH_LDAP_BIND_PASSWORD: SERVICE_PASSWORD,
      BENCH_LDAP_PEOPLE_DN: PEOPLE_DN,
      BENCH_LDAP_STRUCTURES_DN: STRUCTURES_DN,
      BENCH_LDAP_POLICY_DN: POLICY_DN,
      BENCH_LDAP_POOL_SIZE: String(POOL_SIZE),
    };
    app = await startInstance(instanceEnv);
    if (options.baselineDir) {
      baselineApp = await startInstance(instanceEnv, baselineScript(options.baselineDir));
    }
    raw = await rawSide(slapd.url);
    const servers = await Promise.all(
      [app, baselineApp].map(async (instance) =>
        instance ? { instance, sessions: await openSessions(instance.url, PEOPLE) } : undefined,
      ),
    );
    const serverRun = async (
      method: 'GET' | 'PATCH',
      seconds: number,
      server: { instance: Instance; sessions: Session[] },
    ): Promise<Side> => {
      // Both servers change the same entries: let the answers of the last PATCH run in flight land first.
      if (method === 'PATCH') await settle();
      const window = cpuWindow({
        generator: ownCpuSeconds,
        server: () => server.instance.cpuSeconds(),
        slapd: () => processCpuSeconds(slapd.pid()!),
      });
      const run = await load(server.instance, {
        client: options.httpClient,
        method,
        connections: CONCURRENCY,
        seconds,
        sessions: server.sessions,
        bodies: PATCH_BODIES,
        onMeasureStart: () => window.start(),
      });
      return { ...run, cost: await window.stop(run.operations) };
    };
    const rawRun = async (worker: (loop: number) => Promise<void>): Promise<Side> => {
      const window = cpuWindow({
        generator: ownCpuSeconds,
        server: () => app!.cpuSeconds(),
        slapd: () => processCpuSeconds(slapd.pid()!),
      });
      let failed = 0;
      const counted = (loop: number) =>
        worker(loop).catch((error: unknown) => {
          if (failed++ === 0) console.error('first failure of a raw operation:', error);
        });
      const run = await measureLoops(CONCURRENCY, options.seconds, counted, () => window.start());
      const operations = Math.round(run.perSecond * options.seconds);
      return { ...run, failed, operations, cost: await window.stop(operations) };
    };
    const [current, baseline] = servers;
    const alternate = async (rawWorker: (loop: number) => Promise<void>, method: 'GET' | 'PATCH') => {
      // Warm-up of the servers; the raw side warms up inside each of its runs.
      for (const server of servers) if (server) await serverRun(method, 1, server);
      const rounds: Round[] = [];
      for (let round = 0; round < options.rounds; round += 1) {
        const load1 = loadavg()[0]!;
        if (method === 'PATCH') {
          await settle();
          await raw!.readVersions();
        }
        const rawFigures = await rawRun(rawWorker);
        // The raw modifies moved every entryCSN: `load` reads the current versions before a PATCH run.
        // With a baseline, the two servers take turns at going first: neither always follows the raw run.
        const baselineFirst = baseline !== undefined && round % 2 === 1;
        const baselineBefore = baselineFirst ? await serverRun(method, options.seconds, baseline) : undefined;
        const serverFigures = await serverRun(method, options.seconds, current!);
        const baselineFigures =
          baselineBefore ?? (baseline ? await serverRun(method, options.seconds, baseline) : undefined);
        rounds.push({
          load: load1,
          raw: rawFigures,
          server: serverFigures,
          ...(baselineFigures && { baseline: baselineFigures }),
        });
      }
      return rounds;
    };

    console.log(
      `\nLDAP store: ${options.rounds} alternating rounds of ${options.seconds} s per side\n${description(options.httpClient)}`,
    );
    if (options.operations.includes('get')) {
      report('GET', 'raw search', 'GET /account', await alternate(raw.search, 'GET'));
    }
    if (options.operations.includes('patch')) {
      report('PATCH (phones)', 'raw modify', 'PATCH /account', await alternate(raw.modify, 'PATCH'));
    }
  } finally {
    await raw?.close();
    await app?.stop();
    await baselineApp?.stop();
    await slapd.stop();
  }
}
