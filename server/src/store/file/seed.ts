/**
 * The accounts a new data directory starts with: `SEL_SEED`, or in `dev` mode only the demo accounts in
 * `server/seed/`.
 * Each entry is an account as the contract serves it plus its initial password, which is hashed on the
 * way in and never stored in clear.
 */
import { readFile } from 'node:fs/promises';
import { accountSchema, type Account } from 'sel-widgets/core';

export interface SeedEntry {
  account: Account;
  password: string;
}

// The same path from src/ (tests) and dist/ (the build, and the installed package, which ships seed/).
export const DEMO_SEED_FILE = new URL('../../../seed/demo-accounts.json', import.meta.url);

export async function readSeed(file: string | URL): Promise<SeedEntry[]> {
  const value: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (!Array.isArray(value)) throw new Error(`the seed ${String(file)} must be a JSON array of { account, password }`);
  return value.map((entry: unknown, index) => {
    const candidate = entry as { account?: unknown; password?: unknown } | null;
    const account = accountSchema.safeParse(candidate?.account);
    if (!account.success || typeof candidate?.password !== 'string' || candidate.password === '') {
      throw new Error(`the seed ${String(file)}: entry ${index} needs a valid account and a password`);
    }
    return { account: account.data, password: candidate.password };
  });
}
