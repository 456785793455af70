/**
 * The strength meter: its dictionaries downloaded on the first focus of a password field (never with the
 * page), its words, its advice in the page language, its loading and failed states, and typing that never
 * waits for a score.
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  createStrengthWorker,
  mainThreadStrengthEngine,
  sharedStrengthEngine,
  WorkerStrengthEngine,
} from '../../../src/elements/password-change/strength-engine.js';
import { PasswordStrengthController } from '../../../src/elements/password-change/strength.js';
import type { StrengthResult } from '../../../src/validation/password-strength.js';
import { visibleText, waitFor } from '../../helpers/queries.js';
import {
  button,
  byRole,
  countFetches,
  deferred,
  fill,
  focused,
  pause,
  retype,
  textbox,
} from '../../helpers/section.js';
import {
  EN,
  FR,
  FRENCH_WORD_PASSWORD,
  ManualEngine,
  NEW_PASSWORD,
  fillForm,
  inputs,
  loaded,
  meterText,
  openForm,
  passwordTestSetup,
  result,
  ruleLine,
  submit,
  useEngine,
} from './support.js';

// Counted from the first module on: nothing of the strength scorer may be fetched until a password field
// gets focus (the worker's own fetches are the worker's, not the page's).
const strengthFetches = countFetches(/zxcvbn|validation\/dictionaries\/|strength-worker/);
const scorerFetches = countFetches(/zxcvbn/);
const loaderFetches = countFetches(/zxcvbn-loader/);
const frenchFetches = countFetches(/\/dictionaries\/fr\./);
const englishFetches = countFetches(/\/dictionaries\/en\./);

passwordTestSetup();

// First in the file: nothing has loaded the dictionaries into this page yet.
describe('the strength dictionaries load on first focus, never with the page', () => {
  it('starts no worker and fetches nothing before a password field gets focus; then scores in a worker', async () => {
    let workers = 0;
    const engine = new WorkerStrengthEngine(() => {
      workers++;
      return createStrengthWorker();
    });
    useEngine(engine);
    const { el } = await loaded();
    await pause(300);
    expect(workers, 'workers started before focus').to.equal(0);
    expect(strengthFetches(), 'fetched before focus').to.equal(0);

    await openForm(el);
    expect(focused()).to.equal(`input: ${FR.current}`);
    expect(workers).to.equal(1);
    expect(meterText(el)).to.equal("Chargement de l'indicateur de robustesse…");
    await expect(el).to.be.accessible();
    await waitFor(() => expect(meterText(el)).to.equal('Aucun mot de passe saisi'), 8000);

    await retype(el, textbox(el, FR.new), 'azerty');
    await waitFor(() => expect(meterText(el)).to.equal('Très faible'));
    expect(engine.offMainThread).to.equal(true);
    // Scored in the worker: the page itself never downloaded the scorer or a dictionary.
    expect(scorerFetches()).to.equal(0);
    expect(workers).to.equal(1);
  }).timeout(15000);

  it('without a worker, downloads the scorer and the page language’s dictionary on first focus only', async () => {
    useEngine(mainThreadStrengthEngine);
    const { el } = await loaded();
    await pause(300);
    expect(scorerFetches()).to.equal(0);
    await openForm(el);
    await waitFor(() => expect(meterText(el)).to.equal('Aucun mot de passe saisi'), 8000);
    expect(loaderFetches()).to.equal(1);
    expect(frenchFetches()).to.be.above(0);
    expect(englishFetches()).to.equal(0);
  }).timeout(15000);
});

describe('the strength meter', () => {
  it('says « Très faible » … « Très fort » in words, with aria-valuetext', async () => {
    const { el } = await loaded();
    await openForm(el);
    const meter = byRole(el, 'meter');
    expect(meter.getAttribute('aria-labelledby')).to.exist;
    for (const [password, level, score] of [
      ['azerty', 'Très faible', '0'],
      [FRENCH_WORD_PASSWORD, 'Moyen', '2'],
      [NEW_PASSWORD, 'Très fort', '4'],
    ] as const) {
      await fill(el, inputs(el).new, password);
      await waitFor(() => expect(meterText(el)).to.equal(level));
      expect(byRole(el, 'meter').getAttribute('aria-valuenow')).to.equal(score);
      expect(visibleText(el)).to.contain(`Robustesse du nouveau mot de passe ${level}`);
    }
    await expect(el).to.be.accessible();
  });

  it('uses the page language’s dictionary: a French word is weaker in French', async () => {
    const french = await loaded({ lang: 'fr' });
    await openForm(french.el);
    await fill(french.el, inputs(french.el).new, FRENCH_WORD_PASSWORD);
    await waitFor(() => expect(meterText(french.el)).to.equal('Moyen'));
    fixtureCleanup();
    const english = await loaded({ lang: 'en' });
    await openForm(english.el, EN);
    await fill(english.el, inputs(english.el, EN).new, FRENCH_WORD_PASSWORD);
    await waitFor(() => expect(meterText(english.el)).to.equal('Strong'));
  });

  it('counts the uid, the names and the strength-words as guessable, with advice in the page language', async () => {
    for (const [lang, warning] of [
      ['fr', 'Le mot de passe ne doit pas comporter de données personnelles ou liées au site.'],
      ['en', 'There should not be any personal or page related data.'],
    ] as const) {
      const plain = await loaded({ lang });
      await openForm(plain.el, plain.t);
      await fill(plain.el, inputs(plain.el, plain.t).new, 'Exemplia-2026');
      await waitFor(() => expect(byRole(plain.el, 'meter').getAttribute('aria-valuenow')).to.equal('4'));
      fixtureCleanup();

      const { el, t } = await loaded({ lang, strengthWords: 'exemplia, univ-exemplia' });
      await openForm(el, t);
      await fill(el, inputs(el, t).new, 'Exemplia-2026');
      await waitFor(() => expect(visibleText(el)).to.contain(warning));
      expect(byRole(el, 'meter').getAttribute('aria-valuenow')).to.equal('2');
      fixtureCleanup();
    }
  }).timeout(15000);

  it('says it is loading until the dictionaries arrive', async () => {
    const engine = new ManualEngine();
    useEngine(engine);
    const { el } = await loaded();
    await openForm(el);
    expect(engine.prepared).to.deep.equal(['fr']);
    await retype(el, inputs(el).new, 'abc');
    expect(meterText(el)).to.equal("Chargement de l'indicateur de robustesse…");
    expect(visibleText(el)).to.contain("Chargement de l'indicateur de robustesse…");
    expect(ruleLine(el, 'too_weak')).to.contain(': à vérifier');
    await expect(el).to.be.accessible();
    expect(engine.scores, 'scored before the dictionaries arrived').to.have.length(0);
    engine.preparing.resolve();
    await waitFor(() => expect(engine.scores.map((score) => score.password)).to.deep.equal(['abc']));
    expect(engine.scores[0]!.userInputs).to.include.members(['cmartin', 'Claire', 'Martin']);
    engine.scores[0]!.answer.resolve(result(1));
    await waitFor(() => expect(meterText(el)).to.equal('Faible'));
  });

  it('a score the meter already shows costs the keystroke no second render; a different one is shown', async () => {
    const engine = new ManualEngine();
    engine.preparing.resolve();
    useEngine(engine);
    // Answers every score asked so far with `answer`, until the last one asked is for `password`.
    const answerUpTo = (password: string, answer: StrengthResult) =>
      waitFor(() => {
        for (const score of engine.scores) score.answer.resolve(answer);
        expect(engine.scores.at(-1)?.password).to.equal(password);
      });
    const advice = { score: 1, warning: null, suggestions: ['Ajoutez des mots'] } as const;
    const { el } = await loaded();
    await openForm(el);
    await retype(el, inputs(el).new, 'abc');
    await answerUpTo('abc', { ...advice, suggestions: [...advice.suggestions] });
    await waitFor(() => expect(meterText(el)).to.equal('Faible'));
    let updates = 0;
    el.addController({ hostUpdate: () => updates++ });
    await sendKeys({ type: 'd' });
    await el.updateComplete;
    await waitFor(() => expect(engine.scores.at(-1)?.password).to.equal('abcd'));
    const afterKey = updates;
    expect(afterKey, 'the keystroke itself renders').to.be.greaterThan(0);
    engine.scores.at(-1)!.answer.resolve({ ...advice, suggestions: [...advice.suggestions] });
    await pause(50);
    await el.updateComplete;
    expect(updates, 'an equal score renders nothing').to.equal(afterKey);
    expect(meterText(el)).to.equal('Faible');
    expect(visibleText(el)).to.contain('Ajoutez des mots');
    await sendKeys({ type: 'e' });
    await answerUpTo('abcde', { score: 1, warning: null, suggestions: ['Évitez les suites'] });
    await waitFor(() => expect(visibleText(el)).to.contain('Évitez les suites'));
    await sendKeys({ type: 'f' });
    await answerUpTo('abcdef', result(3));
    await waitFor(() => expect(meterText(el)).to.equal('Fort'));
    expect(visibleText(el)).not.to.contain('Évitez les suites');
  });

  it('when the dictionaries cannot be loaded, says so and leaves the strength rule to the server', async () => {
    const engine = new ManualEngine();
    useEngine(engine);
    const { el, setup } = await loaded();
    await openForm(el);
    engine.preparing.reject(new TypeError('Failed to fetch dynamically imported module'));
    await waitFor(() =>
      expect(meterText(el)).to.equal('Indicateur indisponible : le serveur vérifiera votre mot de passe.'),
    );
    await fillForm(el);
    expect(ruleLine(el, 'too_weak')).to.equal(
      'i Une robustesse au moins « Fort » sur l’indicateur ci-dessous : vérifiée par le serveur',
    );
    await expect(el).to.be.accessible();
    await submit(el);
    await waitFor(() => expect(setup.backend.currentPassword).to.equal(NEW_PASSWORD), 8000);
  }).timeout(12000);

  it('after a failed download, tries again when a field gets focus, not at every keystroke', async () => {
    const engine = new ManualEngine();
    engine.preparing.reject(new TypeError('Failed to fetch dynamically imported module'));
    useEngine(engine);
    const { el } = await loaded();
    await openForm(el);
    await waitFor(() =>
      expect(meterText(el)).to.equal('Indicateur indisponible : le serveur vérifiera votre mot de passe.'),
    );
    await retype(el, inputs(el).new, 'abcdef');
    await el.updateComplete;
    expect(engine.prepared, 'one try per focus').to.deep.equal(['fr', 'fr']);
    expect(meterText(el)).to.equal('Indicateur indisponible : le serveur vérifiera votre mot de passe.');
    engine.preparing = deferred<void>();
    engine.preparing.resolve();
    inputs(el).confirm.focus();
    await waitFor(() => expect(engine.scores.map((score) => score.password)).to.deep.equal(['abcdef']));
    engine.scores[0]!.answer.resolve(result(0));
    await waitFor(() => expect(meterText(el)).to.equal('Très faible'));
  });

  it('scores only the latest value and drops results for values typed over', async () => {
    const engine = new ManualEngine();
    engine.preparing.resolve();
    useEngine(engine);
    const { el } = await loaded();
    await openForm(el);
    const field = inputs(el).new;
    await fill(el, field, 'a');
    await fill(el, field, 'ab');
    await fill(el, field, 'abc');
    // One score on its way ("a"); "ab" was replaced by "abc" before it could be sent.
    expect(engine.scores.map((score) => score.password)).to.deep.equal(['a']);
    engine.scores[0]!.answer.resolve(result(4));
    await waitFor(() => expect(engine.scores.map((score) => score.password)).to.deep.equal(['a', 'abc']));
    await el.updateComplete;
    expect(meterText(el), 'the result for "a" is shown for "abc"').not.to.equal('Très fort');
    engine.scores[1]!.answer.resolve(result(1));
    await waitFor(() => expect(meterText(el)).to.equal('Faible'));
  });

  it('without a worker, scores on the main thread only once typing pauses, never between two keystrokes', async () => {
    const engine = new ManualEngine(false);
    engine.preparing.resolve();
    useEngine(engine);
    const { el } = await loaded();
    await openForm(el);
    const field = inputs(el).new;
    await waitFor(() => expect(meterText(el)).to.equal('Aucun mot de passe saisi'));
    await fill(el, field, 'V');
    // The first characters score at once: a few milliseconds, and the meter has something to say.
    expect(engine.scores.map((score) => score.password)).to.deep.equal(['V']);
    engine.scores[0]!.answer.resolve(result(0));
    await waitFor(() => expect(meterText(el)).to.equal('Très faible'));
    // A fast typist: one keystroke after another, well within the pause the scorer waits for.
    for (let length = 2; length <= NEW_PASSWORD.length; length++) {
      await fill(el, field, NEW_PASSWORD.slice(0, length));
    }
    expect(
      engine.scores.map((score) => score.password),
      'scored between two keystrokes',
    ).to.deep.equal(['V']);
    await waitFor(() => expect(engine.scores.map((score) => score.password)).to.deep.equal(['V', NEW_PASSWORD]));
    engine.scores[1]!.answer.resolve(result(4));
    await waitFor(() => expect(meterText(el)).to.equal('Très fort'));
  });

  it('a scorer that never answers does not hold « Valider »: the submit goes on, the server has the last word', async () => {
    const engine = new ManualEngine();
    engine.preparing.resolve();
    useEngine(engine);
    const { el, setup } = await loaded();
    await openForm(el);
    await fillForm(el);
    await submit(el);
    expect(button(el, FR.save).getAttribute('aria-disabled'), 'waiting for the score').to.equal('true');
    await waitFor(() => expect(setup.backend.currentPassword).to.equal(NEW_PASSWORD), 9000);
    await waitFor(() => expect(focused()).to.match(new RegExp(`^status: ${FR.saved}`)));
  }).timeout(15000);

  it('keeps typing responsive: as shipped, every score runs in the worker, none on the main thread', async () => {
    const scoreOnMainThread = mainThreadStrengthEngine.score;
    const mainThreadScores: string[] = [];
    mainThreadStrengthEngine.score = (language, password, userInputs) => {
      mainThreadScores.push(password);
      return scoreOnMainThread(language, password, userInputs);
    };
    try {
      const { el } = await loaded();
      await openForm(el);
      await waitFor(() => expect(meterText(el)).to.equal('Aucun mot de passe saisi'), 8000);
      const field = inputs(el).new;
      const long = 'p@$$w0rd!4e3i1o0s5'.repeat(4);
      field.focus();
      await sendKeys({ type: long });
      await waitFor(() => expect(byRole(el, 'meter').getAttribute('aria-valuenow')).to.equal('4'));
      expect(field.value).to.equal(long);
      // Every element shares the worker engine, and in this browser the worker runs.
      expect(PasswordStrengthController.engine).to.equal(sharedStrengthEngine);
      expect(sharedStrengthEngine().offMainThread).to.equal(true);
      expect(mainThreadScores, 'scores run on the main thread').to.deep.equal([]);
    } finally {
      mainThreadStrengthEngine.score = scoreOnMainThread;
    }
  }).timeout(15000);
});
