/**
 * The English catalog is a chunk of its own, downloaded the first time an element is in English. Every
 * text an element shows on the way is in one language: never a message key, never a blank section after
 * a first render, never French on an English page.
 */
import { expect, fixture, html, fixtureCleanup } from '@open-wc/testing';
import '../../src/sel-redlist.js';
import { mockBackend } from '../helpers/mock-backend.js';
import { visibleText, waitFor } from '../helpers/queries.js';

const ENGLISH_CATALOG = /\/src\/i18n\/english\.(ts|js)$/;

// Counted as they come: the resource timing buffer is full of this page's own modules long before the tests.
let englishCatalogLoads = performance
  .getEntriesByType('resource')
  .filter((entry) => ENGLISH_CATALOG.test(new URL(entry.name).pathname)).length;
new PerformanceObserver((list) => {
  englishCatalogLoads += list.getEntries().filter((entry) => ENGLISH_CATALOG.test(new URL(entry.name).pathname)).length;
}).observe({ type: 'resource' });

function englishCatalogFetches(): number {
  return englishCatalogLoads;
}

/** Every text `element` shows from now on, one entry per change of its shadow tree. */
function recordTexts(element: HTMLElement): { texts: string[]; stop: () => void } {
  const texts: string[] = [];
  const observer = new MutationObserver(() => texts.push(visibleText(element).replace(/\s+/g, ' ').trim()));
  const watch = () => observer.observe(element.shadowRoot!, { subtree: true, childList: true, characterData: true });
  if (element.shadowRoot) watch();
  else queueMicrotask(watch);
  return { texts, stop: () => observer.disconnect() };
}

const FRENCH = 'Liste rouge';
const ENGLISH = 'Ex-directory (liste rouge)';
const KEY = /\b(common|redlist|error)\.[a-zA-Z.]+/;

describe('the English catalog, downloaded on first use', () => {
  afterEach(() => fixtureCleanup());

  it('a French page never downloads it', async () => {
    const setup = await mockBackend();
    const el = await fixture(html`<sel-redlist lang="fr" api-base=${setup.apiBase}></sel-redlist>`);
    await waitFor(() => expect(visibleText(el)).to.contain("Vous apparaissez dans l'annuaire public"));
    expect(englishCatalogFetches()).to.equal(0);
  });

  it('lang fr → en on the fly: the French stays until the English is here, then every text is English', async () => {
    const setup = await mockBackend();
    const el = await fixture<HTMLElement>(html`<sel-redlist lang="fr" api-base=${setup.apiBase}></sel-redlist>`);
    await waitFor(() => expect(visibleText(el)).to.contain("Vous apparaissez dans l'annuaire public"));
    const recorded = recordTexts(el);
    el.setAttribute('lang', 'en');
    await waitFor(() => expect(visibleText(el)).to.contain("You appear in the university's public directory"), 8000);
    recorded.stop();
    await waitFor(() => expect(englishCatalogFetches()).to.equal(1));
    expect(recorded.texts.length).to.be.greaterThan(0);
    for (const text of recorded.texts) {
      expect(text, 'a blank section').not.to.equal('');
      expect(text, 'a message key').not.to.match(KEY);
      const french = text.startsWith(FRENCH);
      const english = text.startsWith(ENGLISH);
      expect(french || english, `neither language: ${text}`).to.equal(true);
      if (english) expect(text, 'French left in English').not.to.contain('Modifier');
    }
    // And back: French is in the first module, so the switch is immediate.
    el.setAttribute('lang', 'fr');
    await waitFor(() => expect(visibleText(el)).to.contain("Vous apparaissez dans l'annuaire public"));
    expect(englishCatalogFetches()).to.equal(1);
  });

  it('an English element shows nothing before its catalog, then English only', async () => {
    const setup = await mockBackend();
    const holder = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    const el = document.createElement('sel-redlist');
    el.setAttribute('api-base', setup.apiBase);
    const texts: string[] = [];
    const observer = new MutationObserver(() => {
      if (el.shadowRoot) texts.push(visibleText(el).replace(/\s+/g, ' ').trim());
    });
    holder.append(el);
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    await waitFor(() => expect(visibleText(el)).to.contain("You appear in the university's public directory"), 8000);
    observer.disconnect();
    for (const text of texts.filter((shown) => shown !== '')) {
      expect(text, 'French on an English page').to.match(/^Ex-directory/);
      expect(text).not.to.match(KEY);
    }
  });
});
