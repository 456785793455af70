/**
 * « Se connecter »: a backend on another origin whose adapter names its login, and no session there yet.
 * The failure's section offers the login in a popup; once the popup is closed, the four sections load the
 * account. `window.open` is a stub here (a test page opens no window), and so is the page's navigation.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/index.js';
import type { SelAdapter } from '../../../src/api/adapter.js';
import { RestAdapter } from '../../../src/api/rest-adapter.js';
import { pageNavigation } from '../../../src/elements/shared/login-popup.js';
import { mockBackend, type TestBackend } from '../../helpers/mock-backend.js';
import { queryAllByRole, queryByRole, visibleText, waitFor } from '../../helpers/queries.js';
import { button, byRole, pause, sectionTestSetup } from '../../helpers/section.js';

const LOGIN_URL = 'https://moncompte.univ-exemple.fr/auth/login';
const TAGS = ['sel-general-info', 'sel-phones', 'sel-redlist', 'sel-password-change'];
const LOADED = /^(Modifier…|Changer de mot de passe…)/;

/** The popup as the page sees it: `closed` turns true when the login's last page (or the person) closes it. */
interface StubPopup {
  closed: boolean;
}

interface OpenCall {
  url: string;
  target: string;
  features: string;
}

const realOpen = window.open;
const realAssign = pageNavigation.assign;
let opened: OpenCall[];
let navigations: string[];

/** `window.open` answers `popup`, or `null` as a popup blocker makes it. */
function stubOpen(popup: StubPopup | null): void {
  window.open = (url?: string | URL, target?: string, features?: string) => {
    opened.push({ url: String(url), target: target ?? '', features: features ?? '' });
    return popup as Window | null;
  };
}

/** The four sections of a portal page on one adapter, which counts its loads. */
async function portalPage(setup: TestBackend, loginUrl: string | undefined) {
  const rest = new RestAdapter({ baseUrl: setup.apiBase, ...(loginUrl !== undefined && { loginUrl }) });
  let loads = 0;
  const adapter: SelAdapter = {
    loginUrl: rest.loginUrl,
    getAccount: (options) => {
      loads++;
      return rest.getAccount(options);
    },
    updateAccount: (patch, version, options) => rest.updateAccount(patch, version, options),
    changePassword: (change, options) => rest.changePassword(change, options),
  };
  const root = await fixture<HTMLElement>(
    html`<main>
      <sel-general-info lang="fr" .adapter=${adapter}></sel-general-info>
      <sel-phones lang="fr" .adapter=${adapter}></sel-phones>
      <sel-redlist lang="fr" .adapter=${adapter}></sel-redlist>
      <sel-password-change lang="fr" .adapter=${adapter}></sel-password-change>
    </main>`,
  );
  const sections = TAGS.map((tag) => root.querySelector<HTMLElement>(tag)!);
  return { root, sections, loads: () => loads };
}

async function failedWithoutSession(setup: TestBackend, loginUrl: string | undefined) {
  setup.backend.setFault('load', 'unauthorized');
  const page = await portalPage(setup, loginUrl);
  await waitFor(() => expect(queryAllByRole(page.root, 'alert')).to.have.length(1), 8000);
  return page;
}

describe('« Se connecter » when the backend names its login', () => {
  const portal = sectionTestSetup();
  beforeEach(() => {
    opened = [];
    navigations = [];
    pageNavigation.assign = (url) => void navigations.push(url);
  });
  afterEach(() => {
    window.open = realOpen;
    pageNavigation.assign = realAssign;
  });

  it('offers « Se connecter »; the login opens in a popup; once it is closed, the four sections show the account', async () => {
    const setup = await mockBackend();
    const { root, sections, loads } = await failedWithoutSession(setup, LOGIN_URL);
    const [first, ...others] = sections;
    const alert = byRole(first!, 'alert');
    expect(visibleText(alert)).to.contain('Vous devez vous connecter au service « Mon compte »');
    expect(visibleText(alert)).not.to.contain('Reconnectez-vous');
    expect(queryAllByRole(root, 'button', 'Se connecter')).to.have.length(1);
    expect(queryByRole(root, 'button', 'Réessayer')).to.equal(null);
    for (const other of others) {
      await waitFor(() =>
        expect(visibleText(other)).to.contain('bouton « Se connecter » de la section « Informations générales »'),
      );
    }
    // The portal still hears that there is no session, once.
    expect(portal.events.of('sel-unauthorized')).to.have.length(1);
    await expect(first).to.be.accessible();

    const popup: StubPopup = { closed: false };
    stubOpen(popup);
    button(first!, 'Se connecter').click();
    expect(opened).to.deep.equal([
      {
        url: `${LOGIN_URL}?return=${encodeURIComponent('/auth/done')}`,
        target: 'sel-login',
        features: 'popup,width=520,height=640',
      },
    ]);
    expect(navigations).to.deep.equal([]);

    // The person logs in in the popup: nothing is loaded while it is open, even on the page's focus.
    setup.backend.clearFault('load');
    const before = loads();
    await pause(1200);
    window.dispatchEvent(new Event('focus'));
    expect(loads(), 'loads while the popup is open').to.equal(before);

    popup.closed = true;
    await waitFor(() => expect(queryAllByRole(root, 'button', LOADED)).to.have.length(4), 8000);
    expect(loads(), 'one load for the four sections').to.equal(before + 1);
    expect(queryAllByRole(root, 'alert')).to.have.length(0);
    await expect(first).to.be.accessible();
  });

  it('loads again at once when the page gets the focus back with the popup closed', async () => {
    const setup = await mockBackend();
    const { root, sections, loads } = await failedWithoutSession(setup, LOGIN_URL);
    const popup: StubPopup = { closed: false };
    stubOpen(popup);
    button(sections[0]!, 'Se connecter').click();
    setup.backend.clearFault('load');
    const before = loads();
    popup.closed = true;
    window.dispatchEvent(new Event('focus'));
    expect(loads(), 'loaded on focus, before the next look at the popup').to.equal(before + 1);
    await waitFor(() => expect(queryAllByRole(root, 'button', LOADED)).to.have.length(4), 8000);
    // The watch is over: more focus loads nothing more.
    window.dispatchEvent(new Event('focus'));
    await pause(700);
    expect(loads()).to.equal(before + 1);
  });

  it('a blocked popup: the page itself goes to the login, to come back to this page', async () => {
    const setup = await mockBackend();
    const { sections } = await failedWithoutSession(setup, LOGIN_URL);
    stubOpen(null);
    button(sections[0]!, 'Se connecter').click();
    expect(opened).to.have.length(1);
    expect(navigations).to.deep.equal([`${LOGIN_URL}?return=${encodeURIComponent(location.href)}`]);
  });

  it('in English', async () => {
    const setup = await mockBackend();
    setup.backend.setFault('load', 'unauthorized');
    const adapter = new RestAdapter({ baseUrl: setup.apiBase, loginUrl: LOGIN_URL });
    const el = await fixture<HTMLElement>(html`<sel-redlist lang="en" .adapter=${adapter}></sel-redlist>`);
    const alert = await waitFor(() => byRole(el, 'alert'), 8000);
    expect(visibleText(alert)).to.contain('You must log in to the “Mon compte” service');
    button(el, 'Log in');
    await expect(el).to.be.accessible();
  });
});

describe('without a login named by the adapter, or another failure', () => {
  sectionTestSetup();

  it('an adapter without loginUrl says to log in to the portal again, with « Réessayer », as before', async () => {
    const setup = await mockBackend();
    const { root, sections } = await failedWithoutSession(setup, undefined);
    expect(visibleText(byRole(sections[0]!, 'alert'))).to.contain('Votre session a expiré. Reconnectez-vous à l');
    expect(queryByRole(root, 'button', 'Se connecter')).to.equal(null);
    expect(queryAllByRole(root, 'button', 'Réessayer')).to.have.length(1);
    await waitFor(() => expect(visibleText(sections[1]!)).to.contain('« Réessayer » de la section'));
  });

  it('a failure other than the session, with a loginUrl: « Réessayer », no login', async () => {
    const setup = await mockBackend();
    setup.backend.setFault('load', 'server');
    const { root } = await portalPage(setup, LOGIN_URL);
    await waitFor(() => expect(queryAllByRole(root, 'button', 'Réessayer')).to.have.length(1), 8000);
    expect(queryByRole(root, 'button', 'Se connecter')).to.equal(null);
  });
});
