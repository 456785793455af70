/**
 * One server per data directory: a second store on a directory another live process holds is refused with
 * a message naming the directory and that process, the server itself refuses to start, and a lock left by
 * a process that died is taken over without anyone removing it by hand.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FileAccountStore } from '../../src/store/file/file-account-store.js';
import { DataDirectoryLockedError, LOCK_FILE_NAME } from '../../src/store/file/data-dir-lock.js';
import { freePort } from '../support/free-port.js';
import { FAST_HASH } from '../support/test-server.js';
import { useTempDirs } from '../support/temp-dirs.js';

const tempDir = useTempDirs('sel-lock-test-');

const open = (dataDir: string): Promise<FileAccountStore> => FileAccountStore.open({ dataDir, hashParams: FAST_HASH });

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  assert.equal(child.status, 0);
  return child.pid;
}

describe('the lock of the data directory', () => {
  it('refuses a second store on a directory in use, naming the directory and the process that holds it', async () => {
    const dataDir = await tempDir();
    const first = await open(dataDir);
    try {
      await assert.rejects(open(dataDir), (error: unknown) => {
        assert.ok(error instanceof DataDirectoryLockedError);
        assert.ok(error.message.includes(dataDir), error.message);
        assert.ok(error.message.includes(`process ${process.pid}`), error.message);
        assert.ok(error.message.includes(LOCK_FILE_NAME), error.message);
        return true;
      });
      // The refused open did not take the lock from the first one.
      assert.equal((await readFile(join(dataDir, LOCK_FILE_NAME), 'utf8')).trim(), String(process.pid));
    } finally {
      await first.close();
    }
  });

  it('is released by close(): the directory opens again, and a second close() is harmless', async () => {
    const dataDir = await tempDir();
    const first = await open(dataDir);
    await first.close();
    const second = await open(dataDir);
    await first.close();
    await assert.rejects(open(dataDir), DataDirectoryLockedError, 'the late close() left the lock of the second');
    await second.close();
    await assert.rejects(readFile(join(dataDir, LOCK_FILE_NAME)), { code: 'ENOENT' });
  });

  it('takes over a lock left by a process that is no longer alive', async () => {
    const dataDir = await tempDir();
    await writeFile(join(dataDir, LOCK_FILE_NAME), `${deadPid()}\n`);
    const store = await open(dataDir);
    try {
      assert.equal((await readFile(join(dataDir, LOCK_FILE_NAME), 'utf8')).trim(), String(process.pid));
      await assert.rejects(open(dataDir), DataDirectoryLockedError);
    } finally {
      await store.close();
    }
  });

  it('takes over a lock naming its own pid that it does not hold (a container restarted with the same pid)', async () => {
    const dataDir = await tempDir();
    await writeFile(join(dataDir, LOCK_FILE_NAME), `${process.pid}\n`);
    const store = await open(dataDir);
    await store.close();
  });

  it('refuses a lock that names no process, and says what to do', async () => {
    const dataDir = await tempDir();
    await writeFile(join(dataDir, LOCK_FILE_NAME), '');
    await assert.rejects(open(dataDir), /names no process .*remove that file/);
  });
});

describe('the command (node server/src/main.ts) on a data directory in use', () => {
  it('exits 1 with a message naming the lock and the process that holds it', async () => {
    const dataDir = await tempDir();
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      const lock = join(dataDir, LOCK_FILE_NAME);
      await writeFile(lock, `${holder.pid}\n`);
      const result = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../src/main.ts')], {
        env: {
          PATH: process.env['PATH'] ?? '',
          TSX_TSCONFIG_PATH: join(import.meta.dirname, '../../tsconfig.json'),
          SEL_AUTH: 'dev',
          SEL_LISTEN: `127.0.0.1:${await freePort()}`,
          SEL_DATA_DIR: dataDir,
        },
        encoding: 'utf8',
        timeout: 30_000,
      });
      assert.equal(result.status, 1, result.stderr);
      assert.ok(result.stderr.includes(lock), result.stderr);
      assert.ok(result.stderr.includes(`process ${holder.pid}`), result.stderr);
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'a message, not a stack trace');
      // The lock is still the holder's.
      assert.equal((await readFile(lock, 'utf8')).trim(), String(holder.pid));
    } finally {
      holder.kill();
    }
  });
});
