/**
 * The LDAP store against raw ldapts on the same private slapd, in the same run: `store.get` against a raw
 * search of the same entry with the same attributes, `store.update` against a raw modify of the same
 * attribute (as the person, through proxied authorization, as the store does), both at concurrency 16 over
 * pools of the same size. The four measurements alternate over several rounds, so that a change of the
 * machine's load touches both sides of a ratio; prints the median round of each: requests per second, p50
 * and p99, the CPU time this process (the client side) spent per operation, and the ratios of the medians.
 *
 *   npm run bench:ldap-store [-- --seconds 2 --rounds 5 --concurrency 16]
 */
import { parseArgs } from 'node:util';
import { Attribute, Change, Client, EqualityFilter } from 'ldapts';
import { LdapStore } from '../../server/src/store/ldap/index.js';
import { personAttributes } from '../../server/src/store/ldap/account-mapping.js';
import { resolveOptions } from '../../server/src/store/ldap/options.js';
import { ProxiedAuthorizationControl } from '../../server/src/store/ldap/controls/proxied-authorization-control.js';
import { ldapAdmin } from '../../server/test/support/ldap-admin.js';
import { benchPerson } from './support/bench-person.js';
import { measureLoops } from './support/measure-loops.js';
import {
  PEOPLE_DN,
  POLICY_DN,
  SERVICE_DN,
  SERVICE_PASSWORD,
  STRUCTURES_DN,
  startSlapd,
} from '../../server/test/support/slapd.js';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '16' },
  },
});
const SECONDS = Number(args.seconds);
const CONCURRENCY = Number(args.concurrency);
const ROUNDS = Number(args.rounds);
const POOL_SIZE = 4;
/** The store's options as the bench resolves them: the raw search asks for the attributes the mapping reads. */
const STORE_OPTIONS = resolveOptions({
  url: 'ldap://unused',
  bindDn: SERVICE_DN,
  bindPassword: SERVICE_PASSWORD,
  peopleDn: PEOPLE_DN,
  structuresDn: STRUCTURES_DN,
  policyDn: POLICY_DN,
  poolSize: POOL_SIZE,
});
const ATTRIBUTES = personAttributes(STORE_OPTIONS);

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
  /** CPU time of this process (the client: ldapts, and the store around it) per operation, in µs. */
  cpuMicros: number;
}

/** Runs `worker(index)` in `CONCURRENCY` loops for SECONDS after a one-second warm-up. */
async function measure(worker: (index: number) => Promise<void>): Promise<Figures> {
  let before = process.cpuUsage();
  const figures = await measureLoops(CONCURRENCY, SECONDS, worker, async () => {
    before = process.cpuUsage();
  });
  const used = process.cpuUsage(before);
  return { ...figures, cpuMicros: (used.user + used.system) / (figures.perSecond * SECONDS) };
}

/** The round of median throughput (its own p50 and p99 with it). */
function median(figures: Figures[]): Figures {
  return [...figures].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(figures.length / 2)]!;
}

/** A fixed pool of bound clients handed out round-robin per call, like the store's pool of the same size. */
async function rawPool(): Promise<() => Client> {
  const clients = await Promise.all(
    Array.from({ length: POOL_SIZE }, async () => {
      const client = new Client({ url: slapd.url, timeout: 5_000 });
      await client.bind(SERVICE_DN, SERVICE_PASSWORD);
      return client;
    }),
  );
  let next = 0;
  return () => clients[next++ % clients.length]!;
}

const slapd = await startSlapd();
const admin = await ldapAdmin(slapd);
const people = Array.from({ length: CONCURRENCY }, (_, index) => `bench${String(index).padStart(2, '0')}`);
for (const uid of people) {
  // The mobile in the dotted national form: the store's parse of any form is part of what a GET costs.
  await admin.client.add(`uid=${uid},${PEOPLE_DN}`, benchPerson(uid, '06.12.34.56.78'));
}
const store = new LdapStore({
  url: slapd.url,
  bindDn: SERVICE_DN,
  bindPassword: SERVICE_PASSWORD,
  peopleDn: PEOPLE_DN,
  structuresDn: STRUCTURES_DN,
  policyDn: POLICY_DN,
  poolSize: POOL_SIZE,
});
const raw = await rawPool();

try {
  let flip = 0;
  const versions = new Map<string, string>();
  const rounds: Record<'rawSearch' | 'storeGet' | 'rawModify' | 'storeUpdate', Figures[]> = {
    rawSearch: [],
    storeGet: [],
    rawModify: [],
    storeUpdate: [],
  };
  for (let round = 0; round < ROUNDS; round += 1) {
    const rawSearch = await measure(async (index) => {
      await raw().search(PEOPLE_DN, {
        scope: 'sub',
        filter: new EqualityFilter({ attribute: STORE_OPTIONS.uidAttribute, value: people[index]! }),
        attributes: ATTRIBUTES,
      });
    });
    const storeGet = await measure(async (index) => {
      const stored = await store.get(people[index]!);
      if (!stored) throw new Error('no account');
      // What the route does next: the answer's JSON, as Fastify writes an object sent without a schema.
      JSON.stringify(stored.account);
    });

    const rawModify = await measure(async (index) => {
      const dn = `uid=${people[index]},${PEOPLE_DN}`;
      const value = `+33 6 12 34 56 ${String(flip++ % 100).padStart(2, '0')}`;
      await raw().modify(
        dn,
        new Change({ operation: 'replace', modification: new Attribute({ type: 'mobile', values: [value] }) }),
        [new ProxiedAuthorizationControl(dn)],
      );
    });
    // The raw modifies moved every entryCSN: start from the current versions.
    for (const uid of people) versions.set(uid, (await store.get(uid))!.version);
    const storeUpdate = await measure(async (index) => {
      const uid = people[index]!;
      const number = `+336123456${String(flip++ % 100).padStart(2, '0')}`;
      const stored = await store.update(uid, { phones: [{ type: 'mobile', number }] }, versions.get(uid)!);
      versions.set(uid, stored.version);
    });

    rounds.rawSearch.push(rawSearch);
    rounds.storeGet.push(storeGet);
    rounds.rawModify.push(rawModify);
    rounds.storeUpdate.push(storeUpdate);
  }
  const rawSearch = median(rounds.rawSearch);
  const storeGet = median(rounds.storeGet);
  const rawModify = median(rounds.rawModify);
  const storeUpdate = median(rounds.storeUpdate);

  const row = (name: string, figures: Figures, baseline?: Figures) =>
    `| ${name.padEnd(44)} | ${figures.perSecond.toFixed(0).padStart(6)} | ${figures.p50.toFixed(2).padStart(6)} | ${figures.p99
      .toFixed(2)
      .padStart(
        6,
      )} | ${baseline ? `${((100 * figures.perSecond) / baseline.perSecond).toFixed(0)} %`.padStart(9) : '         '} | ${figures.cpuMicros.toFixed(0).padStart(10)} |`;
  console.log(
    `slapd 2.5 on 127.0.0.1, concurrency ${CONCURRENCY}, pools of ${POOL_SIZE} connections, median of ${ROUNDS} rounds of ${SECONDS} s`,
  );
  console.log(`| ${'operation'.padEnd(44)} | req/s  | p50 ms | p99 ms | vs raw    | CPU µs/op  |`);
  console.log(`| ${'-'.repeat(44)} | -----: | -----: | -----: | --------: | ---------: |`);
  console.log(row('raw ldapts search (same entry, attributes)', rawSearch));
  console.log(row('store.get + JSON', storeGet, rawSearch));
  console.log(row('raw ldapts modify (mobile, proxied authz)', rawModify));
  console.log(row('store.update (search + modify, assert, post-read)', storeUpdate, rawModify));
} finally {
  await store.close();
  await admin.close();
  await slapd.stop();
  process.exit(0);
}
