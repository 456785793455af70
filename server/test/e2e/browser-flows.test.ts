/**
 * End to end in Chromium through the real server: the page under its strict CSP, each section's main flow
 * (website saved, phone added, liste rouge changed, password changed), and faults only a real server
 * produces (412 from a change made elsewhere, 422 for a wrong current password, 429 after too many).
 * Controls are found by role and accessible name, as a person finds them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { control, launchChromium, recordingPage, replaceText, type RecordingPage } from './chromium.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/test-server.js';
import { verifyPassword } from '../../src/store/file/password-hash.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const NEW_PASSWORD = 'Velo-Rouge-Tuba-93!';

let server: TestServer;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let tab: RecordingPage;

before(async () => {
  server = await startTestServer({ SEL_PASSWORD_MAX_FAILURES: '2' });
  chromium = await launchChromium();
  tab = await recordingPage(chromium.browser);
  await tab.page.goto(`${server.url}/`, { waitUntil: 'load' });
  await waitForAccount(tab.page);
});
after(async () => {
  await chromium?.close();
  await server?.close();
});

async function waitForAccount(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      ['sel-general-info', 'sel-phones', 'sel-redlist', 'sel-password-change'].every((tag) => {
        const root = document.querySelector(tag)?.shadowRoot;
        return root?.querySelector('button, [role="button"]') && !root.textContent?.includes('Chargement');
      }) && document.querySelector('sel-general-info')?.shadowRoot?.textContent?.includes('cmartin'),
    { polling: 100 },
  );
}

async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) assert.fail(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const stored = async () => (await server.store.get('cmartin'))!.account;

describe('the « Mon compte » page in Chromium', () => {
  it('loads the four sections under the strict CSP, without any violation or console error', async () => {
    assert.deepEqual(await tab.violations(), []);
    assert.deepEqual(tab.problems, []);
    assert.equal(await tab.page.title(), 'Mon compte');
  });

  it('saves the website', async () => {
    await (await control(tab.page, 'sel-general-info', 'button', 'Modifier… (site web)')).click();
    await replaceText(
      tab.page,
      await control(tab.page, 'sel-general-info', 'textbox', 'Site web'),
      'https://perso.example.org/claire',
    );
    await (await control(tab.page, 'sel-general-info', 'button', 'Valider')).click();
    await until(stored, (account) => account.website === 'https://perso.example.org/claire', 'website stored');
    await tab.page.waitForFunction(() =>
      document.querySelector('sel-general-info')?.shadowRoot?.textContent?.includes('perso.example.org/claire'),
    );
  });

  it('adds a phone, stored in E.164', async () => {
    await (await control(tab.page, 'sel-phones', 'button', 'Modifier… (numéros de téléphone)')).click();
    await (await control(tab.page, 'sel-phones', 'button', 'Ajouter un numéro')).click();
    // Focus moves into the new row's field: type there, as a person would.
    await tab.page.keyboard.type('06 11 22 33 44');
    await (await control(tab.page, 'sel-phones', 'button', 'Valider')).click();
    const account = await until(stored, (value) => value.phones.length === 3, 'phone stored');
    assert.ok(
      account.phones.some((phone) => phone.number === '+33611223344'),
      JSON.stringify(account.phones),
    );
  });

  it('changes the liste rouge', async () => {
    await (await control(tab.page, 'sel-redlist', 'button', 'Modifier… (liste rouge)')).click();
    await (await control(tab.page, 'sel-redlist', 'radio', 'Non')).click();
    await (await control(tab.page, 'sel-redlist', 'button', 'Valider')).click();
    await until(stored, (account) => account.redList, 'liste rouge stored');
  });

  it('says the account changed elsewhere (412), keeps what was typed, and saves after the reload', async () => {
    await (await control(tab.page, 'sel-general-info', 'button', 'Modifier… (site web)')).click();
    const field = await control(tab.page, 'sel-general-info', 'textbox', 'Site web');
    await replaceText(tab.page, field, 'https://perso.example.org/typed');
    const current = (await server.store.get('cmartin'))!;
    await server.store.update('cmartin', { redList: false }, current.version);
    await (await control(tab.page, 'sel-general-info', 'button', 'Valider')).click();
    const generalInfo = await tab.page.$('sel-general-info');
    assert.ok(generalInfo);
    await generalInfo.waitForSelector('::-p-aria([role="alert"])');
    assert.equal(await field.evaluate((input) => (input as HTMLInputElement).value), 'https://perso.example.org/typed');
    assert.equal((await stored()).website, 'https://perso.example.org/claire');
    await (await control(tab.page, 'sel-general-info', 'button', 'Valider')).click();
    await until(stored, (account) => account.website === 'https://perso.example.org/typed', 'saved after the 412');
  });

  it('marks a wrong current password (422), then limits the attempts (429)', async () => {
    await (await control(tab.page, 'sel-password-change', 'button', 'Changer de mot de passe…')).click();
    const current = await control(tab.page, 'sel-password-change', 'textbox', 'Ancien mot de passe');
    await (await control(tab.page, 'sel-password-change', 'textbox', 'Nouveau mot de passe')).type(NEW_PASSWORD);
    await (
      await control(tab.page, 'sel-password-change', 'textbox', 'Confirmation du nouveau mot de passe')
    ).type(NEW_PASSWORD);
    const submit = await control(tab.page, 'sel-password-change', 'button', 'Valider');
    const statuses: number[] = [];
    // The threshold is two wrong current passwords: the third attempt is refused without being checked.
    for (const wrong of ['Pas-le-bon-2026!', 'Encore-faux-2026!', 'Toujours-faux-2026!']) {
      await replaceText(tab.page, current, wrong);
      const answer = tab.page.waitForResponse((response) => response.url().endsWith('/api/account/password'));
      await submit.click();
      statuses.push((await answer).status());
      if (statuses.length === 1) {
        await until(
          () => current.evaluate((input) => input.getAttribute('aria-invalid')),
          (value) => value === 'true',
          'field marked',
        );
      }
    }
    assert.deepEqual(statuses, [422, 422, 429]);
    await until(
      () =>
        submit.evaluate(
          (button) => (button as HTMLButtonElement).disabled || button.getAttribute('aria-disabled') === 'true',
        ),
      (value) => value,
      '« Valider » disabled after 429',
    );
  });

  it('changes the password; the new one is the only one that works', async () => {
    await server.sharedState.reset('password-attempts:cmartin');
    await tab.page.reload({ waitUntil: 'load' });
    await waitForAccount(tab.page);
    await (await control(tab.page, 'sel-password-change', 'button', 'Changer de mot de passe…')).click();
    await (await control(tab.page, 'sel-password-change', 'textbox', 'Ancien mot de passe')).type(DEMO_PASSWORD);
    await (await control(tab.page, 'sel-password-change', 'textbox', 'Nouveau mot de passe')).type(NEW_PASSWORD);
    await (
      await control(tab.page, 'sel-password-change', 'textbox', 'Confirmation du nouveau mot de passe')
    ).type(NEW_PASSWORD);
    await (await control(tab.page, 'sel-password-change', 'button', 'Valider')).click();
    const readHash = async () =>
      (JSON.parse(await readFile(join(server.dataDir, 'accounts', 'cmartin.json'), 'utf8')) as { passwordHash: string })
        .passwordHash;
    await until(async () => verifyPassword(NEW_PASSWORD, await readHash()), Boolean, 'new password stored');
    const record = JSON.parse(await readFile(join(server.dataDir, 'accounts', 'cmartin.json'), 'utf8')) as {
      passwordHash: string;
    };
    assert.equal(await verifyPassword(DEMO_PASSWORD, record.passwordHash), false);
    await tab.page.waitForFunction(() =>
      [...document.querySelectorAll('sel-password-change input[type="password"]')].every(
        (input) => (input as HTMLInputElement).value === '',
      ),
    );
    assert.deepEqual(await tab.violations(), [], 'no CSP or Trusted Types violation, strength worker included');
  });
});
