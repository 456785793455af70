/**
 * Many people's `GET /account` arriving together, as on a busy server: the searches started in one turn of
 * the event loop go out together on one pooled connection (one write, see WriteBatcher), and each person
 * still gets their own account and version. The directory is reached through a loopback relay that counts
 * the connections slapd is given.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { personDn, useDirectory } from '../support/ldap-fixture.js';

const directory = useDirectory();

interface Relay {
  url: string;
  connections: number;
  close(): Promise<void>;
}

async function startRelay(target: string): Promise<Relay> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const relay = { url: '', connections: 0 } as Relay;
  const server: Server = createServer((client) => {
    relay.connections += 1;
    const upstream = connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined).on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('relay has no address');
  relay.url = `ldap://127.0.0.1:${address.port}`;
  relay.close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return relay;
}

describe('LdapStore.get, many at once', () => {
  let relay: Relay;
  before(async () => {
    relay = await startRelay(directory.slapd.url);
  });
  after(() => relay.close());

  test('twelve GETs of one turn share one connection, each with its own account and version', async () => {
    const store = directory.store({ url: relay.url, poolSize: 4 });
    // One connection open, the policy entry and the structure labels read.
    assert.ok(await store.get('cmartin'));
    assert.equal(relay.connections, 1);

    const people = ['cmartin', 'pdurand', 'abernard'].flatMap((uid) => [uid, uid, uid, uid]);
    const answers = await Promise.all(people.map((uid) => store.get(uid)));

    // Before, searches of the burst found the open connection busy and opened more of the pool.
    assert.equal(relay.connections, 1);
    for (const [index, uid] of people.entries()) {
      const [entryCsn] = await directory.admin.read(personDn(uid), 'entryCSN');
      assert.equal(answers[index]?.account.uid, uid);
      assert.equal(answers[index]?.version, entryCsn);
    }
  });
});
