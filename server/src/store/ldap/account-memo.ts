/**
 * The account last built for each person, given again while nothing it was built from has changed: the
 * entry's entryCSN (its version, which the directory moves at every change of the entry), and the very
 * policy and structure labels objects it used (the TTL caches replace them when they read them again).
 * The entry is still read from the directory at every `GET`: only building the account from it and its JSON
 * (a frozen account's JSON is written once, see `jsonOf`) are saved, about 14 of the 69 µs of CPU that
 * `store.get` and its JSON cost at concurrency 16 (measured in one process).
 */
import type { StoredAccount } from '../account-store.js';
import type { DirectoryPolicy } from './password-policy.js';

interface Memo {
  version: string;
  policy: DirectoryPolicy;
  labels: ReadonlyMap<string, string>;
  stored: StoredAccount;
}

/** Enough for every person of a large university using the page at once; the oldest is dropped beyond. */
const REMEMBERED_PEOPLE = 10_000;

export class AccountMemo {
  private readonly byDn = new Map<string, Memo>();

  constructor(private readonly capacity = REMEMBERED_PEOPLE) {}

  /** The account of `dn` built from exactly these, or undefined. */
  find(
    dn: string,
    version: string,
    policy: DirectoryPolicy,
    labels: ReadonlyMap<string, string>,
  ): StoredAccount | undefined {
    const memo = this.byDn.get(dn);
    if (!memo || memo.version !== version || memo.policy !== policy || memo.labels !== labels) return undefined;
    return memo.stored;
  }

  /** Remembers an account, frozen: it is handed to every request until the entry changes. */
  keep(dn: string, policy: DirectoryPolicy, labels: ReadonlyMap<string, string>, stored: StoredAccount): StoredAccount {
    const frozen = deepFreeze(stored);
    this.byDn.delete(dn);
    if (this.byDn.size >= this.capacity) this.byDn.delete(this.byDn.keys().next().value!);
    this.byDn.set(dn, { version: stored.version, policy, labels, stored: frozen });
    return frozen;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
