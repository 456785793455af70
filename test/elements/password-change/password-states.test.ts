/**
 * What the directory knows about the password, shown in « Authentification »: when it expires (a warning
 * when close, said plainly once past), a reset by an administrator (the form opens with why), and a locked
 * account (when to try again).
 */
import { expect } from '@open-wc/testing';
import { DEMO_PASSWORD } from '../../../src/mocks/demo-account.js';
import { accountLockedFault, demoPasswordState, type DemoPasswordState } from '../../../src/mocks/password-states.js';
import {
  getByRole,
  queryAllByRole,
  queryByRole,
  visibleText,
  deepActiveElement,
  waitFor,
} from '../../helpers/queries.js';
import { button, byRole, requestsOf, textbox } from '../../helpers/section.js';
import {
  EN,
  FR,
  NEW_PASSWORD,
  fillForm,
  loaded,
  openForm,
  dictionariesLoadedFirst,
  passwordTestSetup,
  type SelPasswordChange,
} from './support.js';

const WORDS = { fr: FR, en: EN };
type Lang = keyof typeof WORDS;

const portal = passwordTestSetup();
dictionariesLoadedFirst('fr', 'en');

/** The date as a person reads it in the page's language. */
function longDate(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' }).format(new Date(iso));
}

function expiryText(el: SelPasswordChange): string | undefined {
  const part = el.shadowRoot!.querySelector('[part~="expiry"]');
  return part ? visibleText(part as HTMLElement) : undefined;
}

describe('<sel-password-change>: what the directory knows about the password', () => {
  describe('expiry', () => {
    const cases: [DemoPasswordState, Lang, (date: string) => string][] = [
      ['expiresLater', 'fr', (date) => `Votre mot de passe expire le ${date}.`],
      ['expiresLater', 'en', (date) => `Your password expires on ${date}.`],
      [
        'expiresSoon',
        'fr',
        (date) =>
          `Votre mot de passe expire dans 5 jours, le ${date}. Changez-le avant cette date pour ne pas perdre l’accès à vos services en ligne.`,
      ],
      [
        'expiresSoon',
        'en',
        (date) =>
          `Your password expires in 5 days, on ${date}. Change it before then so that you keep access to your online services.`,
      ],
      [
        'expired',
        'fr',
        (date) =>
          `Votre mot de passe a expiré le ${date}. Changez-le maintenant : tant que vous ne l’avez pas fait, vos services en ligne peuvent vous refuser l’accès.`,
      ],
      [
        'expired',
        'en',
        (date) =>
          `Your password expired on ${date}. Change it now: until you do, your online services may refuse you access.`,
      ],
    ];
    for (const [state, lang, words] of cases) {
      it(`${state} (${lang}): the date in words, accessible, the form still one click away`, async () => {
        const change = demoPasswordState(state);
        const { el } = await loaded({ account: change, lang });
        expect(expiryText(el)).to.equal(words(longDate(change.passwordExpiresAt!, lang)));
        const shown = el.shadowRoot!.querySelector('[part~="expiry"]')!;
        // A warning and an expiry look like one (a bordered message); a far date is a quiet line.
        expect(shown.classList.contains('message')).to.equal(state !== 'expiresLater');
        expect(getByRole(el.shadowRoot!, 'button', WORDS[lang].open)).to.exist;
        await expect(el).to.be.accessible();
      });
    }

    it('a warning period from the directory: 5 days left is not close when it says 3', async () => {
      const { el } = await loaded({ account: { ...demoPasswordState('expiresSoon'), passwordExpiryWarningDays: 3 } });
      expect(expiryText(el)).to.match(/^Votre mot de passe expire le .+\.$/);
    });

    it('tomorrow: « demain », never « dans 1 jours »', async () => {
      const at = new Date(Date.now() + 20 * 3_600_000).toISOString();
      const { el } = await loaded({ account: { passwordExpiresAt: at } });
      expect(expiryText(el)).to.equal(
        `Votre mot de passe expire demain, le ${longDate(at, 'fr')}. Changez-le dès maintenant pour ne pas perdre l’accès à vos services en ligne.`,
      );
    });

    it('no expiry date (null, absent or unreadable): nothing said about expiry', async () => {
      for (const passwordExpiresAt of [null, undefined, 'bientôt']) {
        const { el } = await loaded({ account: { passwordExpiresAt } });
        expect(expiryText(el)).to.equal(undefined);
        expect(visibleText(el.shadowRoot!.querySelector('section')!)).not.to.contain('expire');
      }
    });
  });

  describe('must change after an administrator reset', () => {
    for (const [lang, reason] of [
      [
        'fr',
        'Votre mot de passe a été réinitialisé par un administrateur. Choisissez-en un nouveau, connu de vous seul(e), pour continuer à utiliser votre compte.',
      ],
      [
        'en',
        'Your password was reset by an administrator. Choose a new one, known only to you, to go on using your account.',
      ],
    ] as const) {
      it(`(${lang}) opens on the form, says why, leaves focus alone, and « ${WORDS[lang].cancel} » closes it for good`, async () => {
        const t = WORDS[lang];
        const { el } = await loaded({ account: demoPasswordState('mustChange'), lang });
        await waitFor(() => textbox(el, t.current));
        expect(textbox(el, t.new)).to.exist;
        expect(textbox(el, t.confirm)).to.exist;
        const why = el.shadowRoot!.querySelector('[part~="must-change"]') as HTMLElement;
        expect(visibleText(why)).to.equal(reason);
        // Opened by the page load, not by the person: focus does not jump into the form.
        expect(el.contains(deepActiveElement())).to.equal(false);
        await expect(el).to.be.accessible();

        button(el, t.cancel).click();
        await el.updateComplete;
        await el.updateComplete;
        expect(queryByRole(el, 'textbox', t.current)).to.equal(null);
        expect(el.shadowRoot!.querySelector('[part~="must-change"]')).to.equal(null);
        getByRole(el.shadowRoot!, 'button', t.open).click();
        await waitFor(() => textbox(el, t.current));
        expect(visibleText(el.shadowRoot!.querySelector('[part~="must-change"]') as HTMLElement)).to.equal(reason);
      });
    }

    it('not when the password is not changed here: the "managed elsewhere" message alone', async () => {
      const { el } = await loaded({
        account: {
          ...demoPasswordState('mustChange'),
          editable: { website: true, phones: true, redList: true, password: false },
        },
      });
      expect(queryAllByRole(el, 'textbox')).to.have.length(0);
      expect(el.shadowRoot!.querySelector('[part~="must-change"]')).to.equal(null);
    });
  });

  describe('a locked account (403 account_locked)', () => {
    const cases = [
      [
        'fr',
        900,
        /^Votre compte est temporairement verrouillé après plusieurs mots de passe incorrects\. Vous pourrez réessayer à partir de \d{2}:\d{2} \(dans 15 min environ\) ; en cas de doute, contactez l’assistance informatique de votre établissement\.$/,
      ],
      [
        'en',
        900,
        /^Your account is temporarily locked after several wrong passwords\. You can try again from \d{2}:\d{2} \(in about 15 min\); if in doubt, contact your institution's IT help desk\.$/,
      ],
      [
        'fr',
        undefined,
        /^Votre compte est verrouillé après plusieurs mots de passe incorrects\. Réessayez plus tard ; si le verrouillage persiste, contactez l’assistance informatique de votre établissement\.$/,
      ],
      [
        'en',
        undefined,
        /^Your account is locked after several wrong passwords\. Try again later; if it stays locked, contact your institution's IT help desk\.$/,
      ],
    ] as const;
    for (const [lang, retryAfter, words] of cases) {
      it(`(${lang}, Retry-After ${retryAfter ?? 'absent'}) says so in words, keeps what was typed, focus on the message`, async () => {
        const { el, setup, t } = await loaded({ lang });
        setup.backend.setFault('password', accountLockedFault(retryAfter));
        await openForm(el, t);
        await fillForm(el, {}, t);
        button(el, t.save).click();
        const alert = await waitFor(() => byRole(el, 'alert'), 6000);
        expect(visibleText(alert)).to.match(words);
        await waitFor(() => expect(deepActiveElement()).to.equal(alert));
        expect(textbox(el, t.current).value).to.equal(DEMO_PASSWORD);
        expect(textbox(el, t.new).value).to.equal(NEW_PASSWORD);
        expect(setup.backend.calls.password).to.equal(1);
        expect(requestsOf(setup, 'POST')[0]!.url).not.to.contain(NEW_PASSWORD);
        expect(portal.events.of('sel-error').at(-1)!.detail).to.deep.equal({
          section: 'password',
          operation: 'save',
          kind: 'forbidden',
          status: 403,
          code: 'account_locked',
        });
        await expect(el).to.be.accessible();
      });
    }
  });
});
