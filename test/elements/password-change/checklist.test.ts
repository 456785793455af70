/**
 * The policy checklist under « Nouveau mot de passe »: every rule in words, following the typing, summed up
 * politely once typing pauses; the confirmation checked once left; and a submit that stops before any
 * request at the first problem, focus on it.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SUMMARY_DELAY_MS } from '../../../src/elements/password-change/sel-password-change.js';
import { visibleText, waitFor } from '../../helpers/queries.js';
import { button, describedText, fill, focused, pause, requestsOf, retype } from '../../helpers/section.js';
import {
  FIELDS,
  FR,
  FRENCH_WORD_PASSWORD,
  NEW_PASSWORD,
  fillForm,
  inputs,
  loaded,
  meterText,
  openForm,
  dictionariesLoadedFirst,
  passwordTestSetup,
  ruleLine,
  ruleLines,
  submit,
  summary,
  type Field,
} from './support.js';

passwordTestSetup();
dictionariesLoadedFirst('fr');

describe('the checklist', () => {
  it('lists every rule of the policy, in words, and follows the typing', async () => {
    const { el } = await loaded({
      account: {
        passwordPolicy: {
          minLength: 10,
          maxLength: 20,
          minLower: 2,
          minUpper: 1,
          minDigit: 2,
          minSpecial: 1,
          minClasses: 3,
          forbiddenChars: ' é',
          rejectPersonalInfo: true,
          minEntropyBits: 60,
          minStrength: 2,
          historySize: 1,
        },
      },
    });
    await openForm(el);
    expect(ruleLines(el)).to.deep.equal([
      '○ Au moins 10 caractères : à vérifier',
      '○ Au plus 20 caractères : à vérifier',
      '○ Au moins 2 lettres minuscules : à vérifier',
      '○ Au moins une lettre majuscule : à vérifier',
      '○ Au moins 2 chiffres : à vérifier',
      '○ Au moins un caractère spécial (ni lettre ni chiffre : ponctuation, symbole, espace) : à vérifier',
      '○ Au moins 3 types de caractères parmi : minuscules, majuscules, chiffres, caractères spéciaux : à vérifier',
      '○ Aucun de ces caractères : espace é : à vérifier',
      '○ Ni votre identifiant, ni votre prénom, ni votre nom : à vérifier',
      '○ Assez long et varié (au moins 60 bits d’entropie estimée) : à vérifier',
      '○ Une robustesse au moins « Moyen » sur l’indicateur ci-dessous : à vérifier',
      'i Différent de votre ancien mot de passe : vérifiée par le serveur',
    ]);
    await fill(el, inputs(el).current, 'ancien-Secret-1');
    await retype(el, inputs(el).new, 'claire é1');
    await waitFor(() => expect(ruleLine(el, 'too_weak')).to.match(/: (non )?satisfaite$/));
    expect(ruleLines(el)).to.deep.equal([
      '✗ Au moins 10 caractères : non satisfaite',
      '✓ Au plus 20 caractères : satisfaite',
      '✓ Au moins 2 lettres minuscules : satisfaite',
      '✗ Au moins une lettre majuscule : non satisfaite',
      '✗ Au moins 2 chiffres : non satisfaite',
      '✓ Au moins un caractère spécial (ni lettre ni chiffre : ponctuation, symbole, espace) : satisfaite',
      '✓ Au moins 3 types de caractères parmi : minuscules, majuscules, chiffres, caractères spéciaux : satisfaite',
      '✗ Aucun de ces caractères : espace é : non satisfaite',
      '✗ Ni votre identifiant, ni votre prénom, ni votre nom : non satisfaite',
      '✗ Assez long et varié (au moins 60 bits d’entropie estimée) : non satisfaite',
      '✗ Une robustesse au moins « Moyen » sur l’indicateur ci-dessous : non satisfaite',
      'i Différent de votre ancien mot de passe : vérifiée par le serveur',
    ]);
    await expect(el).to.be.accessible();
    await retype(el, inputs(el).new, 'ancien-Secret-1');
    expect(ruleLine(el, 'in_history')).to.equal('✗ Différent de votre ancien mot de passe : non satisfaite');
    await retype(el, inputs(el).new, 'Vr-Tuba-Plinthe-88');
    await waitFor(() =>
      expect(ruleLines(el).every((line) => /: (satisfaite|vérifiée par le serveur)$/.test(line))).to.equal(true),
    );
  }).timeout(20000);

  it('counts lengths in code points: an emoji is one character', async () => {
    const { el } = await loaded({ account: { passwordPolicy: { minLength: 4, maxLength: 5 } } });
    await openForm(el);
    await fill(el, inputs(el).new, '🔒🔒🔒');
    expect(ruleLine(el, 'too_short')).to.equal('✗ Au moins 4 caractères : non satisfaite');
    await fill(el, inputs(el).new, '🔒🔒🔒🔒🔒');
    expect(ruleLine(el, 'too_short')).to.equal('✓ Au moins 4 caractères : satisfaite');
    expect(ruleLine(el, 'too_long')).to.equal('✓ Au plus 5 caractères : satisfaite');
    await fill(el, inputs(el).new, '🔒🔒🔒🔒🔒🔒');
    expect(ruleLine(el, 'too_long')).to.equal('✗ Au plus 5 caractères : non satisfaite');
  });

  it('announces a summary politely once typing pauses, not at every keystroke', async () => {
    const { el } = await loaded();
    await openForm(el);
    const form = el.querySelector('form')!;
    const field = inputs(el).new;
    field.focus();
    for (const key of ['a', 'b']) {
      await sendKeys({ type: key });
      await pause(SUMMARY_DELAY_MS / 3);
      expect(summary(el), `announced after "${key}"`).to.equal('');
    }
    await waitFor(() => expect(summary(el)).to.equal('4 règles sur 9 satisfaites. Robustesse : Très faible.'), 3000);
    // The only live region of the form while typing: polite, and the checklist itself is not live.
    const live = [...form.querySelectorAll('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"]')];
    expect(live).to.have.length(1);
    expect(live[0]!.getAttribute('role')).to.equal('status');
    expect(live[0]!.textContent).to.contain('règles sur');
    await expect(el).to.be.accessible();
  });

  it('checks the confirmation against the new password once it is left, and when it is corrected', async () => {
    const { el } = await loaded();
    await openForm(el);
    const fields = inputs(el);
    await retype(el, fields.new, NEW_PASSWORD);
    await retype(el, fields.confirm, 'Velo-Rouge-Tuba-39!');
    expect(fields.confirm.getAttribute('aria-invalid'), 'judged while typing').to.equal('false');
    fields.current.focus();
    await el.updateComplete;
    expect(fields.confirm.getAttribute('aria-invalid')).to.equal('true');
    expect(describedText(fields.confirm)).to.equal('La confirmation ne correspond pas au nouveau mot de passe.');
    await expect(el).to.be.accessible();
    await retype(el, fields.confirm, NEW_PASSWORD);
    expect(fields.confirm.getAttribute('aria-invalid')).to.equal('false');
    expect(describedText(fields.confirm)).to.equal('');
  });
});

describe('a submit with a problem sends nothing and moves focus to the first problem', () => {
  const cases: [string, Partial<Record<Field, string>>, Field, string][] = [
    ['no current password', { current: '' }, 'current', 'Saisissez votre ancien mot de passe.'],
    ['no new password', { new: '', confirm: '' }, 'new', 'Saisissez un nouveau mot de passe.'],
    [
      'a rule not met',
      { new: 'court', confirm: 'court' },
      'new',
      'Ce mot de passe ne respecte pas encore toutes les règles',
    ],
    [
      'a strength below the policy’s',
      { new: FRENCH_WORD_PASSWORD, confirm: FRENCH_WORD_PASSWORD },
      'new',
      'Ce mot de passe ne respecte pas encore toutes les règles',
    ],
    ['no confirmation', { confirm: '' }, 'confirm', 'Saisissez à nouveau le nouveau mot de passe.'],
    [
      'a confirmation that differs',
      { confirm: 'Velo-Rouge-Tuba-39!' },
      'confirm',
      'La confirmation ne correspond pas au nouveau mot de passe.',
    ],
  ];
  for (const [name, values, field, words] of cases) {
    it(`${name}: « Valider » stays usable, the field says why`, async () => {
      const { el, setup } = await loaded();
      await openForm(el);
      const fields = await fillForm(el, values);
      expect(button(el, FR.save).getAttribute('aria-disabled')).to.equal('false');
      await submit(el);
      await waitFor(() => expect(focused()).to.equal(`input: ${FR[field]}`));
      expect(fields[field].getAttribute('aria-invalid')).to.equal('true');
      expect(describedText(fields[field])).to.contain(words);
      expect(requestsOf(setup, 'POST')).to.have.length(0);
      // What was typed stays.
      for (const other of FIELDS) expect(fields[other].value).to.equal(values[other] ?? fields[other].value);
      await expect(el).to.be.accessible();
    });
  }

  it('the strength rule shows as unmet, with the meter and zxcvbn’s advice in French', async () => {
    const { el } = await loaded();
    await openForm(el);
    await fill(el, inputs(el).new, FRENCH_WORD_PASSWORD);
    await waitFor(() => expect(visibleText(el)).to.contain('Ajoutez des mots moins courants.'));
    expect(meterText(el)).to.equal('Moyen');
    expect(ruleLine(el, 'too_weak')).to.equal(
      '✗ Une robustesse au moins « Fort » sur l’indicateur ci-dessous : non satisfaite',
    );
  });
});
