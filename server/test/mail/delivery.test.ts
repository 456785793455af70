/**
 * Mail as it leaves the server, through nodemailer to a real SMTP relay on loopback: what arrives (sender,
 * recipient, subject, Auto-Submitted, both parts, language), the retries after a relay's 451, the one
 * `warn` line of a mail refused for good (without the code, without the address), a caller never held by
 * the relay, the refusal to send anything in clear to another host, and the readiness of the relay.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import nodemailer from 'nodemailer';
import { LogSink } from '../auth/log-sink.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import {
  MailService,
  smtpTransportOptions,
  type MailOutcome,
  type MailServiceOptions,
  type MailSettings,
} from '../../src/mail/index.js';

const FROM = 'Université d’Exemple <ne-pas-repondre@univ-exemple.fr>';
const CREDENTIALS = { user: 'sel-widgets', password: 'relay-password-for-tests' };
/** Retries a few milliseconds apart: the waits' schedule is the queue's, the tests check that it retries. */
const FAST_RETRIES = [20, 40, 80];

function settingsFor(relay: TestSmtpServer, extra: Partial<MailSettings> = {}): MailSettings {
  return {
    smtpUrl: relay.url,
    user: CREDENTIALS.user,
    password: CREDENTIALS.password,
    from: FROM,
    supportContact: 'assistance@univ-exemple.fr',
    allowCleartext: false,
    ...extra,
  };
}

function service(relay: TestSmtpServer, sink: LogSink, options: Partial<MailServiceOptions> = {}): MailService {
  return new MailService({
    settings: settingsFor(relay),
    logger: sink.logger,
    retryDelaysMs: FAST_RETRIES,
    timeZone: 'Europe/Paris',
    ...options,
  });
}

/** Resolves once `condition` holds, checked every 10 ms; fails after 5 s. */
async function until(condition: () => boolean): Promise<void> {
  for (const start = Date.now(); !condition();) {
    if (Date.now() - start > 5_000) assert.fail('the condition did not hold within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The header's value as a string, whatever mailparser made of it. */
function header(mail: { parsed: { headers: Map<string, unknown> } }, name: string): string {
  const value = mail.parsed.headers.get(name);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

describe('mail through a relay', () => {
  let relay: TestSmtpServer;
  before(async () => {
    relay = await startSmtpServer({ credentials: CREDENTIALS });
  });
  after(() => relay.stop());

  it('delivers a queued confirmation code: sender, recipient, subject, Auto-Submitted, both parts, language', async () => {
    const sink = new LogSink();
    const mail = service(relay, sink);
    const before = relay.received.length;
    try {
      mail.sendConfirmationCode({
        language: 'fr',
        name: 'Camille Martin',
        address: 'camille.martin@exemple.org',
        code: '482913',
      });
      await mail.idle();
      const [received] = relay.received.slice(before);
      assert.ok(received, 'the mail arrived');
      assert.deepEqual(received.envelope, {
        from: 'ne-pas-repondre@univ-exemple.fr',
        to: ['camille.martin@exemple.org'],
      });
      assert.equal(received.user, CREDENTIALS.user, 'logged in with SEL_SMTP_USER');
      const { parsed } = received;
      assert.deepEqual(parsed.from?.value, [
        { name: 'Université d’Exemple', address: 'ne-pas-repondre@univ-exemple.fr' },
      ]);
      const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
      assert.deepEqual(to?.value, [{ name: 'Camille Martin', address: 'camille.martin@exemple.org' }]);
      assert.equal(parsed.subject, 'Confirmez votre adresse de secours');
      assert.equal(header(received, 'auto-submitted'), 'auto-generated');
      assert.equal(header(received, 'content-language'), 'fr');
      assert.match(received.raw, /^Content-Type: multipart\/alternative/im);
      assert.match(parsed.text ?? '', /Bonjour Camille Martin,/);
      assert.match(parsed.text ?? '', /482 913/);
      assert.match(parsed.text ?? '', /30\u00a0minutes/);
      const html = typeof parsed.html === 'string' ? parsed.html : '';
      assert.match(html, /<html lang="fr">/);
      assert.match(html, /482 913/);
      assert.doesNotMatch(html, /src\s*=\s*["']?https?:/i);
      assert.doesNotMatch(html, /<link\b/i);
      assert.doesNotMatch(html, /url\(/i);
      assert.deepEqual(mail.counts, { sent: 1, failed: 0, pending: 0 });
      // The log says a mail left, to which domain; never the address, never the code.
      assert.match(sink.text, /"mail":"confirmation-code".*"recipientDomain":"exemple.org"/);
      assert.doesNotMatch(sink.text, /camille\.martin|482 ?913/);
    } finally {
      await mail.close();
    }
  });

  it('sends in English when the request was, with the name escaped in the HTML part', async () => {
    const sink = new LogSink();
    const mail = service(relay, sink);
    const before = relay.received.length;
    try {
      mail.sendPasswordNotice({
        language: 'en',
        name: '<script>alert(1)</script> Camille',
        to: 'camille.martin@exemple.org',
        event: 'changed',
        at: new Date('2026-03-03T13:05:00Z'),
        clientAddress: '192.0.2.10',
      });
      await mail.idle();
      const [received] = relay.received.slice(before);
      assert.ok(received);
      assert.equal(received.parsed.subject, 'Your password was changed');
      assert.equal(header(received, 'content-language'), 'en');
      const html = typeof received.parsed.html === 'string' ? received.parsed.html : '';
      assert.doesNotMatch(html, /<script>/);
      assert.match(html, /&#60;script&#62;alert\(1\)&#60;\/script&#62; Camille/);
      assert.match(received.parsed.text ?? '', /Hello <script>alert\(1\)<\/script> Camille,/);
      assert.match(received.parsed.text ?? '', /Tuesday, 3 March 2026 at 14:05 CET, from the IP address 192\.0\.2\.10/);
      assert.match(received.parsed.text ?? '', /If this was not you, contact at once: assistance@univ-exemple\.fr/);
    } finally {
      await mail.close();
    }
  });

  it('keeps a name with a line break in its header: no header added, one recipient', async () => {
    const sink = new LogSink();
    const mail = service(relay, sink);
    const before = relay.received.length;
    try {
      mail.sendAddressRemoved({
        language: 'fr',
        name: 'Camille\r\nBcc: intrus@exemple.org',
        address: 'ancienne@exemple.org',
        at: new Date(),
        clientAddress: '192.0.2.10',
      });
      await mail.idle();
      const [received] = relay.received.slice(before);
      assert.ok(received);
      assert.deepEqual(received.envelope.to, ['ancienne@exemple.org']);
      assert.equal(received.parsed.headers.has('bcc'), false);
      assert.doesNotMatch(received.raw, /^Bcc:/im);
      const to = Array.isArray(received.parsed.to) ? received.parsed.to[0] : received.parsed.to;
      assert.deepEqual(to?.value, [{ name: 'Camille Bcc: intrus@exemple.org', address: 'ancienne@exemple.org' }]);
    } finally {
      await mail.close();
    }
  });

  it('never holds the caller: enqueueing returns before the relay is even reached', async () => {
    const slow = await startSmtpServer({ credentials: CREDENTIALS, recipientDelayMs: 300 });
    const sink = new LogSink();
    const mail = service(slow, sink);
    try {
      const start = performance.now();
      for (let index = 0; index < 5; index++) {
        mail.sendResetLink({
          language: 'fr',
          name: 'Camille Martin',
          to: `camille${index}@exemple.org`,
          link: 'https://moncompte.univ-exemple.fr/recuperation?jeton=abc',
        });
      }
      // Rendering five mails takes well under a millisecond; the bound leaves room for a loaded machine,
      // and is far below the 1.5 s the relay takes to accept them.
      const elapsed = performance.now() - start;
      assert.ok(elapsed < 250, `five mails queued in ${elapsed.toFixed(1)} ms`);
      assert.equal(slow.connections, 0, 'no connection opened while the caller runs');
      assert.equal(mail.counts.pending, 5);
      await mail.idle();
      assert.equal(slow.received.length, 5);
    } finally {
      await mail.close();
      await slow.stop();
    }
  });

  it('never holds the caller when the relay does not answer at all', async () => {
    const sink = new LogSink();
    // A port nothing listens on: each try fails at once, and the caller still never waits.
    const closed = await startSmtpServer();
    await closed.stop();
    const mail = new MailService({
      settings: { smtpUrl: closed.url, from: FROM, allowCleartext: false },
      logger: sink.logger,
      retryDelaysMs: [10],
    });
    try {
      const start = performance.now();
      mail.sendAddressRemoved({
        language: 'fr',
        name: 'Camille Martin',
        address: 'ancienne@exemple.org',
        at: new Date(),
        clientAddress: '2001:db8::1',
      });
      assert.ok(performance.now() - start < 250);
      await mail.idle();
      assert.deepEqual(mail.counts, { sent: 0, failed: 1, pending: 0 });
      const warning = sink.entries.find((entry) => entry['level'] === 40);
      assert.match(String(warning?.['reason']), /cannot reach the relay \(ECONNREFUSED\)/);
    } finally {
      await mail.close();
    }
  });
});

describe('retries', () => {
  it('tries again after a 451 on RCPT and delivers once the relay accepts', async () => {
    const relay = await startSmtpServer({
      credentials: CREDENTIALS,
      onRecipient: (_address, attempt) => (attempt <= 2 ? { code: 451, message: '4.3.0 Try again later' } : undefined),
    });
    const sink = new LogSink();
    const outcomes: MailOutcome[] = [];
    const mail = service(relay, sink);
    mail.onOutcome((outcome) => outcomes.push(outcome));
    try {
      mail.sendConfirmationCode({ language: 'en', name: 'Camille', address: 'camille@exemple.org', code: '000417' });
      await mail.idle();
      assert.equal(relay.recipientAttempts.length, 3, 'refused twice, accepted the third time');
      assert.equal(relay.received.length, 1);
      assert.match(relay.received[0]!.parsed.text ?? '', /000 417/);
      assert.deepEqual(outcomes, [{ kind: 'confirmation-code', outcome: 'sent', attempts: 3 }]);
      const retries = sink.entries.filter((entry) => /tried again/.test(String(entry['msg'])));
      assert.equal(retries.length, 2);
      assert.match(String(retries[0]?.['reason']), /the relay refused the recipient \(451 4\.3\.0\)/);
      assert.ok(!sink.entries.some((entry) => entry['level'] === 40), 'no warning for a mail delivered');
    } finally {
      await mail.close();
      await relay.stop();
    }
  });

  it('gives up at once on a 550, with one warn line that has neither the code nor the address', async () => {
    const relay = await startSmtpServer({
      credentials: CREDENTIALS,
      onRecipient: (address) => ({ code: 550, message: `5.1.1 <${address}>: Recipient address rejected` }),
    });
    const sink = new LogSink();
    const outcomes: MailOutcome[] = [];
    const mail = service(relay, sink);
    mail.onOutcome((outcome) => outcomes.push(outcome));
    try {
      mail.sendConfirmationCode({ language: 'fr', name: 'Camille', address: 'inconnue@exemple.org', code: '731594' });
      await mail.idle();
      assert.equal(relay.recipientAttempts.length, 1, 'a permanent refusal is not tried again');
      assert.deepEqual(outcomes, [{ kind: 'confirmation-code', outcome: 'failed', attempts: 1 }]);
      assert.deepEqual(mail.counts, { sent: 0, failed: 1, pending: 0 });
      const warnings = sink.entries.filter((entry) => entry['level'] === 40);
      assert.equal(warnings.length, 1);
      assert.deepEqual(
        { ...warnings[0], time: undefined, pid: undefined, hostname: undefined },
        {
          level: 40,
          time: undefined,
          pid: undefined,
          hostname: undefined,
          mail: 'confirmation-code',
          recipientDomain: 'exemple.org',
          attempts: 1,
          reason: 'the relay refused the recipient (550 5.1.1)',
          msg: 'mail not sent: the relay refused the recipient (550 5.1.1)',
        },
      );
      assert.doesNotMatch(sink.text, /731 ?594/, 'no code in any log line');
      assert.doesNotMatch(sink.text, /inconnue/, 'no address in any log line');
    } finally {
      await mail.close();
      await relay.stop();
    }
  });

  it('gives up after the last wait when the relay keeps answering 451', async () => {
    const relay = await startSmtpServer({
      credentials: CREDENTIALS,
      onRecipient: () => ({ code: 451, message: '4.7.1 Greylisted' }),
    });
    const sink = new LogSink();
    const mail = service(relay, sink, { retryDelaysMs: [10, 10] });
    try {
      mail.sendResetLink({
        language: 'fr',
        name: 'Camille',
        to: 'camille@exemple.org',
        link: 'https://moncompte.univ-exemple.fr/recuperation?jeton=secret-token',
      });
      await mail.idle();
      assert.equal(relay.recipientAttempts.length, 3, 'one try and two retries');
      const warnings = sink.entries.filter((entry) => entry['level'] === 40);
      assert.equal(warnings.length, 1);
      assert.equal(warnings[0]?.['attempts'], 3);
      assert.doesNotMatch(sink.text, /secret-token/, 'no link in any log line');
    } finally {
      await mail.close();
      await relay.stop();
    }
  });

  it('does not send a code whose validity ended while the relay refused it', async () => {
    let now = Date.parse('2026-03-03T13:05:00Z');
    const relay = await startSmtpServer({
      credentials: CREDENTIALS,
      onRecipient: () => {
        now += 31 * 60_000;
        return { code: 451, message: '4.3.0 Try again later' };
      },
    });
    const sink = new LogSink();
    const mail = service(relay, sink, { now: () => now });
    try {
      mail.sendConfirmationCode({ language: 'fr', name: 'Camille', address: 'camille@exemple.org', code: '111111' });
      await mail.idle();
      assert.equal(relay.recipientAttempts.length, 1, 'no retry past the 30 minutes of the code');
      assert.deepEqual(mail.counts, { sent: 0, failed: 1, pending: 0 });
    } finally {
      await mail.close();
      await relay.stop();
    }
  });

  it('drops the mails still waiting when the server stops, with one line', async () => {
    const relay = await startSmtpServer({
      credentials: CREDENTIALS,
      onRecipient: () => ({ code: 451, message: '4.3.0 Try again later' }),
    });
    const sink = new LogSink();
    const mail = service(relay, sink, { retryDelaysMs: [60_000] });
    try {
      mail.sendConfirmationCode({ language: 'fr', name: 'Camille', address: 'camille@exemple.org', code: '222222' });
      await until(() => sink.entries.some((entry) => /tried again/.test(String(entry['msg']))));
      assert.equal(mail.counts.pending, 1, 'waiting for its retry');
      await mail.close();
      assert.deepEqual(mail.counts, { sent: 0, failed: 1, pending: 0 });
      assert.ok(sink.entries.some((entry) => /server stopped before the relay took them/.test(String(entry['msg']))));
      mail.sendConfirmationCode({ language: 'fr', name: 'Camille', address: 'camille@exemple.org', code: '333333' });
      assert.deepEqual(mail.counts, { sent: 0, failed: 2, pending: 0 }, 'a closed service takes no mail');
    } finally {
      await relay.stop();
    }
  });
});

describe('cleartext', () => {
  /**
   * The options the server builds for a relay on another host, with the connection itself pointed at the
   * test relay on loopback: what they make nodemailer do is what would happen with that host.
   */
  function remoteTransporter(relay: TestSmtpServer, allowCleartext: boolean) {
    const options = smtpTransportOptions({
      smtpUrl: 'smtp://smtp.univ-exemple.fr:587',
      ...CREDENTIALS,
      from: FROM,
      allowCleartext,
    });
    return nodemailer.createTransport({ ...options, host: relay.host, port: relay.port });
  }

  it('sends nothing, not even the login, to another host whose relay does not offer STARTTLS', async () => {
    const relay = await startSmtpServer({ credentials: CREDENTIALS, starttls: false });
    const sink = new LogSink();
    const mail = service(relay, sink, { transporter: remoteTransporter(relay, false), retryDelaysMs: [] });
    try {
      mail.sendConfirmationCode({ language: 'fr', name: 'Camille', address: 'camille@exemple.org', code: '444444' });
      await mail.idle();
      assert.equal(relay.logins.length, 0, 'no password sent');
      assert.equal(relay.recipientAttempts.length, 0, 'no recipient sent');
      assert.equal(relay.received.length, 0);
      assert.match(String(sink.entries.find((entry) => entry['level'] === 40)?.['reason']), /does not offer STARTTLS/);
      const readiness = await mail.ready();
      assert.equal(readiness.ok, false);
      assert.match(readiness.ok ? '' : readiness.reason, /127\.0\.0\.1:\d+: the relay does not offer STARTTLS/);
    } finally {
      await mail.close();
      await relay.stop();
    }
  });

  it('checks the certificate of a relay that offers STARTTLS: an untrusted one stops the mail', async () => {
    const relay = await startSmtpServer({ credentials: CREDENTIALS, starttls: true });
    const sink = new LogSink();
    const mail = service(relay, sink, { transporter: remoteTransporter(relay, false), retryDelaysMs: [] });
    try {
      mail.sendConfirmationCode({ language: 'fr', name: 'Camille', address: 'camille@exemple.org', code: '555555' });
      await mail.idle();
      assert.equal(relay.logins.length, 0);
      assert.equal(relay.received.length, 0);
      assert.match(String(sink.entries.find((entry) => entry['level'] === 40)?.['reason']), /TLS|certificate/);
    } finally {
      await mail.close();
      await relay.stop();
    }
  });

  it('sends in clear to another host only with SEL_ALLOW_CLEARTEXT=true', async () => {
    const relay = await startSmtpServer({ credentials: CREDENTIALS, starttls: false });
    const sink = new LogSink();
    const mail = service(relay, sink, { transporter: remoteTransporter(relay, true) });
    try {
      mail.sendConfirmationCode({ language: 'fr', name: 'Camille', address: 'camille@exemple.org', code: '666666' });
      await mail.idle();
      assert.equal(relay.received.length, 1);
      assert.equal(relay.received[0]?.secure, false);
      assert.deepEqual(relay.logins, [{ user: CREDENTIALS.user, password: CREDENTIALS.password, secure: false }]);
    } finally {
      await mail.close();
      await relay.stop();
    }
  });

  it('skips STARTTLS on loopback, where a local relay offers a certificate not valid for localhost', async () => {
    const relay = await startSmtpServer({ credentials: CREDENTIALS, starttls: true });
    const sink = new LogSink();
    const mail = service(relay, sink);
    try {
      mail.sendConfirmationCode({ language: 'fr', name: 'Camille', address: 'camille@exemple.org', code: '777777' });
      await mail.idle();
      assert.equal(relay.received.length, 1);
    } finally {
      await mail.close();
      await relay.stop();
    }
  });
});

describe('readiness', () => {
  it('is ready when the relay answers and accepts the login, and says why not when it refuses it', async () => {
    const relay = await startSmtpServer({ credentials: CREDENTIALS });
    const sink = new LogSink();
    const good = service(relay, sink);
    const wrong = new MailService({
      settings: settingsFor(relay, { password: 'not-the-password' }),
      logger: sink.logger,
    });
    try {
      assert.deepEqual(await good.ready(), { ok: true });
      const refused = await wrong.ready();
      assert.deepEqual(refused, {
        ok: false,
        reason: `127.0.0.1:${relay.port}: the relay refused the login of SEL_SMTP_USER (535)`,
      });
      assert.doesNotMatch(sink.text, /not-the-password|relay-password-for-tests/);
      assert.equal(sink.entries.filter((entry) => entry['dependency'] === 'mail relay').length, 1, 'one line');
    } finally {
      await good.close();
      await wrong.close();
      await relay.stop();
    }
  });

  it('reuses its answer for a while, and shares one connection between probes that come together', async () => {
    const relay = await startSmtpServer({ credentials: CREDENTIALS });
    let now = 0;
    const mail = service(relay, new LogSink(), { now: () => now, readinessCacheMs: 30_000 });
    try {
      const together = await Promise.all([mail.ready(), mail.ready(), mail.ready()]);
      assert.deepEqual(together, [{ ok: true }, { ok: true }, { ok: true }]);
      assert.equal(relay.connections, 1);
      now += 10_000;
      await mail.ready();
      assert.equal(relay.connections, 1, 'cached');
      now += 30_000;
      await mail.ready();
      assert.equal(relay.connections, 2, 'checked again once the answer is old');
    } finally {
      await mail.close();
      await relay.stop();
    }
  });

  it('fails within its timeout when the relay does not answer, and logs the change once', async () => {
    // A listener that accepts connections and never greets: the relay hangs.
    const { createServer } = await import('node:net');
    const sockets = new Set<import('node:net').Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as import('node:net').AddressInfo).port;
    const sink = new LogSink();
    const mail = new MailService({
      settings: { smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM, allowCleartext: false },
      logger: sink.logger,
      readinessTimeoutMs: 200,
    });
    try {
      const start = performance.now();
      const result = await mail.ready();
      // Well before the 10 s nodemailer itself would wait for a greeting.
      assert.ok(performance.now() - start < 3_000);
      assert.deepEqual(result, { ok: false, reason: `127.0.0.1:${port}: no answer within 0.2 s` });
      assert.match(sink.text, /"dependency":"mail relay"/);
    } finally {
      await mail.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
