/**
 * The four sections of a « Mon compte » page on one api-base share one account state: the page asks for
 * the account once, and a save in one section reaches the others from its own answer. A PATCH answers with
 * the account and its new version, so nothing asks for the account again; a password change answers 204
 * without it, so the one GET after it is the refresh of the date of the change that other sections show.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/index.js';
import type { SelGeneralInfo, SelPasswordChange, SelPhones, SelRedlist } from '../../../src/index.js';
import { DEMO_PASSWORD, demoAccount } from '../../../src/mocks/demo-account.js';
import { mockBackend, type TestBackend } from '../../helpers/mock-backend.js';
import { visibleText, waitFor } from '../../helpers/queries.js';
import { redlistSays, saveRedListed } from '../../helpers/redlist-harness.js';
import { button, fill, pause, press, requestsOf, sectionTestSetup, textbox } from '../../helpers/section.js';

const NEW_SITE = 'https://perso.univ-exemple.fr/claire';
const NEW_PASSWORD = 'Velo-Rouge-Tuba-93!';
/** A year no other text of the page holds: where it is shown, the account's date of password change is. */
const CHANGED_IN = '2019';

/** The page: the four sections, in the order of the « Mon compte » page, on one api-base; each loaded. */
async function accountPage(setup: TestBackend) {
  const root = await fixture<HTMLElement>(
    html`<main>
      <sel-general-info api-base=${setup.apiBase}></sel-general-info>
      <sel-phones api-base=${setup.apiBase}></sel-phones>
      <sel-redlist api-base=${setup.apiBase}></sel-redlist>
      <sel-password-change api-base=${setup.apiBase}></sel-password-change>
    </main>`,
  );
  const info = root.querySelector<SelGeneralInfo>('sel-general-info')!;
  const phones = root.querySelector<SelPhones>('sel-phones')!;
  const redlist = root.querySelector<SelRedlist>('sel-redlist')!;
  const password = root.querySelector<SelPasswordChange>('sel-password-change')!;
  // Each section shows its part of the one account.
  await waitFor(() => {
    expect(visibleText(info)).to.contain('Claire Martin');
    expect(visibleText(info)).to.contain(CHANGED_IN);
    expect(visibleText(phones)).to.match(/49\s?99/);
    expect(visibleText(redlist)).to.contain("Vous apparaissez dans l'annuaire public");
    expect(visibleText(password)).to.contain(CHANGED_IN);
    button(password, 'Changer de mot de passe…');
  }, 8000);
  return { info, phones, redlist, password };
}

describe('four sections on one api-base', () => {
  sectionTestSetup();

  it('make one GET of the account, shared while it is on its way, and all four show it', async () => {
    // Slow enough for every section to ask while the GET is on its way.
    const setup = await mockBackend({
      latencyMs: 150,
      account: { ...demoAccount(), passwordChangedAt: `${CHANGED_IN}-06-15T09:30:00Z` },
    });
    await accountPage(setup);
    expect(requestsOf(setup, 'GET')).to.have.length(1);
  });

  it('a save in one reaches the others from its answer: no second GET, and the next save carries its version', async () => {
    const setup = await mockBackend({
      account: { ...demoAccount(), passwordChangedAt: `${CHANGED_IN}-06-15T09:30:00Z` },
    });
    const { info, redlist } = await accountPage(setup);
    await saveRedListed(redlist);
    await redlistSays(redlist, 'Votre choix est enregistré');
    // « Informations générales » saves next, with the version the liste rouge's PATCH answered.
    await press(info, 'Modifier… (site web)');
    await fill(info, await waitFor(() => textbox(info, 'Site web')), NEW_SITE);
    await press(info, 'Valider');
    await waitFor(() => expect(visibleText(info)).to.contain('enregistré'), 5000);
    expect(visibleText(info)).not.to.contain('modifié ailleurs');
    expect(requestsOf(setup, 'PATCH').map((request) => request.headers.get('If-Match'))).to.deep.equal(['"1"', '"2"']);
    expect(visibleText(redlist), 'the website PATCH answer kept the liste rouge').to.contain(
      'inscrit(e) en liste rouge',
    );
    expect(requestsOf(setup, 'GET')).to.have.length(1);
    const { account } = await setup.backend.getAccount();
    expect([account.redList, account.website]).to.deep.equal([true, NEW_SITE]);
  });

  it('a password change: its 204 holds no account, so one GET brings the new date to the other sections', async () => {
    const setup = await mockBackend({
      account: { ...demoAccount(), passwordChangedAt: `${CHANGED_IN}-06-15T09:30:00Z` },
    });
    const { info, password } = await accountPage(setup);
    await press(password, 'Changer de mot de passe…');
    await fill(password, await waitFor(() => textbox(password, 'Ancien mot de passe')), DEMO_PASSWORD);
    await fill(password, textbox(password, 'Nouveau mot de passe'), NEW_PASSWORD);
    await fill(password, textbox(password, 'Confirmation du nouveau mot de passe'), NEW_PASSWORD);
    await press(password, 'Valider');
    await waitFor(() => expect(visibleText(password)).to.contain('Votre mot de passe a été changé'), 8000);
    await waitFor(() => expect(visibleText(info)).not.to.contain(CHANGED_IN), 5000);
    // Nothing more after that one refresh.
    await pause(300);
    expect(requestsOf(setup, 'POST')).to.have.length(1);
    expect(requestsOf(setup, 'GET')).to.have.length(2);
  });
});
