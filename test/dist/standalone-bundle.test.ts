/**
 * dist/sel-widgets.js as a portal without a build step uses it: a plain HTML page served with
 * `Content-Security-Policy: default-src 'self'` (test/fixtures/csp-page.html) loads the file with one
 * script tag and holds the four elements with `api-base`, against a real HTTP server speaking the contract
 * (the mock backend behind /contract-api, not MSW). `npm test` builds the file first.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { getByRole, visibleText, waitFor } from '../helpers/queries.js';

const TAGS = ['sel-general-info', 'sel-phones', 'sel-redlist', 'sel-password-change'] as const;

type CspWindow = Window & { cspViolations: string[]; unauthorizedEvents?: number };

let frame: HTMLIFrameElement;

function frameWindow(): CspWindow {
  return frame.contentWindow as CspWindow;
}

function shadowOf(tag: (typeof TAGS)[number]): ShadowRoot {
  const root = frame.contentDocument?.querySelector(tag)?.shadowRoot;
  if (!root) throw new Error(`<${tag}> has not rendered`);
  return root;
}

function showsAccount(tag: (typeof TAGS)[number]): boolean {
  const root = frame.contentDocument?.querySelector(tag)?.shadowRoot;
  if (!root?.querySelector('[role="heading"]')) return false;
  return ![...root.querySelectorAll('[role="status"]')].some((node) => node.textContent?.includes('Chargement'));
}

async function openPage(page = '/test/fixtures/csp-page.html'): Promise<void> {
  await fetch('/contract-api/__reset', { method: 'POST' });
  frame = document.createElement('iframe');
  frame.style.width = '900px';
  frame.style.height = '2000px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = page;
  document.body.append(frame);
  await loaded;
  await waitFor(() => expect(TAGS.filter((tag) => !showsAccount(tag))).to.deep.equal([]), 8000);
}

describe('dist/sel-widgets.js on a plain page under a strict CSP', () => {
  afterEach(() => frame?.remove());

  it('is one ES module with no bare import left', async () => {
    const source = await (await fetch('/dist/sel-widgets.js')).text();
    const specifiers = [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'`]([^"'`]+)["'`]/g)].map(
      (match) => match[1]!,
    );
    expect(specifiers.filter((specifier) => !specifier.startsWith('./') && !specifier.startsWith('../'))).to.deep.equal(
      [],
    );
    // Its static imports: none. Only the lazy parts (phone rules, strength scorer) are separate files.
    expect(source).not.to.match(/(^|[;}\s])import\s*[{*\w][^(]*?from\s*["'`]/);
  });

  it('defines the four elements, which show the account from one GET, with no CSP violation', async () => {
    await openPage();
    expect(visibleText(frame.contentDocument!.querySelector('sel-general-info')!)).to.contain('cmartin');
    expect(visibleText(frame.contentDocument!.querySelector('sel-phones')!)).to.contain('05 49 45 49 99');
    expect(frameWindow().cspViolations).to.deep.equal([]);
    // The four elements share one adapter (same api-base): one request for the whole page.
    const own = frame.contentWindow!.performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(own.filter((name) => name.endsWith('/contract-api/account'))).to.have.length(1);
  });

  it('is complete without the phone rules: fetched on hover or focus of « Modifier… », the form opens', async () => {
    await openPage();
    const fetched = () => frame.contentWindow!.performance.getEntriesByType('resource').map((entry) => entry.name);
    const phoneRules = () => fetched().filter((name) => /\/sel-widgets-phone-[^/]*\.js$/.test(name));
    // All four sections show the account, and the phones their numbers, with no phone rules fetched.
    expect(visibleText(frame.contentDocument!.querySelector('sel-phones')!)).to.contain('06 12 34 56 78');
    expect(phoneRules()).to.deep.equal([]);
    const phones = shadowOf('sel-phones');
    const edit = getByRole(phones, 'button', 'Modifier… (numéros de téléphone)');
    edit.focus();
    await waitFor(() => expect(phoneRules()).to.have.length(1));
    edit.click();
    await waitFor(() => getByRole(phones, 'textbox', 'Numéro 1 (Bureau)'));
    expect((getByRole(phones, 'textbox', 'Numéro 1 (Bureau)') as HTMLInputElement).value).to.equal('05 49 45 49 99');
    expect(phoneRules()).to.have.length(1);
    expect(frameWindow().cspViolations).to.deep.equal([]);
  });

  it('opens the password form with nothing more fetched: the form is in the first module, only the scorer follows', async () => {
    await openPage();
    const fetched = () => frame.contentWindow!.performance.getEntriesByType('resource').map((entry) => entry.name);
    const before = fetched().length;
    const password = shadowOf('sel-password-change');
    getByRole(password, 'button', 'Changer de mot de passe…').click();
    const element = frame.contentDocument!.querySelector('sel-password-change')!;
    await waitFor(() => getByRole(element, 'textbox', 'Ancien mot de passe'));
    // Only the strength scorer may follow (focus lands in a password field): no code of the form itself.
    expect(
      fetched()
        .slice(before)
        .filter((name) => !/\/sel-widgets-(worker-|zxcvbn-loader-|fr-|en-)/.test(name)),
    ).to.deep.equal([]);
    expect(fetched().filter((name) => /\/sel-widgets\.js$/.test(name))).to.have.length(1);
    expect(frameWindow().cspViolations).to.deep.equal([]);
  });

  it('saves through the real HTTP contract', async () => {
    await openPage();
    const redlist = shadowOf('sel-redlist');
    getByRole(redlist, 'button', 'Modifier… (liste rouge)').click();
    // « Apparaître dans l'annuaire public ? » Non: the liste rouge.
    await waitFor(() => getByRole(redlist, 'radio', 'Non'));
    getByRole(redlist, 'radio', 'Non').click();
    getByRole(redlist, 'button', 'Valider').click();
    await waitFor(() => expect(getByRole(redlist, 'status').textContent).to.contain('Votre choix est enregistré'));
    const account = (await (await fetch('/contract-api/account')).json()) as { redList: boolean };
    expect(account.redList).to.equal(true);
    expect(visibleText(frame.contentDocument!.querySelector('sel-redlist')!)).to.contain('inscrit(e) en liste rouge');
    expect(frameWindow().cspViolations).to.deep.equal([]);
  });

  it('scores a password in its worker once a field has focus, still with no CSP violation', async function () {
    // The first focus downloads the scorer and the French dictionary (about 470 kB compressed).
    this.timeout(30000);
    await openPage();
    const section = frame.contentDocument!.querySelector('sel-password-change')!;
    getByRole(section.shadowRoot!, 'button', 'Changer de mot de passe…').click();
    const field = await waitFor(() => {
      const input = section.querySelector<HTMLInputElement>('input[autocomplete="new-password"]');
      if (!input) throw new Error('no new password field');
      return input;
    });
    field.focus();
    await sendKeys({ type: 'azerty123' });
    const meter = () => section.querySelector('[role="meter"]')?.getAttribute('aria-valuetext');
    const levels = ['Très faible', 'Faible', 'Moyen', 'Fort', 'Très fort'];
    await waitFor(() => expect(levels).to.include(meter()), 15000);
    const loaded = frame.contentWindow!.performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(loaded.some((name) => /sel-widgets-worker-strength-worker-/.test(name))).to.equal(true);
    expect(frameWindow().cspViolations).to.deep.equal([]);
  });

  it('takes a CAS redirect for the end of the session: nothing saved, one sel-unauthorized, no violation', async () => {
    await openPage();
    await fetch('/contract-api/__session-ends?as=cas-redirect', { method: 'POST' });
    const redlist = shadowOf('sel-redlist');
    const events: string[] = [];
    frame.contentDocument!.addEventListener('sel-unauthorized', () => events.push('sel-unauthorized'));
    frame.contentDocument!.addEventListener('sel-saved', () => events.push('sel-saved'));
    getByRole(redlist, 'button', 'Modifier… (liste rouge)').click();
    await waitFor(() => getByRole(redlist, 'radio', 'Non'));
    getByRole(redlist, 'radio', 'Non').click();
    getByRole(redlist, 'button', 'Valider').click();
    await waitFor(() => expect(visibleText(redlist.host)).to.contain('Votre session a expiré'));
    // The choice the person made is still there for when they have logged in again.
    expect((getByRole(redlist, 'radio', 'Non') as HTMLInputElement).checked).to.equal(true);
    expect(events).to.deep.equal(['sel-unauthorized']);
    expect(frameWindow().cspViolations).to.deep.equal([]);
  });
});

describe("dist/sel-widgets.js under Trusted Types, beside the portal's own Lit", () => {
  afterEach(() => frame?.remove());
  const page = '/test/fixtures/csp-trusted-types-page.html';

  it('loads, shows the account and saves, with no violation report', async () => {
    await openPage(page);
    const redlist = shadowOf('sel-redlist');
    getByRole(redlist, 'button', 'Modifier… (liste rouge)').click();
    await waitFor(() => getByRole(redlist, 'radio', 'Non'));
    getByRole(redlist, 'radio', 'Non').click();
    getByRole(redlist, 'button', 'Valider').click();
    await waitFor(() => expect(getByRole(redlist, 'status').textContent).to.contain('Votre choix est enregistré'));
    expect(frameWindow().cspViolations).to.deep.equal([]);
  });

  it('starts the strength worker through its own policy: scored off the page, no violation', async function () {
    this.timeout(30000);
    await openPage(page);
    const section = frame.contentDocument!.querySelector('sel-password-change')!;
    getByRole(section.shadowRoot!, 'button', 'Changer de mot de passe…').click();
    const field = await waitFor(() => {
      const input = section.querySelector<HTMLInputElement>('input[autocomplete="new-password"]');
      if (!input) throw new Error('no new password field');
      return input;
    });
    field.focus();
    await sendKeys({ type: 'azerty123' });
    const meter = () => section.querySelector('[role="meter"]')?.getAttribute('aria-valuetext');
    await waitFor(() => expect(['Très faible', 'Faible', 'Moyen', 'Fort', 'Très fort']).to.include(meter()), 15000);
    const loaded = frame.contentWindow!.performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(loaded.some((name) => /sel-widgets-worker-strength-worker-/.test(name))).to.equal(true);
    expect(frameWindow().cspViolations).to.deep.equal([]);
  });

  it('ends the session once for the page on a redirect, with no violation', async () => {
    await openPage(page);
    await fetch('/contract-api/__session-ends?as=redirect', { method: 'POST' });
    const redlist = shadowOf('sel-redlist');
    getByRole(redlist, 'button', 'Modifier… (liste rouge)').click();
    await waitFor(() => getByRole(redlist, 'radio', 'Non'));
    getByRole(redlist, 'radio', 'Non').click();
    getByRole(redlist, 'button', 'Valider').click();
    await waitFor(() => expect(visibleText(redlist.host)).to.contain('Votre session a expiré'));
    // A second section of the same ended session says so too; the portal hears it once.
    const info = shadowOf('sel-general-info');
    getByRole(info, 'button', 'Modifier… (site web)').click();
    const website = (await waitFor(() => getByRole(info, 'textbox', 'Site web'))) as HTMLInputElement;
    website.value = 'https://perso.univ-exemple.fr/nouveau';
    website.dispatchEvent(new Event('input', { bubbles: true }));
    getByRole(info, 'button', 'Valider').click();
    await waitFor(() => expect(visibleText(info.host)).to.contain('Votre session a expiré'));
    expect(website.value).to.equal('https://perso.univ-exemple.fr/nouveau');
    expect(frameWindow().unauthorizedEvents).to.equal(1);
    expect(frameWindow().cspViolations).to.deep.equal([]);
  });
});
