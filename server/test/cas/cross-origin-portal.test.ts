/**
 * The elements on a portal's page served from another origin than the server, as a portal sets them up:
 * its own copy of `dist/`, `configure()` run after the elements are defined, a `RestAdapter` with
 * `credentials: 'include'` and the server's `loginUrl`; the server in `cas` mode in front of a private
 * LemonLDAP::NG, with the portal's origin in `SEL_ALLOWED_ORIGINS`. Both on 127.0.0.1, on two ports: two
 * origins of one site, as `ent.univ-exemple.fr` and `moncompte.univ-exemple.fr` are, so the session cookie
 * (SameSite=Lax) goes with the portal's requests.
 *
 * Before any session on the server, the sections offer « Se connecter »; the login opens in a popup on the
 * CAS form, the popup closes by itself once logged in, and the account shows; a save works cross-origin.
 * Without a `loginUrl`, the sections say what they said before.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { control, launchChromium, recordingPage } from '../e2e/chromium.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { dwhoSeed, startLemonLdap, type RunningLemonLdap } from '../support/lemonldap.js';

/** The library as `npm run build:standalone` writes it: the portal serves a copy of this folder. */
const DIST = fileURLToPath(new URL('../../../dist/', import.meta.url));
const TAGS = ['sel-general-info', 'sel-phones', 'sel-redlist', 'sel-password-change'];

let cas: RunningLemonLdap;
let server: TestServer;
let portal: Server;
let portalUrl: string;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let browser: Browser;

/** The portal's page: the module first, then the portal's own script, which configures the elements. */
function portalPage(script: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>ENT</title>
<script type="module" src="/sel-widgets/sel-widgets.js"></script>
<script type="module" src="${script}"></script>
</head>
<body>
<main>
<h1>Mon compte</h1>
${TAGS.map((tag) => `<${tag}></${tag}>`).join('\n')}
</main>
</body>
</html>
`;
}

/** The portal's script: the server allowed by origin, its API with the session cookie, and its login if given. */
function portalScript(withLogin: boolean): string {
  const login = withLogin ? `, loginUrl: server + '/auth/login'` : '';
  return `import { configure, RestAdapter } from '/sel-widgets/sel-widgets.js';
const server = ${JSON.stringify(server.url)};
configure({
  allowedOrigins: [server],
  adapter: new RestAdapter({ baseUrl: server + '/api', credentials: 'include'${login} }),
});
`;
}

/** A plain Node server on another port: `/` (with `loginUrl`), `/without-login`, and its copy of `dist/`. */
async function startPortal(): Promise<void> {
  portal = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://portal').pathname;
    const send = (type: string, body: string | Buffer) =>
      response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
    if (path === '/') return send('text/html; charset=utf-8', portalPage('/portal.js'));
    if (path === '/without-login') return send('text/html; charset=utf-8', portalPage('/portal-without-login.js'));
    if (path === '/portal.js') return send('text/javascript', portalScript(true));
    if (path === '/portal-without-login.js') return send('text/javascript', portalScript(false));
    // The browser asks for it; a 404 would be a console error on the page.
    if (path === '/favicon.ico') return void response.writeHead(204).end();
    const file = /^\/sel-widgets\/([\w.-]+\.js)$/.exec(path)?.[1];
    if (file && existsSync(join(DIST, file))) {
      return void readFile(join(DIST, file)).then((body) => send('text/javascript', body));
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
  const address = portal.address();
  assert.ok(address && typeof address === 'object');
  portalUrl = `http://127.0.0.1:${address.port}`;
}

/** The text of an element, its shadow root's and its light DOM's, spaces (non-breaking ones too) folded. */
const textOf = async (page: Page, tag: string) =>
  (await page.$eval(tag, (element) => `${element.shadowRoot?.textContent ?? ''} ${element.textContent ?? ''}`)).replace(
    /\s+/g,
    ' ',
  );

/** Console errors other than the browser's line for the API's 401 before the login, which is the point. */
function unexpected(problems: string[]): string[] {
  return problems.filter(
    (problem) => !/Failed to load resource: the server responded with a status of 401/.test(problem),
  );
}

before(async () => {
  assert.ok(
    existsSync(join(DIST, 'sel-widgets.js')),
    'dist/sel-widgets.js is not built: run "npm run build:standalone" first',
  );
  cas = await startLemonLdap();
  await startPortal();
  server = await startTestServer(
    {
      SEL_AUTH: 'cas',
      SEL_CAS_URL: cas.casUrl,
      SEL_SESSION_KEYS: 'a-session-key-for-the-cross-origin-portal-test-only',
      SEL_ALLOWED_ORIGINS: portalUrl,
    },
    { seed: await dwhoSeed() },
  );
  chromium = await launchChromium();
  browser = chromium.browser;
});

after(async () => {
  await chromium?.close();
  await server?.close();
  await cas?.stop();
  await new Promise((resolve) => portal?.close(resolve));
});

describe('the elements on a portal on another origin, the server behind CAS', () => {
  it('without a loginUrl, the sections say as before that the session has expired, with « Réessayer »', async () => {
    // A browser context of its own: no session on the server, whatever ran before.
    const context = await browser.createBrowserContext();
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      await page.goto(`${portalUrl}/without-login`, { waitUntil: 'load' });
      await control(page, 'sel-general-info', 'button', 'Réessayer');
      assert.match(await textOf(page, 'sel-general-info'), /Votre session a expiré. Reconnectez-vous à l'ENT/);
      for (const tag of TAGS) {
        assert.doesNotMatch(await textOf(page, tag), /Se connecter/, tag);
      }
      assert.deepEqual(unexpected(problems), []);
    } finally {
      await context.close();
    }
  });

  it('offers « Se connecter »; the popup logs in on the CAS form and closes; the account shows; a save works', async () => {
    const { page, problems, violations } = await recordingPage(browser);
    await page.goto(`${portalUrl}/`, { waitUntil: 'load' });
    const logIn = await control(page, 'sel-general-info', 'button', 'Se connecter');
    assert.match(await textOf(page, 'sel-general-info'), /Vous devez vous connecter au service « Mon compte »/);
    for (const tag of TAGS.slice(1)) {
      assert.match(await textOf(page, tag), /bouton « Se connecter » de la section « Informations générales »/);
    }
    // configure() ran after the elements were defined: no section said it had no backend.
    assert.deepEqual(unexpected(problems), []);

    const popupOpened = new Promise<Page | null>((resolve) => page.once('popup', resolve));
    await logIn.click();
    const popup = await popupOpened;
    assert.ok(popup, 'no popup opened');
    const visited: string[] = [];
    popup.on('framenavigated', (frame) => {
      if (frame === popup.mainFrame()) visited.push(frame.url());
    });
    const closed = new Promise<void>((resolve) => popup.once('close', () => resolve()));
    await popup.waitForSelector('#lform', { timeout: 20_000 });
    assert.equal(new URL(popup.url()).origin, new URL(cas.portalUrl).origin, `on the CAS form, not ${popup.url()}`);
    await popup.type('#userfield', 'dwho');
    await popup.type('#passwordfield', 'dwho');
    await popup.click('#lform button[type="submit"]');
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      closed,
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`the popup did not close; it went to ${visited.join(' → ')}`)),
          20_000,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    assert.ok(
      visited.some((url) => url === `${server.url}/auth/done`),
      `the login did not end on /auth/done: ${visited.join(' → ')}`,
    );

    // The page saw the popup close and loaded the account: the four sections show it.
    await page.waitForFunction(
      () => document.querySelector('sel-general-info')?.shadowRoot?.textContent?.includes('Doctor Who'),
      { timeout: 20_000 },
    );
    await control(page, 'sel-phones', 'button', 'Modifier… (numéros de téléphone)');
    await control(page, 'sel-redlist', 'button', 'Modifier… (liste rouge)');
    await control(page, 'sel-password-change', 'button', 'Changer de mot de passe…');
    for (const tag of TAGS) assert.doesNotMatch(await textOf(page, tag), /Se connecter|Réessayer/, tag);

    // A save from the portal's origin: the CSRF token is the one the API's GET exposed.
    assert.equal((await server.store.get('dwho'))!.account.redList, false);
    const patches: { url: string; headers: Record<string, string> }[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PATCH') patches.push({ url: request.url(), headers: request.headers() });
    });
    await (await control(page, 'sel-redlist', 'button', 'Modifier… (liste rouge)')).click();
    await (await control(page, 'sel-redlist', 'radio', 'Non')).click();
    await (await control(page, 'sel-redlist', 'button', 'Valider')).click();
    await page.waitForFunction(
      () => document.querySelector('sel-redlist')?.shadowRoot?.textContent?.includes('Votre choix est enregistré'),
      { timeout: 15_000 },
    );
    assert.equal((await server.store.get('dwho'))!.account.redList, true, 'the choice reached the store');
    assert.deepEqual(
      patches.map(({ url }) => url),
      [`${server.url}/api/account`],
    );
    assert.ok(patches[0]!.headers['x-csrf-token'], 'the PATCH carries the CSRF token');
    assert.deepEqual(unexpected(problems), []);
    assert.deepEqual(await violations(), []);
    await page.close();
  });
});
