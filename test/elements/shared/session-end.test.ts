/**
 * An expired CAS session as an ENT really answers it: the API sits behind a CAS filter that redirects to
 * its login page (same origin, or the CAS server's), or answers with the login page itself. Four elements
 * against a real HTTP server (the test runner's /contract-api), with the browser's own fetch; then a save
 * that is the first request to meet the redirect, answered by the msw worker.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { http } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { ReactiveElement } from 'lit';
import '../../../src/index.js';
import type { SelPasswordChange, SelRedlist } from '../../../src/index.js';
import { PasswordStrengthController } from '../../../src/elements/password-change/strength.js';
import type { StrengthEngine } from '../../../src/elements/password-change/strength-engine.js';
import { DEMO_PASSWORD } from '../../../src/mocks/demo-account.js';
import { MemoryAdapter } from '../../../src/mocks/memory-adapter.js';
import { createSelHandlers } from '../../../src/mocks/handlers.js';
import { RestAdapter } from '../../../src/api/rest-adapter.js';
import { visibleText, waitFor } from '../../helpers/queries.js';
import { redlistChoice, redlistLoaded, redlistSays, saveRedListed } from '../../helpers/redlist-harness.js';
import { alertText, button, fill, press, retype, sectionTestSetup, textbox } from '../../helpers/section.js';

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
  await waitFor(() => button(password, 'Changer de mot de passe…'));
  return { root, redlist, password };
}

async function changePassword(el: SelPasswordChange): Promise<void> {
  button(el, 'Changer de mot de passe…').click();
  await waitFor(() => textbox(el, 'Ancien mot de passe'));
  const values: [string, string][] = [
    ['Ancien mot de passe', DEMO_PASSWORD],
    ['Nouveau mot de passe', NEW_PASSWORD],
    ['Confirmation du nouveau mot de passe', NEW_PASSWORD],
  ];
  for (const [name, value] of values) await fill(el, textbox(el, name), value);
  button(el, 'Valider').click();
}

async function endSession(as: string): Promise<void> {
  await fetch(`${API}/__session-ends?as=${as}`, { method: 'POST' });
}

describe('an expired CAS session (a real server behind a CAS filter)', () => {
  const portal = sectionTestSetup();
  const defaultEngine = PasswordStrengthController.engine;
  beforeEach(() => {
    PasswordStrengthController.engine = () => instantEngine;
  });
  afterEach(async () => {
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
      expect(textbox(password, 'Ancien mot de passe').value).to.equal(DEMO_PASSWORD);
      expect(textbox(password, 'Nouveau mot de passe').value).to.equal(NEW_PASSWORD);
      // A second section of the same ended session: its own message, no second event.
      await saveRedListed(redlist);
      await redlistSays(redlist, SESSION_ENDED);
      expect(portal.events.of('sel-saved')).to.deep.equal([]);
      expect(portal.events.of('sel-unauthorized')).to.have.length(1);
      expect(portal.events.of('sel-error').map((event) => event.detail.kind)).to.deep.equal([
        'unauthorized',
        'unauthorized',
      ]);
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
    expect(textbox(password, 'Nouveau mot de passe').value).to.equal(NEW_PASSWORD);
    expect(portal.events.of('sel-saved')).to.deep.equal([]);
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
    expect(portal.events.of('sel-error')).to.have.length(4);
    expect(portal.events.of('sel-unauthorized')).to.have.length(1);
  });
});

let worker: SetupWorker | undefined;
let started: Promise<unknown> | undefined;
let backends = 0;

/**
 * A backend whose session ends once the account is loaded: the msw worker answers GET /account from the
 * mock backend, then PATCH and POST with a 302 to the CAS login page, as the filter in front of an ENT
 * API does. Started after the tests above, which ask the real server: they never meet the worker.
 */
async function sessionEndsAfterLoad() {
  worker ??= setupWorker();
  started ??= worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  await started;
  const apiBase = `/api/session-end-${Date.now()}-${++backends}`;
  const backend = new MemoryAdapter();
  const login = `${apiBase}/cas/login`;
  const atLogin: string[] = [];
  const toLogin = ({ request }: { request: Request }) =>
    new Response(null, {
      status: 302,
      headers: { Location: `${login}?service=${encodeURIComponent(request.url)}` },
    });
  worker.use(...createSelHandlers({ backend, baseUrl: apiBase }));
  // Used after the mock backend's, so they answer first.
  worker.use(
    http.patch(`${apiBase}/account`, toLogin),
    http.post(`${apiBase}/account/password`, toLogin),
    http.all(`${login}`, ({ request }) => {
      atLogin.push(`${request.method} ${request.url}`);
      return new Response('<!doctype html><title>CAS</title>', { headers: { 'Content-Type': 'text/html' } });
    }),
  );
  return { apiBase, backend, atLogin };
}

describe('a save redirected to the login page, the first request of an ended session (msw worker)', () => {
  const portal = sectionTestSetup();
  after(() => worker?.resetHandlers());

  it('<sel-redlist>: « Non » stays chosen, the section says the session ended, the page hears sel-unauthorized', async () => {
    const { apiBase, backend, atLogin } = await sessionEndsAfterLoad();
    const el = await fixture<SelRedlist>(html`<sel-redlist api-base=${apiBase}></sel-redlist>`);
    await redlistLoaded(el);
    await saveRedListed(el);
    await redlistSays(el, SESSION_ENDED);
    expect(alertText(el)).to.contain(SESSION_ENDED);
    expect(redlistChoice(el), '« Non » still chosen').to.equal(true);
    expect(visibleText(el)).not.to.contain('Votre choix est enregistré');
    expect(portal.events.of('sel-saved')).to.deep.equal([]);
    expect(portal.events.of('sel-unauthorized')).to.have.length(1);
    expect(portal.events.of('sel-error').map((event) => event.detail)).to.deep.equal([
      { section: 'redList', operation: 'save', kind: 'unauthorized' },
    ]);
    expect(backend.calls.save, 'the PATCH never reached the account').to.equal(0);
    expect(atLogin, 'nothing followed the redirect').to.deep.equal([]);
  });

  it('<sel-general-info>: the website typed stays in its field, the section says the session ended', async () => {
    const typed = 'https://perso.univ-exemple.fr/claire';
    const { apiBase, backend, atLogin } = await sessionEndsAfterLoad();
    const el = await fixture<ReactiveElement>(html`<sel-general-info api-base=${apiBase}></sel-general-info>`);
    await waitFor(() => button(el, 'Modifier… (site web)'), 8000);
    await press(el, 'Modifier… (site web)');
    await retype(el, await waitFor(() => textbox(el, 'Site web')), typed);
    await press(el, 'Valider');
    await waitFor(() => expect(alertText(el)).to.contain(SESSION_ENDED), 5000);
    expect(textbox(el, 'Site web').value).to.equal(typed);
    expect(portal.events.of('sel-saved')).to.deep.equal([]);
    expect(portal.events.of('sel-unauthorized')).to.have.length(1);
    expect(portal.events.of('sel-error').map((event) => event.detail.kind)).to.deep.equal(['unauthorized']);
    expect(backend.account.website).to.equal(new MemoryAdapter().account.website);
    expect(atLogin).to.deep.equal([]);
  });
});
