/** Configuration from the environment: defaults, `_FILE` variants, one message naming every bad variable. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';
import { helpText, VARIABLES } from '../../src/config/variables.js';
import { LDAP_ENVIRONMENT } from '../../src/store/ldap/index.js';

const CONTRACT_NAMES = [
  'SEL_LISTEN',
  'SEL_PUBLIC_URL',
  'SEL_API_BASE',
  'SEL_STORE',
  'SEL_DATA_DIR',
  'SEL_SEED',
  'SEL_AUTH',
  'SEL_DEV_USER',
  'SEL_AUTH_HEADER',
  'SEL_TRUSTED_PROXIES',
  'SEL_CAS_URL',
  'SEL_SESSION_KEYS',
  'SEL_ALLOWED_ORIGINS',
  'SEL_REDIS_URL',
  'SEL_LDAP_URL',
  'SEL_LDAP_PEOPLE_DN',
  'SEL_LDAP_BIND_DN',
  'SEL_LDAP_BIND_PASSWORD',
  'SEL_LDAP_STRUCTURES_DN',
  ...Object.keys(LDAP_ENVIRONMENT),
];

/** Keys as `openssl rand -base64 48` makes them. */
const KEY = 'dXzq6Yb0Hk3Jm9Vw2Rt5Lp8Ns1Fc4Gx7Ea0Qi3Uo6Zy9Bv2Kj5Ml8Pn1Sd4Tf7Wg';
const OTHER_KEY = 'Rk2Vn5Xq8Zt1Bw4Cy7Dm0Fp3Gs6Hj9Kl2Mn5Pq8Rs1Tv4Wx7Yz0Ab3Cd6Ef9Gh';
/** A production setup: CAS login, https. */
const CAS: Readonly<Record<string, string>> = {
  SEL_AUTH: 'cas',
  SEL_CAS_URL: 'https://cas.univ-exemple.fr/cas',
  SEL_PUBLIC_URL: 'https://moncompte.univ-exemple.fr',
  SEL_SESSION_KEYS: KEY,
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('has the contract’s defaults', () => {
    const config = loadConfig({ SEL_AUTH: 'dev' });
    assert.deepEqual(config.listen, { host: '127.0.0.1', port: 8080 });
    assert.equal(config.publicUrl.origin, 'http://127.0.0.1:8080');
    assert.equal(config.apiBase, '/api');
    assert.equal(config.store, 'file');
    assert.equal(config.dataDir, '.data');
    assert.equal(config.auth, 'dev');
    assert.equal(config.authHeader, 'x-remote-user');
    assert.deepEqual(config.trustedProxies, ['127.0.0.1']);
    assert.equal(config.secure, false);
  });

  it('names every bad variable in one message', () => {
    const problems = problemsOf({
      SEL_LISTEN: 'nowhere',
      SEL_AUTH: 'cas',
      SEL_STORE: 'postgres',
      SEL_SESSION_KEYS: 'short',
      SEL_ALLOWED_ORIGINS: 'https://ok.example,not an origin',
      SEL_TRUSTED_PROXIES: '10.0.0.0/99',
      SEL_REDIS_URL: 'http://redis',
      SEL_SESSION_IDLE_MINUTES: '-3',
    });
    for (const name of [
      'SEL_LISTEN',
      'SEL_CAS_URL',
      'SEL_STORE',
      'SEL_SESSION_KEYS',
      'SEL_ALLOWED_ORIGINS',
      'SEL_TRUSTED_PROXIES',
      'SEL_REDIS_URL',
      'SEL_SESSION_IDLE_MINUTES',
    ]) {
      assert.ok(
        problems.some((problem) => problem.includes(name)),
        `${name} is named in:\n${problems.join('\n')}`,
      );
    }
  });

  it('requires SEL_AUTH: a forgotten one never logs everyone in', () => {
    const cases: Record<string, string>[] = [
      {},
      { SEL_PUBLIC_URL: 'https://moncompte.univ-exemple.fr', SEL_SESSION_KEYS: KEY },
    ];
    for (const env of cases) {
      assert.ok(
        problemsOf(env).some((problem) => problem.startsWith('SEL_AUTH is required')),
        JSON.stringify(env),
      );
    }
  });

  it('refuses dev login unless both the listen address and the public URL are loopback http://', () => {
    const cases: Record<string, string>[] = [
      { SEL_LISTEN: '0.0.0.0:8080' },
      // Behind a reverse proxy on the same machine: the server listens on loopback, browsers come from anywhere.
      { SEL_PUBLIC_URL: 'https://moncompte.univ-exemple.fr' },
      { SEL_PUBLIC_URL: 'http://moncompte.univ-exemple.fr' },
      { SEL_PUBLIC_URL: 'https://127.0.0.1:8443' },
    ];
    for (const env of cases) {
      assert.ok(
        problemsOf({ SEL_AUTH: 'dev', ...env }).some((problem) => problem.includes('SEL_AUTH=dev')),
        JSON.stringify(env),
      );
    }
    assert.deepEqual(problemsOf({ SEL_AUTH: 'dev', SEL_LISTEN: '[::1]:8080' }), []);
    assert.deepEqual(problemsOf({ SEL_AUTH: 'dev', SEL_PUBLIC_URL: 'http://localhost:8080' }), []);
  });

  it('creates the demo accounts in dev mode only', () => {
    assert.match(loadConfig({ SEL_AUTH: 'dev' }).seedFile ?? '', /demo-accounts\.json$/);
    assert.equal(loadConfig({ SEL_AUTH: 'header', SEL_SESSION_KEYS: KEY }).seedFile, undefined);
    assert.equal(loadConfig(CAS).seedFile, undefined);
    assert.equal(loadConfig({ ...CAS, SEL_SEED: 'people.json' }).seedFile, 'people.json');
  });

  it('stops at a SEL_* variable it does not know (a typo), and names it', () => {
    const problems = problemsOf({ SEL_AUTH: 'dev', SEL_LDAP_STARTLS: 'true', SEL_SESSION_KEY: KEY });
    assert.ok(problems.some((problem) => problem.startsWith('SEL_LDAP_STARTLS is not a variable')));
    assert.ok(problems.some((problem) => problem.startsWith('SEL_SESSION_KEY is not a variable')));
    // Every documented name, and its _FILE form, is known.
    assert.deepEqual(problemsOf({ SEL_AUTH: 'dev', SEL_LOG_LEVEL_FILE: '/nonexistent' }).length, 1);
  });

  it('refuses a password or ticket in clear to a host that is not loopback, unless told otherwise', () => {
    const ldap = {
      SEL_STORE: 'ldap',
      SEL_LDAP_PEOPLE_DN: 'ou=people,dc=example',
      SEL_LDAP_BIND_DN: 'cn=sel,dc=example',
      SEL_LDAP_BIND_PASSWORD: 'x',
    };
    const refused = (env: Record<string, string>, name: string) =>
      problemsOf({ ...CAS, ...env }).some((problem) => problem.startsWith(`${name}:`) && problem.includes('clear'));
    assert.ok(refused({ ...ldap, SEL_LDAP_URL: 'ldap://ldap.univ-exemple.fr' }, 'SEL_LDAP_URL'));
    assert.ok(
      !refused({ ...ldap, SEL_LDAP_URL: 'ldap://ldap.univ-exemple.fr', SEL_LDAP_STARTTLS: 'true' }, 'SEL_LDAP_URL'),
    );
    assert.ok(!refused({ ...ldap, SEL_LDAP_URL: 'ldaps://ldap.univ-exemple.fr' }, 'SEL_LDAP_URL'));
    assert.ok(!refused({ ...ldap, SEL_LDAP_URL: 'ldap://127.0.0.1:1389' }, 'SEL_LDAP_URL'));
    assert.ok(refused({ SEL_CAS_URL: 'http://cas.univ-exemple.fr/cas' }, 'SEL_CAS_URL'));
    assert.ok(!refused({ SEL_CAS_URL: 'http://127.0.0.1:9000/cas' }, 'SEL_CAS_URL'));
    const allowed = {
      ...CAS,
      ...ldap,
      SEL_LDAP_URL: 'ldap://ldap.univ-exemple.fr',
      SEL_CAS_URL: 'http://cas.univ-exemple.fr/cas',
      SEL_ALLOW_CLEARTEXT: 'true',
    };
    assert.deepEqual(problemsOf(allowed), []);
  });

  it('refuses values that open the door: any proxy, any framer, a placeholder key, an http portal of an https server', () => {
    const named = (env: Record<string, string>, name: string) =>
      problemsOf({ ...CAS, ...env }).some((problem) => problem.startsWith(`${name}:`));
    assert.ok(named({ SEL_TRUSTED_PROXIES: '0.0.0.0/0' }, 'SEL_TRUSTED_PROXIES'));
    assert.ok(named({ SEL_TRUSTED_PROXIES: '127.0.0.1,::/0' }, 'SEL_TRUSTED_PROXIES'));
    assert.ok(named({ SEL_CAS_LOGOUT_FROM: '0.0.0.0/0' }, 'SEL_CAS_LOGOUT_FROM'));
    assert.ok(named({ SEL_METRICS_FROM: '::/0' }, 'SEL_METRICS_FROM'));
    assert.ok(named({ SEL_FRAME_ANCESTORS: '*' }, 'SEL_FRAME_ANCESTORS'));
    assert.ok(named({ SEL_FRAME_ANCESTORS: "'self' https:" }, 'SEL_FRAME_ANCESTORS'));
    assert.ok(named({ SEL_SESSION_KEYS: 'x'.repeat(48) }, 'SEL_SESSION_KEYS'));
    assert.ok(named({ SEL_SESSION_KEYS: `${KEY},${'ab'.repeat(24)}` }, 'SEL_SESSION_KEYS'));
    assert.ok(named({ SEL_ALLOWED_ORIGINS: 'http://ent.univ-exemple.fr' }, 'SEL_ALLOWED_ORIGINS'));
    assert.ok(!named({ SEL_ALLOWED_ORIGINS: 'https://ent.univ-exemple.fr' }, 'SEL_ALLOWED_ORIGINS'));
    assert.ok(!named({ SEL_FRAME_ANCESTORS: "'self' https://ent.univ-exemple.fr" }, 'SEL_FRAME_ANCESTORS'));
    assert.ok(!named({ SEL_TRUSTED_PROXIES: '10.0.0.0/8,::1' }, 'SEL_TRUSTED_PROXIES'));
  });

  it('requires the LDAP variables with SEL_STORE=ldap', () => {
    const problems = problemsOf({ SEL_STORE: 'ldap' });
    for (const name of ['SEL_LDAP_URL', 'SEL_LDAP_PEOPLE_DN', 'SEL_LDAP_BIND_DN', 'SEL_LDAP_BIND_PASSWORD']) {
      assert.ok(
        problems.some((problem) => problem.includes(name)),
        name,
      );
    }
  });

  it('reads secrets from NAME_FILE, and refuses both forms at once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sel-config-'));
    try {
      const file = join(dir, 'keys');
      await writeFile(file, `${KEY},${OTHER_KEY}\n`);
      const config = loadConfig({ SEL_AUTH: 'header', SEL_SESSION_KEYS_FILE: file });
      assert.deepEqual(config.sessionKeys, [KEY, OTHER_KEY]);
      assert.ok(
        problemsOf({ SEL_SESSION_KEYS: 'x'.repeat(40), SEL_SESSION_KEYS_FILE: file }).some((p) => p.includes('both')),
      );
      assert.ok(
        problemsOf({ SEL_SESSION_KEYS_FILE: join(dir, 'missing') }).some((p) => p.includes('SEL_SESSION_KEYS_FILE')),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('secure cookies and HSTS follow an https public URL', () => {
    assert.equal(loadConfig(CAS).secure, true);
  });
});

describe('the command', () => {
  const main = join(import.meta.dirname, '../../src/main.ts');
  const run = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', main, ...args], {
      env: {
        PATH: process.env['PATH'] ?? '',
        TSX_TSCONFIG_PATH: join(import.meta.dirname, '../../tsconfig.json'),
        ...env,
      },
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('--help lists every variable, those of the contract among them', () => {
    const help = helpText();
    for (const name of [...CONTRACT_NAMES, ...VARIABLES.map((variable) => variable.name)])
      assert.ok(help.includes(name), name);
    const result = run(['--help'], {});
    assert.equal(result.status, 0);
    assert.equal(result.stdout, help);
  });

  it('stops at start with one message naming every problem', () => {
    const result = run([], { SEL_AUTH: 'cas', SEL_LISTEN: 'nowhere' });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /SEL_CAS_URL/);
    assert.match(result.stderr, /SEL_SESSION_KEYS/);
    assert.match(result.stderr, /SEL_LISTEN/);
  });

  it('refuses to start behind a reverse proxy with SEL_AUTH forgotten, or set to dev', () => {
    const behindProxy = { SEL_LISTEN: '127.0.0.1:8080', SEL_PUBLIC_URL: 'https://moncompte.univ-exemple.fr' };
    const forgotten = run([], behindProxy);
    assert.equal(forgotten.status, 1);
    assert.match(forgotten.stderr, /SEL_AUTH is required/);
    const dev = run([], { ...behindProxy, SEL_AUTH: 'dev' });
    assert.equal(dev.status, 1);
    assert.match(dev.stderr, /SEL_AUTH=dev logs anyone in/);
  });

  it('names each bad LDAP variable once, and the store is wired', () => {
    const problems = problemsOf({ SEL_STORE: 'ldap', SEL_LDAP_URL: 'http://directory', SEL_LDAP_POOL_SIZE: 'many' });
    assert.equal(problems.filter((problem) => problem.includes('SEL_LDAP_URL')).length, 1);
    assert.equal(problems.filter((problem) => problem.includes('SEL_LDAP_PEOPLE_DN')).length, 1);
    assert.equal(problems.filter((problem) => problem.includes('SEL_LDAP_POOL_SIZE')).length, 1);
    const config = loadConfig({
      SEL_AUTH: 'dev',
      SEL_STORE: 'ldap',
      SEL_LDAP_URL: 'ldap://127.0.0.1:1389',
      SEL_LDAP_PEOPLE_DN: 'ou=people,dc=example',
      SEL_LDAP_BIND_DN: 'cn=sel,dc=example',
      SEL_LDAP_BIND_PASSWORD: 'x',
      SEL_LDAP_PHONE_FORMAT: 'e164',
    });
    assert.equal(config.ldap?.url, 'ldap://127.0.0.1:1389');
    assert.equal(config.ldap?.phoneWriteFormat, 'e164');
  });
});
