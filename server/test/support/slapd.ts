/**
 * A private OpenLDAP for tests, built from the very LDIF files shipped to administrators in `server/ldap/`:
 * the configuration (slapadd -n0) and the seed entries (slapadd -n1), in a temporary folder, listening on
 * a free 127.0.0.1 port and on an ldapi socket. Only three lines of the shipped configuration change: the
 * database folder, the pid/args files, and (when not run as root) the ldapi identity of the administrator.
 */
import { spawn, type ChildProcess, execFile } from 'node:child_process';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

const LDIF_DIR = fileURLToPath(new URL('../../ldap/', import.meta.url));
const SYSTEM_SCHEMAS = ['core', 'cosine', 'inetorgperson'].map((name) => `/etc/ldap/schema/${name}.ldif`);
const SLAPD = '/usr/sbin/slapd';
const SLAPADD = '/usr/sbin/slapadd';

export const SUFFIX = 'dc=univ-exemple,dc=fr';
export const PEOPLE_DN = `ou=people,${SUFFIX}`;
export const STRUCTURES_DN = `ou=structures,${SUFFIX}`;
export const POLICY_DN = `cn=default,ou=policies,${SUFFIX}`;
export const SERVICE_DN = `cn=sel-widgets,ou=services,${SUFFIX}`;
export const SERVICE_PASSWORD = 'sel-widgets-demo-secret';
export const DEMO_PASSWORDS = { cmartin: 'Poitiers-2026!', pdurand: 'Limoges-2026!', abernard: 'Angouleme-2026!' };

export interface Slapd {
  /** `ldap://127.0.0.1:PORT` */
  url: string;
  /** `ldapi://…` (the administrator: SASL EXTERNAL as the user running the tests) */
  ldapiUrl: string;
  /** path of the ldapi socket, for clients that connect to it themselves */
  socketPath: string;
  /** Stops slapd (SIGTERM, then SIGKILL) and removes its folder. */
  stop(): Promise<void>;
  /** Stops slapd and starts it again on the same port with the same data. */
  restart(): Promise<void>;
  /** Stops slapd, keeping its data, until `start()`. */
  halt(): Promise<void>;
  start(): Promise<void>;
  /**
   * Freezes slapd (SIGSTOP): connections stay open and nothing answers, like a directory that hangs.
   * Resolves once every thread of slapd is stopped: the signal is delivered after kill() returns, and on a
   * busy machine slapd could otherwise still answer the next request.
   */
  freeze(): Promise<void>;
  /** Lets a frozen slapd run again (SIGCONT). */
  thaw(): void;
  /** The process id of the running slapd (benchmarks read its CPU time), or undefined while it is stopped. */
  pid(): number | undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function configLdif(dir: string): Promise<string> {
  const parts = [
    await readFile(join(LDIF_DIR, '00-config.ldif'), 'utf8'),
    ...(await Promise.all(SYSTEM_SCHEMAS.map((file) => readFile(file, 'utf8')))),
    await readFile(join(LDIF_DIR, '10-eduperson.ldif'), 'utf8'),
    await readFile(join(LDIF_DIR, '11-supann.ldif'), 'utf8'),
    await readFile(join(LDIF_DIR, '20-database.ldif'), 'utf8'),
  ];
  const uid = process.getuid?.() ?? 0;
  const gid = process.getgid?.() ?? 0;
  return parts
    .join('\n')
    .replace(/^olcDbDirectory: .*$/m, `olcDbDirectory: ${join(dir, 'db')}`)
    .replace(/^olcPidFile: .*$/m, `olcPidFile: ${join(dir, 'slapd.pid')}`)
    .replace(/^olcArgsFile: .*$/m, `olcArgsFile: ${join(dir, 'slapd.args')}`)
    .replaceAll('gidNumber=0+uidNumber=0,cn=peercred', `gidNumber=${gid}+uidNumber=${uid},cn=peercred`);
}

/** Resolves once the port accepts a connection (slapd opens its listeners after loading the database). */
async function waitForPort(port: number, child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`slapd exited with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error('slapd did not start listening in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The states of every thread of a process, from /proc: 'T' is stopped by a signal. */
async function threadStates(pid: number): Promise<string[]> {
  const tasks = await readdir(`/proc/${pid}/task`);
  const stats = await Promise.all(
    tasks.map((task) => readFile(`/proc/${pid}/task/${task}/stat`, 'utf8').catch(() => '')),
  );
  // The state follows the command name in parentheses, which may itself hold spaces or parentheses.
  return stats.filter(Boolean).map((stat) => stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3));
}

async function waitUntilStopped(pid: number): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await threadStates(pid)).every((state) => state === 'T' || state === 't')) {
    if (Date.now() > deadline) throw new Error(`slapd (pid ${pid}) did not stop after SIGSTOP`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export async function startSlapd(): Promise<Slapd> {
  const dir = await mkdtemp(join(tmpdir(), 'sel-slapd-'));
  await mkdir(join(dir, 'slapd.d'));
  await mkdir(join(dir, 'db'));
  await writeFile(join(dir, 'config.ldif'), await configLdif(dir));
  await run(SLAPADD, ['-n0', '-F', join(dir, 'slapd.d'), '-l', join(dir, 'config.ldif')]);
  await run(SLAPADD, ['-n1', '-F', join(dir, 'slapd.d'), '-l', join(LDIF_DIR, '30-data.ldif')]);

  const port = await freePort();
  const socketPath = join(dir, 'ldapi');
  const url = `ldap://127.0.0.1:${port}`;
  const ldapiUrl = `ldapi://${encodeURIComponent(socketPath)}`;
  let child: ChildProcess | undefined;

  async function start(): Promise<void> {
    // -d 0 keeps slapd in the foreground, so that this process owns it and can always stop it.
    const started = spawn(SLAPD, ['-d', '0', '-F', join(dir, 'slapd.d'), '-h', `${url}/ ${ldapiUrl}/`], {
      stdio: 'ignore',
    });
    child = started;
    await waitForPort(port, started);
  }

  async function halt(): Promise<void> {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    running.kill('SIGCONT'); // a frozen slapd cannot act on SIGTERM
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGTERM');
    const timer = setTimeout(() => running.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(timer);
  }

  await start();
  return {
    url,
    ldapiUrl,
    socketPath,
    start,
    halt,
    async freeze() {
      const running = child;
      if (!running?.pid) return;
      running.kill('SIGSTOP');
      await waitUntilStopped(running.pid);
    },
    thaw: () => child?.kill('SIGCONT'),
    pid: () => child?.pid,
    async restart() {
      await halt();
      await start();
    },
    async stop() {
      await halt();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
