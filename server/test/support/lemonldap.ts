import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_SEED_FILE, readSeed, type SeedEntry } from '../../src/store/file/seed.js';
import type { PortalLog } from './cas-login.js';
import { collectOutput, requireBinary, stopChild, waitUntil } from './child-process.js';
import { freePort } from './free-port.js';

// The CAS client side of the tests, with the server they talk to.
export { casLogin, casLogout, portalErrorOf, submitCasLogin, validateServiceTicket } from './cas-login.js';

/** LDAP authentication against a directory that a test started (the slapd harness). */
export interface LemonLdapLdapAuthentication {
  /** `ldap://127.0.0.1:PORT` */
  ldapUrl: string;
  /** Where people are searched, by `uid`. */
  ldapBase: string;
  /** The account LemonLDAP::NG searches with; anonymous when absent. */
  bindDn?: string;
  bindPassword?: string;
}

export interface LemonLdapOptions {
  /**
   * `Demo` (the default): LemonLDAP::NG's built-in users dwho, rtyler and msmith, each with the password
   * equal to the login, and the attributes uid, cn, mail. Otherwise an LDAP directory.
   */
  authentication?: 'Demo' | LemonLdapLdapAuthentication;
  /** The attribute that `cas:user` holds. Default `uid`. */
  casUser?: string;
  /** The attributes released in `cas:attributes`, under their own names. Default `cn`, `mail`. */
  releasedAttributes?: string[];
}

export interface RunningLemonLdap extends PortalLog {
  /** The portal's root, `http://127.0.0.1:PORT/`: its login page and its logout (`?logout=1`). */
  readonly portalUrl: string;
  /** The CAS server's base URL, `http://127.0.0.1:PORT/cas`: `/login`, `/logout`, `/p3/serviceValidate`. */
  readonly casUrl: string;
  /** Stops the portal this harness started and removes its directory; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * The portal answered HTTP 500 while starting: its configuration did not load (most often a Perl module
 * missing for the chosen authentication). Starting again on another port cannot help.
 */
class PortalInitialisationError extends Error {}

/**
 * The file store's seed for the portal's Demo user `dwho` (password `dwho` at the portal): the first demo
 * account under his name, so that a server on the file store serves the person the portal logs in.
 */
export async function dwhoSeed(): Promise<SeedEntry[]> {
  const [demo] = await readSeed(DEMO_SEED_FILE);
  const account = { ...demo!.account, uid: 'dwho', displayName: 'Doctor Who', givenName: 'Doctor', surname: 'Who' };
  return [{ account, password: 'Tardis-Blue-1963!' }];
}

/**
 * Starts a private LemonLDAP::NG portal acting as a CAS 3.0 server: its own directory for the
 * configuration (a File backend with one `lmConf-1.json`), sessions and caches, found through
 * `LLNG_DEFAULTCONFFILE`, served by Starman on a free loopback port. No nginx and nothing of the system's
 * LemonLDAP::NG configuration is used. Any service URL is accepted, and back-channel single logout is on.
 */
export async function startLemonLdap(options: LemonLdapOptions = {}): Promise<RunningLemonLdap> {
  requireBinary('starman', 'ensure-lemonldap.sh');
  // The free port may be taken by someone else between the probe and the bind: try another one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnFreePort(options);
    } catch (error) {
      if (attempt === 3 || error instanceof PortalInitialisationError) throw error;
    }
  }
}

async function startOnFreePort(options: LemonLdapOptions): Promise<RunningLemonLdap> {
  const dir = await mkdtemp(join(tmpdir(), 'sel-lemonldap-'));
  const port = await freePort();
  const portalUrl = `http://127.0.0.1:${port}/`;
  await writePortalFiles(dir, portalUrl, options);

  // Starman rather than plackup's default server: that one serves one connection at a time, and an idle
  // connection a browser keeps open stalls every other client (a ticket validation) for about a minute.
  const child = spawn('starman', ['--listen', `127.0.0.1:${port}`, '--workers', '2', join(dir, 'portal.psgi')], {
    cwd: dir,
    env: { ...process.env, LLNG_DEFAULTCONFFILE: join(dir, 'lemonldap-ng.ini') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child);
  const log = keepLog(child);
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopped ??= stopChild(child).then(() => rm(dir, { recursive: true, force: true })));
  try {
    // A 500 ends the wait at once: the portal would answer it for as long as it runs.
    let status = 0;
    await waitUntil(
      async () => {
        status = (await fetch(portalUrl, { redirect: 'manual' })).status;
        return status === 200 || status === 500;
      },
      { timeoutMs: 30_000, what: 'LemonLDAP::NG (starman)', child, output },
    );
    if (status === 500) {
      const problems = problemLines(log.text()).filter((line) => !line.includes('Initialization failed'));
      throw new PortalInitialisationError(
        `LemonLDAP::NG could not load its configuration (HTTP 500):\n${problems.join('\n') || output()}`,
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    portalUrl,
    casUrl: `${portalUrl}cas`,
    logPosition: () => log.text().length,
    loggedProblems: (since = 0) => problemLines(log.text().slice(since)),
    stop,
  };
}

/**
 * Everything the portal writes, kept whole so that a position in it stays valid: at warn level it writes a
 * few lines per failed login only.
 */
function keepLog(child: ChildProcess): { text(): string } {
  let text = '';
  const keep = (chunk: Buffer): void => {
    text += chunk.toString('utf8');
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { text: () => text };
}

/**
 * The `[error]` and `[warn]` lines of the portal's log, each once, in order (a Perl load error comes with a
 * stack trace: only its first line is kept).
 */
function problemLines(log: string): string[] {
  const lines = log.split('\n').filter((line) => /\[LLNG:\d+\] \[(error|warn)\]/.test(line));
  return [...new Set(lines.map((line) => line.replace(/^\[[^\]]*\] \[LLNG:\d+\] /, '').trim()))].filter(Boolean);
}

async function writePortalFiles(dir: string, portalUrl: string, options: LemonLdapOptions): Promise<void> {
  const conf = join(dir, 'conf');
  const sessions = join(dir, 'sessions');
  const cache = join(dir, 'cache');
  await mkdir(conf);
  await mkdir(join(sessions, 'lock'), { recursive: true });
  await mkdir(cache);
  await writeFile(join(dir, 'lemonldap-ng.ini'), iniFile(conf, cache));
  await writeFile(
    join(conf, 'lmConf-1.json'),
    JSON.stringify(portalConfiguration(portalUrl, sessions, cache, options), null, 1),
  );
  await writeFile(join(dir, 'portal.psgi'), PORTAL_PSGI);
}

/**
 * The portal application, and the files its pages load that nginx serves in a normal install: its own
 * scripts, styles and translations under `/static`, Debian's jQuery and Bootstrap under `/javascript`.
 * Without them the page still posts its form, but its messages stay untranslated and empty.
 */
const PORTAL_PSGI = `use Plack::Builder;
use Plack::App::File;
use Lemonldap::NG::Portal::Main;

my $portal = Lemonldap::NG::Portal::Main->run({});
builder {
  mount '/static' => Plack::App::File->new(root => '/usr/share/lemonldap-ng/portal/htdocs/static')->to_app;
  mount '/javascript' => Plack::App::File->new(root => '/usr/share/javascript')->to_app;
  mount '/' => $portal;
};
`;

/** Where the portal finds its configuration and its templates; everything it writes stays under `dir`. */
function iniFile(confDir: string, cacheDir: string): string {
  return `[all]
logLevel = warn
checkTime = 1

[configuration]
type = File
dirName = ${confDir}
localStorage = Cache::FileCache
localStorageOptions = { 'namespace' => 'lemonldap-ng-config', 'default_expires_in' => 600, 'cache_root' => '${cacheDir}', 'cache_depth' => 3 }

[portal]
staticPrefix = /static
templateDir = /usr/share/lemonldap-ng/portal/templates
languages = fr, en
`;
}

/**
 * The portal's configuration, as the manager would save it. The keys that matter (checked on LemonLDAP::NG
 * 2.16): `domain` must not be empty (HTTP 500 everywhere otherwise), `locationRules` must be given (the
 * default one does not load without the handler's own configuration).
 */
function portalConfiguration(
  portalUrl: string,
  sessionsDir: string,
  cacheDir: string,
  options: LemonLdapOptions,
): Record<string, unknown> {
  const casUser = options.casUser ?? 'uid';
  const released = options.releasedAttributes ?? ['cn', 'mail'];
  const authentication = options.authentication ?? 'Demo';
  return {
    cfgNum: 1,
    cfgVersion: '2.16.1',
    cfgAuthor: 'sel-widgets tests',
    cfgDate: '1700000000',
    portal: portalUrl,
    domain: '127.0.0.1',
    cookieName: 'lemonldap',
    securedCookie: 0,
    locationRules: {},
    exportedHeaders: {},
    groups: {},
    macros: {},
    globalStorage: 'Apache::Session::File',
    globalStorageOptions: {
      Directory: sessionsDir,
      LockDirectory: join(sessionsDir, 'lock'),
      generateModule: 'Lemonldap::NG::Common::Apache::Session::Generate::SHA256',
    },
    localSessionStorage: 'Cache::FileCache',
    localSessionStorageOptions: {
      namespace: 'lemonldap-ng-sessions',
      default_expires_in: 600,
      cache_root: cacheDir,
      cache_depth: 3,
    },
    ...(authentication === 'Demo' ? demoAuthentication() : ldapAuthentication(authentication, [casUser, ...released])),
    issuerDBCASActivation: 1,
    casAttr: casUser,
    casAttributes: Object.fromEntries(released.map((name) => [name, name])),
    casAccessControlPolicy: 'none',
    casBackChannelSingleLogout: 1,
  };
}

function demoAuthentication(): Record<string, unknown> {
  return {
    authentication: 'Demo',
    userDB: 'Same',
    passwordDB: 'Demo',
    demoExportedVars: { uid: 'uid', cn: 'cn', mail: 'mail' },
  };
}

/** People are found by `uid` under `ldapBase`; the session keeps the attributes CAS releases. */
function ldapAuthentication(ldap: LemonLdapLdapAuthentication, attributes: string[]): Record<string, unknown> {
  return {
    authentication: 'LDAP',
    userDB: 'Same',
    passwordDB: 'LDAP',
    ldapServer: ldap.ldapUrl,
    ldapBase: ldap.ldapBase,
    managerDn: ldap.bindDn ?? '',
    managerPassword: ldap.bindPassword ?? '',
    AuthLDAPFilter: '(&(uid=$user)(objectClass=inetOrgPerson))',
    // Binds carry the ppolicy control, so that a locked account or a reset password is said as such rather
    // than as a wrong password.
    ldapPpolicyControl: 1,
    ldapExportedVars: Object.fromEntries(['uid', ...attributes].map((name) => [name, name])),
  };
}
