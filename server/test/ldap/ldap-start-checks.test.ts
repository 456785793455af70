/**
 * The LDAP store checks the directory at start and says why it fails: what the directory refuses (the
 * service account's bind, the entries the SEL_LDAP_* variables name, the ACL) stops the start with one
 * message naming every variable to fix; a directory that does not answer does not stop it, but is logged
 * once and reported by `ready()` until it answers. Later refusals of the policy or the structures entry are
 * logged once per change of state, never a 500 for every page. All against the real test slapd.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Client } from 'ldapts';
import { loadConfig, ConfigError } from '../../src/config/load-config.js';
import { buildStore } from '../../src/config/build-store.js';
import { SERVER_PASSWORD_RULES } from '../../src/config/server-password-rules.js';
import { DirectoryUnavailableError } from '../../src/domain/errors.js';
import { putAccessRuleFirst } from '../support/ldap-admin.js';
import { collectOutput, stopChild, waitUntil } from '../support/child-process.js';
import { freePort } from '../support/free-port.js';
import { assertNotReady, personDn, recordingLogger, useDirectory, type LdapFixture } from '../support/ldap-fixture.js';
import {
  DEMO_PASSWORDS,
  PEOPLE_DN,
  POLICY_DN,
  SERVICE_DN,
  SERVICE_PASSWORD,
  STRUCTURES_DN,
  SUFFIX,
} from '../support/slapd.js';

const TIMEOUT_MS = 800;
const MAIN = join(import.meta.dirname, '../../src/main.ts');
/** A wrong password for the service account: never to be seen in a message or a log line. */
const WRONG_PASSWORD = 'not-the-service-secret';

/** The variables an administrator following the README sets for the test directory. */
function ldapEnvironment(directory: LdapFixture): Record<string, string> {
  return {
    SEL_STORE: 'ldap',
    SEL_LDAP_URL: directory.slapd.url,
    SEL_LDAP_PEOPLE_DN: PEOPLE_DN,
    SEL_LDAP_BIND_DN: SERVICE_DN,
    SEL_LDAP_BIND_PASSWORD: SERVICE_PASSWORD,
    SEL_LDAP_STRUCTURES_DN: STRUCTURES_DN,
    SEL_LDAP_POLICY_DN: POLICY_DN,
  };
}

/** The server's other required variables, for a start through `loadConfig` or the command. */
function serverEnvironment(): Record<string, string> {
  return {
    SEL_AUTH: 'header',
    SEL_SESSION_KEYS: randomBytes(36).toString('base64'),
    SEL_LOG_LEVEL: 'silent',
  };
}

/** Starts the real command and resolves with its exit code and its output once it exits (or is stopped). */
function runMain(env: Record<string, string>): {
  child: ChildProcess;
  exited: Promise<{ code: number | null; output: string }>;
  output: () => string;
  stop: () => Promise<void>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      PATH: process.env['PATH'] ?? '',
      TSX_TSCONFIG_PATH: join(import.meta.dirname, '../../tsconfig.json'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child, 20_000);
  const exited = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, output: output() })),
  );
  return { child, exited, output, stop: () => stopChild(child) };
}

describe('the LDAP store at start', () => {
  const directory = useDirectory();

  test('a directory that accepts the configuration: no problem, nothing logged, ready', async () => {
    const logger = recordingLogger();
    const store = directory.store({ logger });
    assert.deepEqual(await store.verify(), []);
    assert.deepEqual(logger.lines, []);
    assert.deepEqual(await store.ready(), { ok: true });
  });

  test('a wrong bind password: ConfigError naming SEL_LDAP_BIND_PASSWORD, the password itself nowhere', async () => {
    const logger = recordingLogger();
    const config = loadConfig({
      ...serverEnvironment(),
      ...ldapEnvironment(directory),
      SEL_LDAP_BIND_PASSWORD: WRONG_PASSWORD,
    });
    const error = await buildStore(config, logger).then(
      () => assert.fail('the store opened with a wrong bind password'),
      (thrown: unknown) => thrown,
    );
    assert.ok(error instanceof ConfigError, String(error));
    assert.deepEqual(error.problems, [
      "SEL_LDAP_BIND_DN / SEL_LDAP_BIND_PASSWORD: the directory refused the service account's bind " +
        '(check the DN and the password)',
    ]);
    assert.ok(!error.message.includes(WRONG_PASSWORD));
    // A refusal is said once, by the ConfigError that stops the start: not also as a failing directory.
    assert.deepEqual(logger.lines, []);
  });

  test('a people branch that does not exist: SEL_LDAP_PEOPLE_DN, no such entry', async () => {
    const store = directory.store({ peopleDn: `ou=peeple,${SUFFIX}` });
    const problems = await store.verify();
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0]!, /^SEL_LDAP_PEOPLE_DN: no such entry, or the service account may not see it/);
  });

  test('a policy DN that does not exist, or names an entry that is no pwdPolicy: SEL_LDAP_POLICY_DN', async () => {
    const missing = await directory.store({ policyDn: `cn=defaut,ou=policies,${SUFFIX}` }).verify();
    assert.equal(missing.length, 1, missing.join('\n'));
    assert.match(missing[0]!, /^SEL_LDAP_POLICY_DN: no such entry/);

    const notAPolicy = await directory.store({ policyDn: `ou=policies,${SUFFIX}` }).verify();
    assert.equal(notAPolicy.length, 1, notAPolicy.join('\n'));
    assert.match(notAPolicy[0]!, /^SEL_LDAP_POLICY_DN: the entry has no pwdAttribute: it is not a pwdPolicy entry/);
  });

  test('every problem in one ConfigError: people, policy and structures together', async () => {
    const config = loadConfig({
      ...serverEnvironment(),
      ...ldapEnvironment(directory),
      SEL_LDAP_PEOPLE_DN: `ou=personnes,${SUFFIX}`,
      SEL_LDAP_POLICY_DN: `cn=defaut,ou=policies,${SUFFIX}`,
      SEL_LDAP_STRUCTURES_DN: `ou=structure,${SUFFIX}`,
    });
    const error = await buildStore(config, recordingLogger()).catch((thrown: unknown) => thrown);
    assert.ok(error instanceof ConfigError, String(error));
    assert.deepEqual(
      error.problems.map((problem) => problem.split(':')[0]),
      ['SEL_LDAP_PEOPLE_DN', 'SEL_LDAP_POLICY_DN', 'SEL_LDAP_STRUCTURES_DN'],
    );
  });

  test('an ACL that lets the service account see the policy entry but not read it: what the ACL must allow', async () => {
    const remove = await putAccessRuleFirst(directory.admin, `to dn.base="${POLICY_DN}" by users disclose by * none`);
    try {
      const problems = await directory.store().verify();
      assert.deepEqual(problems, [
        'SEL_LDAP_POLICY_DN: the directory refuses the service account access to it: the ACL must let it read ' +
          'the entry and its pwd* attributes (pwdAttribute, pwdMinLength, pwdMaxLength…)',
      ]);
    } finally {
      await remove();
    }
  });

  test('a structures branch without any structure: the start goes on, with a warn that the page shows codes', async () => {
    const logger = recordingLogger();
    assert.deepEqual(await directory.store({ structuresDn: PEOPLE_DN, logger }).verify(), []);
    assert.equal(logger.at('warn').length, 1, logger.text());
    assert.match(logger.at('warn')[0]!.message, /^SEL_LDAP_STRUCTURES_DN: no entry with supannCodeEntite/);
  });

  test('slapd stopped at start: the store opens, one warn with the cause, not ready until slapd answers', async () => {
    const logger = recordingLogger();
    const config = loadConfig({ ...serverEnvironment(), ...ldapEnvironment(directory) });
    let halted = true;
    await directory.slapd.halt();
    try {
      const store = await buildStore(config, logger);
      try {
        assert.deepEqual(
          logger.lines.map((line) => [line.level, line.fields['dependency'], line.fields['reason']]),
          [['warn', 'directory', 'ECONNREFUSED']],
        );
        assertNotReady(await store.ready(), /ECONNREFUSED/);
        await assert.rejects(store.get('cmartin'), DirectoryUnavailableError);
        assertNotReady(await store.ready(), /ECONNREFUSED/);
        assert.equal(logger.lines.length, 1, logger.text());

        await directory.slapd.start();
        halted = false;
        assert.deepEqual(await store.ready(), { ok: true });
        assert.equal((await store.get('cmartin'))?.account.uid, 'cmartin');
        assert.deepEqual(
          logger.lines.map((line) => [line.level, line.message]),
          [
            ['warn', 'directory is unavailable: ECONNREFUSED'],
            ['info', 'directory answers again'],
          ],
        );
      } finally {
        await store.close();
      }
    } finally {
      if (halted) await directory.slapd.start();
    }
  });

  test('a TLS handshake that fails (ldaps:// to a port without TLS): an outage, not a refusal', async () => {
    const logger = recordingLogger();
    const store = directory.store({
      url: directory.slapd.url.replace('ldap:', 'ldaps:'),
      timeoutMs: TIMEOUT_MS,
      logger,
    });
    assert.deepEqual(await store.verify(), []);
    assert.equal(logger.lines.length, 1, logger.text());
    assert.equal(logger.lines[0]!.fields['dependency'], 'directory');
    assert.match(String(logger.lines[0]!.fields['reason']), /^(ECONNRESET|EPROTO)$/);
    assertNotReady(await store.ready(), /ECONNRESET|EPROTO/);
  });

  test('StartTLS refused by the directory: a refusal naming SEL_LDAP_STARTTLS', async () => {
    // The test directory has no certificate, so it refuses StartTLS as a directory without TLS would.
    const problems = await directory.store({ startTls: true }).verify();
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0]!, /^SEL_LDAP_STARTTLS: the directory refused StartTLS \(LDAP result \d+: \w+\)/);
  });

  test('without SEL_LDAP_POLICY_DN: one warn saying which policy the page shows, and the page shows exactly it', async () => {
    const logger = recordingLogger();
    const store = directory.store({ policyDn: undefined, passwordRules: SERVER_PASSWORD_RULES, logger });
    assert.deepEqual(await store.verify(), []);
    assert.equal(logger.lines.length, 1, logger.text());
    const [line] = logger.lines;
    assert.equal(line!.level, 'warn');
    assert.match(line!.message, /^SEL_LDAP_POLICY_DN is not set: /);
    assert.match(line!.message, /passwords of 8 to 128 characters \(the built-in default\)/);
    assert.match(
      line!.message,
      /with the server's own rules \(minLower 1, minUpper 1, minDigit 1, minSpecial 1, rejectPersonalInfo, minStrength 3\)/,
    );
    assert.match(line!.message, /not the directory's default policy \(olcPPolicyDefault\)/);
    // What the line claims is what the page gets (cmartin has no pwdPolicySubentry): that policy, no expiry.
    const account = (await store.get('cmartin'))?.account;
    assert.ok(account);
    assert.deepEqual(account.passwordPolicy, line!.fields['passwordPolicy']);
    assert.equal(account.passwordExpiresAt, null);
    // And not the directory's default policy, whose minimum is 12.
    assert.equal(account.passwordPolicy.minLength, 8);
  });
});

describe('the LDAP store while serving', () => {
  const directory = useDirectory();

  test('the policy entry hidden by an ACL: 503 and one warn naming SEL_LDAP_POLICY_DN, one info once readable', async () => {
    const logger = recordingLogger();
    const store = directory.store({ logger, cacheTtlMs: 0, timeoutMs: TIMEOUT_MS });
    assert.ok(await store.get('cmartin'));
    const remove = await putAccessRuleFirst(directory.admin, `to dn.base="${POLICY_DN}" by * none`);
    try {
      for (let request = 0; request < 3; request++) {
        const error = await store.get('cmartin').catch((thrown: unknown) => thrown);
        assert.ok(error instanceof DirectoryUnavailableError, String(error));
        await assert.rejects(
          store.changePassword('cmartin', { currentPassword: DEMO_PASSWORDS.cmartin, newPassword: 'Loudun-86200!x' }),
          DirectoryUnavailableError,
        );
      }
      assertNotReady(await store.ready(), /SEL_LDAP_POLICY_DN: no such entry/);
      assert.deepEqual(
        logger.lines.map((line) => [line.level, line.fields['dependency']]),
        [['warn', 'directory password policy']],
      );
      assert.match(String(logger.lines[0]!.fields['reason']), /^SEL_LDAP_POLICY_DN: no such entry/);
    } finally {
      await remove();
    }
    assert.ok(await store.get('cmartin'));
    assert.deepEqual(await store.ready(), { ok: true });
    assert.deepEqual(
      logger.lines.map((line) => [line.level, line.message]),
      [
        ['warn', `directory password policy is unavailable: ${String(logger.lines[0]!.fields['reason'])}`],
        ['info', 'directory password policy answers again'],
      ],
    );
    assert.ok(!logger.text().includes('uid='), logger.text());
  });

  test("a person's pwdPolicySubentry that names no policy: 503 for that person only, the DN logged unless a person's", async () => {
    const logger = recordingLogger();
    const store = directory.store({ logger, cacheTtlMs: 0 });
    const cmartin = personDn('cmartin');
    try {
      await directory.admin.replace(cmartin, 'pwdPolicySubentry', [`cn=staff,ou=policies,${SUFFIX}`]);
      await assert.rejects(store.get('cmartin'), DirectoryUnavailableError);
      assert.ok(await store.get('pdurand'), 'the others keep the default policy');
      assert.deepEqual(await store.ready(), { ok: true });
      assert.deepEqual(
        logger.lines.map((line) => [line.level, line.fields['reason']]),
        [
          [
            'warn',
            `the pwdPolicySubentry cn=staff,ou=policies,${SUFFIX}: no such entry, or the service account may not ` +
              `see it (check the DN; the ACL must let the service account read the entry and its pwd* attributes ` +
              `(pwdAttribute, pwdMinLength, pwdMaxLength…))`,
          ],
        ],
      );

      // An entry of the people branch may name a person: the log says where it is, not which.
      await directory.admin.replace(cmartin, 'pwdPolicySubentry', [personDn('pdurand')]);
      await assert.rejects(store.get('cmartin'), DirectoryUnavailableError);
      assert.equal(logger.lines.length, 2, logger.text());
      assert.match(
        String(logger.lines[1]!.fields['reason']),
        /^the pwdPolicySubentry \(an entry of the people branch\): the entry has no pwdAttribute/,
      );
      assert.ok(!logger.text().includes('uid='), logger.text());
    } finally {
      await directory.admin.replace(cmartin, 'pwdPolicySubentry', []);
    }
    assert.ok(await store.get('cmartin'));
  });

  test('the structures branch refused by an ACL: the page shows the codes, one warn, no 500', async () => {
    const logger = recordingLogger();
    const store = directory.store({ logger, cacheTtlMs: 0 });
    const remove = await putAccessRuleFirst(
      directory.admin,
      `to dn.subtree="${STRUCTURES_DN}" by users disclose by * none`,
    );
    try {
      for (let request = 0; request < 3; request++) {
        const account = (await store.get('cmartin'))?.account;
        assert.ok(account);
        for (const structure of account.structures) assert.equal(structure.label, structure.code);
      }
      // The labels are cosmetic: the instance stays ready.
      assert.deepEqual(await store.ready(), { ok: true });
      assert.deepEqual(
        logger.lines.map((line) => [line.level, line.fields['dependency']]),
        [['warn', 'directory structures branch']],
      );
      assert.match(
        String(logger.lines[0]!.fields['reason']),
        /^SEL_LDAP_STRUCTURES_DN: the directory refuses the service account access to it/,
      );
    } finally {
      await remove();
    }
    const account = (await store.get('cmartin'))?.account;
    assert.ok(account?.structures.some((structure) => structure.label !== structure.code));
    assert.deepEqual(
      logger.at('info').map((line) => line.message),
      ['directory structures branch answers again'],
    );
  });

  test("the service account's bind refused while serving: 503, one warn naming the variables, not ready", async () => {
    const logger = recordingLogger();
    const store = directory.store({ bindPassword: WRONG_PASSWORD, logger, timeoutMs: TIMEOUT_MS });
    // Three failed binds: below the test policy's lockout (pwdMaxFailure 5), and a good bind comes next.
    await assert.rejects(store.get('cmartin'), DirectoryUnavailableError);
    await assert.rejects(store.get('pdurand'), DirectoryUnavailableError);
    assertNotReady(await store.ready(), /SEL_LDAP_BIND_DN \/ SEL_LDAP_BIND_PASSWORD: the directory refused/);
    assert.deepEqual(
      logger.lines.map((line) => [line.level, line.fields['dependency']]),
      [['warn', 'directory']],
    );
    assert.ok(!logger.text().includes(WRONG_PASSWORD));
    assert.deepEqual(await directory.store().ready(), { ok: true });
  });
});

describe("the LDAP store at start, with the service account locked by the directory's password policy", () => {
  const directory = useDirectory();

  test('locked after failed binds: the message says so and how to unlock it', async () => {
    // ppolicy counts the service account's failures like anyone's (pwdMaxFailure 5 in the test directory).
    for (let attempt = 0; attempt < 5; attempt++) {
      const client = new Client({ url: directory.slapd.url, timeout: 5_000, connectTimeout: 5_000 });
      await assert.rejects(client.bind(SERVICE_DN, WRONG_PASSWORD));
      await client.unbind().catch(() => undefined);
    }
    const problems = await directory.store().verify();
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0]!, /^SEL_LDAP_BIND_DN: the directory's password policy has locked the service account/);
    assert.match(problems[0]!, /pwdAccountLockedTime/);

    await directory.admin.replace(SERVICE_DN, 'pwdAccountLockedTime', []);
    assert.deepEqual(await directory.store().verify(), []);
  });
});

describe('the command (node server/src/main.ts) with SEL_STORE=ldap', () => {
  const directory = useDirectory();

  test('a wrong bind password: exit 1 with the message naming SEL_LDAP_BIND_PASSWORD', async () => {
    const port = await freePort();
    const main = runMain({
      ...serverEnvironment(),
      ...ldapEnvironment(directory),
      SEL_LDAP_BIND_PASSWORD: WRONG_PASSWORD,
      SEL_LISTEN: `127.0.0.1:${port}`,
    });
    const timer = setTimeout(() => void main.stop(), 30_000);
    const { code, output } = await main.exited;
    clearTimeout(timer);
    assert.equal(code, 1, output);
    assert.match(output, /Invalid configuration:/);
    assert.match(
      output,
      /SEL_LDAP_BIND_DN \/ SEL_LDAP_BIND_PASSWORD: the directory refused the service account's bind \(check the DN and the password\)/,
    );
    assert.doesNotMatch(output, /is ready/);
    assert.ok(!output.includes(WRONG_PASSWORD));
  });

  test('no directory listening: it starts, logs the cause at warn, and /readyz answers 503', async () => {
    const port = await freePort();
    const main = runMain({
      ...serverEnvironment(),
      ...ldapEnvironment(directory),
      // Nothing listens on port 1 of the loopback: the connection is refused at once.
      SEL_LDAP_URL: 'ldap://127.0.0.1:1',
      SEL_LOG_LEVEL: 'info',
      SEL_LISTEN: `127.0.0.1:${port}`,
    });
    try {
      await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, {
        timeoutMs: 30_000,
        what: 'the server',
        child: main.child,
        output: main.output,
      });
      assert.equal((await fetch(`http://127.0.0.1:${port}/readyz`)).status, 503);
      const warns = main
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((line) => line['level'] === 40);
      assert.ok(
        warns.some((line) => line['msg'] === 'directory is unavailable: ECONNREFUSED'),
        main.output(),
      );
    } finally {
      await main.stop();
    }
  });
});
