/**
 * One private directory per test file, its administrator, and LDAP stores configured against it the way an
 * administrator following the README would (the people, structures and policy of `server/ldap/`).
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { Client } from 'ldapts';
import { LdapStore, type LdapStoreOptions } from '../../src/store/ldap/index.js';
import type { OperationsLogger, Readiness } from '../../src/health/readiness.js';
import { ldapAdmin, type LdapAdmin } from './ldap-admin.js';
import { PEOPLE_DN, POLICY_DN, SERVICE_DN, SERVICE_PASSWORD, STRUCTURES_DN, startSlapd, type Slapd } from './slapd.js';

export interface LdapFixture {
  slapd: Slapd;
  admin: LdapAdmin;
  /** A store on this directory; closed when the file's tests end. */
  store(options?: Partial<LdapStoreOptions>): LdapStore;
}

export function personDn(uid: string): string {
  return `uid=${uid},${PEOPLE_DN}`;
}

/** Registers before/after hooks in the calling test file and gives access to what they set up. */
export function useDirectory(): LdapFixture {
  const stores: LdapStore[] = [];
  const fixture = {} as LdapFixture;
  before(async () => {
    fixture.slapd = await startSlapd();
    fixture.admin = await ldapAdmin(fixture.slapd);
    fixture.store = (options = {}) => {
      const store = new LdapStore({
        url: fixture.slapd.url,
        bindDn: SERVICE_DN,
        bindPassword: SERVICE_PASSWORD,
        peopleDn: PEOPLE_DN,
        structuresDn: STRUCTURES_DN,
        policyDn: POLICY_DN,
        ...options,
      });
      stores.push(store);
      return store;
    };
  });
  after(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await fixture.admin?.close().catch(() => undefined);
    await fixture.slapd?.stop();
  });
  return fixture;
}

/** Not ready, with a reason that names the directory and matches `cause`. */
export function assertNotReady(readiness: Readiness, cause: RegExp): void {
  assert.equal(readiness.ok, false, 'not ready');
  const reason = readiness.ok ? '' : readiness.reason;
  assert.match(reason, /directory/);
  assert.match(reason, cause);
}

/** Whether a simple bind with this password succeeds now (a fresh connection, as a login would). */
export async function canBind(url: string, dn: string, password: string): Promise<boolean> {
  const client = new Client({ url, timeout: 5_000, connectTimeout: 5_000 });
  try {
    await client.bind(dn, password);
    return true;
  } catch {
    return false;
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

/** One line an `OperationsLogger` was given. */
export interface LoggedLine {
  level: 'info' | 'warn' | 'error';
  fields: Record<string, unknown>;
  message: string;
}

/**
 * An `OperationsLogger` that keeps its lines, called as pino is (`fields, message` or `message`), and the
 * whole text written, to check that no password and no person's DN ever reaches the log.
 */
export function recordingLogger(): OperationsLogger & {
  lines: LoggedLine[];
  at(level: LoggedLine['level']): LoggedLine[];
  text(): string;
} {
  const lines: LoggedLine[] = [];
  const record =
    (level: LoggedLine['level']) =>
    (first: unknown, second?: unknown): void => {
      const fields = typeof first === 'object' && first !== null ? (first as Record<string, unknown>) : {};
      const message = typeof first === 'string' ? first : typeof second === 'string' ? second : '';
      lines.push({ level, fields, message });
    };
  return {
    lines,
    info: record('info') as OperationsLogger['info'],
    warn: record('warn') as OperationsLogger['warn'],
    error: record('error') as OperationsLogger['error'],
    at: (level) => lines.filter((line) => line.level === level),
    text: () => lines.map((line) => `${line.message} ${JSON.stringify(line.fields)}`).join('\n'),
  };
}
