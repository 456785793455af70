/**
 * What each mail says, in French and English: the greeting with the person's name, the code grouped, the
 * date in the language, whom to contact; every value escaped in the HTML, which loads nothing from
 * elsewhere; a text part that says everything on its own. And the code itself: six digits from a CSPRNG.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  MAIL_KINDS,
  MAIL_LANGUAGES,
  addressRemovedMail,
  confirmationCodeMail,
  generateConfirmationCode,
  groupConfirmationCode,
  normalizeConfirmationCode,
  notMeSentence,
  passwordNoticeMail,
  remoteContentProblems,
  resetLinkMail,
  type MailContent,
  type MailLanguage,
} from '../../src/mail/index.js';

const AT = new Date('2026-03-03T13:05:00Z');
const HOSTILE_NAME = '<script>alert("x")</script> & <img src=http://tracker.example/p.gif>';

/** Every mail of every kind in `language`, with `name` as the person's name. */
function everyMail(language: MailLanguage, name: string, supportContact?: string): [string, MailContent][] {
  const context = { supportContact, timeZone: 'Europe/Paris' };
  return [
    [
      'confirmation-code',
      confirmationCodeMail({ language, name, address: 'camille@exemple.org', code: '482913' }, context),
    ],
    [
      'password-changed',
      passwordNoticeMail({ language, name, event: 'changed', at: AT, clientAddress: '192.0.2.10' }, context),
    ],
    [
      'password-reset',
      passwordNoticeMail({ language, name, event: 'reset', at: AT, clientAddress: '192.0.2.10' }, context),
    ],
    [
      'address-removed',
      addressRemovedMail(
        { language, name, address: 'ancienne@exemple.org', at: AT, clientAddress: '192.0.2.10' },
        context,
      ),
    ],
    [
      'reset-link',
      resetLinkMail({ language, name, link: 'https://moncompte.univ-exemple.fr/recuperation?jeton=a&b=c' }, context),
    ],
  ];
}

describe('every mail', () => {
  it('covers each kind', () => {
    assert.deepEqual(
      everyMail('fr', 'x').map(([kind]) => kind),
      [...MAIL_KINDS],
    );
  });

  for (const language of MAIL_LANGUAGES) {
    it(`greets the person by name in ${language}, with the name escaped in the HTML`, () => {
      for (const [kind, mail] of everyMail(language, HOSTILE_NAME)) {
        const greeting = language === 'fr' ? 'Bonjour' : 'Hello';
        assert.ok(mail.text.startsWith(`${greeting} ${HOSTILE_NAME},`), `${kind}: the text greets by name`);
        assert.doesNotMatch(mail.html, /<script/i, kind);
        assert.doesNotMatch(mail.html, /<img/i, kind);
        assert.ok(
          mail.html.includes(
            `${greeting} &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#60;img src=http://tracker.example/p.gif&#62;,`,
          ),
          `${kind}: the HTML greets by the escaped name`,
        );
      }
    });

    it(`loads nothing from elsewhere in ${language}: no remote image, style sheet, font or CSS url()`, () => {
      for (const [kind, mail] of everyMail(language, 'Camille Martin', 'https://assistance.univ-exemple.fr')) {
        assert.doesNotMatch(mail.html, /src\s*=\s*["']?\s*(https?:)?\/\//i, kind);
        assert.doesNotMatch(mail.html, /<link\b/i, kind);
        assert.doesNotMatch(mail.html, /url\(/i, kind);
        assert.doesNotMatch(mail.html, /<style\b|@import|<script/i, kind);
        assert.deepEqual(remoteContentProblems(mail.html), [], kind);
        assert.match(mail.html, new RegExp(`^<!DOCTYPE html>\\n<html lang="${language}">`), kind);
      }
    });

    it(`has a text part readable on its own in ${language}: no markup, no entity, a signature`, () => {
      for (const [kind, mail] of everyMail(language, 'Camille Martin', 'assistance@univ-exemple.fr')) {
        assert.doesNotMatch(mail.text, /<[a-z/!]|&[#a-z0-9]+;/i, kind);
        assert.match(mail.text, /\n-- \n.+\n$/, `${kind}: signed below the standard separator`);
        assert.ok(mail.subject.length > 0 && !/[\r\n]/.test(mail.subject), kind);
      }
    });
  }

  it('says the same subjects in French and English', () => {
    assert.deepEqual(
      everyMail('fr', 'x').map(([, mail]) => mail.subject),
      [
        'Confirmez votre adresse de secours',
        'Votre mot de passe a été changé',
        'Votre mot de passe a été réinitialisé',
        'Adresse de secours retirée de votre compte',
        'Réinitialiser votre mot de passe',
      ],
    );
    assert.deepEqual(
      everyMail('en', 'x').map(([, mail]) => mail.subject),
      [
        'Confirm your recovery address',
        'Your password was changed',
        'Your password was reset',
        'Recovery address removed from your account',
        'Reset your password',
      ],
    );
  });

  it('carries no secret but in its own mail: the code in the code mail, the link in the link mail', () => {
    for (const [kind, mail] of everyMail('fr', 'Camille')) {
      const all = mail.subject + mail.text + mail.html;
      assert.equal(/482 913/.test(all), kind === 'confirmation-code', kind);
      assert.equal(/jeton=/.test(all), kind === 'reset-link', kind);
      assert.doesNotMatch(mail.subject, /482|jeton/, `${kind}: never in the subject, shown on a locked screen`);
    }
  });
});

describe('the confirmation code mail', () => {
  it('shows the code grouped, valid 30 minutes, in both parts', () => {
    const mail = confirmationCodeMail({
      language: 'fr',
      name: 'Camille',
      address: 'camille@exemple.org',
      code: '048213',
    });
    assert.match(mail.text, /\n {4}048 213\n/);
    assert.match(mail.html, />048 213<\/p>/);
    assert.match(mail.text, /valable 30\u00a0minutes/);
    assert.match(mail.text, /\(camille@exemple\.org\)/);
  });

  it('refuses what is not six digits, and an address that names several recipients', () => {
    assert.throws(() => confirmationCodeMail({ language: 'fr', name: 'C', address: 'c@exemple.org', code: '12345' }));
    assert.throws(() =>
      confirmationCodeMail({ language: 'fr', name: 'C', address: 'c@exemple.org, d@exemple.org', code: '123456' }),
    );
  });
});

describe('the password notice', () => {
  it('says what happened, when in the language, and from which address', () => {
    const fr = passwordNoticeMail(
      { language: 'fr', name: 'Camille', event: 'changed', at: AT, clientAddress: '2001:db8::7' },
      { timeZone: 'Europe/Paris' },
    );
    assert.match(fr.text, /a été changé le mardi 3 mars 2026 à 14:05 UTC\+1, depuis l'adresse IP 2001:db8::7\./);
    const en = passwordNoticeMail(
      { language: 'en', name: 'Camille', event: 'reset', at: AT, clientAddress: '192.0.2.10' },
      { timeZone: 'Europe/Paris' },
    );
    assert.match(en.text, /was reset with a link sent to your recovery address, on Tuesday, 3 March 2026 at 14:05 CET/);
  });

  it('names SEL_SUPPORT_CONTACT for « this was not me », and a sentence without a contact when unset', () => {
    const mail = (supportContact?: string) =>
      passwordNoticeMail(
        { language: 'fr', name: 'Camille', event: 'changed', at: AT, clientAddress: '192.0.2.10' },
        { supportContact },
      );
    assert.match(
      mail('Le guichet numérique, bâtiment B').text,
      /prévenez sans attendre\u00a0: Le guichet numérique, bâtiment B\n/,
    );
    assert.match(mail().text, /prévenez sans attendre le service informatique de votre établissement\./);
    assert.match(mail('assistance@univ-exemple.fr').html, /<a href="mailto:assistance@univ-exemple\.fr">/);
    assert.match(
      mail('https://assistance.univ-exemple.fr/').html,
      /<a href="https:\/\/assistance\.univ-exemple\.fr\/">/,
    );
  });

  it('escapes the contact in the HTML part and makes a link only of an address or an http(s) URL', () => {
    assert.deepEqual(notMeSentence('en', '<b>IT</b> "desk"'), {
      text: 'If this was not you, contact at once: <b>IT</b> "desk"',
      html: 'If this was not you, contact at once: &#60;b&#62;IT&#60;/b&#62; &#34;desk&#34;',
    });
    assert.doesNotMatch(notMeSentence('en', 'javascript:alert(1)').html, /<a /);
  });

  it('refuses a client address that is not an IP address', () => {
    assert.throws(() =>
      passwordNoticeMail({ language: 'fr', name: 'C', event: 'changed', at: AT, clientAddress: '<b>' }),
    );
  });
});

describe('the address removed and the reset link', () => {
  it('tells the removed address it will no longer receive recovery links', () => {
    const mail = addressRemovedMail(
      { language: 'en', name: 'Camille', address: 'old@exemple.org', at: AT, clientAddress: '192.0.2.10' },
      { timeZone: 'UTC' },
    );
    assert.match(mail.text, /This address \(old@exemple\.org\) was removed .* on Tuesday, 3 March 2026 at 13:05 UTC/);
    assert.match(mail.text, /no longer receive links/);
  });

  it('gives the link in both parts, escaped in the HTML, valid 60 minutes', () => {
    const mail = resetLinkMail({
      language: 'fr',
      name: 'Camille',
      link: 'https://moncompte.univ-exemple.fr/recuperation?jeton=a"b&c=<d>',
    });
    const href = 'https://moncompte.univ-exemple.fr/recuperation?jeton=a%22b&c=%3Cd%3E';
    assert.ok(mail.text.includes(`\n\n${href}\n\n`), 'the link alone on its line in the text');
    assert.ok(mail.html.includes(`<a href="${href.replace(/&/g, '&#38;')}"`));
    assert.match(mail.text, /dans les 60\u00a0minutes/);
  });

  it('refuses a link that is not http(s)', () => {
    assert.throws(() => resetLinkMail({ language: 'fr', name: 'C', link: 'javascript:alert(1)' }));
  });
});

describe('the confirmation code', () => {
  it('is six digits, leading zeros kept, drawn evenly', () => {
    const codes = Array.from({ length: 2_000 }, generateConfirmationCode);
    for (const code of codes) assert.match(code, /^\d{6}$/);
    // 2 000 draws among 10⁶: a repeat now and then is expected, many would mean a poor generator.
    assert.ok(new Set(codes).size > 1_990);
    const firstDigits = new Set(codes.map((code) => code[0]));
    assert.equal(firstDigits.size, 10, 'codes starting with 0 too');
  });

  it('is shown grouped and read back grouped or not', () => {
    assert.equal(groupConfirmationCode('007321'), '007 321');
    assert.equal(normalizeConfirmationCode(' 007 321 '), '007321');
    assert.equal(normalizeConfirmationCode('007-321'), '007321');
    assert.equal(normalizeConfirmationCode('007\u00a0321'), '007321');
    assert.equal(normalizeConfirmationCode('00732'), undefined);
    assert.equal(normalizeConfirmationCode('００７３２１'), undefined, 'full-width digits are not ASCII digits');
  });
});
