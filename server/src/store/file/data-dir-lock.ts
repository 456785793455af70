/**
 * One server per data directory: the file store serialises each account's writes in memory, so a second
 * process on the same directory would overwrite changes and delete the other's temporary files. The lock
 * is a file created exclusively in the directory, holding the owner's process id; a lock whose process is
 * gone (a crash, a kill -9, a power cut) is taken over, so that no administrator has to remove it by hand.
 */
import { link, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export const LOCK_FILE_NAME = 'sel-widgets-server.lock';

/** Why a data directory cannot be opened: another live process holds it. */
export class DataDirectoryLockedError extends Error {
  override readonly name = 'DataDirectoryLockedError';
  constructor(
    readonly dataDir: string,
    readonly lockFile: string,
    readonly holderPid: number | undefined,
  ) {
    super(
      holderPid === undefined
        ? `the data directory ${dataDir} is locked by ${lockFile}, which names no process (another server is ` +
            'starting, or a crash left it empty): if no server uses this directory, remove that file'
        : `the data directory ${dataDir} is in use by process ${holderPid} (lock ${lockFile}): only one ` +
            'server may use a data directory; stop that process first, or use SEL_STORE=ldap to run several',
    );
  }
}

/**
 * The locks this process holds. A lock naming our own pid is ours only if it is in here: in a container
 * the server gets the same pid at every start, so a lock from a previous life names the current pid.
 */
const heldHere = new Set<string>();

export class DataDirectoryLock {
  private released = false;

  private constructor(
    readonly path: string,
    private readonly inode: number,
  ) {}

  /** Takes the lock of `dataDir` (which must exist), or throws `DataDirectoryLockedError`. */
  static async acquire(dataDir: string): Promise<DataDirectoryLock> {
    // The real path identifies the directory however it is named; the message shows it as configured.
    const path = join(await realpath(dataDir), LOCK_FILE_NAME);
    const shown = join(dataDir, LOCK_FILE_NAME);
    // Each round either takes the lock, refuses, or removes a stale lock; a few rounds cover the processes
    // that remove the same stale lock at the same moment.
    for (let round = 0; round < 3; round++) {
      const created = await createExclusive(path);
      if (created !== undefined) {
        heldHere.add(path);
        return new DataDirectoryLock(path, created);
      }
      const holder = await readHolder(path);
      if (holder === undefined) continue; // released in the meantime
      if (holder.pid === undefined || isAlive(holder.pid, path)) {
        throw new DataDirectoryLockedError(dataDir, shown, holder.pid);
      }
      await removeStale(path, holder.inode);
    }
    throw new Error(`could not take the lock ${shown}: other processes keep taking it`);
  }

  /** Removes the lock file, if it is still this one; safe to call twice. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    heldHere.delete(this.path);
    try {
      if ((await stat(this.path)).ino === this.inode) await unlink(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/** Creates the lock holding our pid; its inode, or `undefined` when the file already exists. */
async function createExclusive(path: string): Promise<number | undefined> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw error;
  }
  try {
    await handle.writeFile(`${process.pid}\n`, 'utf8');
    return (await handle.stat()).ino;
  } finally {
    await handle.close();
  }
}

async function readHolder(path: string): Promise<{ pid: number | undefined; inode: number } | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const text = (await handle.readFile('utf8')).trim();
    // Only a plain positive number: kill(0) or kill(-1) would signal whole groups of processes.
    const pid = /^[1-9]\d{0,9}$/.test(text) ? Number(text) : undefined;
    return { pid, inode: (await handle.stat()).ino };
  } finally {
    await handle.close();
  }
}

function isAlive(pid: number, path: string): boolean {
  if (pid === process.pid) return heldHere.has(path);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user; only ESRCH says it is gone.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Removes a stale lock without removing a live one: another process may have replaced the stale lock with
 * its own since we read it, so the lock is first moved aside (atomic), and put back if it is not the file
 * we judged stale.
 */
async function removeStale(path: string, staleInode: number): Promise<void> {
  const aside = `${path}.${process.pid}.stale`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if ((await stat(aside)).ino !== staleInode) {
    // link() fails rather than overwrite, should a third process have created a lock meanwhile.
    await link(aside, path).catch(() => undefined);
  }
  await unlink(aside);
}
