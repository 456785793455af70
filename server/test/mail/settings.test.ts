/**
 * The mail settings as the configuration checks them at start, and the SMTP connection they lead to: TLS
 * from the start with smtps://, STARTTLS required with smtp:// to another host unless SEL_ALLOW_CLEARTEXT,
 * nothing of the kind on loopback; certificates always checked; nodemailer's own logging off.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  isLoopbackHost,
  mailSettingsProblems,
  parseMailbox,
  smtpTransportOptions,
  type MailSettings,
} from '../../src/mail/index.js';

const VALID = { smtpUrl: 'smtp://smtp.univ-exemple.fr:587', from: 'ne-pas-repondre@univ-exemple.fr' };

function settings(extra: Partial<MailSettings>): MailSettings {
  return { ...VALID, allowCleartext: false, ...extra };
}

describe('mail settings', () => {
  it('accept a relay with or without login, and a sender with a display name', () => {
    assert.deepEqual(mailSettingsProblems(VALID), []);
    assert.deepEqual(mailSettingsProblems({ ...VALID, user: 'sel', password: 'secret' }), []);
    assert.deepEqual(
      mailSettingsProblems({ ...VALID, from: "Université d'Exemple <ne-pas-repondre@univ-exemple.fr>" }),
      [],
    );
    assert.deepEqual(mailSettingsProblems({ smtpUrl: 'smtps://smtp.univ-exemple.fr', from: VALID.from }), []);
    assert.deepEqual(mailSettingsProblems({}), [], 'no relay: recovery off, nothing to check');
  });

  it('report every problem at once', () => {
    assert.deepEqual(
      mailSettingsProblems({
        smtpUrl: 'smtp://sel:secret@smtp.univ-exemple.fr:587',
        user: 'sel',
        from: 'a@b.fr, c@d.fr',
        supportContact: 'line one\nline two',
      }),
      [
        'SEL_SMTP_URL must not hold credentials: use SEL_SMTP_USER and SEL_SMTP_PASSWORD(_FILE)',
        'SEL_SMTP_USER and SEL_SMTP_PASSWORD go together: set both, or neither for a relay without login',
        `SEL_MAIL_FROM must be one address, e.g. ne-pas-repondre@univ-exemple.fr or Université d'Exemple <ne-pas-repondre@univ-exemple.fr> (got "a@b.fr, c@d.fr")`,
        'SEL_SUPPORT_CONTACT must be one line of at most 200 characters',
      ],
    );
  });

  it('refuse what is not an SMTP URL, a port spoken the other way, and a relay without sender', () => {
    assert.match(mailSettingsProblems({ ...VALID, smtpUrl: 'https://smtp.univ-exemple.fr' })[0]!, /smtp:\/\/host:port/);
    assert.match(mailSettingsProblems({ ...VALID, smtpUrl: 'smtp://smtp.univ-exemple.fr:25/x' })[0]!, /without a path/);
    assert.deepEqual(mailSettingsProblems({ ...VALID, smtpUrl: 'smtp://smtp.univ-exemple.fr:465' }), [
      'SEL_SMTP_URL: port 465 speaks TLS from the start: write smtps://',
    ]);
    assert.deepEqual(mailSettingsProblems({ ...VALID, smtpUrl: 'smtps://smtp.univ-exemple.fr:587' }), [
      'SEL_SMTP_URL: port 587 speaks STARTTLS: write smtp://',
    ]);
    assert.deepEqual(mailSettingsProblems({ smtpUrl: VALID.smtpUrl }), [
      'SEL_MAIL_FROM is required with SEL_SMTP_URL: the sender of every mail, e.g. ne-pas-repondre@univ-exemple.fr',
    ]);
  });

  it('refuse mail variables set without a relay: a relay forgotten', () => {
    assert.deepEqual(mailSettingsProblems({ from: VALID.from, templatesDir: '/etc/sel-widgets/mail' }), [
      'SEL_MAIL_FROM is set but SEL_SMTP_URL is not: mail is off without a relay',
      'SEL_MAIL_TEMPLATES_DIR is set but SEL_SMTP_URL is not: mail is off without a relay',
    ]);
  });

  it('read a sender as one mailbox, never a header', () => {
    assert.deepEqual(parseMailbox('Université <ne-pas-repondre@univ-exemple.fr>'), {
      name: 'Université',
      address: 'ne-pas-repondre@univ-exemple.fr',
    });
    assert.equal(parseMailbox('a@b.fr\r\nBcc: c@d.fr'), undefined);
    assert.equal(parseMailbox('not an address'), undefined);
  });
});

describe('the SMTP connection', () => {
  it('requires STARTTLS with smtp:// to another host, so that nothing goes in clear', () => {
    const options = smtpTransportOptions(settings({ user: 'sel', password: 'secret' }));
    assert.equal(options.requireTLS, true);
    assert.equal(options.secure, false);
    assert.equal(options.ignoreTLS, undefined);
    assert.equal(options.host, 'smtp.univ-exemple.fr');
    assert.equal(options.port, 587);
    assert.deepEqual(options.auth, { user: 'sel', pass: 'secret' });
    assert.equal(options.tls?.rejectUnauthorized, true);
    assert.equal(options.logger, false);
    assert.equal(options.debug, false);
  });

  it('uses STARTTLS when offered but goes on without it only with SEL_ALLOW_CLEARTEXT=true', () => {
    const options = smtpTransportOptions(settings({ allowCleartext: true }));
    assert.equal(options.requireTLS, undefined);
    assert.equal(options.ignoreTLS, undefined, 'STARTTLS still used when the relay offers it');
  });

  it('speaks TLS from the start with smtps://, port 465 by default', () => {
    const options = smtpTransportOptions(settings({ smtpUrl: 'smtps://smtp.univ-exemple.fr' }));
    assert.equal(options.secure, true);
    assert.equal(options.port, 465);
    assert.equal(options.requireTLS, undefined);
  });

  it('skips STARTTLS on loopback, connecting to the loopback address itself for localhost', () => {
    for (const [url, host] of [
      ['smtp://localhost:25', '127.0.0.1'],
      ['smtp://127.0.0.1:25', '127.0.0.1'],
      ['smtp://[::1]:25', '::1'],
    ] as const) {
      const options = smtpTransportOptions(settings({ smtpUrl: url }));
      assert.equal(options.ignoreTLS, true, url);
      assert.equal(options.requireTLS, undefined, url);
      assert.equal(options.host, host, url);
    }
    assert.equal(smtpTransportOptions(settings({ smtpUrl: 'smtps://localhost:465' })).host, 'localhost');
  });

  it('counts as loopback this machine only', () => {
    assert.ok(isLoopbackHost('localhost'));
    assert.ok(isLoopbackHost('127.0.0.53'));
    assert.ok(isLoopbackHost('[::1]'));
    assert.ok(!isLoopbackHost('localhost.univ-exemple.fr'));
    assert.ok(!isLoopbackHost('10.0.0.1'));
    assert.ok(!isLoopbackHost('127.0.0.1.nip.io'));
  });
});
