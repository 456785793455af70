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
    const config = loadConfig({});
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

  it('refuses dev login unless listening on loopback', () => {
    assert.ok(problemsOf({ SEL_LISTEN: '0.0.0.0:8080' }).some((problem) => problem.includes('SEL_AUTH=dev')));
    assert.deepEqual(problemsOf({ SEL_LISTEN: '[::1]:8080' }), []);
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
      await writeFile(file, `${'k'.repeat(40)},${'j'.repeat(40)}\n`);
      const config = loadConfig({ SEL_AUTH: 'header', SEL_SESSION_KEYS_FILE: file });
      assert.deepEqual(config.sessionKeys, ['k'.repeat(40), 'j'.repeat(40)]);
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
    assert.equal(loadConfig({ SEL_PUBLIC_URL: 'https://moncompte.univ-exemple.fr' }).secure, true);
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

  it('names each bad LDAP variable once, and the store is wired', () => {
    const problems = problemsOf({ SEL_STORE: 'ldap', SEL_LDAP_URL: 'http://directory', SEL_LDAP_POOL_SIZE: 'many' });
    assert.equal(problems.filter((problem) => problem.includes('SEL_LDAP_URL')).length, 1);
    assert.equal(problems.filter((problem) => problem.includes('SEL_LDAP_PEOPLE_DN')).length, 1);
    assert.equal(problems.filter((problem) => problem.includes('SEL_LDAP_POOL_SIZE')).length, 1);
    const config = loadConfig({
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
