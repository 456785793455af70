// `npm run test:integration`: the packed package in the applications portals build. Each fixture under
// test/integration/<name>/ is a minimal application with its own lockfile that installs the tarball made by
// `npm run check:package` (not the source). For each one: install with `npm ci`, type-check with the
// framework's own checker, build, serve the result beside the mock backend over real HTTP, and use it in
// Chromium as a person would: the four elements render the account from one GET, a save works, and
// `sel-saved` / `sel-unauthorized` reach the framework's own handlers.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startIntegrationServer } from './integration-server.mjs';
import { launchChromium } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const TIMEOUT_MS = 30_000;
const TAGS = ['sel-general-info', 'sel-phones', 'sel-redlist', 'sel-password-change'];

/**
 * `checker`: what its `npm run typecheck` runs; `served`: what the browser loads (builds, or the page as
 * it is); `backend`: how the page gives the elements their backend, the framework setting the `adapter`
 * property, or the plain page's `api-base` attribute.
 */
const FIXTURES = [
  {
    name: 'react',
    checker: 'tsc',
    backend: 'property',
    served: [
      { label: 'production build', folder: 'dist' },
      // Strict mode mounts twice in development only: `mounts` is what the application counted.
      { label: 'development build, strict mode', folder: 'dist-dev', mounts: '2' },
    ],
  },
  { name: 'vue', checker: 'vue-tsc', backend: 'property', served: [{ label: 'production build', folder: 'dist' }] },
  {
    name: 'svelte',
    checker: 'svelte-check',
    backend: 'property',
    served: [{ label: 'production build', folder: 'dist' }],
  },
  {
    name: 'plain',
    backend: 'api-base',
    served: [{ label: 'the page as it is', folder: '.' }],
    assets: 'node_modules/sel-widgets/dist',
  },
];
const only = process.env.SEL_FIXTURES?.split(',');
const timings = [];
// Type checks and builds take the CPU; installs mostly wait on the disk. On two cores, two at a time.
const CPU_SLOTS = 2;

function run(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      timings.push([`${cwd.slice(root.length)}: ${command} ${args.join(' ')}`, Date.now() - started]);
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code} in ${cwd}:\n${output}`));
    });
  });
}

/** Runs `task` when one of CPU_SLOTS is free. */
const cpuQueue = [];
let cpuBusy = 0;
function withCpuSlot(task) {
  return new Promise((resolve, reject) => {
    cpuQueue.push(() =>
      task()
        .then(resolve, reject)
        .finally(() => {
          cpuBusy--;
          cpuQueue.shift()?.();
        }),
    );
    if (cpuBusy < CPU_SLOTS) {
      cpuBusy++;
      cpuQueue.shift()();
    }
  });
}

/**
 * Installs, type-checks and builds every fixture at once (each fixture's steps in order), so that one
 * fixture's install overlaps another's type check. Each step is its own promise: a test awaits the step it
 * reports on. Rejections are handled by the tests that await them.
 */
function prepare(fixture) {
  const dir = join(root, 'test/integration', fixture.name);
  const install = run('npm', ['ci', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund'], dir);
  const typecheck = fixture.checker
    ? install.then(() => withCpuSlot(() => run('npm', ['run', 'typecheck'], dir)))
    : install;
  const build = fixture.checker ? typecheck.then(() => withCpuSlot(() => run('npm', ['run', 'build'], dir))) : install;
  for (const step of [install, typecheck, build]) step.catch(() => {});
  return { install, typecheck, build };
}

const selected = FIXTURES.filter(({ name }) => !only || only.includes(name));
const steps = new Map();

let browser;
let chromium;
before(async () => {
  assert.ok(existsSync(join(root, 'test/integration/.pack/sel-widgets.tgz')), 'run npm run check:package first');
  for (const fixture of selected) steps.set(fixture.name, prepare(fixture));
  chromium = await launchChromium({ profilePrefix: 'sel-integration-' });
  browser = chromium.browser;
});
after(async () => {
  await chromium?.close();
  for (const [step, ms] of timings) console.log(`# ${(ms / 1000).toFixed(1).padStart(6)} s  ${step}`);
});

/** The text of an element's shadow root and light DOM, as one line. */
function textOf(page, tag) {
  return page.$eval(tag, (el) =>
    `${el.shadowRoot?.textContent ?? ''} ${el.textContent ?? ''}`.replace(/\s+/g, ' ').trim(),
  );
}

async function waitForText(page, tag, expected) {
  await page
    .waitForFunction(
      (selector, text) => {
        const el = document.querySelector(selector);
        return `${el?.shadowRoot?.textContent ?? ''} ${el?.textContent ?? ''}`.replace(/\s+/g, ' ').includes(text);
      },
      { timeout: TIMEOUT_MS, polling: 50 },
      tag,
      expected,
    )
    .catch(async () => assert.fail(`<${tag}> never showed "${expected}"; it shows: ${await textOf(page, tag)}`));
}

/** Clicks the control of `tag` that Chromium's accessibility tree names `name` with `role`. */
async function press(page, tag, role, name) {
  const host = await page.$(tag);
  const control = await host.waitForSelector(`::-p-aria([name="${name}"][role="${role}"])`, { timeout: TIMEOUT_MS });
  await control.click();
}

async function outputText(page, id, expected) {
  await page
    .waitForFunction(
      (selector, text) => document.querySelector(selector)?.textContent?.trim() === text,
      {
        timeout: TIMEOUT_MS,
        polling: 50,
      },
      `#${id}`,
      expected,
    )
    .catch(async () => {
      const shown = await page.$eval(`#${id}`, (node) => node.textContent);
      const sections = await Promise.all(TAGS.map((tag) => textOf(page, tag)));
      assert.fail(
        `the application's #${id} shows "${shown}", expected "${expected}"; the page: ${sections.join(' | ')}`,
      );
    });
}

for (const fixture of selected) {
  const dir = join(root, 'test/integration', fixture.name);
  describe(`${fixture.name} application`, () => {
    before(async () => {
      await steps.get(fixture.name).install;
    });

    test('installs the packed tarball, not the source', () => {
      const installed = join(dir, 'node_modules/sel-widgets');
      assert.ok(existsSync(join(installed, 'dist/sel-widgets.js')), 'dist/ is installed');
      assert.ok(!existsSync(join(installed, 'src')), 'no source in the installed package');
      const own = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      assert.match(own.dependencies['sel-widgets'], /^file:\.\.\/\.pack\/sel-widgets\.tgz$/);
    });

    if (fixture.checker) {
      test(`type-checks with ${fixture.checker}, with no declaration file of its own`, async () => {
        await steps.get(fixture.name).typecheck;
      });
      test('builds with Vite', async () => {
        await steps.get(fixture.name).build;
      });
    }

    const configured = fixture.backend === 'property' ? 'the adapter set as a property' : 'the api-base attribute';
    for (const variant of fixture.served) {
      describe(variant.label, () => {
        let server;
        let context;
        let page;
        const pageProblems = [];
        after(async () => {
          await context?.close();
          await server?.close();
        });

        test(`the four elements render the account from one GET, configured by ${configured}`, async () => {
          await steps.get(fixture.name).build; // never a stale build of an earlier run
          server = await startIntegrationServer({
            routes: {
              '/': join(dir, variant.folder),
              ...(fixture.assets && { '/assets/sel-widgets/': join(dir, fixture.assets) }),
            },
          });
          context = await browser.createBrowserContext();
          page = await context.newPage();
          page.on('console', (message) => {
            if (message.type() === 'error') pageProblems.push(`console error: ${message.text()}`);
          });
          page.on('response', (response) => {
            if (response.status() >= 400) pageProblems.push(`HTTP ${response.status()} for ${response.url()}`);
          });
          page.on('pageerror', (error) => pageProblems.push(`uncaught: ${error.message}`));
          await page.goto(server.url, { waitUntil: 'load', timeout: TIMEOUT_MS });
          // The application's modules have run by the load event: a tag still unknown was dropped by its bundler.
          const undefinedTags = await page.evaluate((tags) => tags.filter((tag) => !customElements.get(tag)), TAGS);
          assert.deepEqual(undefinedTags, [], 'tags left undefined after the application loaded');
          await waitForText(page, 'sel-general-info', 'Claire Martin');
          await waitForText(page, 'sel-phones', '05 49 45 49 99');
          await waitForText(page, 'sel-redlist', "Vous apparaissez dans l'annuaire public");
          await waitForText(page, 'sel-password-change', 'Changer de mot de passe');
          await page.waitForNetworkIdle({ idleTime: 300, timeout: TIMEOUT_MS });
          if (variant.mounts) {
            const mounts = await page.evaluate(() => document.body.dataset.mounts);
            assert.equal(mounts, variant.mounts, 'how many times the application mounted');
          }
          const elements = await page.evaluate(
            (tags) =>
              tags.map((tag) => {
                const el = document.querySelector(tag);
                return {
                  tag,
                  adapterAttribute: el.getAttribute('adapter'),
                  adapterProperty: typeof el.adapter?.getAccount === 'function',
                  apiBase: el.getAttribute('api-base'),
                };
              }),
            TAGS,
          );
          for (const { tag, adapterAttribute, adapterProperty, apiBase } of elements) {
            assert.equal(adapterAttribute, null, `<${tag}> got the adapter as an attribute`);
            if (fixture.backend === 'property') {
              assert.ok(adapterProperty, `<${tag}> has the application's adapter as its property`);
              assert.equal(apiBase, null, `<${tag}> is configured by its property alone`);
            } else {
              assert.equal(apiBase, '/api/sel', `<${tag}> is configured by its api-base attribute`);
            }
          }
          assert.equal(server.backend.calls.load, 1, 'one GET /account for the four elements');
        });

        test("a save works, and sel-saved reaches the application's own handler", async () => {
          await press(page, 'sel-redlist', 'button', 'Modifier… (liste rouge)');
          await press(page, 'sel-redlist', 'radio', 'Non');
          await press(page, 'sel-redlist', 'button', 'Valider');
          await outputText(page, 'saved', 'redList');
          assert.equal(server.backend.account.redList, true, 'the backend stored the choice');
          assert.equal(server.backend.calls.save, 1);
        });

        test("sel-unauthorized reaches the application's own handler once", async () => {
          server.backend.setFault('save', 'unauthorized');
          await press(page, 'sel-redlist', 'button', 'Modifier… (liste rouge)');
          await press(page, 'sel-redlist', 'radio', 'Oui');
          await press(page, 'sel-redlist', 'button', 'Valider');
          await outputText(page, 'unauthorized', '1');
          await page.waitForNetworkIdle({ idleTime: 300, timeout: TIMEOUT_MS });
          assert.equal(await page.$eval('#unauthorized', (node) => node.textContent?.trim()), '1');
          assert.equal(server.backend.calls.load, 1, 'still the one GET of the page load');
          // The refused save is the one expected failure: the browser reports its 401 in the console.
          const unexpected = pageProblems.filter(
            (problem) => !/401 \(Unauthorized\)/.test(problem) && !/^HTTP 401 for .*\/api\/sel\/account$/.test(problem),
          );
          assert.deepEqual(unexpected, [], 'no error on the page');
        });
      });
    }
  });
}
