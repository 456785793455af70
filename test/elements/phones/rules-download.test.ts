/**
 * The phone rules are data the view does without: downloaded when editing starts or is about to (hover or
 * focus on « Modifier… »), once for the page, and never by a page that only shows the numbers.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { SelPhones } from '../../../src/sel-phones.js';
import { downloadOnce, downloadPhoneRules, type PhoneRules } from '../../../src/elements/phones/rules-download.js';
import { mockBackend } from '../../helpers/mock-backend.js';
import { visibleText, waitFor } from '../../helpers/queries.js';
import {
  alertText,
  allByRole,
  button,
  byRole,
  countFetches,
  deferred,
  focused,
  pause,
  sectionTestSetup,
  statusText,
} from '../../helpers/section.js';
import { EDIT, OFFICE, field, loaded, openForm } from './harness.js';

// This file never imports the phone rules itself: every fetch of them is the element's doing.
const phoneRulesFetches = countFetches(/\/src\/validation\/phone\.(ts|js)$/);
const fetchedAtImport = phoneRulesFetches();

/** Replaces the page's download of the rules for one test. */
function replaceDownload(download: () => Promise<PhoneRules>): () => void {
  const original = SelPhones.loadPhoneRules;
  SelPhones.loadPhoneRules = download;
  return () => {
    SelPhones.loadPhoneRules = original;
  };
}

describe('<sel-phones>: the phone rules are downloaded only for editing', () => {
  sectionTestSetup();

  it('importing and showing fetch nothing; hover, focus or « Modifier… » fetch the rules once, for every element', async () => {
    expect(fetchedAtImport, 'phone rules fetched before any <sel-phones> connected').to.equal(0);
    const setup = await mockBackend();
    const first = await loaded({}, setup);
    const second = await loaded({}, setup);
    expect(visibleText(first.el)).to.contain('05 49 45 49 99');
    expect(phoneRulesFetches(), 'phone rules fetched by the view').to.equal(0);
    button(second.el, EDIT).dispatchEvent(new PointerEvent('pointerenter'));
    await waitFor(() => expect(phoneRulesFetches()).to.equal(1));
    button(first.el, EDIT).focus();
    await openForm(first.el);
    await openForm(second.el);
    expect(field(first.el, OFFICE).value).to.equal('05 49 45 49 99');
    expect(phoneRulesFetches()).to.equal(1);
  });

  it('shows the numbers while the rules never arrive; « Modifier… » waits for them, then opens the form', async () => {
    const held = deferred<PhoneRules>();
    let asked = 0;
    const restore = replaceDownload(() => {
      asked++;
      return held.promise;
    });
    try {
      const setup = await mockBackend();
      const el = await fixture<SelPhones>(html`<sel-phones api-base=${setup.apiBase}></sel-phones>`);
      // The whole view, from the account alone: nothing of it waits for the rules.
      await waitFor(() => byRole(el, 'link', '05 49 45 49 99'));
      expect((byRole(el, 'link', '06 12 34 56 78') as HTMLAnchorElement).href).to.equal('tel:+33612345678');
      expect(statusText(el)).not.to.contain('Chargement');
      expect(asked, 'rules asked for by the view').to.equal(0);
      await expect(el).to.be.accessible();
      // Keyboard users get the prefetch too: focus alone starts the download.
      const edit = button(el, EDIT);
      edit.focus();
      expect(asked).to.equal(1);
      edit.click();
      await waitFor(() => expect(statusText(el)).to.contain('Chargement'));
      expect(edit.getAttribute('aria-disabled')).to.equal('true');
      expect(allByRole(el, 'textbox')).to.deep.equal([]);
      await expect(el).to.be.accessible();
      held.resolve(await downloadPhoneRules());
      await waitFor(() => expect(field(el, OFFICE).value).to.equal('05 49 45 49 99'));
      expect(focused()).to.equal(`input: ${OFFICE}`);
      expect(statusText(el)).not.to.contain('Chargement');
    } finally {
      restore();
    }
  });

  it('when the rules fail to download: the numbers still shown, the failure said, and « Réessayer » opens the form', async () => {
    const errors: unknown[][] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    let fail = true;
    const restore = replaceDownload(() =>
      fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : downloadPhoneRules(),
    );
    try {
      const setup = await mockBackend();
      const el = await fixture<SelPhones>(html`<sel-phones api-base=${setup.apiBase}></sel-phones>`);
      await waitFor(() => byRole(el, 'link', '05 49 45 49 99'));
      // A failed prefetch (hover) says nothing: the person has not asked for anything yet.
      button(el, EDIT).dispatchEvent(new PointerEvent('pointerenter'));
      await pause(50);
      expect(allByRole(el, 'alert')).to.deep.equal([]);
      button(el, EDIT).click();
      await waitFor(() => button(el, 'Réessayer'));
      expect(alertText(el)).to.contain("La vérification des numéros n'a pas pu être chargée");
      expect(focused()).to.equal('button: Réessayer');
      expect(byRole(el, 'link', '05 49 45 49 99').getAttribute('href')).to.equal('tel:+33549454999');
      expect(allByRole(el, 'button', EDIT)).to.deep.equal([]);
      await expect(el).to.be.accessible();
      expect(String(errors[0]?.[0])).to.contain('<sel-phones>');
      fail = false;
      button(el, 'Réessayer').click();
      await waitFor(() => expect(field(el, OFFICE).value).to.equal('05 49 45 49 99'));
      expect(allByRole(el, 'alert')).to.deep.equal([]);
    } finally {
      restore();
      console.error = consoleError;
    }
  });
});

describe('the download of the phone rules', () => {
  it('imports once, however many callers ask at the same time or later', async () => {
    let imports = 0;
    const rules = {} as PhoneRules;
    const download = downloadOnce(async () => {
      imports++;
      return rules;
    });
    const [first, second] = await Promise.all([download(), download()]);
    expect(await download()).to.equal(rules);
    expect([first, second]).to.deep.equal([rules, rules]);
    expect(imports).to.equal(1);
  });

  it('forgets a failed import, so that the next call tries again', async () => {
    let imports = 0;
    const rules = {} as PhoneRules;
    const download = downloadOnce(async () => {
      imports++;
      if (imports === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return rules;
    });
    let failure: unknown;
    await download().catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(TypeError);
    expect(await download()).to.equal(rules);
    expect(await download()).to.equal(rules);
    expect(imports).to.equal(2);
  });

  it('gives the phone rules themselves, the list rule with them, the same module every time', async () => {
    const rules = await downloadPhoneRules();
    expect(rules.parsePhone('05 49 45 49 99', 'FR')).to.deep.include({ ok: true, e164: '+33549454999' });
    expect(rules.MAX_PHONES).to.equal(10);
    expect(rules.checkPhones([{ type: 'office', number: '05 49 45 49 99' }])).to.deep.equal({
      ok: true,
      phones: [{ type: 'office', number: '+33549454999' }],
    });
    expect(await downloadPhoneRules()).to.equal(rules);
  });
});
