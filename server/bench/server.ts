/**
 * The reference server over HTTP, each figure next to a floor measured in the same run:
 *
 * - file store: autocannon on `GET /account` and `PATCH /account` at concurrency 1, 16 and 64 against a bare
 *   Fastify route sending the same JSON; requests/s, p50 and p99, and each as a ratio to the bare route;
 *   the resident memory of each instance after the warm-up;
 * - LDAP store (a private slapd): `GET` and `PATCH /account` at concurrency 16 against raw ldapts searches
 *   and modifies of the same entries at the same concurrency.
 *
 * Every connection has a session of its own person (header login from loopback, as a proxy in front of the
 * server would do), with its cookie, its CSRF token and the ETag of its last answer as `If-Match`, so that
 * every PATCH is valid and accepted; an answer other than 2xx is counted and printed. The servers run in
 * child processes (`support/instance.ts`), the load generator here. Measurements alternate over rounds so
 * that a change of the machine's load touches both sides of a ratio; the medians are printed, with the CPU
 * time each server process spent per answer, which moves far less than requests/s on a shared machine.
 *
 *   npm run bench:server [-- --seconds 2 --rounds 3]
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import autocannon, { type RequestContext, type Result } from 'autocannon';
import { Attribute, Change, Client, EqualityFilter } from 'ldapts';
import { BrowserLikeClient } from '../test/helpers/browser-like-client.js';
import { ldapAdmin } from '../test/support/ldap-admin.js';
import {
  PEOPLE_DN,
  POLICY_DN,
  SERVICE_DN,
  SERVICE_PASSWORD,
  STRUCTURES_DN,
  startSlapd,
} from '../test/support/slapd.js';
import { ProxiedAuthorizationControl } from '../src/store/ldap/controls/proxied-authorization-control.js';
import { startInstance, type Instance } from './support/instance-process.js';
import { measureLoops } from './support/measure-loops.js';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '3' },
  },
});
const SECONDS = Number(args.seconds);
const ROUNDS = Number(args.rounds);
const FILE_CONCURRENCIES = [1, 16, 64];
const LDAP_CONCURRENCY = 16;
const LDAP_POOL_SIZE = 4; // the store's default pool, and the raw side's
const HEADER = 'x-remote-user';
const uids = (count: number) => Array.from({ length: count }, (_, index) => `bench${String(index).padStart(2, '0')}`);

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
  /** CPU time of the server process per answer, in µs: steadier than req/s when the machine is shared. */
  cpuMicros?: number;
}

interface Session {
  uid: string;
  cookie: string;
  csrf: string;
  version: string;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const medianFigures = (rounds: Figures[]): Figures => ({
  perSecond: median(rounds.map((figures) => figures.perSecond)),
  p50: median(rounds.map((figures) => figures.p50)),
  p99: median(rounds.map((figures) => figures.p99)),
  failed: rounds.reduce((sum, figures) => sum + figures.failed, 0),
  ...(rounds[0]?.cpuMicros !== undefined && { cpuMicros: median(rounds.map((figures) => figures.cpuMicros ?? 0)) }),
});
const fromAutocannon = (result: Result, cpuSeconds: number): Figures => ({
  perSecond: result.requests.average,
  p50: result.latency.p50,
  p99: result.latency.p99,
  failed: result.non2xx + result.errors + result.timeouts,
  cpuMicros: (1e6 * cpuSeconds) / Math.max(1, result.requests.total),
});

/** Logs each person in through the header a trusted proxy sets, and reads their CSRF token and version. */
async function openSessions(url: string, people: string[]): Promise<Session[]> {
  const sessions: Session[] = [];
  for (const uid of people) {
    const client = new BrowserLikeClient(url);
    await client.login({ [HEADER]: uid });
    const response = await client.api('/account', { headers: { [HEADER]: uid } });
    if (response.status !== 200) throw new Error(`GET /account for ${uid} answered ${response.status}`);
    sessions.push({ uid, cookie: client.cookie, csrf: client.csrf, version: response.headers.get('ETag') ?? '' });
  }
  return sessions;
}

/** Reads each person's current version: requests cut off at the end of a run may have changed it. */
async function refreshVersions(url: string, sessions: Session[]): Promise<void> {
  for (const session of sessions) {
    const response = await fetch(`${url}/api/account`, {
      headers: { cookie: session.cookie, [HEADER]: session.uid, accept: 'application/json' },
    });
    session.version = response.headers.get('ETag') ?? '';
  }
}

/**
 * autocannon on `method /api/account`, each connection bound to one session; a PATCH sends the next of
 * `bodies` with the version of that connection's last answer.
 */
async function load(
  server: Instance,
  method: 'GET' | 'PATCH',
  connections: number,
  sessions: Session[],
  bodies: unknown[],
  seconds = SECONDS,
): Promise<Figures> {
  // autocannon resets a connection's context before each request, but calls `onResponse` with the context
  // of the request answered: a session is taken when a request is built and given back with its answer,
  // so that no two requests in flight carry the same person's version.
  const url = server.url;
  if (method === 'PATCH') await refreshVersions(url, sessions);
  const idle = [...sessions];
  const take = (context: RequestContext): Session => {
    const session = idle.shift() ?? sessions[0]!;
    context['session'] = session;
    return session;
  };
  let nextBody = 0;
  let refusals = 0;
  const cpuBefore = await server.cpuSeconds();
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method,
        path: '/api/account',
        setupRequest: (request, context) => {
          const session = take(context);
          const headers: Record<string, string> = {
            accept: 'application/json',
            // What Chromium sends: a server that compresses small JSON pays for it here, as with browsers.
            'accept-encoding': 'gzip, deflate, br, zstd',
            cookie: session.cookie,
            [HEADER]: session.uid,
          };
          if (method === 'GET') return { ...request, headers };
          return {
            ...request,
            headers: {
              ...headers,
              'content-type': 'application/json',
              'if-match': session.version,
              'x-csrf-token': session.csrf,
              origin: url,
            },
            body: JSON.stringify(bodies[nextBody++ % bodies.length]),
          };
        },
        onResponse: (status, body, context, headers) => {
          const session = context['session'] as Session;
          const etag = [headers['etag'] ?? headers['ETag'] ?? []].flat()[0];
          if (status === 200 && etag) session.version = etag;
          // A browser keeps the cookie a refresh sets; a bench that did not would get a new one every time.
          const setCookie = headers['set-cookie'] ?? headers['Set-Cookie'];
          const renewed = [setCookie ?? []].flat()[0]?.split(';')[0];
          if (renewed) session.cookie = renewed;
          idle.push(session);
          if (status !== 200 && refusals++ === 0) console.error(`first refusal of ${method}: ${status} ${body}`);
        },
      },
    ],
  });
  return fromAutocannon(result, (await server.cpuSeconds()) - cpuBefore);
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
const ldapBodies = [
  { phones: [{ type: 'mobile', number: '+33612345601' }] },
  { phones: [{ type: 'mobile', number: '+33612345602' }] },
];

async function benchFileStore(workDir: string): Promise<void> {
  // One person per connection, cloned from the demo account, so that no two connections race for a version.
  const demo = JSON.parse(
    await readFile(fileURLToPath(new URL('../seed/demo-accounts.json', import.meta.url)), 'utf8'),
  ) as { password: string; account: { uid: string } }[];
  const people = uids(2 * Math.max(...FILE_CONCURRENCIES));
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
      await load(instance, 'GET', 16, sessions, fileBodies, 1);
      await load(instance, 'PATCH', 16, sessions, fileBodies, 1);
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
        rounds.bareGet.push(await load(bare, 'GET', connections, sessions, fileBodies));
        rounds.appGet.push(await load(app, 'GET', connections, sessions, fileBodies));
        rounds.barePatch.push(await load(bare, 'PATCH', connections, sessions, fileBodies));
        rounds.appPatch.push(await load(app, 'PATCH', connections, sessions, fileBodies));
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

/** Runs `worker(index)` in `concurrency` loops for SECONDS after a one-second warm-up. */
async function measureRaw(concurrency: number, worker: (index: number) => Promise<void>): Promise<Figures> {
  return { ...(await measureLoops(concurrency, SECONDS, worker)), failed: 0 };
}

async function benchLdapStore(workDir: string): Promise<void> {
  const slapd = await startSlapd();
  const admin = await ldapAdmin(slapd);
  const people = uids(2 * LDAP_CONCURRENCY);
  const raw: Client[] = [];
  let app: Instance | undefined;
  try {
    for (const uid of people) {
      await admin.client.add(`uid=${uid},${PEOPLE_DN}`, {
        objectClass: ['inetOrgPerson', 'eduPerson', 'supannPerson'],
        uid,
        cn: `Banc ${uid}`,
        displayName: `Banc ${uid}`,
        sn: uid,
        mail: `${uid}@univ-exemple.fr`,
        eduPersonAffiliation: ['staff', 'member'],
        supannEntiteAffectation: ['IMED', 'DSI-RES'],
        telephoneNumber: '+33 5 49 45 30 00',
        mobile: '+33 6 12 34 56 01',
        supannListeRouge: 'FALSE',
      });
    }
    app = await startInstance({
      BENCH_KIND: 'app',
      BENCH_STORE: 'ldap',
      BENCH_DATA_DIR: join(workDir, 'unused'),
      BENCH_SESSION_KEY: randomBytes(32).toString('base64url'),
      BENCH_LDAP_URL: slapd.url,
      BENCH_LDAP_BIND_DN: SERVICE_DN,
      BENCH_LDAP_BIND_PASSWORD: SERVICE_PASSWORD,
      BENCH_LDAP_PEOPLE_DN: PEOPLE_DN,
      BENCH_LDAP_STRUCTURES_DN: STRUCTURES_DN,
      BENCH_LDAP_POLICY_DN: POLICY_DN,
    });
    for (let index = 0; index < LDAP_POOL_SIZE; index += 1) {
      const client = new Client({ url: slapd.url, timeout: 5_000 });
      await client.bind(SERVICE_DN, SERVICE_PASSWORD);
      raw.push(client);
    }
    let next = 0;
    const pooled = () => raw[next++ % raw.length]!;
    // The attributes the store asks for (see server/src/store/ldap/directory-entry.ts).
    const attributes = [
      ...['uid', 'displayName', 'cn', 'givenName', 'sn', 'mail', 'eduPersonAffiliation'],
      ...['eduPersonPrimaryAffiliation', 'supannEntiteAffectation', 'title', 'labeledURI', 'telephoneNumber'],
      ...['mobile', 'facsimileTelephoneNumber', 'supannAutreTelephone', 'supannListeRouge', 'entryCSN'],
      ...['pwdChangedTime', 'pwdReset', 'pwdPolicySubentry', 'pwdAccountLockedTime'],
    ];
    let flip = 0;
    const rawSearch = (index: number) =>
      pooled()
        .search(PEOPLE_DN, {
          scope: 'sub',
          filter: new EqualityFilter({ attribute: 'uid', value: people[index]! }),
          attributes,
        })
        .then(() => undefined);
    const rawModify = (index: number) => {
      const dn = `uid=${people[index]},${PEOPLE_DN}`;
      const value = `+33 6 12 34 56 0${1 + (flip++ % 2)}`;
      const change = new Change({
        operation: 'replace',
        modification: new Attribute({ type: 'mobile', values: [value] }),
      });
      return pooled().modify(dn, change, [new ProxiedAuthorizationControl(dn)]);
    };

    const sessions = await openSessions(app.url, people);
    await load(app, 'GET', LDAP_CONCURRENCY, sessions, ldapBodies, 1);
    await load(app, 'PATCH', LDAP_CONCURRENCY, sessions, ldapBodies, 1);
    const rounds: Record<'rawSearch' | 'appGet' | 'rawModify' | 'appPatch', Figures[]> = {
      rawSearch: [],
      appGet: [],
      rawModify: [],
      appPatch: [],
    };
    for (let round = 0; round < ROUNDS; round += 1) {
      rounds.rawSearch.push(await measureRaw(LDAP_CONCURRENCY, rawSearch));
      rounds.appGet.push(await load(app, 'GET', LDAP_CONCURRENCY, sessions, ldapBodies));
      rounds.rawModify.push(await measureRaw(LDAP_CONCURRENCY, rawModify));
      // The raw modifies moved every entryCSN: `load` reads the current versions before a PATCH run.
      rounds.appPatch.push(await load(app, 'PATCH', LDAP_CONCURRENCY, sessions, ldapBodies));
    }
    const search = medianFigures(rounds.rawSearch);
    const modify = medianFigures(rounds.rawModify);
    console.log(
      `\nLDAP store (slapd 2.5 on 127.0.0.1, pools of ${LDAP_POOL_SIZE}): concurrency ${LDAP_CONCURRENCY}, median of ${ROUNDS} alternating rounds of ${SECONDS} s`,
    );
    table([
      { name: 'raw ldapts search of the entry', figures: search },
      { name: 'server GET /account', figures: medianFigures(rounds.appGet), floor: search },
      { name: 'raw ldapts modify of mobile (proxied authz)', figures: modify },
      { name: 'server PATCH /account (phones)', figures: medianFigures(rounds.appPatch), floor: modify },
    ]);
  } finally {
    await Promise.all(raw.map((client) => client.unbind().catch(() => undefined)));
    await app?.stop();
    await admin.close();
    await slapd.stop();
  }
}

const workDir = await mkdtemp(join(tmpdir(), 'sel-bench-server-'));
const load1 = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
try {
  console.log(`load average at start: ${load1()} (1, 5, 15 min) on 2 cores shared with other work`);
  await benchFileStore(workDir);
  await benchLdapStore(workDir);
  console.log(`\nload average at end: ${load1()}`);
} finally {
  await rm(workDir, { recursive: true, force: true });
}
process.exit(0);
