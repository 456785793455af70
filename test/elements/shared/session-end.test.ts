/**
 * An expired CAS session as an ENT really answers it: the API sits behind a CAS filter that redirects to
 * its login page (same origin, or the CAS server's), or answers with the login page itself. Four elements
 * against a real HTTP server (the test runner's /contract-api), with the browser's own fetch.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../../src/index.js';
import type { SelPasswordChange, SelRedlist } from '../../../src/index.js';
import { PasswordStrengthController } from '../../../src/elements/password-change/strength-controller.js';
import { loadPasswordForm } from '../../../src/elements/password-change/form-loader.js';
import type { StrengthEngine } from '../../../src/elements/password-change/strength-engine.js';
import { DEMO_PASSWORD } from '../../../src/mocks/demo-account.js';
import { RestAdapter } from '../../../src/api/rest-adapter.js';
import { recordEvents } from '../../helpers/events.js';
import { getByRole, queryAllByRole, visibleText, waitFor } from '../../helpers/queries.js';
import { redlistLoaded, redlistSays, saveRedListed } from '../../helpers/redlist-harness.js';

/** A scope of the test server's contract API of this file's own: its faults reach no other file's page. */
const API = '/contract-api/scope/session-end';

const NEW_PASSWORD = 'Velo-Rouge-Tuba-93!';
const SESSION_ENDED = 'Votre session a expiré';

/** The strength meter is not what this file tests: a scorer that answers « très fort » at once. */
const instantEngine: StrengthEngine = {
  offMainThread: true,
  prepare: async () => undefined,
  score: async () => ({ score: 4, warning: null, suggestions: [] }),
};

/** A fresh adapter per test: elements with the same api-base would share the last test's account. */
function fourSections(adapter = new RestAdapter({ baseUrl: API })) {
  return html`<div>
    <sel-general-info .adapter=${adapter}></sel-general-info>
    <sel-phones .adapter=${adapter}></sel-phones>
    <sel-redlist .adapter=${adapter}></sel-redlist>
    <sel-password-change .adapter=${adapter}></sel-password-change>
  </div>`;
}

async function page() {
  await fetch(`${API}/__reset`, { method: 'POST' });
  const root = await fixture<HTMLElement>(fourSections());
  const redlist = root.querySelector<SelRedlist>('sel-redlist')!;
  const password = root.querySelector<SelPasswordChange>('sel-password-change')!;
  await redlistLoaded(redlist);
  await waitFor(() => getByRole(password.shadowRoot!, 'button', 'Changer de mot de passe…'));
  return { root, redlist, password };
}

function passwordInput(el: SelPasswordChange, name: string): HTMLInputElement {
  const [found] = queryAllByRole(el, 'textbox', name);
  if (!found) throw new Error(`no field ${name}`);
  return found as HTMLInputElement;
}

async function changePassword(el: SelPasswordChange): Promise<void> {
  getByRole(el.shadowRoot!, 'button', 'Changer de mot de passe…').click();
  await waitFor(() => passwordInput(el, 'Ancien mot de passe'));
  const values: [string, string][] = [
    ['Ancien mot de passe', DEMO_PASSWORD],
    ['Nouveau mot de passe', NEW_PASSWORD],
    ['Confirmation du nouveau mot de passe', NEW_PASSWORD],
  ];
  for (const [name, value] of values) {
    const field = passwordInput(el, name);
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
  await el.updateComplete;
  const [save] = queryAllByRole(el, 'button', 'Valider');
  save!.click();
}

async function endSession(as: string): Promise<void> {
  await fetch(`${API}/__session-ends?as=${as}`, { method: 'POST' });
}

describe('an expired CAS session (a real server behind a CAS filter)', () => {
  let events: ReturnType<typeof recordEvents>;
  // The password form's code is a chunk of its own (test/elements/password-change/form-loading.test.ts tests
  // its download): fetched once here, so that the first test's time goes to the session, not to the download.
  before(() => loadPasswordForm());
  const defaultEngine = PasswordStrengthController.engine;
  beforeEach(() => {
    events = recordEvents();
    PasswordStrengthController.engine = () => instantEngine;
  });
  afterEach(async () => {
    events.stop();
    fixtureCleanup();
    PasswordStrengthController.engine = defaultEngine;
    await fetch(`${API}/__reset`, { method: 'POST' });
  });

  for (const as of ['redirect', 'cas-redirect', 'temporary-redirect']) {
    it(`${as}: a password change is not « changé », keeps the fields, and the page hears sel-unauthorized once`, async () => {
      const { redlist, password } = await page();
      await endSession(as);
      await changePassword(password);
      await waitFor(() => expect(visibleText(password)).to.contain(SESSION_ENDED), 5000);
      expect(visibleText(password)).not.to.contain('Votre mot de passe a été changé');
      expect(passwordInput(password, 'Ancien mot de passe').value).to.equal(DEMO_PASSWORD);
      expect(passwordInput(password, 'Nouveau mot de passe').value).to.equal(NEW_PASSWORD);
      // A second section of the same ended session: its own message, no second event.
      await saveRedListed(redlist);
      await redlistSays(redlist, SESSION_ENDED);
      expect(events.of('sel-saved')).to.deep.equal([]);
      expect(events.of('sel-unauthorized')).to.have.length(1);
      expect(events.of('sel-error').map((event) => event.detail.kind)).to.deep.equal(['unauthorized', 'unauthorized']);
      // Nothing reached the login page: no body, If-Match or token replayed there.
      const seen = (await (await fetch(`${API}/__seen`)).json()) as { path: string }[];
      expect(seen.filter((request) => request.path.endsWith('/__login'))).to.deep.equal([]);
      await expect(password).to.be.accessible();
    });
  }

  it('a 200 login page in answer to a password change is an unexpected answer, not a success', async () => {
    const { password } = await page();
    await endSession('login-page');
    await changePassword(password);
    await waitFor(() => expect(visibleText(password)).to.contain('réponse inattendue'), 5000);
    expect(visibleText(password)).not.to.contain('Votre mot de passe a été changé');
    expect(passwordInput(password, 'Nouveau mot de passe').value).to.equal(NEW_PASSWORD);
    expect(events.of('sel-saved')).to.deep.equal([]);
  });

  it('four sections loading into an ended session: one sel-unauthorized for the page', async () => {
    await fetch(`${API}/__reset`, { method: 'POST' });
    await endSession('cas-redirect');
    const root = await fixture<HTMLElement>(fourSections());
    const sections = [
      ...root.querySelectorAll<HTMLElement>('sel-general-info, sel-phones, sel-redlist, sel-password-change'),
    ];
    // One failed load, one alert: one section says the session ended, the others point to it.
    await waitFor(
      () => expect(sections.filter((section) => visibleText(section).includes(SESSION_ENDED))).to.have.length(1),
      5000,
    );
    for (const section of sections.filter((each) => !visibleText(each).includes(SESSION_ENDED))) {
      expect(visibleText(section)).to.contain('« Réessayer »');
    }
    expect(events.of('sel-error')).to.have.length(4);
    expect(events.of('sel-unauthorized')).to.have.length(1);
  });
});
