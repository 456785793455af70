/**
 * Writing to a real slapd: each editable part both ways (read back from the directory with an LDAP search of
 * its own), phone numbers in the configured form, versions that cannot race, and the directory's ACLs as
 * the last word when the service account acts for a person.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Attribute, Change, Client, InsufficientAccessError } from 'ldapts';
import { NotEditableError, StaleVersionError } from '../../src/domain/errors.js';
import { ProxiedAuthorizationControl } from '../../src/store/ldap/controls/proxied-authorization-control.js';
import { personDn, useDirectory } from '../support/ldap-fixture.js';
import { SERVICE_DN, SERVICE_PASSWORD } from '../support/slapd.js';

const directory = useDirectory();

async function version(uid: string): Promise<string> {
  const [csn] = await directory.admin.read(personDn(uid), 'entryCSN');
  return csn!;
}

describe('LdapStore.update', () => {
  test('website: written to labeledURI, then removed', async () => {
    const store = directory.store();
    const stored = await store.update(
      'cmartin',
      { website: 'https://www.univ-exemple.fr/~cmartin' },
      await version('cmartin'),
    );
    assert.equal(stored.account.website, 'https://www.univ-exemple.fr/~cmartin');
    assert.deepEqual(await directory.admin.read(personDn('cmartin'), 'labeledURI'), [
      'https://www.univ-exemple.fr/~cmartin',
    ]);

    const removed = await store.update('cmartin', { website: null }, stored.version);
    assert.equal(removed.account.website, null);
    assert.deepEqual(await directory.admin.read(personDn('cmartin'), 'labeledURI'), []);
  });

  test('redList: written to supannListeRouge as TRUE / FALSE', async () => {
    const store = directory.store();
    const hidden = await store.update('cmartin', { redList: true }, await version('cmartin'));
    assert.equal(hidden.account.redList, true);
    assert.deepEqual(await directory.admin.read(personDn('cmartin'), 'supannListeRouge'), ['TRUE']);
    const shown = await store.update('cmartin', { redList: false }, hidden.version);
    assert.equal(shown.account.redList, false);
    assert.deepEqual(await directory.admin.read(personDn('cmartin'), 'supannListeRouge'), ['FALSE']);
  });

  test('phones: each type to its attribute, in the international form with spaces by default', async () => {
    const store = directory.store();
    const phones = [
      { type: 'office', number: '+33549453000' },
      { type: 'office', number: '+33549454999' },
      { type: 'mobile', number: '+33612345678' },
      { type: 'fax', number: '+33549453001' },
      { type: 'other', number: '+262262123456' },
    ] as const;
    const stored = await store.update('cmartin', { phones: [...phones] }, await version('cmartin'));
    assert.deepEqual(stored.account.phones, phones);
    const dn = personDn('cmartin');
    assert.deepEqual(await directory.admin.read(dn, 'telephoneNumber'), ['+33 5 49 45 30 00', '+33 5 49 45 49 99']);
    assert.deepEqual(await directory.admin.read(dn, 'mobile'), ['+33 6 12 34 56 78']);
    assert.deepEqual(await directory.admin.read(dn, 'facsimileTelephoneNumber'), ['+33 5 49 45 30 01']);
    assert.deepEqual(await directory.admin.read(dn, 'supannAutreTelephone'), ['+262 262 12 34 56']);

    const none = await store.update('cmartin', { phones: [] }, stored.version);
    assert.deepEqual(none.account.phones, []);
    for (const attribute of ['telephoneNumber', 'mobile', 'facsimileTelephoneNumber', 'supannAutreTelephone']) {
      assert.deepEqual(await directory.admin.read(dn, attribute), [], attribute);
    }
  });

  test('phones: the national and E.164 write forms', async () => {
    const phones = [
      { type: 'office' as const, number: '+33549453000' },
      { type: 'other' as const, number: '+262262123456' },
    ];
    await directory.store({ phoneWriteFormat: 'national' }).update('pdurand', { phones }, await version('pdurand'));
    // A number of another region keeps its country code: a national form would dial the wrong place.
    assert.deepEqual(await directory.admin.read(personDn('pdurand'), 'telephoneNumber'), ['05 49 45 30 00']);
    assert.deepEqual(await directory.admin.read(personDn('pdurand'), 'supannAutreTelephone'), ['+262 262 12 34 56']);

    await directory.store({ phoneWriteFormat: 'e164' }).update('pdurand', { phones }, await version('pdurand'));
    assert.deepEqual(await directory.admin.read(personDn('pdurand'), 'telephoneNumber'), ['+33549453000']);
    assert.deepEqual(await directory.admin.read(personDn('pdurand'), 'supannAutreTelephone'), ['+262262123456']);
  });

  test('the new version is the entryCSN the modify produced, and the old one is stale from then on', async () => {
    const store = directory.store();
    const old = await version('cmartin');
    const stored = await store.update('cmartin', { redList: true }, old);
    assert.notEqual(stored.version, old);
    assert.equal(stored.version, await version('cmartin'));
    await assert.rejects(store.update('cmartin', { redList: false }, old), StaleVersionError);
    assert.deepEqual(await directory.admin.read(personDn('cmartin'), 'supannListeRouge'), ['TRUE']);
  });

  test('two updates with the same version: exactly one wins, the other is StaleVersionError', async () => {
    const store = directory.store();
    for (let round = 0; round < 5; round += 1) {
      const same = await version('cmartin');
      const outcomes = await Promise.allSettled([
        store.update('cmartin', { website: `https://a.univ-exemple.fr/${round}` }, same),
        store.update('cmartin', { website: `https://b.univ-exemple.fr/${round}` }, same),
      ]);
      const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const lost = outcomes.filter((outcome) => outcome.status === 'rejected');
      assert.equal(won.length, 1, `round ${round}`);
      assert.ok(lost[0]?.reason instanceof StaleVersionError, String(lost[0]?.reason));
      const winner = won[0]!.value.account.website;
      assert.deepEqual(await directory.admin.read(personDn('cmartin'), 'labeledURI'), [winner]);
    }
  });

  test('a version that is not an entryCSN at all is stale, and nothing is written', async () => {
    const before = await directory.admin.read(personDn('cmartin'), 'labeledURI');
    await assert.rejects(directory.store().update('cmartin', { website: null }, 'W/"abc"'), StaleVersionError);
    assert.deepEqual(await directory.admin.read(personDn('cmartin'), 'labeledURI'), before);
  });

  test('a section the options make read-only is refused before the directory is asked', async () => {
    const csn = await version('cmartin');
    const store = directory.store({ editable: { phones: false } });
    await assert.rejects(store.update('cmartin', { phones: [] }, csn), NotEditableError);
    assert.equal(await version('cmartin'), csn);
  });

  test('an unknown person gets StaleVersionError, not a write elsewhere', async () => {
    await assert.rejects(
      directory.store().update('nobody', { redList: true }, await version('cmartin')),
      StaleVersionError,
    );
  });
});

describe('the shipped ACLs, with the service account acting for a person', () => {
  async function serviceClient(): Promise<Client> {
    const client = new Client({ url: directory.slapd.url, timeout: 5_000 });
    await client.bind(SERVICE_DN, SERVICE_PASSWORD);
    return client;
  }
  const replace = (type: string, value: string) =>
    new Change({ operation: 'replace', modification: new Attribute({ type, values: [value] }) });

  test('the person may change their own mobile', async () => {
    const client = await serviceClient();
    try {
      await client.modify(personDn('cmartin'), replace('mobile', '+33 6 00 00 00 01'), [
        new ProxiedAuthorizationControl(personDn('cmartin')),
      ]);
      assert.deepEqual(await directory.admin.read(personDn('cmartin'), 'mobile'), ['+33 6 00 00 00 01']);
    } finally {
      await client.unbind();
    }
  });

  test('the person cannot change their displayName', async () => {
    const client = await serviceClient();
    try {
      await assert.rejects(
        client.modify(personDn('cmartin'), replace('displayName', 'Claire M.'), [
          new ProxiedAuthorizationControl(personDn('cmartin')),
        ]),
        InsufficientAccessError,
      );
      assert.deepEqual(await directory.admin.read(personDn('cmartin'), 'displayName'), ['Claire Martin']);
    } finally {
      await client.unbind();
    }
  });

  test('the person cannot touch another person’s phones', async () => {
    const client = await serviceClient();
    try {
      const before = await directory.admin.read(personDn('pdurand'), 'mobile');
      await assert.rejects(
        client.modify(personDn('pdurand'), replace('mobile', '+33 6 66 66 66 66'), [
          new ProxiedAuthorizationControl(personDn('cmartin')),
        ]),
        InsufficientAccessError,
      );
      assert.deepEqual(await directory.admin.read(personDn('pdurand'), 'mobile'), before);
    } finally {
      await client.unbind();
    }
  });

  test('the service account cannot write by itself, nor act for an identity outside the people branch', async () => {
    const client = await serviceClient();
    try {
      await assert.rejects(
        client.modify(personDn('cmartin'), replace('mobile', '+33 6 11 11 11 11')),
        InsufficientAccessError,
      );
      await assert.rejects(
        client.modify(personDn('cmartin'), replace('mobile', '+33 6 11 11 11 11'), [
          new ProxiedAuthorizationControl(SERVICE_DN),
        ]),
      );
      assert.notDeepEqual(await directory.admin.read(personDn('cmartin'), 'mobile'), ['+33 6 11 11 11 11']);
    } finally {
      await client.unbind();
    }
  });
});
