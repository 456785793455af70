/**
 * The recovery addresses on the real server with a real SMTP relay in the process: an address added gets a
 * code at that address, the code typed back (grouped, as the mail shows it) confirms it; wrong, spent and
 * expired codes; the addresses refused on the field; the current password counted as for a password
 * change; a removal noticed at the removed address; a password change noticed at every address; recovery
 * off without a relay. Every answer is checked against docs/openapi.yaml, and the log holds domains only.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Account } from 'sel-widgets/core';
import { assertConforms } from '../../../test/helpers/openapi-conformance.js';
import { loadConfig } from '../../src/config/load-config.js';
import { MailService } from '../../src/mail/index.js';
import { LogSink } from '../auth/log-sink.js';
import { BrowserLikeClient } from '../support/browser-like-client.js';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../support/smtp.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/test-server.js';

const PERSONAL = 'claire.perso@exemple-perso.org';
const SPARE = 'c.martin@courriel-exemple.net';
const INSTITUTIONAL = 'claire.martin@univ-exemple.fr';
const PATH = '/account/recovery-emails';

interface Problem {
  code: string;
  errors?: { field: string; code: string }[];
}

let relay: TestSmtpServer;
let mail: MailService;
const env: Record<string, string> = {};
/** Added to the real time by the confirmation codes' clock: a test moves it past 30 minutes. */
let clockOffsetMs = 0;
const running: TestServer[] = [];
/** Everything every server of this file logged: checked at the end for addresses and codes. */
const logs = new LogSink();
const secrets = new Set<string>();

before(async () => {
  relay = await startSmtpServer();
  Object.assign(env, {
    SEL_SMTP_URL: relay.url,
    SEL_MAIL_FROM: 'Université d’Exemple <ne-pas-repondre@univ-exemple.fr>',
    SEL_PASSWORD_MAX_FAILURES: '3',
  });
  const settings = loadConfig({ SEL_AUTH: 'dev', ...env }).mail!;
  mail = new MailService({ settings, logger: logs.logger, retryDelaysMs: [50] });
});
afterEach(async () => {
  await mail.idle();
  for (const server of running.splice(0)) await server.close();
  relay.received.length = 0;
  clockOffsetMs = 0;
});
after(async () => {
  // No address a person typed and no code ever reaches the log: domains only.
  for (const secret of [...secrets, PERSONAL, SPARE]) {
    assert.ok(!logs.text.includes(secret), `the log holds ${secret}`);
  }
  await mail.close();
  await relay.stop();
});

/** A server with the relay and the controllable clock, and a logged-in client. */
async function start(
  extraEnv: Record<string, string> = {},
): Promise<{ server: TestServer; client: BrowserLikeClient }> {
  const server = await startTestServer(
    { ...env, ...extraEnv },
    { mail, loggerInstance: logs.logger, confirmationCodeClock: () => Date.now() + clockOffsetMs },
  );
  running.push(server);
  const client = new BrowserLikeClient(server.url);
  await client.login();
  return { server, client };
}

async function call(client: BrowserLikeClient, path: string, body: unknown): Promise<Response> {
  const response = await client.api(path, { method: 'POST', body, headers: { 'Accept-Language': 'fr' } });
  await assertConforms(path, 'POST', response.clone());
  return response;
}

const add = (client: BrowserLikeClient, email: string, currentPassword = DEMO_PASSWORD) =>
  call(client, PATH, { email, currentPassword });
const confirm = (client: BrowserLikeClient, code: string) => call(client, `${PATH}/confirm`, { code });
const remove = (client: BrowserLikeClient, email: string, currentPassword = DEMO_PASSWORD) =>
  call(client, `${PATH}/remove`, { email, currentPassword });

async function getAccount(client: BrowserLikeClient): Promise<{ account: Account; etag: string | null }> {
  const response = await client.api('/account');
  await assertConforms('/account', 'GET', response.clone());
  return { account: (await response.json()) as Account, etag: response.headers.get('ETag') };
}

/** The code of the `count`-th mail, as the mail shows it (`482 913`), which must have gone to `address`. */
async function codeMailed(address: string, count: number): Promise<string> {
  const mails = await relay.waitForMails(count, 10_000);
  const mailed = mails[count - 1]!;
  assert.deepEqual(mailed.envelope.to, [address]);
  const code = /\b(\d{3} \d{3})\b/.exec(mailed.parsed.text ?? '')?.[1];
  assert.ok(code, 'the mail shows the code in two groups of three');
  secrets.add(code).add(code.replace(' ', ''));
  return code;
}

/** Adds and confirms `address`; `count` is the mail its code arrives as. */
async function addConfirmed(client: BrowserLikeClient, address: string, count: number): Promise<Account> {
  assert.equal((await add(client, address)).status, 202);
  const response = await confirm(client, await codeMailed(address, count));
  assert.equal(response.status, 200);
  return (await response.json()) as Account;
}

function domainOnlyAudits(event: string): Record<string, unknown>[] {
  return logs.entries.filter((entry) => entry['audit'] === event);
}

describe('adding and confirming a recovery address', () => {
  it('answers 202 with the pending address, mails a grouped code to it, and takes the code back with a space', async () => {
    const { server, client } = await start();
    const before = await getAccount(client);
    assert.deepEqual(before.account.recoveryEmails, []);
    assert.equal(before.account.pendingRecoveryEmail, null);
    assert.equal(before.account.editable.recoveryEmails, true);

    const added = await add(client, ` ${PERSONAL} `);
    assert.equal(added.status, 202);
    assert.equal(added.headers.get('ETag'), before.etag, 'nothing is stored until the code comes back');
    const pending = ((await added.json()) as Account).pendingRecoveryEmail;
    assert.equal(pending?.email, PERSONAL);
    const minutes = (Date.parse(pending.expiresAt) - Date.now()) / 60_000;
    assert.ok(minutes > 29 && minutes <= 30, `expires in 30 minutes, not ${minutes}`);
    assert.deepEqual((await getAccount(client)).account.pendingRecoveryEmail, pending);

    const code = await codeMailed(PERSONAL, 1);
    const confirmed = await confirm(client, code);
    assert.equal(confirmed.status, 200);
    const etag = confirmed.headers.get('ETag');
    assert.ok(etag && etag !== before.etag, 'a new version');
    const account = (await confirmed.json()) as Account;
    assert.deepEqual(account.recoveryEmails, [PERSONAL]);
    assert.equal(account.pendingRecoveryEmail, null);

    const reread = await getAccount(client);
    assert.deepEqual(reread.account.recoveryEmails, [PERSONAL]);
    assert.equal(reread.etag, etag);
    // The file store keeps the confirmed address in the record, and neither the pending one nor its code.
    const record = await readFile(join(server.dataDir, 'accounts', 'cmartin.json'), 'utf8');
    assert.deepEqual((JSON.parse(record) as { account: Account }).account.recoveryEmails, [PERSONAL]);
    assert.ok(!record.includes(code.replace(' ', '')) && !record.includes('pending'));

    // The same code does not confirm twice.
    assert.equal((await confirm(client, code)).status, 410);

    for (const event of ['add-recovery-email', 'notice-confirmation-code', 'confirm-recovery-email']) {
      const line = domainOnlyAudits(event).find((entry) => entry['outcome'] !== 'code_expired');
      assert.ok(line, `an audit line for ${event}`);
      assert.equal(line['recipientDomain'], 'exemple-perso.org');
      assert.equal(line['uid'], 'cmartin');
    }
  });

  it('answers 422 invalid_code to a wrong code, and 410 code_expired once five wrong codes spent it', async () => {
    const { client } = await start();
    assert.equal((await add(client, PERSONAL)).status, 202);
    const code = await codeMailed(PERSONAL, 1);
    const wrong = code === '000 000' ? '111 111' : '000 000';
    for (let attempt = 1; attempt <= 4; attempt++) {
      const response = await confirm(client, wrong);
      assert.equal(response.status, 422, `wrong code ${attempt}`);
      const body = (await response.json()) as Problem;
      assert.equal(body.code, 'invalid_code');
      assert.deepEqual(body.errors, [{ field: 'code', code: 'invalid_code' }]);
    }
    const fifth = await confirm(client, 'not a code');
    assert.equal(fifth.status, 410);
    assert.equal(((await fifth.json()) as Problem).code, 'code_expired');
    // Spent: even the right code is refused now, and nothing is pending.
    assert.equal((await confirm(client, code)).status, 410);
    const { account } = await getAccount(client);
    assert.equal(account.pendingRecoveryEmail, null);
    assert.deepEqual(account.recoveryEmails, []);
  });

  it('answers 410 code_expired to the right code after 30 minutes', async () => {
    const { client } = await start();
    assert.equal((await add(client, PERSONAL)).status, 202);
    const code = await codeMailed(PERSONAL, 1);
    clockOffsetMs = 30 * 60_000 + 1_000;
    assert.equal((await getAccount(client)).account.pendingRecoveryEmail, null);
    const response = await confirm(client, code);
    assert.equal(response.status, 410);
    assert.equal(((await response.json()) as Problem).code, 'code_expired');
    assert.deepEqual((await getAccount(client)).account.recoveryEmails, []);
  });

  it('replaces the pending address and its code with a new add', async () => {
    const { client } = await start();
    assert.equal((await add(client, PERSONAL)).status, 202);
    const first = await codeMailed(PERSONAL, 1);
    assert.equal((await add(client, SPARE)).status, 202);
    const second = await codeMailed(SPARE, 2);
    if (first !== second) assert.equal((await confirm(client, first)).status, 422);
    const response = await confirm(client, second);
    assert.equal(response.status, 200);
    assert.deepEqual(((await response.json()) as Account).recoveryEmails, [SPARE]);
  });
});

describe('addresses refused on the field', () => {
  it('refuses the institutional address, its domain and its subdomains (own_address), and a non-address (invalid)', async () => {
    const { client } = await start();
    const cases: [string, string][] = [
      [INSTITUTIONAL, 'own_address'],
      ['CLAIRE.MARTIN@UNIV-EXEMPLE.FR', 'own_address'],
      ['autre.personne@univ-exemple.fr', 'own_address'],
      ['claire@etu.univ-exemple.fr', 'own_address'],
      ['not-an-address', 'invalid'],
      ['claire@localhost', 'invalid'],
      ['a@b.org, c@d.org', 'invalid'],
    ];
    for (const [email, code] of cases) {
      const response = await add(client, email);
      assert.equal(response.status, 422, email);
      const body = (await response.json()) as Problem;
      assert.equal(body.code, 'validation');
      assert.deepEqual(body.errors, [{ field: 'email', code }], email);
    }
    assert.equal(relay.received.length, 0, 'no code mailed');
  });

  it('refuses an address already confirmed (already_added) and a third one (too_many)', async () => {
    const { client } = await start();
    await addConfirmed(client, PERSONAL, 1);
    const again = await add(client, PERSONAL.toUpperCase());
    assert.equal(again.status, 422);
    assert.deepEqual(((await again.json()) as Problem).errors, [{ field: 'email', code: 'already_added' }]);

    const account = await addConfirmed(client, SPARE, 2);
    assert.deepEqual(account.recoveryEmails, [PERSONAL, SPARE]);
    const third = await add(client, 'troisieme@exemple-perso.org');
    assert.equal(third.status, 422);
    assert.deepEqual(((await third.json()) as Problem).errors, [{ field: 'email', code: 'too_many' }]);
  });
});

describe('the current password', () => {
  it('answers 422 wrong_current_password, counted with the password change’s wrong passwords until 429', async () => {
    const { client } = await start();
    for (let attempt = 1; attempt <= 3; attempt++) {
      const response = await add(client, PERSONAL, 'Pas-le-bon-2026!');
      assert.equal(response.status, 422, `wrong password ${attempt}`);
      const body = (await response.json()) as Problem;
      assert.equal(body.code, 'wrong_current_password');
      assert.deepEqual(body.errors, [{ field: 'currentPassword', code: 'wrong_current_password' }]);
    }
    // The fourth attempt is refused unchecked, right password or not, and so is a password change.
    const limited = await add(client, PERSONAL);
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('Retry-After')) > 0);
    const change = await client.api('/account/password', {
      method: 'POST',
      body: { currentPassword: DEMO_PASSWORD, newPassword: 'Velo-Rouge-Tuba-93!' },
    });
    assert.equal(change.status, 429);
    assert.equal(relay.received.length, 0, 'no code mailed');
  });
});

describe('removing a recovery address', () => {
  it('answers 200 with a new ETag and mails a notice to the removed address; 404 for another, 422 for a wrong password', async () => {
    const { client } = await start();
    const before = await addConfirmed(client, PERSONAL, 1);
    assert.deepEqual(before.recoveryEmails, [PERSONAL]);
    const { etag } = await getAccount(client);

    const wrong = await remove(client, PERSONAL, 'Pas-le-bon-2026!');
    assert.equal(wrong.status, 422);
    assert.equal(((await wrong.json()) as Problem).code, 'wrong_current_password');

    const unknown = await remove(client, SPARE);
    assert.equal(unknown.status, 404);

    const removed = await remove(client, PERSONAL);
    assert.equal(removed.status, 200);
    assert.notEqual(removed.headers.get('ETag'), etag);
    assert.deepEqual(((await removed.json()) as Account).recoveryEmails, []);
    assert.deepEqual((await getAccount(client)).account.recoveryEmails, []);

    const [, notice] = await relay.waitForMails(2, 10_000);
    assert.deepEqual(notice!.envelope.to, [PERSONAL]);
    assert.ok((notice!.parsed.text ?? '').includes(PERSONAL), 'the notice names the address removed');
    assert.match(notice!.parsed.text ?? '', /127\.0\.0\.1/);
    const line = domainOnlyAudits('notice-address-removed').at(-1);
    assert.equal(line?.['recipientDomain'], 'exemple-perso.org');
    assert.equal(domainOnlyAudits('remove-recovery-email').at(-1)?.['outcome'], 'ok');
  });
});

describe('after a password change', () => {
  it('mails the notice to every confirmed recovery address and to the institutional one', async () => {
    const { client } = await start();
    await addConfirmed(client, PERSONAL, 1);
    await addConfirmed(client, SPARE, 2);
    const response = await client.api('/account/password', {
      method: 'POST',
      body: { currentPassword: DEMO_PASSWORD, newPassword: 'Velo-Rouge-Tuba-93!' },
    });
    assert.equal(response.status, 204);
    const notices: ReceivedMail[] = (await relay.waitForMails(5, 10_000)).slice(2);
    assert.deepEqual(notices.map((notice) => notice.envelope.to[0]).sort(), [INSTITUTIONAL, SPARE, PERSONAL].sort());
    for (const notice of notices) assert.match(notice.parsed.subject ?? '', /mot de passe|password/i);
    const domains = domainOnlyAudits('notice-password-changed')
      .slice(-3)
      .map((line) => line['recipientDomain']);
    assert.deepEqual(domains.sort(), ['courriel-exemple.net', 'exemple-perso.org', 'univ-exemple.fr']);
  });
});

describe('without a mail relay', () => {
  it('sends editable.recoveryEmails false, no address, and answers 404 on every recovery path', async () => {
    const server = await startTestServer({}, { loggerInstance: logs.logger });
    running.push(server);
    const client = new BrowserLikeClient(server.url);
    await client.login();
    const { account } = await getAccount(client);
    assert.equal(account.editable.recoveryEmails, false);
    assert.deepEqual(account.recoveryEmails, []);
    assert.equal(account.pendingRecoveryEmail, null);
    for (const [path, body] of [
      [PATH, { email: PERSONAL, currentPassword: DEMO_PASSWORD }],
      [`${PATH}/confirm`, { code: '123 456' }],
      [`${PATH}/remove`, { email: PERSONAL, currentPassword: DEMO_PASSWORD }],
    ] as const) {
      const response = await call(client, path, body);
      assert.equal(response.status, 404, path);
      assert.equal(((await response.json()) as Problem).code, 'not_found');
    }
  });
});

describe('the requests themselves', () => {
  it('answers 400 to a body that is not the contract’s, and 403 without the CSRF token', async () => {
    const { client } = await start();
    assert.equal((await call(client, PATH, { email: PERSONAL })).status, 400);
    assert.equal((await call(client, `${PATH}/confirm`, { code: 123456 })).status, 400);
    const noToken = await client.api(PATH, {
      method: 'POST',
      body: { email: PERSONAL, currentPassword: DEMO_PASSWORD },
      csrf: null,
    });
    assert.equal(noToken.status, 403);
    assert.equal(relay.received.length, 0);
  });
});
