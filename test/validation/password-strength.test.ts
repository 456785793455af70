import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { isStrengthScorerLoaded, loadStrengthScorer } from '../../src/validation/password-strength.js';

const CLAIRE_INPUTS = ['cmartin', 'Claire', 'Martin', 'poitiers', 'univ-poitiers'];

/** What the page fetches from now on (an observer, because the resource timing buffer may be full). */
function watchFetches(): () => PerformanceEntry[] {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ type: 'resource' });
  return () => [...entries, ...observer.takeRecords()];
}

describe('loadStrengthScorer', () => {
  it('loads lazily, once per language, even when asked twice at the same time', async () => {
    const fetched = watchFetches();
    expect(isStrengthScorerLoaded('fr')).to.equal(false);
    const first = loadStrengthScorer('fr');
    const second = loadStrengthScorer('fr');
    expect(second).to.equal(first);
    expect(isStrengthScorerLoaded('fr')).to.equal(false);

    const scorer = await first;
    expect(isStrengthScorerLoaded('fr')).to.equal(true);
    expect(await loadStrengthScorer('fr')).to.equal(scorer);
    expect(isStrengthScorerLoaded('en')).to.equal(false);
    const entries = fetched();
    const urls = entries.map((entry) => entry.name);
    // The lists are asked for with the loader, not once it has arrived and asks for zxcvbn: one round trip less.
    const lists = entries.find((entry) => entry.name.includes('/dictionaries/fr.'));
    const zxcvbn = entries.filter((entry) => entry.name.includes('@zxcvbn-ts/'));
    expect(zxcvbn).not.to.be.empty;
    expect(lists?.startTime).to.be.below(Math.min(...zxcvbn.map((entry) => entry.startTime)));
    expect(urls.filter((url) => url.includes('zxcvbn-loader'))).to.have.length(1);
    // The trimmed lists of src/validation/dictionaries, never the language packages' full ones.
    expect(urls.some((url) => url.includes('/dictionaries/fr.'))).to.equal(true);
    expect(urls.some((url) => url.includes('/dictionaries/en.'))).to.equal(false);
    expect(urls.some((url) => url.includes('@zxcvbn-ts/language-fr'))).to.equal(false);
  });

  it('keeps one scorer per language', async () => {
    const [french, english] = await Promise.all([loadStrengthScorer('fr'), loadStrengthScorer('en')]);
    expect(english).not.to.equal(french);
    expect(isStrengthScorerLoaded('en')).to.equal(true);
  });
});

describe('StrengthScorer', () => {
  it('scores "password" and a keyboard walk as weak', async () => {
    const scorer = await loadStrengthScorer('fr');
    expect(scorer.score('password').score).to.equal(0);
    expect(scorer.score('azertyuiop').score).to.be.at.most(1);
  });

  it('scores a long random passphrase as strong', async () => {
    const scorer = await loadStrengthScorer('fr');
    expect(scorer.score('vRq7-tuba-Plinthe-orage-9sé')).to.deep.equal({ score: 4, warning: null, suggestions: [] });
  });

  it('scores a password built from the person’s uid and names lower when told about them', async () => {
    const scorer = await loadStrengthScorer('fr');
    const password = 'cmartin2026Claire';
    expect(scorer.score(password, CLAIRE_INPUTS).score).to.be.below(scorer.score(password).score);
    expect(scorer.score('cmartin', CLAIRE_INPUTS).score).to.equal(0);
  });

  it('finds a user input written without its accents', async () => {
    const scorer = await loadStrengthScorer('fr');
    expect(scorer.score('perignac2026').score).to.be.at.least(3);
    expect(scorer.score('perignac2026', ['Pérignac']).score).to.be.at.most(1);
  });

  it('keeps a long paste cheap by scoring its beginning only', async () => {
    const scorer = await loadStrengthScorer('fr');
    const start = performance.now();
    expect(scorer.score('p@$$w0rd!'.repeat(120)).score).to.be.below(3);
    // Unbounded, zxcvbn takes several seconds on this; the bound is loose so a slow CI machine passes.
    expect(performance.now() - start).to.be.below(1000);
    expect(scorer.score('🔒'.repeat(70)).score).to.be.a('number');
  });

  it('scores any string, lone surrogates included, with a score from 0 to 4', async () => {
    const scorer = await loadStrengthScorer('en');
    const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
    const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 24 }), fc.string({ unit: anyUnit, maxLength: 24 }));
    fc.assert(
      fc.property(anyText, fc.array(anyText, { maxLength: 3 }), (password, userInputs) => {
        const { score, warning, suggestions } = scorer.score(password, userInputs);
        expect([0, 1, 2, 3, 4]).to.include(score);
        expect(warning === null || typeof warning === 'string').to.equal(true);
        expect(suggestions.every((suggestion) => typeof suggestion === 'string')).to.equal(true);
      }),
      { numRuns: 50 },
    );
  });

  it('gives feedback in French or in English', async () => {
    const [french, english] = await Promise.all([loadStrengthScorer('fr'), loadStrengthScorer('en')]);
    const inFrench = french.score('vbruneteau2026', ['vbruneteau']);
    const inEnglish = english.score('vbruneteau2026', ['vbruneteau']);
    expect(inFrench.warning).to.equal(
      'Le mot de passe ne doit pas comporter de données personnelles ou liées au site.',
    );
    expect(inEnglish.warning).to.equal('There should not be any personal or page related data.');
    expect(french.score('aaaaaaaa').suggestions).to.include('Évitez les mots et les caractères répétés.');
    expect(english.score('aaaaaaaa').suggestions).to.include('Avoid repeated words and characters.');
  });

  it('still knows every list in a scorer built after another one let its lists go', async () => {
    // Each scorer empties the lists it was built from once zxcvbn has ranked them: never the shared ones.
    // Imported here: a static import would load the dictionaries before the laziness test above.
    const { createStrengthScorer } = await import('../../src/validation/zxcvbn-loader.js');
    const first = await createStrengthScorer('fr');
    const second = await createStrengthScorer('fr');
    for (const scorer of [first, second]) {
      // "password" is in the common passwords list, "soleil" in the French words, "martin" in the surnames.
      expect(scorer.score('password').score).to.equal(0);
      expect(scorer.score('soleil').score).to.equal(0);
      expect(scorer.score('martin').score).to.equal(0);
    }
  });
});
