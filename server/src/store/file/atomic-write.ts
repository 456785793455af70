/**
 * Replaces a file so that a reader, or the server after a crash, sees either the old content or the new,
 * never half of one: write a temporary file beside it, fsync it, rename it over the old one (atomic on one
 * file system), then fsync the directory so the rename itself survives a power cut.
 */
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export const TEMP_SUFFIX = '.tmp';

export interface AtomicWriteHooks {
  /** Called once the temporary file is durable and before the rename: where a crash is simulated. */
  beforeRename?: (tempPath: string) => void | Promise<void>;
}

export async function writeFileAtomic(path: string, data: string, hooks: AtomicWriteHooks = {}): Promise<void> {
  const tempPath = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  const file = await open(tempPath, 'wx', 0o600);
  try {
    await file.writeFile(data, 'utf8');
    await file.sync();
  } finally {
    await file.close();
  }
  try {
    await hooks.beforeRename?.(tempPath);
    await rename(tempPath, path);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
}

async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Temporary files a crash left behind: never read, removed at start. */
export async function removeLeftoverTempFiles(directory: string): Promise<void> {
  for (const name of await readdir(directory)) {
    if (name.startsWith('.') && name.endsWith(TEMP_SUFFIX)) await rm(join(directory, name), { force: true });
  }
}
