/**
 * The embedded store: seeded once, kept across restarts, concurrent PATCHes never lose an update (a
 * property test fires many at once), and a crash in the middle of a write leaves the previous state.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { FileAccountStore } from '../../src/store/file/file-account-store.js';
import { DEMO_SEED_FILE } from '../../src/store/file/seed.js';
import { StaleVersionError, WrongCurrentPasswordError } from '../../src/domain/errors.js';
import { hashPassword, OWASP_SCRYPT, verifyPassword } from '../../src/store/file/password-hash.js';
import { FAST_HASH } from '../support/test-server.js';
import { useTempDirs } from '../support/temp-dirs.js';

const tempDir = useTempDirs('sel-store-test-');

describe('seeding and restarts', () => {
  it('seeds the demo accounts on first start, then keeps changes across a restart', async () => {
    const dataDir = await tempDir();
    const first = await FileAccountStore.open({ dataDir, seedFile: DEMO_SEED_FILE, hashParams: FAST_HASH });
    const seeded = await first.get('cmartin');
    assert.equal(seeded?.account.displayName, 'Claire Martin');
    const updated = await first.update('cmartin', { website: 'https://example.org/after' }, seeded!.version);
    await first.close();

    const second = await FileAccountStore.open({ dataDir, seedFile: DEMO_SEED_FILE, hashParams: FAST_HASH });
    const reread = await second.get('cmartin');
    assert.equal(reread?.account.website, 'https://example.org/after');
    assert.equal(reread?.version, updated.version);
    await second.close();
  });

  it('answers null for an unknown person, and keeps a strange uid inside its directory', async () => {
    const dataDir = await tempDir();
    const store = await FileAccountStore.open({ dataDir, seedFile: DEMO_SEED_FILE, hashParams: FAST_HASH });
    assert.equal(await store.get('../../etc/passwd'), null);
    assert.deepEqual((await readdir(join(dataDir, 'accounts'))).sort(), ['cmartin.json', 'pdurand.json']);
    await store.close();
  });

  it('hands every reader the same frozen account, which no reader can change for the next', async () => {
    const store = await FileAccountStore.open({
      dataDir: await tempDir(),
      seedFile: DEMO_SEED_FILE,
      hashParams: FAST_HASH,
    });
    const first = (await store.get('cmartin'))!;
    assert.ok(Object.isFrozen(first.account) && Object.isFrozen(first.account.phones));
    assert.throws(
      () => (first.account.phones as unknown[]).push({ type: 'mobile', number: '+33612345678' }),
      TypeError,
    );
    assert.throws(() => Object.assign(first.account, { website: 'https://example.org/x' }), TypeError);
    const second = (await store.get('cmartin'))!;
    assert.equal(second.account, first.account, 'no copy per read');
    assert.notEqual(second.account.website, 'https://example.org/x');
    const saved = await store.update('cmartin', { redList: true }, first.version);
    assert.ok(Object.isFrozen(saved.account));
    assert.equal(first.account.redList, false, 'a change makes a new account; what was read stays as it was');
    await store.close();
  });

  it('refuses a stale version and writes nothing', async () => {
    const store = await FileAccountStore.open({
      dataDir: await tempDir(),
      seedFile: DEMO_SEED_FILE,
      hashParams: FAST_HASH,
    });
    const { version } = (await store.get('cmartin'))!;
    await store.update('cmartin', { redList: true }, version);
    await assert.rejects(store.update('cmartin', { redList: false }, version), StaleVersionError);
    assert.equal((await store.get('cmartin'))!.account.redList, true);
    await store.close();
  });
});

describe('concurrent PATCHes of one account', () => {
  let store: FileAccountStore;
  before(async () => {
    store = await FileAccountStore.open({ dataDir: await tempDir(), seedFile: DEMO_SEED_FILE, hashParams: FAST_HASH });
  });
  after(() => store.close());

  it('exactly one of the PATCHes sent with the same version wins; retried ones all land, none lost', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom<'website' | 'redList' | 'phones'>('website', 'redList', 'phones'), {
          minLength: 2,
          maxLength: 24,
        }),
        async (sections) => {
          const start = (await store.get('cmartin'))!;
          // All at once with the version they read: exactly one succeeds, the rest are stale.
          const results = await Promise.allSettled(
            sections.map((section, index) => store.update('cmartin', patchFor(section, index), start.version)),
          );
          assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1);
          for (const result of results) {
            if (result.status === 'rejected') assert.ok(result.reason instanceof StaleVersionError);
          }
          // Each retries until it lands, as the elements do after a 412: every update is applied once.
          const before = Number((await store.get('cmartin'))!.version.replaceAll('"', ''));
          await Promise.all(
            sections.map(async (section, index) => {
              for (;;) {
                const current = (await store.get('cmartin'))!;
                try {
                  return await store.update('cmartin', patchFor(section, index), current.version);
                } catch (error) {
                  if (!(error instanceof StaleVersionError)) throw error;
                }
              }
            }),
          );
          const after = Number((await store.get('cmartin'))!.version.replaceAll('"', ''));
          assert.equal(after - before, sections.length, 'one version per update: no update lost');
          const onDisk = JSON.parse(await readFile(join(store['accountsDir'], 'cmartin.json'), 'utf8')) as {
            version: number;
          };
          assert.equal(onDisk.version, after);
        },
      ),
      { numRuns: 15 },
    );
  });
});

function patchFor(section: 'website' | 'redList' | 'phones', index: number) {
  if (section === 'website') return { website: `https://example.org/${index}` };
  if (section === 'redList') return { redList: index % 2 === 0 };
  return { phones: [{ type: 'office' as const, number: `+335494549${String(index % 100).padStart(2, '0')}` }] };
}

describe('a crash in the middle of a write', () => {
  it('leaves the previous state readable, and the next start clears the half-written file', async () => {
    const dataDir = await tempDir();
    const store = await FileAccountStore.open({ dataDir, seedFile: DEMO_SEED_FILE, hashParams: FAST_HASH });
    const before = (await store.get('cmartin'))!;
    await store.close();

    // A child process starts a write and is killed (SIGKILL) once the new content is in its temporary file.
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'crash-during-write.ts'), dataDir],
      {
        env: { ...process.env, TSX_TSCONFIG_PATH: join(import.meta.dirname, '../../tsconfig.json') },
        encoding: 'utf8',
      },
    );
    assert.equal(child.signal, 'SIGKILL', child.stderr);
    const leftovers = (await readdir(join(dataDir, 'accounts'))).filter((name) => name.endsWith('.tmp'));
    assert.equal(leftovers.length, 1, 'the crash left its temporary file');

    const reopened = await FileAccountStore.open({ dataDir, seedFile: DEMO_SEED_FILE, hashParams: FAST_HASH });
    const after = (await reopened.get('cmartin'))!;
    assert.deepEqual(after, before);
    assert.deepEqual(
      (await readdir(join(dataDir, 'accounts'))).filter((name) => name.endsWith('.tmp')),
      [],
    );
    await reopened.close();
  });
});

describe('password hashes', () => {
  it('use OWASP scrypt parameters by default and verify only the right password', async () => {
    const hash = await hashPassword('Velo-Rouge-Tuba-93!');
    assert.match(hash, new RegExp(`^\\$scrypt\\$ln=${OWASP_SCRYPT.logN},r=8,p=1\\$`));
    assert.equal(await verifyPassword('Velo-Rouge-Tuba-93!', hash), true);
    assert.equal(await verifyPassword('velo-rouge-tuba-93!', hash), false);
    assert.equal(await verifyPassword('x', 'not a hash'), false);
  });

  it('treat a composed and a decomposed accent as the same password', async () => {
    const hash = await hashPassword('Été-2026-Clain!', FAST_HASH);
    assert.equal(await verifyPassword('E\u0301te\u0301-2026-Clain!', hash), true);
  });
});

describe('recovery addresses', () => {
  it('keeps the confirmed addresses in the record, with the version check of update', async () => {
    const dataDir = await tempDir();
    const store = await FileAccountStore.open({ dataDir, seedFile: DEMO_SEED_FILE, hashParams: FAST_HASH });
    try {
      const { version } = (await store.get('cmartin'))!;
      const changed = await store.setRecoveryEmails('cmartin', ['claire.perso@exemple-perso.org'], version);
      assert.deepEqual(changed.account.recoveryEmails, ['claire.perso@exemple-perso.org']);
      assert.notEqual(changed.version, version);
      // The version read before the change is stale now, for this and for a PATCH alike.
      await assert.rejects(store.setRecoveryEmails('cmartin', [], version), StaleVersionError);
      await assert.rejects(store.update('cmartin', { redList: true }, version), StaleVersionError);
      const record = JSON.parse(await readFile(join(dataDir, 'accounts', 'cmartin.json'), 'utf8')) as {
        account: { recoveryEmails?: string[] };
      };
      assert.deepEqual(record.account.recoveryEmails, ['claire.perso@exemple-perso.org']);
    } finally {
      await store.close();
    }
  });

  it('checks a password without changing it', async () => {
    const dataDir = await tempDir();
    const store = await FileAccountStore.open({ dataDir, seedFile: DEMO_SEED_FILE, hashParams: FAST_HASH });
    try {
      await store.verifyPassword('cmartin', 'Poitiers-2026!');
      await assert.rejects(store.verifyPassword('cmartin', 'Pas-le-bon-2026!'), WrongCurrentPasswordError);
      await assert.rejects(store.verifyPassword('nobody', 'Poitiers-2026!'), WrongCurrentPasswordError);
    } finally {
      await store.close();
    }
  });
});
