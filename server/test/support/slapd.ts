/**
 * A private OpenLDAP for tests, built from the very LDIF files shipped to administrators in `server/ldap/`:
 * the configuration (slapadd -n0) and the seed entries (slapadd -n1), in a temporary folder, listening on
 * a free 127.0.0.1 port and on an ldapi socket. Only three lines of the shipped configuration change: the
 * database folder, the pid/args files, and (when not run as root) the ldapi identity of the administrator.
 * `startSlapdBuiltBy` serves a configuration built otherwise (the documented commands, a test's "existing"
 * directory), with the same changes made afterwards.
 */
import { spawn, type ChildProcess, execFile } from 'node:child_process';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from './free-port.js';

const run = promisify(execFile);

const LDIF_DIR = fileURLToPath(new URL('../../ldap/', import.meta.url));
const SYSTEM_SCHEMAS = ['core', 'cosine', 'inetorgperson'].map((name) => `/etc/ldap/schema/${name}.ldif`);
const SLAPD = '/usr/sbin/slapd';
const SLAPADD = '/usr/sbin/slapadd';
const SLAPCAT = '/usr/sbin/slapcat';
const SLAPMODIFY = '/usr/sbin/slapmodify';

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
  return serve(dir);
}

/**
 * A private slapd whose configuration something else builds in `DIR/slapd.d`, its databases under `DIR` (a
 * temporary folder, given to `build`): the commands of the administrator's documentation, or a test's own
 * "existing" directory. Before slapd starts, the configuration built is changed where `startSlapd` changes
 * its LDIF, with slapmodify: the pid and args files go into the folder (slapd does not start when it
 * cannot write them), and the ldapi identity of root becomes the one running the tests.
 */
export async function startSlapdBuiltBy(build: (dir: string) => Promise<void>): Promise<Slapd> {
  const dir = await mkdtemp(join(tmpdir(), 'sel-slapd-'));
  try {
    await build(dir);
    await pointConfigurationAt(dir);
    return await serve(dir);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Adds entries to a database of the slapd being built in `dir` (slapadd: the password policy is not applied). */
export async function slapadd(dir: string, database: number, ldif: string): Promise<void> {
  const file = join(dir, `slapadd-${database}-${Date.now()}.ldif`);
  await writeFile(file, ldif);
  await run(SLAPADD, [`-n${database}`, '-F', join(dir, 'slapd.d'), '-l', file]);
  await rm(file);
}

const ROOT_IDENTITY = 'gidNumber=0+uidNumber=0,cn=peercred';

/**
 * The pid and args files into `dir`, and root's ldapi identity to the current user's, wherever the
 * configuration names it (olcRootDN, olcAccess…): each attribute concerned is replaced as a whole, its
 * values in their order. Done even as root, where the identity stays the same, so that the code runs.
 */
async function pointConfigurationAt(dir: string): Promise<void> {
  const identity = `gidNumber=${process.getgid?.() ?? 0}+uidNumber=${process.getuid?.() ?? 0},cn=peercred`;
  const { stdout } = await run(SLAPCAT, ['-n0', '-F', join(dir, 'slapd.d'), '-o', 'ldif-wrap=no']);
  const changes: string[] = [];
  for (const record of stdout.split(/\n\n+/)) {
    const lines = record.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    const dn = lines.find((line) => line.startsWith('dn: '));
    if (!dn) continue;
    // Values as slapcat wrote them: "attribute: text" or, base64-encoded, "attribute:: …", kept as they are.
    const values = new Map<string, string[]>();
    for (const line of lines) {
      const match = /^([\w;-]+)(::? .*)$/.exec(line);
      if (match) values.set(match[1]!, [...(values.get(match[1]!) ?? []), match[2]!]);
    }
    const modifications: string[] = [];
    for (const [attribute, list] of values) {
      let replaced: string[] | undefined;
      if (dn === 'dn: cn=config' && attribute === 'olcPidFile') replaced = [`: ${join(dir, 'slapd.pid')}`];
      else if (dn === 'dn: cn=config' && attribute === 'olcArgsFile') replaced = [`: ${join(dir, 'slapd.args')}`];
      // Only configuration attributes: creatorsName and the like are the directory's to write.
      else if (
        attribute.startsWith('olc') &&
        list.some((value) => value.startsWith(': ') && value.includes(ROOT_IDENTITY))
      ) {
        replaced = list.map((value) => (value.startsWith(': ') ? value.replaceAll(ROOT_IDENTITY, identity) : value));
      }
      if (replaced)
        modifications.push(`replace: ${attribute}\n${replaced.map((value) => attribute + value).join('\n')}\n-`);
    }
    if (modifications.length === 0) continue;
    changes.push(`${dn}\nchangetype: modify\n${modifications.join('\n')}\n`);
  }
  const file = join(dir, 'for-tests.ldif');
  await writeFile(file, changes.join('\n'));
  await run(SLAPMODIFY, ['-n0', '-F', join(dir, 'slapd.d'), '-l', file]);
}

/** Starts slapd on the configuration in `dir/slapd.d`, on a free port and an ldapi socket in `dir`. */
async function serve(dir: string): Promise<Slapd> {
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
